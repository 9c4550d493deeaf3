import { factories, type Core } from '@strapi/strapi';
import { renderPracticeSheet, type RenderedDocument } from '@coop/report-templates';
import { requestedFormat } from '../../../reports/formats';
import { publishedCard, sheetVersion, toSheet } from '../../../reports/practice-documents';
import { createRenderCache } from '../../../reports/render-cache';
import { rendererOptions, respondWithDocument } from '../../../reports/renderer';
import { withReplies } from '../../../strapi/context';

type Context = Parameters<Core.MiddlewareHandler>[0];

const sheets = createRenderCache<RenderedDocument>(100);

export default factories.createCoreController('api::practice-card.practice-card', ({ strapi }) => ({
  /** The sheet of a published practice, for anyone: `GET /api/practice-cards/:idOrSlug/sheet?format=pdf`. */
  async sheet(ctx: Context) {
    const format = requestedFormat(ctx.query);
    const card = await publishedCard(strapi, (ctx.params as { idOrSlug: string }).idOrSlug);
    if (!card) return withReplies(ctx).notFound('Pratica non trovata o non pubblicata');
    await respondWithDocument(ctx, () =>
      sheets.get(`${card.documentId}:${sheetVersion(card)}:${format}`, async () =>
        renderPracticeSheet(await toSheet(strapi, card), format, rendererOptions(strapi, 'public')),
      ),
    );
  },
}));
