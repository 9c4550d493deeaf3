import { factories } from '@strapi/strapi';
import { publicView } from '../../../access/public-view';

export default factories.createCoreRouter('api::partner-category.partner-category', {
  config: {
    find: { middlewares: [publicView.plain()] },
    findOne: { middlewares: [publicView.plain()] },
  },
});
