import type { Core } from '@strapi/strapi';
import { applyChanges, ensureIndexes } from '@coop/search/indexer';
import { PUBLIC_INDEXES, isPublicIndex, type PublicIndexUid } from '@coop/search/indexes';
import { ensurePortalSearchKey } from '@coop/search/keys';
import { SEARCH_SYNC_TASK } from '../access/content-types';
import { cmsSearchClient, searchConfig } from './connection';
import type { IndexTargets } from './dependents';
import { differingIds, indexDifferences } from './differences';
import { documentsFor } from './sources';

type SyncTask = { id: number; indexUid: string; targetDocumentId: string; requestedAt: string; attempts: number };

const BATCH_SIZE = 500;

/** Backoff after failed attempts: 1 s, 2 s, 4 s … up to the configured maximum. */
export const retryDelayMs = (attempts: number, maxSeconds: number): number =>
  Math.min(1000 * 2 ** Math.max(0, attempts - 1), maxSeconds * 1000);

/**
 * Records that index entries must be refreshed, one row per request: rows are only added here and
 * only the rows a worker has applied are deleted, so no request is lost to a concurrent run. Called
 * inside the change's transaction, the record is stored with the change or not at all.
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
  if (strapi.db.inTransaction()) await strapi.db.transaction(({ onCommit }) => onCommit(() => searchSync?.wake()));
  else searchSync?.wake();
};

const processIndex = async (strapi: Core.Strapi, indexUid: PublicIndexUid, tasks: SyncTask[]): Promise<void> => {
  const targetIds = [...new Set(tasks.map((task) => task.targetDocumentId))];
  const upserts = await documentsFor(strapi, indexUid, targetIds);
  const present = new Set(upserts.map((document) => document.id));
  const deletions = targetIds.filter((documentId) => !present.has(documentId));
  await applyChanges(cmsSearchClient(strapi), indexUid, { upserts, deletions });
  await strapi.db.query(SEARCH_SYNC_TASK).deleteMany({ where: { id: { $in: tasks.map((task) => task.id) } } });
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
  private stopped = false;
  private ready = false;
  private wakeUp: (() => void) | undefined;
  private failing = false;
  /** Set by a wake that came while a batch was running: the loop goes on without waiting. */
  private woken = false;
  private readonly loop: Promise<void>;

  constructor(private readonly strapi: Core.Strapi) {
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      const more = await this.step().catch((error: unknown) => {
        this.reportFailure(error);
        return false;
      });
      if (this.stopped) return;
      if (more || this.woken) continue;
      // Wakes at the interval, or at once when a change is recorded: the wait is created here, so
      // the work after it runs outside the transaction of the request that recorded the change.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, searchConfig(this.strapi).syncIntervalSeconds * 1000);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
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
      orderBy: { nextAttemptAt: 'asc' },
      limit: BATCH_SIZE,
    })) as SyncTask[];
    for (const { uid } of PUBLIC_INDEXES) {
      const tasks = due.filter((task) => task.indexUid === uid);
      if (tasks.length === 0) continue;
      try {
        await processIndex(this.strapi, uid, tasks);
      } catch (error) {
        await postpone(this.strapi, tasks, error);
        throw error;
      }
    }
    const unknown = due.filter((task) => !isPublicIndex(task.indexUid));
    for (const task of unknown) await this.strapi.db.query(SEARCH_SYNC_TASK).delete({ where: { id: task.id } });
    if (this.failing) this.strapi.log.info('Ricerca: Meilisearch di nuovo raggiungibile, indici aggiornati');
    this.failing = false;
    return due.length === BATCH_SIZE;
  }

  private reportFailure(error: unknown): void {
    // Meilisearch may come back without its data: settings, key and content are checked again.
    this.ready = false;
    if (!this.failing) this.strapi.log.warn(`Ricerca: aggiornamento degli indici rimandato (${String(error)})`);
    this.failing = true;
  }
}

let searchSync: SearchSync | undefined;

/** Starts applying recorded index updates; returns the function that stops it. */
export const startSearchSync = (strapi: Core.Strapi): (() => Promise<void>) => {
  const sync = new SearchSync(strapi);
  searchSync = sync;
  return async () => {
    await sync.stop();
    if (searchSync === sync) searchSync = undefined;
  };
};
