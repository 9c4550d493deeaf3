import { isDeepStrictEqual } from 'node:util';

export type IndexDifferences = {
  /** In the CMS, not in the index. */
  missing: string[];
  /** In the index, no longer in the CMS (unpublished, deleted, organisation suspended). */
  extra: string[];
  /** In both, with different content. */
  stale: { id: string; fields: string[] }[];
};

type Identified = { id: string } & Record<string, unknown>;

/** Compares what the CMS says the index should hold with what it holds. */
export const compareIndex = (expected: Iterable<Identified>, actual: Iterable<Identified>): IndexDifferences => {
  const actualById = new Map([...actual].map((document) => [document.id, document]));
  const missing: string[] = [];
  const stale: IndexDifferences['stale'] = [];
  for (const document of expected) {
    const stored = actualById.get(document.id);
    actualById.delete(document.id);
    if (!stored) {
      missing.push(document.id);
      continue;
    }
    const fields = Object.keys(document).filter((field) => !isDeepStrictEqual(document[field], stored[field]));
    if (fields.length > 0) stale.push({ id: document.id, fields });
  }
  return { missing: missing.sort(), extra: [...actualById.keys()].sort(), stale };
};

export const isConsistent = (differences: IndexDifferences): boolean =>
  differences.missing.length === 0 && differences.extra.length === 0 && differences.stale.length === 0;
