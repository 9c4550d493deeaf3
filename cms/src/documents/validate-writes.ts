import type { Core, Modules } from '@strapi/strapi';

export type WriteParams = { documentId?: string; data?: Record<string, unknown> };

/** A Document Service middleware that checks every create and update of one content type. */
export const validateWrites =
  (uid: string, check: (strapi: Core.Strapi, params: WriteParams) => Promise<void>) =>
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid === uid && (context.action === 'create' || context.action === 'update')) {
      await check(strapi, context.params as WriteParams);
    }
    return next();
  };
