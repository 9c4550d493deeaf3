/** The six organisation types of the platform, as users read them (also the stored values). */
export const ORGANISATION_TYPES = [
  'Cooperativa sociale di tipo A',
  'Cooperativa sociale di tipo B',
  'Cooperativa sociale ad oggetto misto (A+B)',
  'Consorzio di cooperative sociali',
  'Consorzio di imprese sociali cooperative',
  'Impresa sociale cooperativa',
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

const [TYPE_A, TYPE_B, TYPE_AB, SOCIAL_COOP_CONSORTIUM, SOCIAL_ENTERPRISE_CONSORTIUM] = ORGANISATION_TYPES;

export const isOrganisationType = (value: unknown): value is OrganisationType =>
  ORGANISATION_TYPES.includes(value as OrganisationType);

/** Tipo B and A+B cooperatives report their disadvantaged workers (L. 381/1991 art. 4). */
export const hasWorkIntegration = (type: OrganisationType | null | undefined): boolean =>
  type === TYPE_B || type === TYPE_AB;

export const isConsortium = (type: OrganisationType | null | undefined): boolean =>
  type === SOCIAL_COOP_CONSORTIUM || type === SOCIAL_ENTERPRISE_CONSORTIUM;

/** Short labels used in lists and on the map. */
export const ORGANISATION_TYPE_SHORT_LABELS: Record<OrganisationType, string> = {
  [TYPE_A]: 'Tipo A',
  [TYPE_B]: 'Tipo B',
  [TYPE_AB]: 'Tipo A+B',
  [SOCIAL_COOP_CONSORTIUM]: 'Consorzio di cooperative sociali',
  [SOCIAL_ENTERPRISE_CONSORTIUM]: 'Consorzio di imprese sociali',
  'Impresa sociale cooperativa': 'Impresa sociale',
};

export const ORGANISATION_STATUSES = ['In attesa', 'Attiva', 'Sospesa'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];
export const ACTIVE_STATUS: OrganisationStatus = 'Attiva';
