import { factories } from '@strapi/strapi';
import { publicView } from '../../../access/public-view';

export default factories.createCoreRouter('api::consortium-service.consortium-service', {
  config: {
    find: { middlewares: [publicView.consortiumServices()] },
    findOne: { middlewares: [publicView.consortiumServices()] },
  },
});
