/**
 * The portal's cache: values kept by key, each with the tags of what it shows (a CMS document, a
 * content type, the search index), bounded in bytes (least recently used goes first).
 *
 * - A value is fresh for `ttlMs`; after that it is served while one reload runs (stale while
 *   revalidate), so a crowd never waits for the CMS.
 * - An invalidated value (the CMS said what it shows changed) is reloaded before it is served:
 *   everyone asking meanwhile waits for that one reload (request coalescing); for pages, they get
 *   the copy it replaces while it runs (`getOrRefresh`).
 * - When the reload fails because a service is down, the old value is served, marked stale, and
 *   the service is asked again only after `retryMs`.
 * - A reload that started before an invalidation touching its tags is stored invalid: it may have
 *   read the content before the change.
 */

/** How a value was served: from the cache, loaded now, or an old copy because its source is down. */
export type Outcome = 'hit' | 'miss' | 'revalidated' | 'expired' | 'stale';

export type Loaded<T> = {
  value: T;
  /** About what the value takes in memory. */
  bytes: number;
  tags: ReadonlySet<string> | readonly string[];
  /** False for what must not be kept (errors, one-off answers): it is handed back once. */
  keep: boolean;
  /** Fresh for less than the cache's TTL (e.g. built from stale parts). */
  freshForMs?: number;
  /** Served as `stale` even when just loaded (built from stale parts). */
  stale?: boolean;
};

export type Served<T> = { value: T; outcome: Outcome; tags: ReadonlySet<string>; storedAt: number };

export type CacheOptions = {
  maxBytes: number;
  ttlMs: number;
  /** Pause before a failed source is asked again. */
  retryMs: number;
  /** Whether a load error means "the source is down" (served stale) rather than a bug (thrown). */
  isOutage: (error: unknown) => boolean;
  /** Told of every failed reload of a value it keeps serving. */
  onOutage?: (key: string, error: unknown) => void;
  now?: () => number;
};

type Entry<T> = {
  value: T;
  bytes: number;
  tags: ReadonlySet<string>;
  storedAt: number;
  freshUntil: number;
  invalid: boolean;
  stale: boolean;
  retryAt: number;
};

type Reload<T> = { startedAt: number; promise: Promise<Loaded<T>> };

type Invalidation = { epoch: number; matches: (tags: ReadonlySet<string>) => boolean; forget: boolean };

/** Invalidations remembered for reloads still running; older ones make a reload count as invalid. */
const REMEMBERED_INVALIDATIONS = 512;

