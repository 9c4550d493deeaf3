import type { OrganisationType } from '@coop/vocabulary/organisation-types';
import type { ImageAsset } from './images.ts';

// The types and their rules are the platform's vocabulary; the documents use them as they are.
export {
  ORGANISATION_TYPES,
  hasWorkIntegration,
  isConsortium,
  isOrganisationType,
  type OrganisationType,
} from '@coop/vocabulary/organisation-types';

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
