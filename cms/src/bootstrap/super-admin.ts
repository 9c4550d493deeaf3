import type { Core } from '@strapi/strapi';
import { cmsSettings } from '../settings';
import { adminUserService } from '../strapi/services';

/**
 * Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD when the CMS has no admin yet.
 * Without them, the admin panel's own first-run form creates it.
 */
export const ensureSuperAdmin = async (strapi: Core.Strapi): Promise<void> => {
  const users = adminUserService(strapi);
  if (await users.exists()) return;

  const { email, password } = cmsSettings().admin;
  if (!email || !password) {
    strapi.log.warn(
      'No admin exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD, or open /admin to create the first super admin.',
    );
    return;
  }

  await users.createFirstAdmin({
    email,
    password,
    firstname: 'Amministratore',
    lastname: 'Rete',
    preferedLanguage: 'it',
  });
  strapi.log.info(`Created the first super admin ${email}`);
};
