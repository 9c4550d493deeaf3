import { factories, type Core } from '@strapi/strapi';
import { renderSocialReport, safeFileName, type RenderedDocument } from '@coop/report-templates';
import { fileBytes } from '../../../reports/images';
import {
  documentVersion,
  publicReportView,
  publishedReport,
  publishedReportsOf,
} from '../../../reports/public-reports';
import { createRenderCache } from '../../../reports/render-cache';
import { rendererOptions, respondWithDocument } from '../../../reports/renderer';
import { withReplies } from '../../../strapi/context';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Published reports may be kept by a shared cache for a minute: a withdrawal shows within it. */
const PUBLIC_CACHE = 'public, max-age=0, s-maxage=60';
const NOT_FOUND = 'Bilancio sociale non trovato o non pubblicato';

const documents = createRenderCache<RenderedDocument>(20);

const yearOf = (ctx: Context): number => Number((ctx.params as { year?: string }).year);
const slugOf = (ctx: Context): string => (ctx.params as { slug?: string }).slug ?? '';

export default factories.createCoreController('api::social-report.social-report', ({ strapi }) => ({
  /** `GET /api/public-social-reports?organisation=<slug>`: an active organisation's published reports, newest first. */
  async publishedList(ctx: Context) {
    const slug = (ctx.query as { organisation?: unknown }).organisation;
    if (typeof slug !== 'string' || slug === '')
      return withReplies(ctx).badRequest('Organizzazione: indicare lo slug dell’organizzazione');
    const reports = await publishedReportsOf(strapi, slug);
    if (!reports) return withReplies(ctx).notFound('Organizzazione non trovata');
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = { data: reports };
  },

  /** `GET /api/public-social-reports/:slug/:year`: the published report as the portal shows it. */
  async publishedOne(ctx: Context) {
    const found = await publishedReport(strapi, slugOf(ctx), yearOf(ctx));
    if (!found) return withReplies(ctx).notFound(NOT_FOUND);
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = { data: publicReportView(found) };
  },

  /** `GET /api/public-social-reports/:slug/:year/document`: its PDF/A, the document deposited. */
  async publishedDocument(ctx: Context) {
    const found = await publishedReport(strapi, slugOf(ctx), yearOf(ctx));
    if (!found) return withReplies(ctx).notFound(NOT_FOUND);
    await respondWithDocument(
      ctx,
      () =>
        documents.get(`${found.report.documentId}:${documentVersion(found.document)}`, () =>
          renderSocialReport(found.document, 'pdf', rendererOptions(strapi, 'public')),
        ),
      PUBLIC_CACHE,
    );
  },

  /** `GET /api/public-social-reports/:slug/:year/attestation`: the control body's attestation (PDF). */
  async publishedAttestation(ctx: Context) {
    const found = await publishedReport(strapi, slugOf(ctx), yearOf(ctx));
    const file = found?.report.controlAttestation?.noControlBody ? null : found?.report.controlAttestation?.file;
    if (!found || !file) return withReplies(ctx).notFound('Attestazione non trovata');
    ctx.set('Content-Type', 'application/pdf');
    ctx.set(
      'Content-Disposition',
      `attachment; filename="${safeFileName(`attestazione-organo-di-controllo-${found.report.year}-${found.organisation.name}`)}.pdf"`,
    );
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = await fileBytes(strapi, file.url);
  },
}));
