import { hasWorkIntegration } from '@coop/report-templates/organisation';
import {
  MIN_DISADVANTAGED_SHARE,
  PRIVATE_CONTRIBUTION_KINDS,
  PUBLIC_CONTRIBUTION_KINDS,
} from '@coop/report-templates/social-report/indicators';
import type { ReportFacts } from './facts';

export type Unit = 'count' | 'people' | 'euro' | 'percent' | 'ratio';

/** The revenue kinds of section 6, in the form's order. */
export const REVENUE_KINDS = [
  'Ricavi da enti pubblici',
  'Ricavi da privati',
  'Contributi pubblici',
  'Contributi privati',
  'Cinque per mille',
  'Donazioni e raccolta fondi',
  'Altri proventi',
] as const;

/**
 * A figure of a group of reports. `contributes` says which reports the figure is made of: a report
 * that gives nothing for it (or a zero amount) is not in it, and the small-group rule counts the
 * organisations that are.
 */
export type Indicator = {
  key: string;
  label: string;
  unit: Unit;
  contributes: (facts: ReportFacts) => boolean;
  value: (group: ReportFacts[]) => number | null;
  /** A count of reports that gave something (like the count of organisations): never an organisation's figure. */
  isCountOfReports?: boolean;
};

const workersOf = (facts: ReportFacts): number => (facts.women ?? 0) + (facts.men ?? 0);
const hasWorkers = (facts: ReportFacts): boolean => facts.women !== null || facts.men !== null;
const sum = (group: ReportFacts[], of: (facts: ReportFacts) => number): number =>
  group.reduce((total, facts) => total + of(facts), 0);
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const revenueOf = (facts: ReportFacts, kinds: readonly string[]): number =>
  kinds.reduce((total, kind) => total + (facts.revenues?.[kind] ?? 0), 0);
const allRevenue = (facts: ReportFacts): number => revenueOf(facts, Object.keys(facts.revenues ?? {}));

export const payRatioOf = (facts: ReportFacts): number | null =>
  facts.highestPay !== null && facts.lowestPay !== null ? facts.highestPay / facts.lowestPay : null;
const hasPay = (facts: ReportFacts): boolean => payRatioOf(facts) !== null;
const overCap = (facts: ReportFacts): boolean => (payRatioOf(facts) ?? 0) > facts.payCap;

const hasDisadvantaged = (facts: ReportFacts): boolean =>
  hasWorkIntegration(facts.organisationType) && facts.disadvantaged !== null && workersOf(facts) > 0;
const disadvantagedShareOf = (facts: ReportFacts): number => (facts.disadvantaged ?? 0) / workersOf(facts);

const amountIndicator = (key: string, label: string, kinds: readonly string[]): Indicator => ({
  key,
  label,
  unit: 'euro',
  contributes: (facts) => revenueOf(facts, kinds) > 0,
  value: (group) => sum(group, (facts) => revenueOf(facts, kinds)),
});

