import type { Core } from '@strapi/strapi';
import {
  confirmAnagrafica,
  inviteMember,
  organisationOverview,
  requireMembership,
  requireResponsabile,
  setMemberActive,
} from '../access/team';

type Context = Parameters<Core.MiddlewareHandler>[0];

const bodyOf = <T>(ctx: Context): T => (ctx.request as { body?: T }).body ?? ({} as T);

/** The Responsabile's page: the organisation's users, their invitation and activation, the anagrafica's confirmation. */
export const myOrganisationAdminRoutes = (strapi: Core.Strapi): Core.Router => ({
  type: 'admin',
  prefix: '/coop',
  routes: [
    {
      method: 'GET',
      path: '/my-organisation',
      handler: async (ctx: Context) => {
        ctx.body = { data: await organisationOverview(strapi, await requireMembership(strapi, ctx.state.user)) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
    {
      method: 'POST',
      path: '/my-organisation/confirm',
      handler: async (ctx: Context) => {
        const membership = await requireResponsabile(strapi, ctx.state.user);
        ctx.body = { data: { anagraficaConfirmedAt: await confirmAnagrafica(strapi, membership) } };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
    {
      method: 'POST',
      path: '/my-organisation/users',
      handler: async (ctx: Context) => {
        const membership = await requireResponsabile(strapi, ctx.state.user);
        ctx.status = 201;
        ctx.body = { data: await inviteMember(strapi, membership, ctx.state.user, bodyOf(ctx)) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
    {
      method: 'PUT',
      path: '/my-organisation/users/:id',
      handler: async (ctx: Context) => {
        const membership = await requireResponsabile(strapi, ctx.state.user);
        const id = Number((ctx.params as { id: string }).id);
        await setMemberActive(strapi, membership, id, bodyOf<{ isActive?: unknown }>(ctx).isActive);
        ctx.body = { data: { id, isActive: bodyOf<{ isActive: boolean }>(ctx).isActive } };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
  ],
});
