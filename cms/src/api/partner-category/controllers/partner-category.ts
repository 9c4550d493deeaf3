import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::partner-category.partner-category');