export class TaggedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly reloads = new Map<string, Reload<T>>();
  private invalidations: Invalidation[] = [];
  private forgottenBefore = 0;
  private epoch = 0;
  private totalBytes = 0;
  private readonly now: () => number;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /**
   * The value for `key`, loading it with `load` when it is missing, invalid or (with
   * `mustRevalidate`) expired. Errors of `load` that are not outages are thrown; an outage is
   * thrown only when there is no old value to serve.
   */
  async get(key: string, load: () => Promise<Loaded<T>>, mustRevalidate = false): Promise<Served<T>> {
    const entry = this.entries.get(key);
    if (!entry) return this.served(await this.reload(key, load), 'miss');
    this.touch(key, entry);
    const now = this.now();
    if (!entry.invalid && now < entry.freshUntil) return this.fromEntry(entry, entry.stale ? 'stale' : 'hit');
    if (now < entry.retryAt) return this.fromEntry(entry, 'stale');
    if (!entry.invalid && !mustRevalidate) {
      // Expired: served as it is while one reload runs in the background.
      if (!this.reloads.has(key)) this.reload(key, load).catch((error: unknown) => this.failed(key, error));
      return this.fromEntry(entry, entry.stale ? 'stale' : 'expired');
    }
    try {
      return this.served(await this.reload(key, load), 'revalidated');
    } catch (error) {
      if (!this.options.isOutage(error)) throw error;
      this.failed(key, error);
      const old = this.entries.get(key);
      if (!old) throw error;
      return this.fromEntry(old, 'stale');
    }
  }

  /**
   * Like `get`, for loads bound to one request (which cannot run after it has been answered): the
   * caller that finds the value expired or invalidated reloads it, and whoever asks while that
   * reload runs is served the copy it replaces, so a crowd never waits for the CMS. A value
   * dropped (withdrawn) is never served.
   */
  async getOrRefresh(key: string, load: () => Promise<Loaded<T>>): Promise<Served<T>> {
    const entry = this.entries.get(key);
    if (entry && this.reloads.has(key) && (entry.invalid || this.now() >= entry.freshUntil)) {
      this.touch(key, entry);
      return this.fromEntry(entry, entry.stale ? 'stale' : 'expired');
    }
    return this.get(key, load, true);
  }

  /** A fresh, valid value without loading anything (a cheap path for the crowd); null otherwise. */
  peek(key: string): { value: T; storedAt: number } | null {
    const entry = this.entries.get(key);
    if (!entry || entry.invalid || entry.stale || this.now() >= entry.freshUntil) return null;
    this.touch(key, entry);
    return { value: entry.value, storedAt: entry.storedAt };
  }

  /** Marks every value whose tags match as invalid: it is loaded again before it is served. */
  invalidate(matches: (tags: ReadonlySet<string>) => boolean): number {
    this.remember(matches, false);
    let count = 0;
    for (const entry of this.entries.values()) {
      if (!entry.invalid && matches(entry.tags)) {
        entry.invalid = true;
        entry.retryAt = 0;
        count += 1;
      }
    }
    return count;
  }

  /** Forgets every value whose tags match: not even an outage brings it back. */
  drop(matches: (tags: ReadonlySet<string>) => boolean): number {
    this.remember(matches, true);
    let count = 0;
    for (const [key, entry] of this.entries) {
      if (matches(entry.tags)) {
        this.remove(key, entry);
        count += 1;
      }
    }
    return count;
  }

  invalidateAll(): number {
    return this.invalidate(() => true);
  }

  private remember(matches: (tags: ReadonlySet<string>) => boolean, forget: boolean): void {
    this.epoch += 1;
    this.invalidations.push({ epoch: this.epoch, matches, forget });
    if (this.invalidations.length > REMEMBERED_INVALIDATIONS) {
      const forgotten = this.invalidations.splice(0, this.invalidations.length - REMEMBERED_INVALIDATIONS);
      this.forgottenBefore = forgotten.at(-1)?.epoch ?? this.forgottenBefore;
    }
    // Reloads already running may have read the old content: later callers start their own.
    this.reloads.clear();
  }

  private reload(key: string, load: () => Promise<Loaded<T>>): Promise<Loaded<T>> {
    const running = this.reloads.get(key);
    if (running) return running.promise;
    const startedAt = this.epoch;
    const promise = (async () => {
      const loaded = await load();
      if (loaded.keep) this.store(key, loaded, startedAt);
      return loaded;
    })();
    const reload = { startedAt, promise };
    this.reloads.set(key, reload);
    const settle = (): void => {
      if (this.reloads.get(key) === reload) this.reloads.delete(key);
    };
    promise.then(settle, settle);
    return promise;
  }

  private store(key: string, loaded: Loaded<T>, startedAt: number): void {
    const tags = new Set(loaded.tags);
    const since = this.invalidations.filter(
      (invalidation) => invalidation.epoch > startedAt && invalidation.matches(tags),
    );
    const invalid = startedAt < this.forgottenBefore || since.length > 0;
    const now = this.now();
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    // Read before what it shows was withdrawn: not kept at all.
    if (loaded.bytes > this.options.maxBytes || since.some((invalidation) => invalidation.forget)) return;
    this.entries.set(key, {
      value: loaded.value,
      bytes: loaded.bytes,
      tags,
      storedAt: now,
      freshUntil: now + Math.min(loaded.freshForMs ?? this.options.ttlMs, this.options.ttlMs),
      invalid,
      stale: loaded.stale === true,
      retryAt: 0,
    });
    this.totalBytes += loaded.bytes;
    for (const [oldestKey, oldest] of this.entries) {
      if (this.totalBytes <= this.options.maxBytes) break;
      this.remove(oldestKey, oldest);
    }
  }

  private failed(key: string, error: unknown): void {
    const entry = this.entries.get(key);
    if (!entry || !this.options.isOutage(error)) return;
    entry.retryAt = this.now() + this.options.retryMs;
    this.options.onOutage?.(key, error);
  }

  private remove(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  /** Most recently used last: eviction takes the first. */
  private touch(key: string, entry: Entry<T>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private fromEntry(entry: Entry<T>, outcome: Outcome): Served<T> {
    return { value: entry.value, outcome, tags: entry.tags, storedAt: entry.storedAt };
  }

  private served(loaded: Loaded<T>, outcome: Outcome): Served<T> {
    return {
      value: loaded.value,
      outcome: loaded.stale ? 'stale' : outcome,
      tags: new Set(loaded.tags),
      storedAt: this.now(),
    };
  }
}
