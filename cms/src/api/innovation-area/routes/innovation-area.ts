import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::innovation-area.innovation-area', {
  config: publicRoutes('api::innovation-area.innovation-area'),
});
