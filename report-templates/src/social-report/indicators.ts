import { hasWorkIntegration, type OrganisationType } from '../organisation.ts';
import { toAmount, type SocialReportContent } from './content.ts';

/** Share of disadvantaged workers a tipo B cooperative must reach (L. 381/1991 art. 4). */
export const MIN_DISADVANTAGED_SHARE = 0.3;

/** Revenue kinds that are contributions rather than sales, shown apart as the guidelines ask. */
export const PUBLIC_CONTRIBUTION_KINDS: readonly string[] = ['Contributi pubblici'];
export const PRIVATE_CONTRIBUTION_KINDS: readonly string[] = [
  'Contributi privati',
  'Cinque per mille',
  'Donazioni e raccolta fondi',
];

export type Indicators = {
  workers: { women: number; men: number; total: number };
  volunteers: number;
  members: number;
  /** Highest over lowest gross annual pay, against the cap of 1:8 (1:12 where specific skills are needed). */
  payRatio: { value: number; cap: number; exceedsCap: boolean } | null;
  disadvantaged: { count: number; share: number; belowMinimum: boolean } | null;
  revenues: {
    total: number;
    publicContributions: number;
    privateContributions: number;
    byKind: { kind: string; amount: number }[];
  };
  beneficiaries: { direct: number; indirect: number };
};

const sum = (values: (number | null | undefined)[]): number => values.reduce<number>((acc, v) => acc + (v ?? 0), 0);

/**
 * The figures a report derives from its data: totals, the pay ratio, the work-integration share.
 * The organisation type decides whether the share applies: the report's own unless given (last
 * year's report is read with this year's type).
 */
export const computeIndicators = (
  report: SocialReportContent,
  type: OrganisationType | null | undefined = report.organisationType,
): Indicators => {
  const staff = report.people?.staff ?? [];
  const women = sum(staff.map((group) => group.women));
  const men = sum(staff.map((group) => group.men));
  const total = women + men;

  const highest = toAmount(report.people?.highestGrossPay);
  const lowest = toAmount(report.people?.lowestGrossPay);
  const cap = report.people?.payRatioCap === '1:12' ? 12 : 8;
  const payRatio =
    highest !== null && lowest !== null && lowest > 0
      ? { value: Math.round((highest / lowest) * 100) / 100, cap, exceedsCap: highest / lowest > cap }
      : null;

  const disadvantagedCount = sum((report.workIntegration?.disadvantagedWorkers ?? []).map((group) => group.count));
  const disadvantaged =
    hasWorkIntegration(type) && total > 0
      ? {
          count: disadvantagedCount,
          share: disadvantagedCount / total,
          belowMinimum: disadvantagedCount / total < MIN_DISADVANTAGED_SHARE,
        }
      : null;

  const byKindMap = new Map<string, number>();
  for (const line of report.economics?.revenues ?? []) {
    byKindMap.set(line.kind, (byKindMap.get(line.kind) ?? 0) + (toAmount(line.amount) ?? 0));
  }
  const byKind = [...byKindMap].map(([kind, amount]) => ({ kind, amount }));
  const amountOf = (kinds: readonly string[]): number =>
    sum(byKind.filter((line) => kinds.includes(line.kind)).map((line) => line.amount));
  const beneficiaries = report.activities?.beneficiaries ?? [];

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
    beneficiaries: {
      direct: sum(beneficiaries.map((b) => b.direct)),
      indirect: sum(beneficiaries.map((b) => b.indirect)),
    },
  };
};
