import { describe, expect, it } from 'vitest';
import { countCharacters } from './text-length';

describe('countCharacters', () => {
  it('counts accented letters and emoji as one character each', () => {
    expect(countCharacters('perché')).toBe(6);
    expect(countCharacters('perche\u0301')).toBe(6);
    expect(countCharacters('👍')).toBe(1);
    expect(countCharacters('👩‍👩‍👧‍👦')).toBe(1);
    expect(countCharacters('🇮🇹 Italia')).toBe(8);
  });

  it('ignores surrounding white space and treats a missing text as empty', () => {
    expect(countCharacters('  ciao \n')).toBe(4);
    expect(countCharacters(null)).toBe(0);
    expect(countCharacters(undefined)).toBe(0);
  });
});
