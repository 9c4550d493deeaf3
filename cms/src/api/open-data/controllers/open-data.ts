import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { feedEntries, parseSince, practiceChangesSince, publishedReportList } from '../../../open-data/changes';
import { observatoryView } from '../../../open-data/observatory';

type Context = Parameters<Core.MiddlewareHandler>[0];

/** Public and the same for everyone: a shared cache may keep it a minute; the portal is told of changes. */
const PUBLIC_CACHE = 'public, max-age=0, s-maxage=60';
const ALLOWED: Record<string, readonly string[]> = {
  observatory: ['anno', 'regione', 'provincia', 'tipo'],
  practiceChanges: ['since'],
  feed: ['limit'],
  publishedReports: [],
};

/** Only the parameters a route knows, each given once: anything else is a 400 naming it. */
const queryOf = (ctx: Context, route: string): Record<string, string> => {
  const query = ctx.query as Record<string, unknown>;
  const allowed = ALLOWED[route] ?? [];
  for (const [name, value] of Object.entries(query)) {
    if (!allowed.includes(name)) {
      throw new errors.ValidationError(
        `Parametro «${name}» non consentito${allowed.length > 0 ? ` (consentiti: ${allowed.join(', ')})` : ''}`,
      );
    }
    if (typeof value !== 'string') throw new errors.ValidationError(`Parametro «${name}»: un solo valore`);
  }
  return query as Record<string, string>;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `GET /api/observatory?anno=&regione=&provincia=&tipo=`: the tables, small groups already hidden. */
  async observatory(ctx: Context) {
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = { data: await observatoryView(strapi, queryOf(ctx, 'observatory')) };
  },

  /** `GET /api/open-data/practice-changes?since=<ISO 8601>`: published, changed and withdrawn cards since then. */
  async practiceChanges(ctx: Context) {
    const { since } = queryOf(ctx, 'practiceChanges');
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = { data: await practiceChangesSince(strapi, parseSince(since, 'since')) };
  },

  /** `GET /api/open-data/feed?limit=50`: the newest published practices and reports. */
  async feed(ctx: Context) {
    const { limit = '50' } = queryOf(ctx, 'feed');
    const count = Number(limit);
    if (!Number.isInteger(count) || count < 1 || count > 200)
      throw new errors.ValidationError('limit: un numero intero tra 1 e 200');
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = { data: await feedEntries(strapi, count) };
  },

  /** `GET /api/open-data/published-reports`: every published report (organisation and year). */
  async publishedReports(ctx: Context) {
    queryOf(ctx, 'publishedReports');
    ctx.set('Cache-Control', PUBLIC_CACHE);
    ctx.body = { data: await publishedReportList(strapi) };
  },
});
