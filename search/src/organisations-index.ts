/**
 * The `organisations` index: active organisations with where they work, as the portal lists and
 * maps them. Its settings live here and only here.
 */

export const ORGANISATIONS_INDEX = 'organisations';

/** An active organisation as the index stores it: plain data, no CMS inside. */
export type OrganisationSearchDocument = {
  /** The organisation's documentId: stable across edits. */
  id: string;
  slug: string;
  name: string;
  organisationType: string;
  description: string;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  region: string | null;
  /** Consortia the organisation belongs to. */
  consortia: string[];
  /** A consortium's member organisations. */
  members: string[];
  /** Service areas a consortium covers, and the provinces (sigle) where it offers them. */
  serviceAreas: string[];
  serviceProvinceCodes: string[];
  _geo: { lat: number; lng: number } | null;
};

export const ORGANISATIONS_SETTINGS = {
  searchableAttributes: ['name', 'city', 'province', 'region', 'serviceAreas', 'members', 'consortia', 'description'],
  filterableAttributes: [
    'organisationType',
    'region',
    'province',
    'provinceCode',
    'serviceAreas',
    'serviceProvinceCodes',
    'consortia',
    '_geo',
  ],
  sortableAttributes: ['name', '_geo'],
  displayedAttributes: ['*'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 100_000 },
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['ita'] }],
};
