import { describe, expect, it } from 'vitest';
import { compareIndex, isConsistent } from './consistency.ts';

describe('compareIndex', () => {
  it('names the documents missing from the index, left over in it, and stale with their fields', () => {
    const expected = [
      { id: 'a', title: 'Orti', year: 2023 },
      { id: 'b', title: 'Centro diurno', year: 2024 },
      { id: 'c', title: 'Tavolo', tags: ['PA'] },
    ];
    const actual = [
      { id: 'b', title: 'Centro diurno', year: 2021 },
      { id: 'c', title: 'Tavolo', tags: ['PA'] },
      { id: 'z', title: 'Ritirata' },
    ];
    const differences = compareIndex(expected, actual);
    expect(differences).toEqual({ missing: ['a'], extra: ['z'], stale: [{ id: 'b', fields: ['year'] }] });
    expect(isConsistent(differences)).toBe(false);
  });

  it('finds nothing to report when the index holds exactly what the CMS publishes', () => {
    const documents = [{ id: 'a', title: 'Orti', _geo: { lat: 45.4, lng: 9.1 } }];
    expect(isConsistent(compareIndex(documents, structuredClone(documents)))).toBe(true);
  });
});
