import type { Core } from '@strapi/strapi';
import { ensureSuperAdmin } from './bootstrap/super-admin';

export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureSuperAdmin(strapi);
  },
};
