import type { Core } from '@strapi/strapi';
import { ORGANISATION_USER_UID, type OrganisationRole } from '../access/organisation-user';
import { readDataFile } from './data-files';
import { requireKey } from './upsert';
import { cmsSettings } from '../settings';
import { adminUserService } from '../strapi/services';

type DemoAccount = {
  email: string;
  firstname: string;
  lastname: string;
  role: string;
  organisationSlug?: string;
};

/** Demo accounts of every role, active, with DEMO_PASSWORD; skipped without one. */
export const seedDemoAccounts = async (
  strapi: Core.Strapi,
  roleIds: Map<string, number>,
  organisations: Map<string, { documentId: string }>,
): Promise<{ created: number }> => {
  const password = cmsSettings().seed.demoPassword;
  if (!password) return { created: 0 };
  let created = 0;
  for (const account of readDataFile<DemoAccount[]>(strapi, 'demo', 'accounts.json')) {
    if (await strapi.db.query('admin::user').findOne({ where: { email: account.email } })) continue;
    const user = (await adminUserService(strapi).create({
      email: account.email,
      firstname: account.firstname,
      lastname: account.lastname,
      password,
      isActive: true,
      registrationToken: null,
      preferedLanguage: 'it',
      roles: [requireKey(roleIds, account.role, 'role')],
    })) as { id: number };
    if (account.organisationSlug) {
      await strapi.documents(ORGANISATION_USER_UID).create({
        data: {
          adminUser: user.id,
          organisation: requireKey(organisations, account.organisationSlug, 'organisation').documentId,
          role: account.role as OrganisationRole,
        },
      } as never);
    }
    created += 1;
  }
  return { created };
};
