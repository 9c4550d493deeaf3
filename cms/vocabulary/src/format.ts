/**
 * Every figure and date users read, in documents, pages and e-mails, is formatted here: Italian
 * conventions (thousands grouped from 1.000 on, four-digit figures too), Rome's calendar. The
 * documents, the portal and the CMS's messages all use it, so 1234 reads "1.234" everywhere.
 */

const LOCALE = 'it-IT';
export const TIME_ZONE = 'Europe/Rome';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, useGrouping: 'always' });
const decimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2, useGrouping: 'always' });
const euroFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  useGrouping: 'always',
});
const wholeEuroFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
  useGrouping: 'always',
});
const percentFormat = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });
const signedPercentFormat = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const longDate = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
});

/** "1.234" */
export const formatInteger = (value: number): string => integerFormat.format(value);

/** "1.234,5" */
export const formatDecimal = (value: number): string => decimalFormat.format(value);

/** "1.234.567,89 €" (a no-break space keeps the sign with its figure). */
export const formatEuro = (value: number): string => euroFormat.format(value);

/** "1.235 €": whole euros, for charts and summaries. */
export const formatWholeEuro = (value: number): string => wholeEuroFormat.format(value);

/** 0.305 → "30,5%" */
export const formatPercent = (share: number): string => percentFormat.format(share);

/** A plain number of percent points as stored in forms: 96.7 → "96,7%" */
export const formatPercentPoints = (points: number): string => percentFormat.format(points / 100);

/** 2.45 → "1:2,45" */
export const formatRatio = (value: number): string => `1:${decimalFormat.format(value)}`;

/** Change against last year: "+5,2%", "−3%", "invariato"; null when last year is zero or unknown. */
export const formatChange = (current: number, previous: number | null | undefined): string => {
  if (previous === null || previous === undefined) return '';
  if (previous === 0) return current === 0 ? 'invariato' : 'n.d.';
  const change = (current - previous) / Math.abs(previous);
  return Math.abs(change) < 0.0005 ? 'invariato' : signedPercentFormat.format(change);
};

/** "29 aprile 2025", from a Date or an ISO date ("2025-04-29", read as a day in Rome). */
export const formatDate = (value: Date | string): string => {
  const date =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return longDate.format(date);
};

export const formatYesNo = (value: boolean): string => (value ? 'Sì' : 'No');

/** A value from a request, JSON or the database as text: primitives as they print, dates as ISO, anything else as JSON. */
export const textOf = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? '';
};
