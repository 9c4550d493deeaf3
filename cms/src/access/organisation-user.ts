import type { Core } from '@strapi/strapi';

export const ORGANISATION_USER_UID = 'api::organisation-user.organisation-user';

export type OrganisationRole = 'Responsabile' | 'Operatore' | 'Lettore';
export type Membership = { organisation: string; role: OrganisationRole };

/** The organisation an admin account works for, or null for network staff and curators. */
export const membershipOf = async (strapi: Core.Strapi, adminUserId: number | string): Promise<Membership | null> => {
  const row = (await strapi.db.query(ORGANISATION_USER_UID).findOne({
    where: { adminUser: { id: adminUserId } },
    populate: { organisation: { select: ['documentId'] } },
  })) as { role: OrganisationRole; organisation: { documentId: string } | null } | null;
  return row?.organisation ? { organisation: row.organisation.documentId, role: row.role } : null;
};
