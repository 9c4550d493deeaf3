import { factories } from '@strapi/strapi';
import { publicRoutes } from '../../../access/public-view';

export default factories.createCoreRouter('api::practice-card.practice-card', {
  config: publicRoutes('api::practice-card.practice-card'),
});
