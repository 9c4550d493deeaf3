import { MAP_CELL_ATTRIBUTES } from './map-cells.ts';
import { SECTOR_SYNONYMS } from './sector-terms.ts';

/**
 * The `practices` index: published practice cards, as the portal searches, filters and maps them.
 * Its settings live here and only here.
 */

export const PRACTICES_INDEX = 'practices';

/** A published practice card as the index stores it: plain data, no CMS inside. */
export type PracticeSearchDocument = {
  /** The card's documentId: stable across edits and publications. */
  id: string;
  slug: string;
  title: string;
  description: string;
  innovationElements: string;
  evaluation: string;
  organisationName: string;
  organisationSlug: string;
  organisationType: string;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  region: string | null;
  innovationArea: string;
  intentPartners: string[];
  economicPartners: string[];
  partnershipKinds: string[];
  fundingSources: string[];
  impactEvaluation: boolean;
  year: number | null;
  publishedAt: number;
  _geo: { lat: number; lng: number } | null;
} & Partial<Record<`geoCell${number}`, string>>;

/** Italian words that carry no meaning in a search. */
export const ITALIAN_STOP_WORDS = [
  'a',
  'ad',
  'al',
  'alla',
  'alle',
  'agli',
  'ai',
  'allo',
  'che',
  'con',
  'da',
  'dal',
  'dalla',
  'dalle',
  'dai',
  'degli',
  'dei',
  'del',
  'della',
  'delle',
  'dello',
  'di',
  'e',
  'ed',
  'gli',
  'i',
  'il',
  'in',
  'la',
  'le',
  'lo',
  'nei',
  'nel',
  'nella',
  'nelle',
  'o',
  'per',
  'su',
  'sul',
  'sulla',
  'tra',
  'fra',
  'un',
  'una',
  'uno',
];

/** The sector's words (acronyms and what they stand for): one list, shared with the portal. */
export { SECTOR_SYNONYMS } from './sector-terms.ts';

export const PRACTICES_SETTINGS = {
  searchableAttributes: [
    'title',
    'innovationArea',
    'organisationName',
    'description',
    'innovationElements',
    'evaluation',
    'city',
    'province',
    'region',
    'intentPartners',
    'economicPartners',
    'fundingSources',
  ],
  filterableAttributes: [
    'innovationArea',
    'region',
    'province',
    'provinceCode',
    'organisationType',
    'organisationSlug',
    'partnershipKinds',
    'intentPartners',
    'economicPartners',
    'fundingSources',
    'impactEvaluation',
    'year',
    '_geo',
    // The map's grid cells at every level it clusters at (map-cells.ts).
    ...MAP_CELL_ATTRIBUTES,
  ],
  sortableAttributes: ['publishedAt', 'title', 'year', '_geo'],
  displayedAttributes: ['*'],
  stopWords: ITALIAN_STOP_WORDS,
  synonyms: SECTOR_SYNONYMS,
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  // 110 provinces, the map's cells in view, catalogues of thousands: Meilisearch's defaults (100 values,
  // 1,000 hits) are too small.
  faceting: { maxValuesPerFacet: 5_000 },
  // The portal never searches within facet values: not building that index keeps updates quick.
  facetSearch: false,
  pagination: { maxTotalHits: 100_000 },
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['ita'] }],
};
