import { factories, type Core } from '@strapi/strapi';
import { renderPracticeSheet } from '@coop/report-templates';
import { requestedFormat } from '../../../reports/formats';
import { practiceSheet } from '../../../reports/practice-documents';
import { rendererOptions, respondWithDocument } from '../../../reports/renderer';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default factories.createCoreController('api::practice-card.practice-card', ({ strapi }) => ({
  /** The sheet of a published practice, for anyone: `GET /api/practice-cards/:idOrSlug/sheet?format=pdf`. */
  async sheet(ctx: Context) {
    const format = requestedFormat(ctx.query);
    const sheet = await practiceSheet(strapi, (ctx.params as { idOrSlug: string }).idOrSlug);
    if (!sheet) return ctx.notFound('Pratica non trovata o non pubblicata');
    await respondWithDocument(ctx, () => renderPracticeSheet(sheet, format, rendererOptions(strapi)));
  },
}));
