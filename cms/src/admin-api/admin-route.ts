import type { Core } from '@strapi/strapi';
import { SURFACE_POLICY } from '../access/surface-policy';

export type AdminContext = Parameters<Core.MiddlewareHandler>[0];

/** A route of the platform's admin API (`/coop/…`), for signed-in admin users the surface table allows. */
export const adminRoute = (
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  handler: (ctx: AdminContext) => Promise<unknown>,
): Core.Route => ({
  method,
  path,
  handler: async (ctx: AdminContext) => {
    await handler(ctx);
  },
  config: { policies: ['admin::isAuthenticatedAdmin', SURFACE_POLICY] },
  info: { type: 'admin' },
});

export const adminRouter = (routes: Core.Route[]): Core.Router => ({ type: 'admin', prefix: '/coop', routes });

export const paramOf = (ctx: AdminContext, name: string): string => (ctx.params as Record<string, string>)[name] ?? '';

export const bodyOf = <T extends object>(ctx: AdminContext): Partial<T> =>
  ((ctx.request as { body?: Partial<T> }).body ?? {});
