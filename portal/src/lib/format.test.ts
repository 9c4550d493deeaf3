import { describe, expect, it } from 'vitest';
import { formatInteger } from '@coop/vocabulary/format';
import { formatNumber, plural, practicesFound } from './format.ts';

describe('Italian formatting', () => {
  it('groups thousands with a dot from four digits, as the documents print them', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(12345)).toBe('12.345');
    expect(formatNumber(1234)).toBe(formatInteger(1234));
    expect(plural(1, 'pratica', 'pratiche')).toBe('1 pratica');
    expect(plural(2, 'pratica', 'pratiche')).toBe('2 pratiche');
  });

  it('counts the practices found', () => {
    expect(practicesFound(0)).toBe('Nessuna pratica trovata');
    expect(practicesFound(1)).toBe('1 pratica trovata');
    expect(practicesFound(42)).toBe('42 pratiche trovate');
    expect(practicesFound(12345)).toBe('12.345 pratiche trovate');
  });
});
