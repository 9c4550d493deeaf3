import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::service-area.service-area', {
  config: publicRoutes('api::service-area.service-area'),
});
