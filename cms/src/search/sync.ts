import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { applyChanges, ensureIndexes } from '@coop/search/indexer';
import { PUBLIC_INDEXES, isPublicIndex, type PublicIndexUid } from '@coop/search/indexes';
import { ensurePortalSearchKey } from '@coop/search/keys';
import { SEARCH_SYNC_TASK } from '../access/content-types';
import { instanceName, leaseMs } from '../cluster/role';
import { WorkerLoop } from '../cluster/worker-loop';
import { claimDocuments, releaseApplied, releaseClaims, renewClaims, type DocumentSequence } from './claims';
import { cmsSearchClient, searchConfig } from './connection';
import type { IndexTargets } from './dependents';
import { differingIds, indexDifferences } from './differences';
import { documentsFor } from './sources';
import type { TransactionHooks } from '../strapi/services';

type SyncTask = { id: number; indexUid: string; targetDocumentId: string; requestedAt: string; attempts: number };

const BATCH_SIZE = 500;

/** Backoff after failed attempts: 1 s, 2 s, 4 s … up to the configured maximum. */
export const retryDelayMs = (attempts: number, maxSeconds: number): number =>
  Math.min(1000 * 2 ** Math.max(0, attempts - 1), maxSeconds * 1000);

/**
 * Records that index entries must be refreshed, one row per request; its id is the request's
 * sequence number. Rows are only added here and only the rows a worker has applied are deleted,
 * so no request is lost to a concurrent run. Called inside the change's transaction, the record
 * is stored with the change or not at all.
 */
export const requestIndexRefresh = async (strapi: Core.Strapi, targets: IndexTargets): Promise<void> => {
  const now = new Date().toISOString();
  const rows = Object.entries(targets).flatMap(([indexUid, documentIds]) =>
    [...new Set(documentIds)].map((targetDocumentId) => ({
      indexUid,
      targetDocumentId,
      requestedAt: now,
      nextAttemptAt: now,
      attempts: 0,
    })),
  );
  if (rows.length === 0) return;
  await strapi.db.query(SEARCH_SYNC_TASK).createMany({ data: rows });
  // Wake the worker once the change is visible to it: after the caller's transaction commits.
  if (strapi.db.inTransaction())
    await strapi.db.transaction(({ onCommit }: TransactionHooks) => {
      onCommit(() => searchSync?.wake());
    });
  else searchSync?.wake();
};

/** Per document, the newest request among the tasks: the sequence its index entry now answers. */
const sequencesOf = (tasks: SyncTask[]): DocumentSequence[] => {
  const newest = new Map<string, number>();
  for (const task of tasks)
    newest.set(task.targetDocumentId, Math.max(newest.get(task.targetDocumentId) ?? 0, task.id));
  return [...newest].map(([documentId, sequence]) => ({ documentId, sequence }));
};

/**
 * Applies the tasks of documents this worker holds: reads each document as it is now, writes
 * its entry (or deletes it), then deletes exactly the tasks it read. A request recorded meanwhile
 * is a newer task and waits for the next round, which reads the document again; a document is
 * never written by two workers at once, so an older read never lands after a newer one.
 */
const processIndex = async (
  strapi: Core.Strapi,
  indexUid: PublicIndexUid,
  tasks: SyncTask[],
  token: string,
): Promise<void> => {
  const targetIds = [...new Set(tasks.map((task) => task.targetDocumentId))];
  const upserts = await documentsFor(strapi, indexUid, targetIds);
  const held = await renewClaims(strapi, indexUid, targetIds, token, Date.now() + leaseMs(strapi));
  const present = new Set(upserts.map((document) => document.id));
  await applyChanges(cmsSearchClient(strapi), indexUid, {
    upserts: upserts.filter((document) => held.has(document.id)),
    deletions: targetIds.filter((documentId) => held.has(documentId) && !present.has(documentId)),
  });
  const applied = tasks.filter((task) => held.has(task.targetDocumentId));
  const lost = await releaseApplied(strapi, indexUid, sequencesOf(applied), token);
  await strapi.db.query(SEARCH_SYNC_TASK).deleteMany({ where: { id: { $in: applied.map((task) => task.id) } } });
  if (lost.length > 0) await requestIndexRefresh(strapi, { [indexUid]: lost });
};

