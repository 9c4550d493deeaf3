import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::practice-card.practice-card');
