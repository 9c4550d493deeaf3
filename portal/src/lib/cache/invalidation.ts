/**
 * What the CMS tells every portal instance after a change (see `cms/src/cache/`), and how the
 * cache applies it. Each CMS process numbers its messages; a gap means one was lost (the portal
 * was unreachable longer than the CMS kept it, or the CMS restarted), and then everything is
 * invalidated, which is always safe.
 */
import type { TaggedCache } from './store.ts';
import { SEARCH_TAG, documentTag, subjectTag, typeTag } from './tags.ts';

export type ContentChange = {
  /** The REST collection of the changed document (`practice-cards`, `organisations`, …). */
  type: string;
  documentId: string;
  /** The public no longer sees the document (withdrawn, deleted, suspended). */
  gone: boolean;
};

export type InvalidationMessage = {
  /** The sending CMS process (a new one after every start). */
  source: string;
  /** 1, 2, 3… per source; a retried message keeps its number. */
  sequence: number;
  /** Everything may have changed (the CMS started, or messages were lost). */
  all: boolean;
  /** The search index has applied changes. */
  search: boolean;
  changes: ContentChange[];
};

const MAX_CHANGES = 10_000;
const IDENTIFIER = /^[A-Za-z0-9_-]{1,100}$/;

const isChange = (value: unknown): value is ContentChange => {
  const change = value as Partial<ContentChange> | null;
  return (
    typeof change === 'object' &&
    change !== null &&
    typeof change.type === 'string' &&
    IDENTIFIER.test(change.type) &&
    typeof change.documentId === 'string' &&
    IDENTIFIER.test(change.documentId) &&
    (change.gone === undefined || typeof change.gone === 'boolean')
  );
};

/** The message in a request body, or null when it is not one. */
export const parseMessage = (body: unknown): InvalidationMessage | null => {
  const message = body as Partial<Record<keyof InvalidationMessage, unknown>> | null;
  if (typeof message !== 'object' || message === null) return null;
  const { source, sequence, all = false, search = false, changes = [] } = message;
  if (typeof source !== 'string' || !IDENTIFIER.test(source)) return null;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1) return null;
  if (typeof all !== 'boolean' || typeof search !== 'boolean') return null;
  if (!Array.isArray(changes) || changes.length > MAX_CHANGES || !changes.every(isChange)) return null;
  return {
    source,
    sequence,
    all,
    search,
    changes: changes.map((change) => ({ ...change, gone: change.gone === true })),
  };
};

export type Applied = { invalidated: number; dropped: number; everything: boolean };

/** Applies messages in the order of each source's numbering; remembers the last one per source. */
export class InvalidationReceiver {
  private readonly lastSequence = new Map<string, number>();

  constructor(private readonly cache: TaggedCache<unknown>) {}

  apply(message: InvalidationMessage): Applied {
    const last = this.lastSequence.get(message.source);
    // A source never heard of may have sent messages before this process started listening.
    const missed = last === undefined ? message.sequence > 1 : message.sequence > last + 1;
    this.lastSequence.set(message.source, Math.max(last ?? 0, message.sequence));

    let dropped = 0;
    const gone = new Set(
      message.changes.filter((change) => change.gone).map((change) => subjectTag(change.documentId)),
    );
    // A withdrawn document's own pages are forgotten: never served again, not even stale.
    if (gone.size > 0) dropped = this.cache.drop((tags) => [...gone].some((tag) => tags.has(tag)));

    if (message.all || missed) return { invalidated: this.cache.invalidateAll(), dropped, everything: true };
    const wanted = new Set<string>([
      ...message.changes.flatMap((change) => [typeTag(change.type), documentTag(change.documentId)]),
      ...(message.search ? [SEARCH_TAG] : []),
    ]);
    if (wanted.size === 0) return { invalidated: 0, dropped, everything: false };
    const invalidated = this.cache.invalidate((tags) => {
      for (const tag of wanted) if (tags.has(tag)) return true;
      return false;
    });
    return { invalidated, dropped, everything: false };
  }
}
