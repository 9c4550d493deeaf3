import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::innovation-area.innovation-area');
