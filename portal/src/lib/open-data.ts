/**
 * Open data: the published practice cards as CSV, JSON and GeoJSON (CC BY 4.0). People's contacts
 * are left out even where the card shows them: the open data describe practices, not persons.
 */
import type { PracticeCard, Province } from './cms.ts';
import { textOf } from '@coop/vocabulary/format';

export const LICENCE = {
  name: 'Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.it',
  attribution: 'Mappa delle pratiche innovative delle cooperative sociali',
};

export type PracticeRecord = {
  slug: string;
  url: string;
  titolo: string;
  ambito: string;
  organizzazione: string;
  tipo_organizzazione: string;
  comune: string | null;
  provincia: string | null;
  sigla_provincia: string | null;
  regione: string | null;
  anno_avvio: number | null;
  partner_intenti: string[];
  partner_economici: string[];
  finanziamenti: string[];
  valutazione_impatto: boolean;
  descrizione: string;
  elementi_innovazione: string;
  valutazione: string;
  pubblicata_il: string;
  latitudine: number | null;
  longitudine: number | null;
};

const coordinate = (value: number | string | null | undefined): number | null => {
  const parsed = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isFinite(parsed) ? parsed : null;
};

/** A card as an open-data record; located at its organisation, else at its province's capital. */
export const toRecord = (card: PracticeCard, provinces: Map<string, Province>, portalUrl: string): PracticeRecord => {
  const capital = card.province ? provinces.get(card.province.code) : undefined;
  const organisationLat = coordinate(card.organisation?.latitude);
  const organisationLng = coordinate(card.organisation?.longitude);
  const located = organisationLat !== null && organisationLng !== null;
  return {
    slug: card.slug,
    url: `${portalUrl}/pratiche/${card.slug}`,
    titolo: card.title,
    ambito: card.innovationArea?.name ?? '',
    organizzazione: card.organisation?.name ?? '',
    tipo_organizzazione: card.organisation?.organisationType ?? '',
    comune: card.city,
    provincia: card.province?.name ?? null,
    sigla_provincia: card.province?.code ?? null,
    regione: card.province?.region?.name ?? null,
    anno_avvio: card.startYear,
    partner_intenti: card.intentPartners.map((partner) => partner.name),
    partner_economici: card.economicPartners.map((partner) => partner.name),
    finanziamenti: card.fundingSources.map((source) => source.name),
    valutazione_impatto: card.impactEvaluation,
    descrizione: card.description,
    elementi_innovazione: card.innovationElements,
    valutazione: card.evaluation,
    pubblicata_il: card.publishedAt,
    latitudine: located ? organisationLat : coordinate(capital?.latitude),
    longitudine: located ? organisationLng : coordinate(capital?.longitude),
  };
};

/** Text a spreadsheet would run as a formula ("=…", "+…", "-…", "@…"): an apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

const csvCell = (value: unknown): string => {
  const raw = Array.isArray(value) ? value.join('; ') : textOf(value);
  const text = typeof value !== 'number' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheets read the accents). */
export const toCsv = (records: PracticeRecord[]): string => {
  const columns = Object.keys(records[0] ?? emptyRecord) as (keyof PracticeRecord)[];
  const lines = [
    columns.join(','),
    ...records.map((record) => columns.map((column) => csvCell(record[column])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
};

export const toGeoJson = (records: PracticeRecord[]): unknown => ({
  type: 'FeatureCollection',
  licence: LICENCE.url,
  features: records
    .filter((record) => record.latitudine !== null && record.longitudine !== null)
    .map(({ latitudine, longitudine, ...properties }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [longitudine, latitudine] },
      properties,
    })),
});

const emptyRecord: PracticeRecord = {
  slug: '',
  url: '',
  titolo: '',
  ambito: '',
  organizzazione: '',
  tipo_organizzazione: '',
  comune: null,
  provincia: null,
  sigla_provincia: null,
  regione: null,
  anno_avvio: null,
  partner_intenti: [],
  partner_economici: [],
  finanziamenti: [],
  valutazione_impatto: false,
  descrizione: '',
  elementi_innovazione: '',
  valutazione: '',
  pubblicata_il: '',
  latitudine: null,
  longitudine: null,
};

/** What kinds of partnership a card has (as the catalogue's facet names them). */
export const partnershipKinds = (card: PracticeCard): string[] => {
  const kinds = [
    ...(card.intentPartners.length > 0 ? ['Partnership di intenti'] : []),
    ...(card.economicPartners.length > 0 ? ['Partnership economica'] : []),
  ];
  return kinds.length > 0 ? kinds : ['Nessuna partnership'];
};

export type Tally = { label: string; count: number }[];

export const tally = (labels: string[], order?: string[]): Tally => {
  const counts = new Map<string, number>();
  for (const label of order ?? []) counts.set(label, 0);
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const entries = [...counts.entries()].map(([label, count]) => ({ label, count }));
  return order ? entries : entries.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'it'));
};
