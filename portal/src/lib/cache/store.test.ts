import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../errors.ts';
import { TaggedCache, type Loaded } from './store.ts';

const clock = { now: 0 };
const cache = (ttlMs = 1000) =>
  new TaggedCache<string>({
    maxBytes: 100,
    ttlMs,
    retryMs: 500,
    isOutage: (error) => error instanceof ServiceUnavailableError,
    now: () => clock.now,
  });
const loaded = (value: string, tags: string[] = [], bytes = 10): Loaded<string> => ({ value, bytes, tags, keep: true });
const down = (): Promise<Loaded<string>> => Promise.reject(new ServiceUnavailableError('down'));

describe('TaggedCache', () => {
  it('loads once for a crowd asking at the same time', async () => {
    const store = cache();
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return loaded('page');
    };
    const served = await Promise.all(Array.from({ length: 20 }, () => store.get('a', load)));
    expect(loads).toBe(1);
    expect(served.map((answer) => answer.value)).toEqual(Array(20).fill('page'));
    expect((await store.get('a', load)).outcome).toBe('hit');
  });

  it('serves an expired value while one reload runs, then the new one', async () => {
    clock.now = 0;
    const store = cache();
    await store.get('a', () => Promise.resolve(loaded('old')));
    clock.now = 1500;
    let release = (): void => {};
    const reload = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return loaded('new');
    };
    expect(await store.get('a', reload)).toMatchObject({ value: 'old', outcome: 'expired' });
    expect(await store.get('a', reload)).toMatchObject({ value: 'old', outcome: 'expired' });
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await store.get('a', reload)).toMatchObject({ value: 'new', outcome: 'hit' });
  });

  it('reloads an invalidated value before serving it, and only what the tags reach', async () => {
    clock.now = 0;
    const store = cache();
    await store.get('card', () => Promise.resolve(loaded('v1', ['doc:1'])));
    await store.get('other', () => Promise.resolve(loaded('x', ['doc:2'])));
    expect(store.invalidate((tags) => tags.has('doc:1'))).toBe(1);
    expect(await store.get('card', () => Promise.resolve(loaded('v2', ['doc:1'])))).toMatchObject({
      value: 'v2',
      outcome: 'revalidated',
    });
    expect((await store.get('other', down)).outcome).toBe('hit');
  });

  it('for a page, lets the first caller after an invalidation rebuild it while the others get the old copy', async () => {
    clock.now = 0;
    const store = cache();
    await store.getOrRefresh('page', () => Promise.resolve(loaded('v1', ['doc:1'])));
    store.invalidate((tags) => tags.has('doc:1'));
    let release = (): void => {};
    const rebuild = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return loaded('v2', ['doc:1']);
    };
    const first = store.getOrRefresh('page', rebuild);
    expect(await store.getOrRefresh('page', rebuild)).toMatchObject({ value: 'v1', outcome: 'expired' });
    release();
    expect(await first).toMatchObject({ value: 'v2', outcome: 'revalidated' });
    expect(await store.getOrRefresh('page', rebuild)).toMatchObject({ value: 'v2', outcome: 'hit' });
    // Withdrawn: forgotten, never handed out again.
    store.drop((tags) => tags.has('doc:1'));
    expect(await store.getOrRefresh('page', () => Promise.resolve(loaded('404', ['doc:1'])))).toMatchObject({
      value: '404',
      outcome: 'miss',
    });
  });

  it('serves the old copy, marked stale, when the source is down, and asks again after a pause', async () => {
    clock.now = 0;
    const store = cache();
    await store.get('a', () => Promise.resolve(loaded('old', ['t'])));
    store.invalidateAll();
    expect(await store.get('a', down)).toMatchObject({ value: 'old', outcome: 'stale' });
    let asked = false;
    const back = () => {
      asked = true;
      return Promise.resolve(loaded('new', ['t']));
    };
    expect(await store.get('a', back)).toMatchObject({ value: 'old', outcome: 'stale' });
    expect(asked).toBe(false);
    clock.now = 600;
    expect(await store.get('a', back)).toMatchObject({ value: 'new', outcome: 'revalidated' });
  });

  it('never serves a dropped value again, not even when the source is down', async () => {
    clock.now = 0;
    const store = cache();
    await store.get('practice', () => Promise.resolve(loaded('published', ['subject:1'])));
    store.drop((tags) => tags.has('subject:1'));
    await expect(store.get('practice', down)).rejects.toThrow('down');
  });

  it('keeps a reload that started before an invalidation as invalid, and one before a drop not at all', async () => {
    clock.now = 0;
    const store = cache();
    let release = (): void => {};
    const slow = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return loaded('before the change', ['doc:1', 'subject:1']);
    };
    const first = store.get('a', slow);
    store.invalidate((tags) => tags.has('doc:1'));
    release();
    await first;
    expect(await store.get('a', () => Promise.resolve(loaded('after', ['doc:1'])))).toMatchObject({ value: 'after' });

    const second = store.get('b', slow);
    store.drop((tags) => tags.has('subject:1'));
    release();
    await second;
    expect(store.peek('b')).toBeNull();
    await expect(store.get('b', down)).rejects.toThrow('down');
  });

  it('stays within its bytes, the least recently used going first', async () => {
    clock.now = 0;
    const store = cache();
    for (const key of ['a', 'b', 'c', 'd']) await store.get(key, () => Promise.resolve(loaded(key, [], 30)));
    expect(store.bytes).toBeLessThanOrEqual(100);
    expect(store.peek('a')).toBeNull();
    expect(store.peek('d')?.value).toBe('d');
  });
});
