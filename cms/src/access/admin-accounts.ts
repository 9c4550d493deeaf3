import type { Core } from '@strapi/strapi';

/** What the platform reads of an admin account. */
export type AdminAccount = { email: string; firstname?: string | null; lastname?: string | null };

/** The name people see for an account: first and last name, or its e-mail when it has none. */
export const displayName = (account: AdminAccount): string =>
  [account.firstname, account.lastname].filter(Boolean).join(' ') || account.email;

/** The link an invited account follows to choose its password. */
export const registrationLink = (strapi: Core.Strapi, registrationToken: string): string =>
  `${strapi.config.get<string>('server.url')}/admin/auth/register?registrationToken=${registrationToken}`;
