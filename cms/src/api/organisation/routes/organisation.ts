import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::organisation.organisation', {
  config: publicRoutes('api::organisation.organisation'),
});
