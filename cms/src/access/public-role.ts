import type { Core } from '@strapi/strapi';
import { PUBLIC_READABLE } from './public-types';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/**
 * The platform has no end-user accounts (staff work in the admin, integrations use API tokens):
 * both users-permissions roles may only read what `public-types.ts` lists, so an account, had one
 * been created before sign-up was closed, can do no more than a visitor.
 */
const END_USER_ROLES = ['public', 'authenticated'];

const syncRole = async (strapi: Core.Strapi, roleId: number, wanted: Set<string>): Promise<void> => {
  const missing = new Set(wanted);
  const current = (await strapi.db.query(PERMISSION_UID).findMany({ where: { role: roleId } })) as {
    id: number;
    action: string;
  }[];
  for (const permission of current) {
    if (!missing.delete(permission.action)) {
      await strapi.db.query(PERMISSION_UID).delete({ where: { id: permission.id } });
    }
  }
  for (const action of missing) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: roleId } });
};

/** Closes public sign-up (`POST /api/auth/local/register`) in the users-permissions settings. */
const closeSignUp = async (strapi: Core.Strapi): Promise<void> => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false)
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
};

/**
 * On every start: the Public and Authenticated roles get exactly the reads of the public types
 * (no sign-up, login, password reset or upload action), and sign-up is switched off.
 */
export const syncPublicRole = async (strapi: Core.Strapi): Promise<void> => {
  const wanted = new Set(PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]));
  for (const type of END_USER_ROLES) {
    const role = (await strapi.db.query(ROLE_UID).findOne({ where: { type } })) as { id: number } | null;
    if (!role) throw new Error(`The users-permissions ${type} role is missing`);
    await syncRole(strapi, role.id, wanted);
  }
  await closeSignUp(strapi);
};
