import { factories } from '@strapi/strapi';
import { publicView } from '../../../access/public-view';

export default factories.createCoreRouter('api::region.region', {
  config: {
    find: { middlewares: [publicView.plain()] },
    findOne: { middlewares: [publicView.plain()] },
  },
});
