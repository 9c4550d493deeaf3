import { describe, expect, it } from 'vitest';
import { ServiceUnavailableError } from '../errors.ts';
import { InvalidationReceiver, parseMessage } from './invalidation.ts';
import { TaggedCache } from './store.ts';
import { SEARCH_TAG, documentIds, documentTag, subjectTag, typeTag } from './tags.ts';

const filled = async () => {
  const cache = new TaggedCache<string>({
    maxBytes: 10_000,
    ttlMs: 60_000,
    retryMs: 1000,
    isOutage: (error) => error instanceof ServiceUnavailableError,
  });
  const put = (key: string, tags: string[]) =>
    cache.get(key, () => Promise.resolve({ value: key, bytes: 1, tags, keep: true }));
  await put('practice', [typeTag('practice-cards'), documentTag('c1'), subjectTag('c1'), documentTag('o1')]);
  await put('home', [typeTag('practice-cards'), documentTag('c2')]);
  await put('consortium', [typeTag('organisations'), documentTag('o1'), subjectTag('o1')]);
  await put('catalogue', [SEARCH_TAG]);
  return cache;
};

const message = (sequence: number, rest: Record<string, unknown> = {}) =>
  parseMessage({ source: 'cms-a', sequence, ...rest })!;

describe('InvalidationReceiver', () => {
  it('invalidates what shows a changed document or lists its type, and drops a withdrawn one', async () => {
    const fresh = await filled();
    const second = new InvalidationReceiver(fresh);
    second.apply(message(1));
    const applied = second.apply(message(2, { changes: [{ type: 'practice-cards', documentId: 'c1', gone: true }] }));
    expect(applied).toEqual({ invalidated: 1, dropped: 1, everything: false });
    expect(fresh.peek('practice')).toBeNull();
    expect(fresh.peek('home')).toBeNull();
    expect(fresh.peek('consortium')?.value).toBe('consortium');
    expect(fresh.peek('catalogue')?.value).toBe('catalogue');
    second.apply(message(3, { search: true }));
    expect(fresh.peek('catalogue')).toBeNull();
  });

  it('invalidates everything after a gap in a source’s numbering', async () => {
    const cache = await filled();
    const receiver = new InvalidationReceiver(cache);
    receiver.apply(message(1));
    expect(receiver.apply(message(3, { search: true })).everything).toBe(true);
    expect(cache.peek('consortium')).toBeNull();
  });

  it('refuses what is not a message', () => {
    expect(parseMessage(null)).toBeNull();
    expect(parseMessage({ source: 'a', sequence: 0 })).toBeNull();
    expect(parseMessage({ source: 'a b', sequence: 1 })).toBeNull();
    expect(parseMessage({ source: 'a', sequence: 1, changes: [{ type: '../x', documentId: 'd' }] })).toBeNull();
    expect(parseMessage({ source: 'a', sequence: 1, changes: [{ type: 'x', documentId: 'd' }] })?.changes).toEqual([
      { type: 'x', documentId: 'd', gone: false },
    ]);
  });

  it('finds every documentId in an answer', () => {
    expect([...documentIds({ data: [{ documentId: 'a', organisation: { documentId: 'b', logo: null } }] })]).toEqual([
      'a',
      'b',
    ]);
  });
});
