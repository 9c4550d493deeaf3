import type { Core } from '@strapi/strapi';
import { SOCIAL_REPORT_UID } from '../documents/social-report';

type Context = Parameters<Core.MiddlewareHandler>[0];

const documentIdOf = (ctx: Context): string => (ctx.params as { documentId: string }).documentId;

type PermissionChecker = { cannot: Record<'read' | 'create', (entity?: unknown) => boolean> };

const checker = (strapi: Core.Strapi, ctx: Context): PermissionChecker =>
  strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: ctx.state.userAbility, model: SOCIAL_REPORT_UID });

const reports = (strapi: Core.Strapi) =>
  strapi.service(SOCIAL_REPORT_UID) as unknown as {
    findWithSections: (documentId: string) => Promise<unknown>;
    completeness: (documentId: string) => Promise<unknown>;
    startNextYear: (documentId: string) => Promise<{ documentId: string; year: number }>;
  };

/**
 * Admin endpoints behind the social report's side panel: what is missing, and next year's report.
 * They answer only to an admin who may read (or create) that report.
 */
export const socialReportAdminRoutes = (strapi: Core.Strapi): Core.Router => ({
  type: 'admin',
  prefix: '/coop',
  routes: [
    {
      method: 'GET',
      path: '/social-reports/:documentId/completeness',
      handler: async (ctx: Context) => {
        const documentId = documentIdOf(ctx);
        const report = await reports(strapi).findWithSections(documentId);
        if (!report) return ctx.notFound('Bilancio sociale non trovato');
        if (checker(strapi, ctx).cannot.read(report)) return ctx.forbidden();
        ctx.body = { data: await reports(strapi).completeness(documentId) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
    {
      method: 'POST',
      path: '/social-reports/:documentId/next-year',
      handler: async (ctx: Context) => {
        const documentId = documentIdOf(ctx);
        const report = await reports(strapi).findWithSections(documentId);
        if (!report) return ctx.notFound('Bilancio sociale non trovato');
        const permissions = checker(strapi, ctx);
        if (permissions.cannot.read(report) || permissions.cannot.create()) return ctx.forbidden();
        ctx.status = 201;
        ctx.body = { data: await reports(strapi).startNextYear(documentId) };
      },
      config: { policies: ['admin::isAuthenticatedAdmin'] },
      info: { type: 'admin' },
    },
  ],
});
