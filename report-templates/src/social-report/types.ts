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

/**
 * Section 8's attestation of conformity by the organo di controllo (art. 10 c.3 d.lgs. 112/2017),
 * or the record that the organisation has none where the law allows it.
 */
export type ControlAttestation =
  | { kind: 'attestation'; bodyName: string; /** ISO date */ date: string; fileName?: string | null }
  | { kind: 'no-control-body'; reason: string };

/** Everything the social report document needs. */
export type SocialReportDocument = {
  organisation: OrganisationProfile;
  report: SocialReportContent;
  /** Last year's report of the same organisation, for the comparison columns (approved ones only). */
  previousYear?: SocialReportContent | null;
  /** Required for consortia. */
  consortium?: ConsortiumMembers | null;
  /**
   * ISO date of the approval by the assembly (or the competent body). Without it the document is a
   * draft: every page says "BOZZA — non valida per il deposito".
   */
  approvalDate?: string | null;
  /** ISO date of the deposit at the Registro delle imprese, and its protocol number. */
  depositDate?: string | null;
  depositProtocol?: string | null;
  attestation?: ControlAttestation | null;
};
