import type { Core, Modules } from '@strapi/strapi';
import { indexTargetsOf, isIndexedSource, mergeTargets, type IndexTargets } from './dependents';
import { requestIndexRefresh } from './sync';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

type Result = { documentId?: string; entries?: { documentId?: string }[] } | null | undefined;

const resultDocumentId = (result: Result): string | undefined => result?.documentId ?? result?.entries?.[0]?.documentId;

/**
 * Keeps the search indexes in step with the CMS, keyed on documentId: after any write, the index
 * entries that show something of the written document are recorded for refresh. Relations are
 * read before a delete (they vanish with it) and after any other write (they may have changed).
 */
export const searchSyncMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    // Documents no index shows (e-mails, history, social reports): no transaction, no lookups.
    if (!WRITES.has(context.action) || !isIndexedSource(context.uid)) return next();
    const params = context.params as { documentId?: string };
    // One transaction for the change and its record: the index update is stored if the change is.
    return strapi.db.transaction(async () => {
      const before: IndexTargets = params.documentId
        ? await indexTargetsOf(strapi, context.uid, params.documentId)
        : {};
      const result = await next();
      const documentId = params.documentId ?? resultDocumentId(result as Result);
      const after =
        documentId && context.action !== 'delete' ? await indexTargetsOf(strapi, context.uid, documentId) : {};
      await requestIndexRefresh(strapi, mergeTargets(before, after));
      return result;
    });
  };
