import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::consortium-service.consortium-service');
