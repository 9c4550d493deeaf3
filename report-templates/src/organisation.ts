import type { ImageAsset } from './images.ts';

/** The six organisation types, spelled as the CMS stores them. */
export const ORGANISATION_TYPES = [
  'Cooperativa sociale di tipo A',
  'Cooperativa sociale di tipo B',
  'Cooperativa sociale ad oggetto misto (A+B)',
  'Consorzio di cooperative sociali',
  'Consorzio di imprese sociali cooperative',
  'Impresa sociale cooperativa',
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const isOrganisationType = (value: unknown): value is OrganisationType =>
  ORGANISATION_TYPES.includes(value as OrganisationType);

/** Tipo B and A+B cooperatives report their disadvantaged workers (L. 381/1991 art. 4). */
export const hasWorkIntegration = (type: OrganisationType | null | undefined): boolean =>
  type === 'Cooperativa sociale di tipo B' || type === 'Cooperativa sociale ad oggetto misto (A+B)';

export const isConsortium = (type: OrganisationType | null | undefined): boolean =>
  type === 'Consorzio di cooperative sociali' || type === 'Consorzio di imprese sociali cooperative';

/** An organisation's anagrafica as a document shows it. */
export type OrganisationProfile = {
  name: string;
  organisationType: OrganisationType;
  taxCode: string;
  vatNumber?: string | null;
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  /** Sigla or name of the province. */
  province?: string | null;
  region?: string | null;
  email?: string | null;
  pec?: string | null;
  website?: string | null;
  foundedYear?: number | null;
  /** PNG or JPEG; without one the documents show the organisation's initials. */
  logo?: ImageAsset | null;
};
