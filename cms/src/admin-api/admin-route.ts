import type { Core } from '@strapi/strapi';
import { SURFACE_POLICY } from '../access/surface-policy';
import type { RequestContext } from '../strapi/context';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

/** The signed-in admin user that `admin::isAuthenticatedAdmin` puts on the request. */
export type SignedInAdmin = {
  id: number;
  email: string;
  firstname: string | null;
  lastname: string | null;
  roles: { code: string; name: string }[];
};

/** A request to an admin route: its signed-in admin, their abilities and Strapi's reply helpers. */
export type AdminContext = RequestContext & { state: { user: SignedInAdmin; userAbility: unknown } };

/** A route of the platform's admin API (`/coop/…`), for signed-in admin users the surface table allows. */
export const adminRoute = (
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  handler: (ctx: AdminContext) => Promise<unknown> | void,
): Core.Route => ({
  method,
  path,
  handler: async (ctx: KoaContext) => {
    // The policies above ran first: the request has its signed-in admin and Strapi's reply helpers.
    await handler(ctx as AdminContext);
  },
  config: { policies: ['admin::isAuthenticatedAdmin', SURFACE_POLICY] },
  info: { type: 'admin' },
});

export const adminRouter = (routes: Core.Route[]): Core.Router => ({ type: 'admin', prefix: '/coop', routes });

export const paramOf = (ctx: AdminContext, name: string): string => (ctx.params as Record<string, string>)[name] ?? '';

export const bodyOf = <T extends object>(ctx: AdminContext): Partial<T> =>
  (ctx.request as { body?: Partial<T> }).body ?? {};
