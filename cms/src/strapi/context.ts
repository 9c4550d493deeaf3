import type { Core } from '@strapi/strapi';

type KoaContext = Parameters<Core.MiddlewareHandler>[0];

type Reply = (message?: string) => void;

/** Koa's context leaves the reply helpers Strapi adds untyped: these are the ones the routes use. */
export type RequestContext = KoaContext & {
  notFound: Reply;
  forbidden: Reply;
  badRequest: Reply;
};

/** The request with Strapi's reply helpers typed; Strapi's Koa server installs them on every context. */
export const withReplies = (ctx: KoaContext): RequestContext => ctx as RequestContext;
