/** The organisation types and statuses, spelled as the CMS stores them, and the rules that follow from a type. */

/** The six organisation types. */
export const ORGANISATION_TYPES = [
  'Cooperativa sociale di tipo A',
  'Cooperativa sociale di tipo B',
  'Cooperativa sociale ad oggetto misto (A+B)',
  'Consorzio di cooperative sociali',
  'Consorzio di imprese sociali cooperative',
  'Impresa sociale cooperativa',
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** The two consortium types: they list member organisations and report on them. */
export const CONSORTIUM_TYPES = [
  'Consorzio di cooperative sociali',
  'Consorzio di imprese sociali cooperative',
] as const satisfies readonly OrganisationType[];

export const isOrganisationType = (value: unknown): value is OrganisationType =>
  ORGANISATION_TYPES.includes(value as OrganisationType);

/** Tipo B and A+B cooperatives report their disadvantaged workers (L. 381/1991 art. 4). */
export const hasWorkIntegration = (type: string | null | undefined): boolean =>
  type === 'Cooperativa sociale di tipo B' || type === 'Cooperativa sociale ad oggetto misto (A+B)';

export const isConsortium = (type: string | null | undefined): boolean =>
  (CONSORTIUM_TYPES as readonly string[]).includes(type ?? '');

/** Short labels of the organisation types, used in lists and on the map. */
export const ORGANISATION_TYPE_SHORT_LABELS: Record<OrganisationType, string> = {
  'Cooperativa sociale di tipo A': 'Tipo A',
  'Cooperativa sociale di tipo B': 'Tipo B',
  'Cooperativa sociale ad oggetto misto (A+B)': 'Tipo A+B',
  'Consorzio di cooperative sociali': 'Consorzio di cooperative sociali',
  'Consorzio di imprese sociali cooperative': 'Consorzio di imprese sociali',
  'Impresa sociale cooperativa': 'Impresa sociale',
};

export const ORGANISATION_STATUSES = ['In attesa', 'Attiva', 'Sospesa'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
/** Only active organisations are public. */
export const ACTIVE_STATUS: OrganisationStatus = 'Attiva';
