/**
 * Italian tax identifiers. An organisation's codice fiscale is either the 11-digit numeric code
 * of a legal person (same check digit as a P.IVA) or, rarely, a 16-character personal code.
 */

const ODD_VALUES: Record<string, number> = Object.fromEntries(
  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23].flatMap(
    (value, i): [string, number][] => {
      const letter: [string, number] = [String.fromCharCode(65 + i), value];
      return i < 10 ? [letter, [String(i), value]] : [letter];
    },
  ),
);

const EVEN_VALUE = (char: string): number => (/\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65);

/** The 11th digit of a P.IVA (or numeric codice fiscale) computed from the first ten. */
export const vatCheckDigit = (firstTen: string): number => {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    const digit = Number(firstTen[i]);
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return (10 - (sum % 10)) % 10;
};

export const normaliseTaxCode = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

export const isValidVatNumber = (value: string): boolean => {
  const vat = normaliseTaxCode(value);
  return /^\d{11}$/.test(vat) && vatCheckDigit(vat) === Number(vat[10]) && !/^0{11}$/.test(vat);
};

export const isValidPersonalTaxCode = (value: string): boolean => {
  const code = normaliseTaxCode(value);
  // Omocodia replaces digits with letters from LMNPQRSTUV, hence the letter classes in numeric places.
  if (!/^[A-Z]{6}[\dLMNPQRSTUV]{2}[A-EHLMPRST][\dLMNPQRSTUV]{2}[A-Z][\dLMNPQRSTUV]{3}[A-Z]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const char = code[i] ?? '';
    sum += i % 2 === 0 ? (ODD_VALUES[char] ?? 0) : EVEN_VALUE(char);
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
};

/** A valid codice fiscale of an organisation: numeric (legal person) or personal. */
export const isValidTaxCode = (value: string): boolean => isValidVatNumber(value) || isValidPersonalTaxCode(value);
