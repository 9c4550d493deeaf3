import type { OrganisationType } from '../organisation-types';

/** A social report as plain data, the shape of the CMS document without Strapi's ids. */
export type SocialReportData = {
  year: number;
  organisationType: OrganisationType | null;
  methodology?: { standards?: string | null; perimeterChanges?: string | null } | null;
  generalInfo?: {
    legalForm?: string | null;
    registeredOffice?: string | null;
    operatingSeats?: string | null;
    territorialAreas?: string | null;
    missionValues?: string | null;
    statutoryActivities?: string | null;
    otherActivities?: string | null;
    networks?: string | null;
    context?: string | null;
  } | null;
  governance?: {
    memberGroups?: { kind: string; count: number | null }[] | null;
    bodies?: { kind: string; name?: string | null; meetingsCount?: number | null; members?: unknown[] | null }[] | null;
    democracy?: string | null;
    stakeholders?:
      { name: string; category: string; involvementLevel?: string | null; involvement?: string | null }[] | null;
    workerUserInvolvement?: string | null;
  } | null;
  people?: {
    staff?: { kind: string; women: number | null; men: number | null }[] | null;
    volunteers?: { kind: string; count: number | null }[] | null;
    training?: string | null;
    trainingHours?: number | null;
    collectiveAgreement?: string | null;
    bodiesPay?: string | null;
    highestGrossPay?: number | string | null;
    lowestGrossPay?: number | string | null;
    payRatioCap?: '1:8' | '1:12' | null;
    payRatioCapReason?: string | null;
    volunteerRefundsTotal?: number | string | null;
    volunteerRefundsCount?: number | null;
  } | null;
  workIntegration?: {
    disadvantagedWorkers?: { category: string; count: number | null }[] | null;
    integrationPaths?: string | null;
    sectors?: string | null;
  } | null;
  consortium?: { aggregationNotes?: string | null; commonServices?: string | null } | null;
  activities?: {
    actions?: string | null;
    beneficiaries?: { category: string; direct: number | null; indirect?: number | null }[] | null;
    outputs?: string | null;
    outcomes?: string | null;
    certifications?: string | null;
    objectives?: string | null;
    risks?: string | null;
  } | null;
  economics?: {
    revenues?: { kind: string; description?: string | null; amount: number | string | null }[] | null;
    totalCosts?: number | string | null;
    netResult?: number | string | null;
    fundraising?: string | null;
    criticalIssues?: string | null;
  } | null;
  otherInfo?: {
    disputes?: string | null;
    environmental?: string | null;
    genderEquality?: string | null;
    humanRights?: string | null;
    antiCorruption?: string | null;
    approvalMeetings?: string | null;
  } | null;
  controlMonitoring?: {
    monitoring?: string | null;
    generalInterestRevenueShare?: number | string | null;
    noProfitDistribution?: boolean | null;
    attestation?: string | null;
  } | null;
  omissions?: { item: string; reason: string | null }[] | null;
};

/** Decimal fields come back from SQLite as numbers and from PostgreSQL as strings. */
export const toNumber = (value: number | string | null | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};
