import type { Core } from '@strapi/strapi';

export type AdminRole = { code: string; name: string };
export type RequestAdminUser = {
  id: number;
  email?: string;
  firstname?: string | null;
  lastname?: string | null;
  roles?: AdminRole[];
};

// An admin token acts as the account that owns it, with at most that account's permissions.
const ADMIN_STRATEGIES = new Set(['admin', 'admin-token']);

/** The admin account behind the current request, if the request comes from the admin panel or an admin token. */
export const adminUserOfRequest = (strapi: Core.Strapi): RequestAdminUser | null => {
  const ctx = strapi.requestContext.get() as
    { state?: { user?: RequestAdminUser; auth?: { strategy?: { name?: string } } } } | undefined;
  return ADMIN_STRATEGIES.has(ctx?.state?.auth?.strategy?.name ?? '') && ctx?.state?.user ? ctx.state.user : null;
};
