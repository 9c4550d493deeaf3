import type { Core } from '@strapi/strapi';
import { SOCIAL_REPORT } from '../access/content-types';
import { membershipOf } from '../access/organisation-user';
import { holdsRole, NETWORK_STAFF } from '../access/roles';
import { adminRoute, adminRouter, bodyOf, paramOf, type AdminContext } from '../admin-api/admin-route';
import { deadlineOf, describeDeadline } from '../domain/social-report/deposit';
import { REPORT_STAGES_BEFORE_DEPOSIT } from '../domain/workflow';
import { actorsOf } from '../workflow/service';
import { recordAttestation, type AttestationInput, type UploadedFile } from './attestation';
import { socialReports } from './social-report-document';
import { permissionChecker } from '../strapi/services';

type PermissionChecker = { cannot: Record<'read' | 'update', (entity?: unknown) => boolean> };
type AdminUser = { id: number; email: string; firstname?: string | null; lastname?: string | null };

const checker = (strapi: Core.Strapi, ctx: AdminContext): PermissionChecker =>
  permissionChecker(strapi, ctx.state.userAbility, SOCIAL_REPORT);

const reportFor = async (strapi: Core.Strapi, ctx: AdminContext, action: 'read' | 'update') => {
  const report = await socialReports(strapi).findWithSections(paramOf(ctx, 'documentId'));
  if (!report) {
    ctx.notFound('Bilancio sociale non trovato');
    return null;
  }
  if (checker(strapi, ctx).cannot[action](report)) {
    ctx.forbidden();
    return null;
  }
  return report;
};

const uploadedFile = (ctx: AdminContext): UploadedFile | null => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
  const file = files?.file;
  return (Array.isArray(file) ? file[0] : file) ?? null;
};

type ReportRow = {
  documentId: string;
  title: string | null;
  year: number;
  stage: string;
  organisation: { name: string } | null;
};

/**
 * The social report's side panel: last year's figures beside this year's fields, texts carried over
 * to confirm, the control body's attestation; and the deposit deadlines of every report not yet
 * deposited that the user works on.
 */
export const reportPanelAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/social-reports/:documentId/comparison', async (ctx) => {
      const report = await reportFor(strapi, ctx, 'read');
      if (report) ctx.body = { data: await socialReports(strapi).comparison(report.documentId) };
    }),
    adminRoute('POST', '/social-reports/:documentId/carried-texts/confirm', async (ctx) => {
      const report = await reportFor(strapi, ctx, 'update');
      if (!report) return;
      const { path } = bodyOf<{ path: string }>(ctx);
      await socialReports(strapi).confirmCarriedText(report.documentId, String(path ?? ''));
      ctx.body = { data: await socialReports(strapi).completeness(report.documentId) };
    }),
    adminRoute('POST', '/social-reports/:documentId/attestation', async (ctx) => {
      const report = await reportFor(strapi, ctx, 'read');
      if (!report) return;
      const user = ctx.state.user as AdminUser;
      if (!(await actorsOf(strapi, user, report.organisation?.documentId ?? null)).includes('responsabile')) {
        return ctx.forbidden('L’attestazione dell’organo di controllo la allega il Responsabile dell’organizzazione');
      }
      ctx.body = {
        data: await recordAttestation(
          strapi,
          report.documentId,
          user,
          bodyOf<AttestationInput>(ctx),
          uploadedFile(ctx),
        ),
      };
    }),
    adminRoute('GET', '/social-report-deadlines', async (ctx) => {
      const user = ctx.state.user as AdminUser & { roles?: { code: string; name: string }[] };
      const membership = await membershipOf(strapi, user.id);
      const roles = user.roles ?? [];
      const staff = holdsRole(roles, NETWORK_STAFF) || roles.some((role) => role.code === 'strapi-super-admin');
      if (!membership && !staff) {
        ctx.body = { data: [] };
        return;
      }
      const rows = (await strapi.documents(SOCIAL_REPORT).findMany({
        filters: {
          stage: { $in: REPORT_STAGES_BEFORE_DEPOSIT },
          ...(membership ? { organisation: { documentId: membership.organisation } } : {}),
        },
        fields: ['documentId', 'title', 'year', 'stage'],
        populate: { organisation: { fields: ['name'] } },
        sort: ['year:asc', 'title:asc'],
        limit: 500,
      } as never)) as unknown as ReportRow[];
      ctx.body = {
        data: rows.map((row) => {
          const deadline = deadlineOf(row.year);
          return {
            documentId: row.documentId,
            title: row.title,
            year: row.year,
            stage: row.stage,
            organisation: row.organisation?.name ?? null,
            ...deadline,
            description: describeDeadline(deadline),
          };
        }),
      };
    }),
  ]);
