/**
 * The portal's one cache (CMS answers, search answers and rendered pages), with its settings,
 * and the way data modules read through it.
 */
import { config } from '../config.ts';
import { ServiceUnavailableError } from '../errors.ts';
import { currentDependencies, outsideOfPages } from './dependencies.ts';
import { InvalidationReceiver } from './invalidation.ts';
import { TaggedCache } from './store.ts';

/** A service that failed is asked again after this pause (an old copy is served meanwhile). */
const RETRY_MS = 1_000;

const isOutage = (error: unknown): boolean => error instanceof ServiceUnavailableError;

const create = (): TaggedCache<unknown> => {
  const { cacheTtlSeconds, cacheMaxMegabytes } = config();
  return new TaggedCache<unknown>({
    maxBytes: cacheMaxMegabytes * 1024 * 1024,
    ttlMs: cacheTtlSeconds * 1000,
    retryMs: RETRY_MS,
    isOutage,
    onOutage: (key, error) => {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`[portal] ${reason}; servita la copia precedente di ${key}`);
    },
  });
};

// One cache per server process, even if the bundler copies this module into several chunks.
const GLOBAL_KEY = Symbol.for('coop.portal.cache');
const holder = globalThis as typeof globalThis & { [GLOBAL_KEY]?: TaggedCache<unknown> };

export const portalCache = (): TaggedCache<unknown> => (holder[GLOBAL_KEY] ??= create());

/** Frozen once stored: a page that changed a shared answer would change it for every page. */
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

export type Answer<T> = { value: T; bytes: number; tags: readonly string[] };

/**
 * An answer of the CMS or of the search engine, read through the cache; the page rendering now
 * records its tags and whether it was stale or missing.
 */
export const cachedAnswer = async <T>(key: string, load: () => Promise<Answer<T>>): Promise<T> => {
  const dependencies = currentDependencies();
  try {
    const served = await portalCache().get(
      key,
      () =>
        outsideOfPages(async () => {
          const answer = await load();
          return { ...answer, value: deepFreeze(answer.value), keep: true };
        }),
      dependencies?.mustRevalidate ?? false,
    );
    if (dependencies) {
      for (const tag of served.tags) dependencies.tags.add(tag);
      if (served.outcome === 'stale') dependencies.stale = true;
    }
    return served.value as T;
  } catch (error) {
    if (dependencies && isOutage(error)) dependencies.failed = true;
    throw error;
  }
};

const RECEIVER_KEY = Symbol.for('coop.portal.cache.receiver');
const receiverHolder = globalThis as typeof globalThis & { [RECEIVER_KEY]?: InvalidationReceiver };

/** Applies the CMS's invalidation messages to this process's cache. */
export const invalidationReceiver = (): InvalidationReceiver =>
  (receiverHolder[RECEIVER_KEY] ??= new InvalidationReceiver(portalCache()));
