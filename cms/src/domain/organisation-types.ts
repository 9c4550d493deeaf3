// The organisation types and statuses are the platform's shared vocabulary.
export {
  ACTIVE_STATUS,
  ORGANISATION_STATUSES,
  ORGANISATION_TYPE_SHORT_LABELS,
  type OrganisationStatus,
} from '@coop/vocabulary/organisation-types';
