import type { Core } from '@strapi/strapi';
import {
  confirmAnagrafica,
  inviteMember,
  organisationOverview,
  requireMembership,
  requireResponsabile,
  setMemberActive,
} from '../access/team';
import { adminRoute, adminRouter, bodyOf, paramOf } from './admin-route';

/** The Responsabile's page: the organisation's users, their invitation and activation, the anagrafica's confirmation. */
export const myOrganisationAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/my-organisation', async (ctx) => {
      ctx.body = { data: await organisationOverview(strapi, await requireMembership(strapi, ctx.state.user)) };
    }),
    adminRoute('POST', '/my-organisation/confirm', async (ctx) => {
      const membership = await requireResponsabile(strapi, ctx.state.user);
      ctx.body = { data: { anagraficaConfirmedAt: await confirmAnagrafica(strapi, membership) } };
    }),
    adminRoute('POST', '/my-organisation/users', async (ctx) => {
      const membership = await requireResponsabile(strapi, ctx.state.user);
      ctx.status = 201;
      ctx.body = { data: await inviteMember(strapi, membership, ctx.state.user, bodyOf(ctx)) };
    }),
    adminRoute('PUT', '/my-organisation/users/:id', async (ctx) => {
      const membership = await requireResponsabile(strapi, ctx.state.user);
      const id = Number(paramOf(ctx, 'id'));
      const { isActive } = bodyOf<{ isActive: unknown }>(ctx);
      await setMemberActive(strapi, membership, id, isActive);
      ctx.body = { data: { id, isActive } };
    }),
  ]);
