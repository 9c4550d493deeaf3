import type { Core } from '@strapi/strapi';
import { approveRegistration, rejectRegistration } from '../registration/review';
import { REGISTRATION_UID } from '../registration/submit';

type Context = Parameters<Core.MiddlewareHandler>[0];

const documentIdOf = (ctx: Context): string => (ctx.params as { documentId: string }).documentId;

/** Only who may update registration requests (network staff) reviews them. */
const mayReview = (strapi: Core.Strapi, ctx: Context): boolean =>
  !strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: REGISTRATION_UID })
    .cannot.update();

export const registrationAdminRoutes = (strapi: Core.Strapi): Core.Router => ({
  type: 'admin',
  prefix: '/coop',
  routes: [
    {
      method: 'POST',
      path: '/registration-requests/:documentId/approve',
      handler: async (ctx: Context) => {
        if (!mayReview(strapi, ctx)) return ctx.forbidden();
        ctx.body = { data: await approveRegistration(strapi, documentIdOf(ctx), ctx.state.user) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
    {
      method: 'POST',
      path: '/registration-requests/:documentId/reject',
      handler: async (ctx: Context) => {
        if (!mayReview(strapi, ctx)) return ctx.forbidden();
        const reason = (ctx.request as { body?: { reason?: unknown } }).body?.reason;
        await rejectRegistration(strapi, documentIdOf(ctx), reason, ctx.state.user);
        ctx.body = { data: { ok: true } };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
  ],
});
