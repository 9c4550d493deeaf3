import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::organisation-user.organisation-user');
