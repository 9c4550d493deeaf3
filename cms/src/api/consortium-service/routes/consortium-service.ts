import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::consortium-service.consortium-service', {
  config: publicRoutes('api::consortium-service.consortium-service'),
});
