import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::province.province', {
  config: publicRoutes('api::province.province'),
});
