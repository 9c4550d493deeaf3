import { describe, expect, it } from 'vitest';
import { isValidPersonalTaxCode, isValidTaxCode, isValidVatNumber, vatCheckDigit } from './tax-code';

describe('Italian tax identifiers', () => {
  it('accepts a P.IVA whose check digit is right and refuses the same number with any other', () => {
    expect(vatCheckDigit('1234567890')).toBe(3);
    expect(isValidVatNumber('12345678903')).toBe(true);
    for (const digit of [0, 1, 2, 4, 5, 6, 7, 8, 9]) expect(isValidVatNumber(`1234567890${digit}`)).toBe(false);
  });

  it('refuses P.IVA of the wrong length, with letters, or all zeros', () => {
    expect(isValidVatNumber('1234567890')).toBe(false);
    expect(isValidVatNumber('123456789033')).toBe(false);
    expect(isValidVatNumber('1234567890A')).toBe(false);
    expect(isValidVatNumber('00000000000')).toBe(false);
  });

  it('checks the control character of a personal codice fiscale, also with omocodia', () => {
    expect(isValidPersonalTaxCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidPersonalTaxCode('rssmra85t10a562s')).toBe(true);
    expect(isValidPersonalTaxCode('RSSMRA85T10A562T')).toBe(false);
    expect(isValidPersonalTaxCode('RSSMRA85T10A56NF')).toBe(false);
  });

  it('accepts either kind as an organisation codice fiscale, spaces ignored', () => {
    expect(isValidTaxCode('123 456 789 03')).toBe(true);
    expect(isValidTaxCode('RSSMRA85T10A562S')).toBe(true);
    expect(isValidTaxCode('ABC')).toBe(false);
  });
});
