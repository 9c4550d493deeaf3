/**
 * Delivers cache invalidations to every portal instance: one queue per instance, one message in
 * flight at a time, retried with backoff until the instance acknowledges it. Changes that arrive
 * meanwhile join the next message (or the retried one, which keeps its number), so a slow or
 * unreachable instance costs one pending message, never a backlog; past a size it becomes "all".
 * Messages are numbered per instance from this process's start, so a portal that sees a gap (the
 * CMS restarted with messages unsent) invalidates everything; the first message after a start
 * says "all" for the same reason.
 */
import { randomBytes } from 'node:crypto';
import type { PortalChange } from './changes';

type Batch = {
  sequence: number | null;
  all: boolean;
  search: boolean;
  changes: Map<string, PortalChange>;
  waiters: (() => void)[];
};

export type DeliveryOptions = {
  secret: string;
  log: { info: (message: string) => void; warn: (message: string) => void };
  /** Longest pause between two attempts. */
  maxRetryMs?: number;
  timeoutMs?: number;
};

/** Past this many changes a message says "all": cheaper for both sides than the list. */
const MAX_CHANGES = 2_000;
const FIRST_RETRY_MS = 250;
/** After this many failed attempts in a row, writes stop waiting for the instance. */
const LONG_DOWN_FAILURES = 3;

const emptyBatch = (): Batch => ({ sequence: null, all: false, search: false, changes: new Map(), waiters: [] });

const keyOf = (change: PortalChange): string => `${change.type}:${change.documentId}`;

const merge = (into: Batch, from: Batch): void => {
  into.all ||= from.all;
  into.search ||= from.search;
  for (const [key, change] of from.changes) {
    const known = into.changes.get(key);
    into.changes.set(key, known ? { ...change, gone: change.gone || known.gone } : change);
  }
  if (into.changes.size > MAX_CHANGES) {
    into.all = true;
    // Withdrawn documents still need their pages forgotten, not only invalidated.
    for (const [key, change] of into.changes) if (!change.gone) into.changes.delete(key);
  }
  into.waiters.push(...from.waiters);
};

const isEmpty = (batch: Batch): boolean => !batch.all && !batch.search && batch.changes.size === 0;

class PortalInstance {
  private pending = emptyBatch();
  private inflight: Batch | null = null;
  private nextSequence = 1;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly url: string,
    private readonly source: string,
    private readonly options: Required<DeliveryOptions>,
  ) {}

  /**
   * Resolves once this instance has the change, or has failed to take it; at once while it has
   * been unreachable for a while (a write does not wait for an instance that is down).
   */
  add(batch: Batch): Promise<void> {
    return new Promise((resolve) => {
      batch.waiters.push(resolve);
      if (this.failures >= LONG_DOWN_FAILURES) resolve();
      merge(this.pending, batch);
      // News for an instance in backoff is tried at once: it may be back (a portal restarted).
      if (this.retryTimer) {
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
      }
      this.sendNext();
    });
  }

  private sendNext(): void {
    if (this.inflight || this.retryTimer || isEmpty(this.pending)) return;
    const batch = this.pending;
    this.pending = emptyBatch();
    batch.sequence ??= this.nextSequence++;
    this.inflight = batch;
    void this.post(batch).then(
      () => this.delivered(batch),
      (error: unknown) => this.failed(batch, error),
    );
  }

  private async post(batch: Batch): Promise<void> {
    const response = await fetch(`${this.url}/api/cache/invalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-portal-secret': this.options.secret },
      body: JSON.stringify({
        source: this.source,
        sequence: batch.sequence,
        all: batch.all,
        search: batch.search,
        changes: [...batch.changes.values()],
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) throw new Error(`risposta ${response.status}`);
  }

  private delivered(batch: Batch): void {
    if (this.failures > 0) this.options.log.info(`Cache del portale: ${this.url} di nuovo raggiungibile`);
    this.failures = 0;
    this.inflight = null;
    for (const resolve of batch.waiters) resolve();
    this.sendNext();
  }

  private failed(batch: Batch, error: unknown): void {
    this.failures += 1;
    this.inflight = null;
    // The retry keeps the failed message's number and carries what came meanwhile; nobody waits for it.
    merge(batch, this.pending);
    for (const resolve of batch.waiters.splice(0)) resolve();
    this.pending = batch;
    const delay = Math.min(FIRST_RETRY_MS * 2 ** (this.failures - 1), this.options.maxRetryMs);
    if (this.failures === 1 || delay === this.options.maxRetryMs) {
      const reason =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : error;
      this.options.log.warn(
        `Cache del portale: ${this.url} non raggiungibile (${String(reason)}); nuovo tentativo tra ${delay} ms`,
      );
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.sendNext();
    }, delay);
    this.retryTimer.unref();
  }
}

export class PortalCacheDelivery {
  /** This process, as the portals tell its messages apart from those of other CMS processes. */
  readonly source = randomBytes(9).toString('base64url');
  private readonly instances: PortalInstance[];

  constructor(urls: string[], options: DeliveryOptions) {
    const resolved = { maxRetryMs: 30_000, timeoutMs: 5_000, ...options };
    this.instances = [...new Set(urls.map((url) => url.replace(/\/+$/, '')))].map(
      (url) => new PortalInstance(url, this.source, resolved),
    );
  }

  get urls(): string[] {
    return this.instances.map((instance) => instance.url);
  }

  /** Resolves once every reachable instance has acknowledged. */
  send(message: { all?: boolean; search?: boolean; changes?: PortalChange[] }): Promise<void> {
    return Promise.all(
      this.instances.map((instance) => {
        const batch = emptyBatch();
        batch.all = message.all === true;
        batch.search = message.search === true;
        for (const change of message.changes ?? []) batch.changes.set(keyOf(change), change);
        return instance.add(batch);
      }),
    ).then(() => undefined);
  }
}
