import type { Core } from '@strapi/strapi';
import { adminLoginLimit } from '../limits/admin-login';

/** `global::admin-login-limit`: placed after `strapi::body` in `config/middlewares.ts`, it reads the e-mail. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => adminLoginLimit(strapi);
