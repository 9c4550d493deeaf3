import { hasWorkIntegration } from '../organisation-types';
import { toNumber, type SocialReportData } from './report-data';

/** Share of disadvantaged workers a tipo B cooperative must reach (L. 381/1991 art. 4). */
export const MIN_DISADVANTAGED_SHARE = 0.3;

export const PUBLIC_CONTRIBUTION_KINDS = ['Contributi pubblici'] as const;
export const PRIVATE_CONTRIBUTION_KINDS = [
  'Contributi privati',
  'Cinque per mille',
  'Donazioni e raccolta fondi',
] as const;

export type Indicators = {
  workers: { women: number; men: number; total: number };
  volunteers: number;
  members: number;
  payRatio: { value: number; cap: number; exceedsCap: boolean } | null;
  disadvantaged: { count: number; share: number; belowMinimum: boolean } | null;
  revenues: {
    total: number;
    publicContributions: number;
    privateContributions: number;
    byKind: { kind: string; amount: number }[];
  };
};

const sum = (values: (number | null | undefined)[]): number => values.reduce<number>((acc, v) => acc + (v ?? 0), 0);

/** The figures a report derives from its data: totals, the pay ratio, the work-integration share. */
export const computeIndicators = (report: SocialReportData): Indicators => {
  const staff = report.people?.staff ?? [];
  const women = sum(staff.map((group) => group.women));
  const men = sum(staff.map((group) => group.men));
  const total = women + men;

  const highest = toNumber(report.people?.highestGrossPay);
  const lowest = toNumber(report.people?.lowestGrossPay);
  const cap = report.people?.payRatioCap === '1:12' ? 12 : 8;
  const payRatio =
    highest !== null && lowest !== null && lowest > 0
      ? { value: Math.round((highest / lowest) * 100) / 100, cap, exceedsCap: highest / lowest > cap }
      : null;

  const disadvantagedCount = sum((report.workIntegration?.disadvantagedWorkers ?? []).map((group) => group.count));
  const disadvantaged =
    hasWorkIntegration(report.organisationType) && total > 0
      ? {
          count: disadvantagedCount,
          share: disadvantagedCount / total,
          belowMinimum: disadvantagedCount / total < MIN_DISADVANTAGED_SHARE,
        }
      : null;

  const byKindMap = new Map<string, number>();
  for (const line of report.economics?.revenues ?? []) {
    byKindMap.set(line.kind, (byKindMap.get(line.kind) ?? 0) + (toNumber(line.amount) ?? 0));
  }
  const byKind = [...byKindMap].map(([kind, amount]) => ({ kind, amount }));
  const amountOf = (kinds: readonly string[]): number =>
    sum(byKind.filter((line) => kinds.includes(line.kind)).map((line) => line.amount));

  return {
    workers: { women, men, total },
    volunteers: sum((report.people?.volunteers ?? []).map((group) => group.count)),
    members: sum((report.governance?.memberGroups ?? []).map((group) => group.count)),
    payRatio,
    disadvantaged,
    revenues: {
      total: sum(byKind.map((line) => line.amount)),
      publicContributions: amountOf(PUBLIC_CONTRIBUTION_KINDS),
      privateContributions: amountOf(PRIVATE_CONTRIBUTION_KINDS),
      byKind,
    },
  };
};
