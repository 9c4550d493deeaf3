import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::funding-source.funding-source', {
  config: publicRoutes('api::funding-source.funding-source'),
});
