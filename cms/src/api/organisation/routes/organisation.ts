import { factories } from '@strapi/strapi';
import { publicView } from '../../../access/public-view';

export default factories.createCoreRouter('api::organisation.organisation', {
  config: {
    find: { middlewares: [publicView.organisations()] },
    findOne: { middlewares: [publicView.organisations()] },
  },
});
