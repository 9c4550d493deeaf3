import type { Core } from '@strapi/strapi';
import { OWN_CONTENT_TYPES, holdsRole, NETWORK_STAFF } from '../access/roles';

type InitBody = { data?: { contentTypes?: { uid: string; isDisplayed: boolean }[] } };
type Context = Parameters<Core.MiddlewareHandler>[0];
type AdminUser = { id: number; roles?: { code: string; name: string }[] };

/**
 * The types organisation accounts and curators work on; taxonomies, geography, registration
 * requests and logs are the network staff's work. They stay readable (relation pickers need them).
 */
const WORK_TYPES = new Set(OWN_CONTENT_TYPES);

/**
 * The Content Manager's menu, per role: network staff and the super admin see every type,
 * anyone else only the types of their work (Strapi's `init` answer marks the rest not displayed).
 */
export const contentMenuMiddleware =
  (strapi: Core.Strapi): Core.MiddlewareHandler =>
  async (ctx: Context, next) => {
    await next();
    if (ctx.method !== 'GET' || ctx.path !== '/content-manager/init' || ctx.status !== 200) return;
    const user = ctx.state.user as AdminUser | undefined;
    if (!user) return;
    const roles =
      user.roles ??
      (
        (await strapi.db
          .query('admin::user')
          .findOne({ where: { id: user.id }, populate: ['roles'] })) as AdminUser | null
      )?.roles ??
      [];
    if (holdsRole(roles, NETWORK_STAFF)) return;
    const body = ctx.body as InitBody;
    for (const type of body.data?.contentTypes ?? []) {
      if (!WORK_TYPES.has(type.uid)) type.isDisplayed = false;
    }
  };
