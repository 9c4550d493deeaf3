import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::region.region', {
  config: publicRoutes('api::region.region'),
});
