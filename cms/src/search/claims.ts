import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { rowsOf } from '../cluster/sql';
import { SEARCH_CLAIM_TABLE } from '../cluster/tables';

export type DocumentSequence = { documentId: string; sequence: number };

const claims = (strapi: Core.Strapi): Knex.QueryBuilder => strapi.db.getConnection(SEARCH_CLAIM_TABLE);

const qualifiedTable = (strapi: Core.Strapi): string => {
  const schema = strapi.db.getSchemaName();
  return schema ? `${schema}.${SEARCH_CLAIM_TABLE}` : SEARCH_CLAIM_TABLE;
};

/**
 * Takes the documents of an index for one worker until `leaseUntil`: those nobody holds, or whose
 * holder's lease ran out. A document is held by one worker at a time, so no two workers read and
 * write the same index entry at once. Returns the documents this worker now holds.
 */
export const claimDocuments = async (
  strapi: Core.Strapi,
  indexUid: string,
  documentIds: string[],
  token: string,
  leaseUntil: number,
): Promise<Set<string>> => {
  if (documentIds.length === 0) return new Set();
  // Raw SQL: knex drops the WHERE of a multi-row upsert on SQLite, which would take held documents.
  await strapi.db.connection.raw(
    `INSERT INTO ?? (index_uid, document_id, token, lease_until) VALUES ${documentIds.map(() => '(?, ?, ?, ?)').join(', ')}
     ON CONFLICT (index_uid, document_id) DO UPDATE SET token = excluded.token, lease_until = excluded.lease_until
     WHERE ??.token IS NULL OR ??.lease_until < ?`,
    [
      qualifiedTable(strapi),
      ...documentIds.flatMap((documentId) => [indexUid, documentId, token, leaseUntil]),
      SEARCH_CLAIM_TABLE,
      SEARCH_CLAIM_TABLE,
      Date.now(),
    ],
  );
  return heldBy(strapi, indexUid, documentIds, token);
};

const heldBy = async (strapi: Core.Strapi, indexUid: string, documentIds: string[], token: string) => {
  const rows = (await claims(strapi)
    .select('document_id')
    .where({ index_uid: indexUid, token })
    .whereIn('document_id', documentIds)) as { document_id: string }[];
  return new Set(rows.map((row) => row.document_id));
};

/**
 * Extends the claim on the documents about to be written to the index; returns those still held.
 * A document another worker took over (after this one stalled past its lease) is not written.
 */
export const renewClaims = async (
  strapi: Core.Strapi,
  indexUid: string,
  documentIds: string[],
  token: string,
  leaseUntil: number,
): Promise<Set<string>> => {
  if (documentIds.length === 0) return new Set();
  await claims(strapi)
    .where({ index_uid: indexUid, token })
    .whereIn('document_id', documentIds)
    .update({ lease_until: leaseUntil });
  return heldBy(strapi, indexUid, documentIds, token);
};

/**
 * Lets the documents go once their entries are written, recording for each the last request
 * (sequence) applied. Returns the documents this worker no longer held: another worker took them
 * over meanwhile and may have written an older snapshot after this one's newer one, so they
 * must be refreshed once more.
 */
export const releaseApplied = async (
  strapi: Core.Strapi,
  indexUid: string,
  applied: DocumentSequence[],
  token: string,
): Promise<string[]> => {
  if (applied.length === 0) return [];
  const result: unknown = await strapi.db.connection.raw(
    `UPDATE ?? SET token = NULL, lease_until = NULL,
       applied_sequence = CASE document_id ${applied.map(() => 'WHEN ? THEN ?').join(' ')} ELSE applied_sequence END
     WHERE index_uid = ? AND token = ? AND document_id IN (${applied.map(() => '?').join(', ')})
     RETURNING document_id`,
    [
      qualifiedTable(strapi),
      ...applied.flatMap(({ documentId, sequence }) => [documentId, sequence]),
      indexUid,
      token,
      ...applied.map(({ documentId }) => documentId),
    ],
  );
  const released = new Set(rowsOf(result).map((row) => String(row.document_id)));
  return applied.map(({ documentId }) => documentId).filter((documentId) => !released.has(documentId));
};

/** Lets documents go without recording anything: their update failed and waits for a retry. */
export const releaseClaims = async (
  strapi: Core.Strapi,
  indexUid: string,
  documentIds: string[],
  token: string,
): Promise<void> => {
  if (documentIds.length === 0) return;
  await claims(strapi)
    .where({ index_uid: indexUid, token })
    .whereIn('document_id', documentIds)
    .update({ token: null, lease_until: null });
};

/** Documents held by a worker right now, by worker, for `search:status`. */
export const heldDocuments = async (strapi: Core.Strapi): Promise<{ token: string; count: number }[]> => {
  const rows = await claims(strapi)
    .select('token')
    .count({ count: '*' })
    .whereNotNull('token')
    .andWhere('lease_until', '>=', Date.now())
    .groupBy<{ token: string; count: number | string }[]>('token');
  return rows.map((row) => ({ token: row.token, count: Number(row.count) }));
};
