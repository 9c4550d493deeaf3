import { describe, expect, it } from 'vitest';
import { isWholeWord, searchQuery } from './search-query.ts';

describe('searchQuery', () => {
  it('ends a sector acronym with a space, however it is typed, so it is not a prefix', () => {
    for (const typed of ['PA', 'pa', 'Rsa', 'CSE', 'sad', ' SAD ', 'servizi ADI']) {
      expect(searchQuery(typed).endsWith(' ')).toBe(true);
    }
  });

  it('reads dotted acronyms as the acronym', () => {
    expect(searchQuery('R.S.A.')).toBe('RSA ');
    expect(searchQuery('partner EE.LL.')).toBe('partner EELL ');
    expect(searchQuery('P.A. e scuole')).toBe('PA e scuole');
  });

  it('leaves a word being typed as a prefix', () => {
    expect(searchQuery('anz')).toBe('anz');
    expect(searchQuery('orti socia')).toBe('orti socia');
    expect(searchQuery('')).toBe('');
  });

  it('takes short capitals and single letters as whole words, long capitals as typed', () => {
    expect(isWholeWord('PNRR')).toBe(true);
    expect(isWholeWord('b')).toBe(true);
    expect(isWholeWord('ANZIANI')).toBe(false);
    expect(isWholeWord('via')).toBe(false);
  });
});
