import type { Core } from '@strapi/strapi';
import type { SurfaceRole } from './admin-surface';
import { membershipOf, type Membership } from './organisation-user';
import type { RequestAdminUser } from './request-user';
import { CURATOR, holdsRole, NETWORK_STAFF } from './roles';

/**
 * Who an admin account is to the platform: network staff (and the super admin) reach everything,
 * an organisation's account works inside its organisation, a curator works on every card.
 */
export type Actor =
  | { kind: 'staff' }
  | { kind: 'organisation'; role: SurfaceRole; membership: Membership }
  | { kind: 'curator'; role: SurfaceRole }
  | { kind: 'none' };

const rolesOf = async (strapi: Core.Strapi, user: RequestAdminUser): Promise<{ code: string; name: string }[]> => {
  if (user.roles) return user.roles;
  const account = (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] })) as {
    roles: { code: string; name: string }[];
  } | null;
  return account?.roles ?? [];
};

export const actorOf = async (strapi: Core.Strapi, user: RequestAdminUser): Promise<Actor> => {
  const roles = await rolesOf(strapi, user);
  if (holdsRole(roles, NETWORK_STAFF)) return { kind: 'staff' };
  // The organisation record is the source of truth: an admin role alone gives no organisation.
  const membership = await membershipOf(strapi, user.id);
  if (membership) return { kind: 'organisation', role: membership.role, membership };
  if (holdsRole(roles, CURATOR)) return { kind: 'curator', role: 'Curatore' };
  return { kind: 'none' };
};
