import type { Core } from '@strapi/strapi';
import { renderPracticeCatalogue, renderSocialReport } from '@coop/report-templates';
import { SOCIAL_REPORT } from '../access/content-types';
import { membershipOf } from '../access/organisation-user';
import { CURATOR, holdsRole, NETWORK_STAFF, RESPONSABILE } from '../access/roles';
import { requestedFormat } from '../reports/formats';
import { practiceCatalogue } from '../reports/practice-documents';
import { rendererOptions, respondWithDocument } from '../reports/renderer';
import { socialReportDocument } from '../reports/social-report-document';
import { adminRoute, adminRouter, paramOf, type AdminContext } from './admin-route';

type AdminUser = { id: number; roles: { code: string; name: string }[] };

const hasRole = (ctx: AdminContext, ...names: string[]): boolean =>
  holdsRole((ctx.state.user as AdminUser | undefined)?.roles ?? [], ...names);

/**
 * Documents generated from the admin: a social report by its organisation's Responsabile or by
 * network staff; the catalogue of published practices by curators and network staff.
 */
export const reportAdminRoutes = (strapi: Core.Strapi): Core.Router =>
  adminRouter([
    adminRoute('GET', '/social-reports/:documentId/document', async (ctx) => {
      const format = requestedFormat(ctx.query);
      const documentId = paramOf(ctx, 'documentId');
      const report = (await strapi.documents(SOCIAL_REPORT).findOne({
        documentId,
        fields: ['documentId'],
        populate: { organisation: { fields: ['documentId'] } },
      } as never)) as unknown as { organisation: { documentId: string } | null } | null;
      if (!report?.organisation) return ctx.notFound('Bilancio sociale non trovato');

      const user = ctx.state.user as AdminUser;
      if (!hasRole(ctx, NETWORK_STAFF)) {
        const membership = await membershipOf(strapi, user.id);
        if (membership?.role !== RESPONSABILE || membership.organisation !== report.organisation.documentId) {
          return ctx.forbidden(
            'Il documento del bilancio sociale lo genera il Responsabile della propria organizzazione',
          );
        }
      }
      const document = await socialReportDocument(strapi, documentId);
      if (!document) return ctx.notFound('Bilancio sociale non trovato');
      await respondWithDocument(ctx, () =>
        renderSocialReport(document, format, rendererOptions(strapi, 'interactive')),
      );
    }),
    adminRoute('GET', '/practice-catalogue', async (ctx) => {
      const format = requestedFormat(ctx.query);
      if (!hasRole(ctx, CURATOR, NETWORK_STAFF)) {
        return ctx.forbidden('Il catalogo delle pratiche lo generano la redazione e lo staff di rete');
      }
      const catalogue = await practiceCatalogue(strapi);
      await respondWithDocument(ctx, () =>
        renderPracticeCatalogue(catalogue, format, rendererOptions(strapi, 'interactive')),
      );
    }),
  ]);
