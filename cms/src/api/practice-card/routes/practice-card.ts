import { factories } from '@strapi/strapi';
import { publicView } from '../../../access/public-view';

export default factories.createCoreRouter('api::practice-card.practice-card', {
  config: {
    find: { middlewares: [publicView.practiceCards()] },
    findOne: { middlewares: [publicView.practiceCards()] },
  },
});
