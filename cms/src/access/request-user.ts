import type { Core } from '@strapi/strapi';

/** The admin account behind the current request, if the request comes from the admin panel. */
export const adminUserOfRequest = (strapi: Core.Strapi): { id: number } | null => {
  const ctx = strapi.requestContext.get() as
    { state?: { user?: { id: number }; auth?: { strategy?: { name?: string } } } } | undefined;
  return ctx?.state?.auth?.strategy?.name === 'admin' && ctx.state.user ? ctx.state.user : null;
};
