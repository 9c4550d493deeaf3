import { Meilisearch, type Index } from 'meilisearch';
import { indexDefinition, PUBLIC_INDEXES, type PublicIndexUid } from './indexes.ts';

export type SearchConnection = { host: string; apiKey: string; timeoutMs?: number };

export type IndexChanges<Document> = { upserts: Document[]; deletions: string[] };

/** Tasks should finish in well under this; a longer wait means Meilisearch is in trouble. */
const TASK_TIMEOUT_MS = 30_000;

export const searchClient = (connection: SearchConnection): Meilisearch =>
  new Meilisearch({ host: connection.host, apiKey: connection.apiKey, timeout: connection.timeoutMs ?? 10_000 });

const succeeded = async (enqueued: {
  waitTask: (options: { timeout: number }) => Promise<{ status: string; error?: { message?: string } | null }>;
}) => {
  const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS });
  if (task.status !== 'succeeded')
    throw new Error(`Meilisearch task ${task.status}: ${task.error?.message ?? 'no detail'}`);
};

/** Creates each public index if missing and applies its settings (a no-op when they are unchanged). */
export const ensureIndexes = async (client: Meilisearch): Promise<void> => {
  for (const definition of PUBLIC_INDEXES) await ensureIndex(client, definition.uid, definition.uid);
};

/** Creates `targetUid` with the settings of the `definitionUid` index. */
export const ensureIndex = async (
  client: Meilisearch,
  definitionUid: PublicIndexUid,
  targetUid: string,
): Promise<Index> => {
  const definition = indexDefinition(definitionUid);
  const exists = await client
    .getIndex(targetUid)
    .then(() => true)
    .catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
      throw error;
    });
  if (!exists) await succeeded(client.createIndex(targetUid, { primaryKey: definition.primaryKey }));
  const index = client.index(targetUid);
  await succeeded(index.updateSettings(definition.settings));
  return index;
};

/** Writes one batch of changes to an index and waits until Meilisearch has applied it. */
export const applyChanges = async <Document extends Record<string, unknown>>(
  client: Meilisearch,
  uid: string,
  changes: IndexChanges<Document>,
): Promise<void> => {
  const index = client.index<Document>(uid);
  if (changes.upserts.length > 0) await succeeded(index.addDocuments(changes.upserts, { primaryKey: 'id' }));
  if (changes.deletions.length > 0) await succeeded(index.deleteDocuments(changes.deletions));
};

/** Replaces an index's whole content without a moment of emptiness: fill a fresh copy, then swap. */
export const replaceIndexContent = async <Document extends Record<string, unknown>>(
  client: Meilisearch,
  uid: PublicIndexUid,
  batches: AsyncIterable<Document[]>,
  onBatch: (written: number) => void,
): Promise<number> => {
  await ensureIndex(client, uid, uid);
  const staging = `${uid}_reindex_${Date.now()}`;
  const stagingIndex = await ensureIndex(client, uid, staging);
  let written = 0;
  try {
    for await (const batch of batches) {
      if (batch.length > 0) await succeeded(stagingIndex.addDocuments(batch, { primaryKey: 'id' }));
      written += batch.length;
      onBatch(written);
    }
    await succeeded(client.swapIndexes([{ indexes: [uid, staging], rename: false }]));
  } finally {
    await succeeded(client.deleteIndex(staging)).catch(() => undefined);
  }
  return written;
};

/** Every document of an index, page by page. */
export async function* allDocuments<Document extends Record<string, unknown>>(
  client: Meilisearch,
  uid: string,
  pageSize = 1000,
): AsyncGenerator<Document[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await client.index<Document>(uid).getDocuments({ offset, limit: pageSize });
    if (page.results.length > 0) yield page.results;
    if (offset + pageSize >= page.total) return;
  }
}
