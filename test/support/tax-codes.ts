/**
 * A valid P.IVA from its first ten digits, computed here independently of the CMS (the tests
 * must not trust the check they are testing).
 */
export const validVatNumber = (firstTen: string): string => {
  if (!/^\d{10}$/.test(firstTen)) throw new Error(`ten digits expected, got ${firstTen}`);
  const digits = [...firstTen].map(Number);
  const odd = digits.filter((_, index) => index % 2 === 0).reduce((sum, digit) => sum + digit, 0);
  const even = digits
    .filter((_, index) => index % 2 === 1)
    .reduce((sum, digit) => sum + ((digit * 2) % 10) + Math.floor((digit * 2) / 10), 0);
  return `${firstTen}${(10 - ((odd + even) % 10)) % 10}`;
};
