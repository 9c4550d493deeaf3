import { describe, expect, it } from 'vitest';
import { highlighted } from './search.ts';

describe('highlighted texts from Meilisearch', () => {
  it('splits the matched words from the rest', () => {
    expect(highlighted('…le \u0001assemble\u0002e di \u0001valle\u0002', 'x')).toEqual([
      { text: '…le ', match: false },
      { text: 'assemble', match: true },
      { text: 'e di ', match: false },
      { text: 'valle', match: true },
    ]);
  });

  it('keeps the plain text when nothing is formatted', () => {
    expect(highlighted(undefined, 'Orti condivisi')).toEqual([{ text: 'Orti condivisi', match: false }]);
  });
});
