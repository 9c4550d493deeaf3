import type { OrganisationType } from '../organisation.ts';

/** Decimal fields arrive as numbers from SQLite and as strings from PostgreSQL. */
export type Amount = number | string | null;

/** An amount as a number, or null when it is missing or not a number. */
export const toAmount = (value: Amount | undefined): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

export type BodyMember = {
  fullName: string;
  role?: string | null;
  /** ISO date, "2014-05-22". */
  firstAppointment?: string | null;
  termEnd?: string | null;
};

/**
 * One year's social report in the eight sections of the guidelines (DM 4 luglio 2019): the shape of
 * the CMS's social-report document without Strapi's ids. Long texts may use simple Markdown
 * (paragraphs, "- " lists, **bold**).
 */
export type SocialReportContent = {
  year: number;
  organisationType?: OrganisationType | null;
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
    bodies?:
      { kind: string; name?: string | null; meetingsCount?: number | null; members?: BodyMember[] | null }[] | null;
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
    highestGrossPay?: Amount;
    lowestGrossPay?: Amount;
    payRatioCap?: '1:8' | '1:12' | null;
    payRatioCapReason?: string | null;
    volunteerRefundsTotal?: Amount;
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
    revenues?: { kind: string; description?: string | null; amount: Amount }[] | null;
    totalCosts?: Amount;
    netResult?: Amount;
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
    /** Percent points, 96.7 for 96,7%. */
    generalInterestRevenueShare?: Amount;
    noProfitDistribution?: boolean | null;
    attestation?: string | null;
  } | null;
  /** Mandatory items left empty on purpose, with the reason the guidelines require. */
  omissions?: { item: string; reason: string | null }[] | null;
};
