import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SOCIAL_REPORT_UID } from '../documents/social-report';
import { adminRoute, adminRouter, bodyOf, paramOf, type AdminContext } from './admin-route';
import { permissionChecker } from '../strapi/services';

type PermissionChecker = { cannot: Record<'read' | 'create', (entity?: unknown) => boolean> };

const checker = (strapi: Core.Strapi, ctx: AdminContext): PermissionChecker =>
  permissionChecker(strapi, ctx.state.userAbility, SOCIAL_REPORT_UID);

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
export const socialReportAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/social-reports/:documentId/completeness', async (ctx) => {
      const documentId = paramOf(ctx, 'documentId');
      const report = await reports(strapi).findWithSections(documentId);
      if (!report) return ctx.notFound('Bilancio sociale non trovato');
      if (checker(strapi, ctx).cannot.read(report)) return ctx.forbidden();
      ctx.body = { data: await reports(strapi).completeness(documentId) };
    }),
    adminRoute('POST', '/social-reports/:documentId/next-year', async (ctx) => {
      const documentId = paramOf(ctx, 'documentId');
      const report = (await reports(strapi).findWithSections(documentId)) as { year: number } | null;
      if (!report) return ctx.notFound('Bilancio sociale non trovato');
      const permissions = checker(strapi, ctx);
      if (permissions.cannot.read(report) || permissions.cannot.create()) return ctx.forbidden();
      // Starting a year is not undone by a click: the panel asks first, and says what is copied.
      if (bodyOf<{ confirmed: boolean }>(ctx).confirmed !== true) {
        throw new errors.ValidationError(
          `Conferma: per iniziare il bilancio ${report.year + 1} va confermato che se ne copiano struttura e testi del ${report.year}, da aggiornare, senza i dati numerici`,
        );
      }
      ctx.status = 201;
      ctx.body = { data: await reports(strapi).startNextYear(documentId) };
    }),
  ]);
