import type { Core } from '@strapi/strapi';

export const ORGANISATION_USER_UID = 'api::organisation-user.organisation-user';

export type OrganisationRole = 'Responsabile' | 'Operatore' | 'Lettore';
export type Membership = { organisation: string; role: OrganisationRole };

const findMembership = async (strapi: Core.Strapi, adminUserId: number | string): Promise<Membership | null> => {
  const row = (await strapi.db.query(ORGANISATION_USER_UID).findOne({
    where: { adminUser: { id: adminUserId } },
    populate: { organisation: { select: ['documentId'] } },
  })) as { role: OrganisationRole; organisation: { documentId: string } | null } | null;
  return row?.organisation ? { organisation: row.organisation.documentId, role: row.role } : null;
};

// Every conditioned permission asks when a request builds the user's abilities: one query per request is enough.
const perRequest = new WeakMap<object, Map<string, Promise<Membership | null>>>();

/** The organisation an admin account works for, or null for network staff and curators. */
export const membershipOf = (strapi: Core.Strapi, adminUserId: number | string): Promise<Membership | null> => {
  const request = strapi.requestContext.get() as object | undefined;
  if (!request) return findMembership(strapi, adminUserId);
  const cache = perRequest.get(request) ?? new Map<string, Promise<Membership | null>>();
  perRequest.set(request, cache);
  const key = String(adminUserId);
  const found = cache.get(key) ?? findMembership(strapi, adminUserId);
  cache.set(key, found);
  return found;
};
