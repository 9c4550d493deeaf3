import type { Core } from '@strapi/strapi';
import { CONSORTIUM_SERVICE, ORGANISATION, PRACTICE_CARD, REFERENCE_TYPES } from './content-types';

/** What the public may read through the content API; nothing may be written without authentication. */
const PUBLIC_READABLE = [PRACTICE_CARD, ORGANISATION, CONSORTIUM_SERVICE, ...REFERENCE_TYPES];

const PERMISSION_UID = 'plugin::users-permissions.permission';

/** Gives the users-permissions Public role exactly the read permissions above, on every start. */
export const syncPublicRole = async (strapi: Core.Strapi): Promise<void> => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions Public role is missing');
  const wanted = new Set(PUBLIC_READABLE.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]));
  const current = (await strapi.db.query(PERMISSION_UID).findMany({
    where: { role: role.id, action: { $startsWith: 'api::' } },
  })) as { id: number; action: string }[];
  for (const permission of current) {
    if (!wanted.has(permission.action)) await strapi.db.query(PERMISSION_UID).delete({ where: { id: permission.id } });
    wanted.delete(permission.action);
  }
  for (const action of wanted) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
};
