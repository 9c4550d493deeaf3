import type { Core } from '@strapi/strapi';
import { registrationDuplicates } from '../registration/duplicates';
import { approveRegistration, rejectRegistration } from '../registration/review';
import { REGISTRATION_UID } from '../registration/submit';
import { adminRoute, adminRouter, bodyOf, paramOf, type AdminContext } from './admin-route';
import { permissionChecker } from '../strapi/services';

/** Only who may update registration requests (network staff) reviews them. */
const mayReview = (strapi: Core.Strapi, ctx: AdminContext): boolean =>
  !permissionChecker(strapi, ctx.state.userAbility, REGISTRATION_UID).cannot.update();

export const registrationAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/registration-requests/:documentId/duplicates', async (ctx) => {
      if (!mayReview(strapi, ctx)) return ctx.forbidden();
      ctx.body = { data: await registrationDuplicates(strapi, paramOf(ctx, 'documentId')) };
    }),
    adminRoute('POST', '/registration-requests/:documentId/approve', async (ctx) => {
      if (!mayReview(strapi, ctx)) return ctx.forbidden();
      ctx.body = { data: await approveRegistration(strapi, paramOf(ctx, 'documentId'), ctx.state.user) };
    }),
    adminRoute('POST', '/registration-requests/:documentId/reject', async (ctx) => {
      if (!mayReview(strapi, ctx)) return ctx.forbidden();
      const { reason } = bodyOf<{ reason: unknown }>(ctx);
      await rejectRegistration(strapi, paramOf(ctx, 'documentId'), reason, ctx.state.user);
      ctx.body = { data: { ok: true } };
    }),
  ]);
