import type { Core } from '@strapi/strapi';

export const CMS_ROLES = ['all', 'web', 'worker'] as const;
export type CmsRole = (typeof CMS_ROLES)[number];

export const parseRole = (value: unknown): CmsRole => {
  const role = typeof value === 'string' && value.trim() !== '' ? value.trim() : 'all';
  if (!(CMS_ROLES as readonly string[]).includes(role)) {
    throw new Error(`CMS_ROLE must be one of ${CMS_ROLES.join(', ')}, not "${role}"`);
  }
  return role as CmsRole;
};

export const cmsRole = (strapi: Core.Strapi): CmsRole => parseRole(strapi.config.get('cluster.role'));

/** Web instances serve the admin and the API. */
export const servesRequests = (role: CmsRole): boolean => role !== 'worker';

/** Worker instances deliver e-mails, apply index updates and reconcile the indexes at start. */
export const runsWorkers = (role: CmsRole): boolean => role !== 'web';

export const instanceName = (strapi: Core.Strapi): string => String(strapi.config.get('cluster.instanceName'));

export const leaseMs = (strapi: Core.Strapi): number => Number(strapi.config.get('cluster.leaseSeconds') ?? 30) * 1000;

export const isPostgres = (strapi: Core.Strapi): boolean => strapi.db.dialect.client === 'postgres';
