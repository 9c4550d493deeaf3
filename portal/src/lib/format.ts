/** What pages show, formatted by the platform's Italian rules (the same as the documents'). */
import { formatDecimal } from '@coop/vocabulary/format';

export { formatDate } from '@coop/vocabulary/format';

/** "1.234", "1.234,5": as the PDF prints it. */
export const formatNumber = (value: number): string => formatDecimal(value);

/** "1 pratica", "3 pratiche". */
export const plural = (count: number, one: string, many: string): string =>
  `${formatNumber(count)} ${count === 1 ? one : many}`;

/** Splits a plain text from the CMS into paragraphs (blank lines or single line breaks). */
export const paragraphs = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split(/\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');

/** A website as a link target: the CMS keeps it as typed (maybe without a scheme). */
export const websiteUrl = (website: string): string => (/^https?:\/\//i.test(website) ? website : `https://${website}`);

export const websiteLabel = (website: string): string => website.replace(/^https?:\/\//i, '').replace(/\/$/, '');

/** The catalogue's count of results: "Nessuna pratica trovata", "1 pratica trovata", "12.345 pratiche trovate". */
export const practicesFound = (total: number): string =>
  total === 0 ? 'Nessuna pratica trovata' : plural(total, 'pratica trovata', 'pratiche trovate');
