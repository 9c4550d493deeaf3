import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::partner-category.partner-category');
