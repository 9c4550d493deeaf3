import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::partner-category.partner-category', {
  config: publicRoutes('api::partner-category.partner-category'),
});
