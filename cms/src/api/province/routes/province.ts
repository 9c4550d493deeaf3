import { factories } from '@strapi/strapi';
import { publicView } from '../../../access/public-view';

export default factories.createCoreRouter('api::province.province', {
  config: {
    find: { middlewares: [publicView.provinces()] },
    findOne: { middlewares: [publicView.provinces()] },
  },
});
