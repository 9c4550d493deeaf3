import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::consortium-service.consortium-service');
