import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::innovation-area.innovation-area');
