import type { OrganisationProfile } from '../organisation.ts';
import type { SocialReportContent } from './content.ts';

/** A consortium's figures gathered from its members' reports of the same year (the CMS's aggregate). */
export type ConsortiumMembers = {
  members: { name: string; hasReport: boolean }[];
  workers: number;
  volunteers: number;
  revenues: number;
  publicContributions: number;
  privateContributions: number;
  disadvantagedWorkers: number;
};

/** Everything the social report document needs. */
export type SocialReportDocument = {
  organisation: OrganisationProfile;
  report: SocialReportContent;
  /** Last year's report of the same organisation, for the comparison columns. */
  previousYear?: SocialReportContent | null;
  /** Required for consortia. */
  consortium?: ConsortiumMembers | null;
  /** ISO dates of the approval by the competent body and of the deposit at the Registro delle imprese. */
  approvalDate?: string | null;
  depositDate?: string | null;
};