const postpone = async (strapi: Core.Strapi, tasks: SyncTask[], error: unknown): Promise<void> => {
  const { retryMaxSeconds } = searchConfig(strapi);
  for (const task of tasks) {
    const attempts = task.attempts + 1;
    await strapi.db.query(SEARCH_SYNC_TASK).update({
      where: { id: task.id },
      data: {
        attempts,
        lastError: error instanceof Error ? error.message : String(error),
        nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts, retryMaxSeconds)).toISOString(),
      },
    });
  }
};

/** Index entries the CMS and the index disagree on: what a lost, stale or tampered index needs. */
const reconcile = async (strapi: Core.Strapi): Promise<IndexTargets> => {
  const targets: IndexTargets = {};
  for (const { uid } of PUBLIC_INDEXES) {
    const differing = differingIds(await indexDifferences(strapi, uid));
    if (differing.length > 0) targets[uid] = differing;
  }
  return targets;
};

class SearchSync {
  private ready = false;
  private failing = false;
  private readonly loop: WorkerLoop;

  constructor(private readonly strapi: Core.Strapi) {
    this.loop = new WorkerLoop(
      () => searchConfig(strapi).syncIntervalSeconds * 1000,
      () => this.step(),
      (error) => this.reportFailure(error),
    ).start();
  }

  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Applies one batch of due tasks; true when more may be waiting. */
  private async step(): Promise<boolean> {
    if (!this.ready) {
      const client = cmsSearchClient(this.strapi);
      await ensureIndexes(client);
      await ensurePortalSearchKey(client);
      await requestIndexRefresh(this.strapi, await reconcile(this.strapi));
      this.ready = true;
    }
    const due = (await this.strapi.db.query(SEARCH_SYNC_TASK).findMany({
      where: { nextAttemptAt: { $lte: new Date().toISOString() } },
      orderBy: { id: 'asc' },
      limit: BATCH_SIZE,
    })) as SyncTask[];
    let applied = 0;
    for (const { uid } of PUBLIC_INDEXES) {
      const tasks = due.filter((task) => task.indexUid === uid);
      if (tasks.length === 0) continue;
      // Documents another worker holds are left to it; their tasks stay until it has applied them.
      const token = `${instanceName(this.strapi)}/${randomUUID()}`;
      const documentIds = [...new Set(tasks.map((task) => task.targetDocumentId))];
      const held = await claimDocuments(this.strapi, uid, documentIds, token, Date.now() + leaseMs(this.strapi));
      const mine = tasks.filter((task) => held.has(task.targetDocumentId));
      if (mine.length === 0) continue;
      try {
        await processIndex(this.strapi, uid, mine, token);
        applied += mine.length;
      } catch (error) {
        await postpone(this.strapi, mine, error);
        await releaseClaims(this.strapi, uid, [...held], token);
        throw error;
      }
    }
    const unknown = due.filter((task) => !isPublicIndex(task.indexUid));
    for (const task of unknown) await this.strapi.db.query(SEARCH_SYNC_TASK).delete({ where: { id: task.id } });
    if (this.failing) this.strapi.log.info('Ricerca: Meilisearch di nuovo raggiungibile, indici aggiornati');
    this.failing = false;
    return due.length === BATCH_SIZE && applied > 0;
  }

  private reportFailure(error: unknown): void {
    // Meilisearch may come back without its data: settings, key and content are checked again.
    this.ready = false;
    if (!this.failing) this.strapi.log.warn(`Ricerca: aggiornamento degli indici rimandato (${String(error)})`);
    this.failing = true;
  }
}

let searchSync: SearchSync | undefined;

/** Starts applying recorded index updates from this process; returns the function that stops it. */
export const startSearchSync = (strapi: Core.Strapi): (() => Promise<void>) => {
  const sync = new SearchSync(strapi);
  searchSync = sync;
  return async () => {
    await sync.stop();
    if (searchSync === sync) searchSync = undefined;
  };
};
