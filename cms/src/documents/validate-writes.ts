import type { Core, Modules } from '@strapi/strapi';

export type WriteParams = { documentId?: string; data?: Record<string, unknown> };

/**
 * What a write does: `create` a new document, `update` the one of `documentId`, or `clone` it
 * into a new one (the source's content with `data` laid over it).
 */
export type WriteAction = 'create' | 'update' | 'clone';

const WRITES = new Set<string>(['create', 'update', 'clone']);

/** A Document Service middleware that checks every create, update and copy of one content type. */
export const validateWrites =
  (uid: string, check: (strapi: Core.Strapi, params: WriteParams, action: WriteAction) => Promise<void>) =>
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid === uid && WRITES.has(context.action)) {
      await check(strapi, context.params as WriteParams, context.action as WriteAction);
    }
    return next();
  };
