import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::practice-card.practice-card');
