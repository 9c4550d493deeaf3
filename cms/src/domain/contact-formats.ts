/** Formats of the contact data people type in forms. */

export const isValidEmail = (value: string): boolean =>
  /^[^\s@"<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/.test(
    value.trim(),
  );

/** An Italian or international phone number: digits with spaces, dots, dashes, slashes, an optional +. */
export const isValidPhone = (value: string): boolean => {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  return /^\+?[\d\s./()-]+$/.test(trimmed) && digits.length >= 6 && digits.length <= 15;
};

export const isValidPostalCode = (value: string): boolean => /^\d{5}$/.test(value.trim());

export const isValidWebsite = (value: string): boolean => {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
};
