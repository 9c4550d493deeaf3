import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::funding-source.funding-source');
