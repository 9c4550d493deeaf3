import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::practice-card.practice-card');
