import type { Core, Modules } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PRACTICES_INDEX } from '@coop/search/practices-index';
import {
  FUNDING_SOURCE,
  INNOVATION_AREA,
  ORGANISATION,
  PARTNER_CATEGORY,
  PRACTICE_CARD,
  PROVINCE,
  REGION,
  SOCIAL_REPORT,
} from '../access/content-types';
import { mayChangePublicContent } from '../cache/changes';
import { indexTargetsOf } from '../search/dependents';
import { itemsOfOrganisation, refreshPractice, refreshReport } from './presence';
import type { TransactionHooks } from '../strapi/services';

/** Writes of these change what the open data and the observatory show. */
const SOURCES = new Set([
  PRACTICE_CARD,
  SOCIAL_REPORT,
  ORGANISATION,
  INNOVATION_AREA,
  PARTNER_CATEGORY,
  FUNDING_SOURCE,
  PROVINCE,
  REGION,
]);

type Items = { practices: string[]; reports: string[] };
type Result = { documentId?: string; entries?: { documentId?: string }[] } | null | undefined;

const itemsOf = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<Items> => {
  if (uid === SOCIAL_REPORT) return { practices: [], reports: [documentId] };
  if (uid === ORGANISATION) return itemsOfOrganisation(strapi, documentId);
  return { practices: (await indexTargetsOf(strapi, uid, documentId))[PRACTICES_INDEX] ?? [], reports: [] };
};

/**
 * Keeps the open data's log of public items and the observatory's facts in step with every write,
 * in the write's own transaction, keyed on documentId: the items a write may change are read before
 * it (a delete takes its relations along) and after it, and each is looked at again.
 */
export const openDataMiddleware =
  (strapi: Core.Strapi, onFirstPublication: () => void): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!SOURCES.has(context.uid) || !mayChangePublicContent(strapi, context)) return next();
    const params = context.params as { documentId?: string };
    return strapi.db.transaction(async ({ trx, onCommit }: TransactionHooks & { trx: Knex.Transaction }) => {
      const before: Items = params.documentId
        ? await itemsOf(strapi, context.uid, params.documentId)
        : { practices: [], reports: [] };
      const result = await next();
      const documentId =
        params.documentId ?? (result as Result)?.documentId ?? (result as Result)?.entries?.[0]?.documentId;
      const after: Items =
        documentId && context.action !== 'delete'
          ? await itemsOf(strapi, context.uid, documentId)
          : { practices: [], reports: [] };
      const now = Date.now();
      let first = false;
      for (const id of new Set([...before.practices, ...after.practices])) {
        if (await refreshPractice(strapi, trx, id, now)) first = true;
      }
      for (const id of new Set([...before.reports, ...after.reports])) await refreshReport(strapi, trx, id, now);
      if (first) onCommit(onFirstPublication);
      return result;
    });
  };
