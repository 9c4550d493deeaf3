import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::consortium-service.consortium-service');
