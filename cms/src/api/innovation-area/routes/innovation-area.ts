import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::innovation-area.innovation-area');
