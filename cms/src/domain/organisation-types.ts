import type { OrganisationType } from '@coop/report-templates/organisation';

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
export const ACTIVE_STATUS: OrganisationStatus = 'Attiva';
