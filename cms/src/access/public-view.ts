import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalisePublicQuery, RefusedQueryError, type PublicModel, type Row, type Schema } from './public-query';
import { PUBLIC_TYPES } from './public-types';

type Context = Parameters<Core.MiddlewareHandler>[0];

const TRUSTED_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** A content API request from the public (or an end-user account), not from an API token. */
export const isPublicReader = (ctx: Context): boolean => {
  const strategy = (ctx.state as { auth?: { strategy?: { name?: string } } }).auth?.strategy?.name;
  return !strategy || !TRUSTED_STRATEGIES.has(strategy);
};

/** The allow-list of `public-types.ts` with the schemas of the running CMS. */
export const publicModel = (strapi: Core.Strapi): PublicModel => ({
  rulesOf: (uid) => PUBLIC_TYPES[uid],
  schemaOf: (uid) => {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
      { options?: { draftAndPublish?: boolean }; attributes: Schema['attributes'] } | undefined;
    return contentType
      ? { draftAndPublish: contentType.options?.draftAndPublish === true, attributes: contentType.attributes }
      : undefined;
  },
});

/** Replaces the parsed query in place (assigning `ctx.query` would round-trip it through a string). */
const replaceQuery = (ctx: Context, query: Row): void => {
  const current = ctx.query;
  for (const key of Object.keys(current)) delete current[key];
  Object.assign(current, query);
};

const present = (uid: string, ctx: Context): void => {
  const shape = PUBLIC_TYPES[uid]?.present;
  const body = ctx.body as { data?: Row | Row[] } | undefined;
  if (!shape || !body?.data) return;
  body.data = Array.isArray(body.data) ? body.data.map(shape) : shape(body.data);
};

/**
 * The guard of a public type's `find` and `findOne`: for public readers the query is the
 * server's, rebuilt from the allow-list (anything else answers 400), with the type's scope and
 * populate; API tokens (integrations set up by network staff) read as usual.
 */
export const publicReader =
  (uid: string): Core.MiddlewareHandler =>
  async (ctx, next) => {
    if (!isPublicReader(ctx)) {
      await next();
      return;
    }
    const view = PUBLIC_TYPES[uid];
    if (!view) throw new errors.ForbiddenError('Questi dati non sono pubblici');
    try {
      const query = normalisePublicQuery(publicModel(strapi), uid, ctx.query);
      replaceQuery(ctx, { ...query, populate: view.populate });
    } catch (error) {
      if (error instanceof RefusedQueryError) throw new errors.ValidationError(error.message);
      throw error;
    }
    await next();
    present(uid, ctx);
  };

/** Route config of a public type's core router: its reads go through the guard. */
export const publicRoutes = (uid: string) => ({
  find: { middlewares: [publicReader(uid)] },
  findOne: { middlewares: [publicReader(uid)] },
});