export const INDICATORS: Record<string, Indicator> = Object.fromEntries(
  (
    [
      {
        key: 'organisations',
        label: 'Organizzazioni',
        unit: 'count',
        contributes: () => true,
        value: (group) => group.length,
        isCountOfReports: true,
      },
      {
        key: 'workers',
        label: 'Lavoratori',
        unit: 'people',
        contributes: hasWorkers,
        value: (group) => sum(group, workersOf),
      },
      {
        key: 'womenShare',
        label: 'Donne tra i lavoratori',
        unit: 'percent',
        contributes: hasWorkers,
        value: (group) =>
          share(
            sum(group, (facts) => facts.women ?? 0),
            sum(group, workersOf),
          ),
      },
      {
        key: 'volunteers',
        label: 'Volontari',
        unit: 'people',
        contributes: (facts) => facts.volunteers !== null,
        value: (group) => sum(group, (facts) => facts.volunteers ?? 0),
      },
      {
        key: 'beneficiariesDirect',
        label: 'Beneficiari diretti',
        unit: 'people',
        contributes: (facts) => facts.beneficiariesDirect !== null,
        value: (group) => sum(group, (facts) => facts.beneficiariesDirect ?? 0),
      },
      {
        key: 'beneficiariesIndirect',
        label: 'Beneficiari indiretti',
        unit: 'people',
        contributes: (facts) => facts.beneficiariesIndirect !== null,
        value: (group) => sum(group, (facts) => facts.beneficiariesIndirect ?? 0),
      },
      {
        key: 'revenues',
        label: 'Ricavi e proventi',
        unit: 'euro',
        contributes: (facts) => allRevenue(facts) > 0,
        value: (group) => sum(group, allRevenue),
      },
      amountIndicator('publicContributions', 'Contributi pubblici', PUBLIC_CONTRIBUTION_KINDS),
      amountIndicator(
        'privateContributions',
        'Contributi privati (con 5 per mille e donazioni)',
        PRIVATE_CONTRIBUTION_KINDS,
      ),
      ...REVENUE_KINDS.map((kind) => amountIndicator(`revenue:${kind}`, kind, [kind])),
      {
        key: 'integrationOrganisations',
        label: 'Organizzazioni di tipo B e A+B che indicano i lavoratori svantaggiati',
        unit: 'count',
        contributes: hasDisadvantaged,
        value: (group) => group.length,
        isCountOfReports: true,
      },
      {
        key: 'integrationWorkers',
        label: 'Lavoratori',
        unit: 'people',
        contributes: hasDisadvantaged,
        value: (group) => sum(group, workersOf),
      },
      {
        key: 'disadvantaged',
        label: 'Lavoratori svantaggiati',
        unit: 'people',
        contributes: hasDisadvantaged,
        value: (group) => sum(group, (facts) => facts.disadvantaged ?? 0),
      },
      {
        key: 'disadvantagedShare',
        label: 'Quota di lavoratori svantaggiati (minimo 30%)',
        unit: 'percent',
        contributes: hasDisadvantaged,
        value: (group) =>
          share(
            sum(group, (facts) => facts.disadvantaged ?? 0),
            sum(group, workersOf),
          ),
      },
      {
        key: 'atFloor',
        label: 'Con almeno il 30% di svantaggiati',
        unit: 'count',
        contributes: hasDisadvantaged,
        value: (group) => group.filter((facts) => disadvantagedShareOf(facts) >= MIN_DISADVANTAGED_SHARE).length,
      },
      {
        key: 'belowFloor',
        label: 'Sotto il 30%',
        unit: 'count',
        contributes: hasDisadvantaged,
        value: (group) => group.filter((facts) => disadvantagedShareOf(facts) < MIN_DISADVANTAGED_SHARE).length,
      },
      {
        key: 'payReported',
        label: 'Organizzazioni che indicano le retribuzioni',
        unit: 'count',
        contributes: hasPay,
        value: (group) => group.length,
        isCountOfReports: true,
      },
      {
        key: 'payRatioMean',
        label: 'Rapporto medio tra retribuzione lorda massima e minima',
        unit: 'ratio',
        contributes: hasPay,
        value: (group) => (group.length > 0 ? sum(group, (facts) => payRatioOf(facts) ?? 0) / group.length : null),
      },
      {
        key: 'withinCap',
        label: 'Entro il limite',
        unit: 'count',
        contributes: hasPay,
        value: (group) => group.filter((facts) => !overCap(facts)).length,
      },
      {
        key: 'overCap',
        label: 'Oltre il limite',
        unit: 'count',
        contributes: hasPay,
        value: (group) => group.filter(overCap).length,
      },
      {
        key: 'cap12',
        label: 'Con il limite di 1:12 (competenze specifiche)',
        unit: 'count',
        contributes: hasPay,
        value: (group) => group.filter((facts) => facts.payCap === 12).length,
      },
    ] satisfies Indicator[]
  ).map((indicator) => [indicator.key, indicator]),
);

export const indicator = (key: string): Indicator => {
  const found = INDICATORS[key];
  if (!found) throw new Error(`Unknown observatory indicator ${key}`);
  return found;
};
