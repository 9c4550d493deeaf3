import { toAmount, type SocialReportContent } from './content.ts';
import { PRIVATE_CONTRIBUTION_KINDS, PUBLIC_CONTRIBUTION_KINDS } from './indicators.ts';

/** A key indicator of "Dati in sintesi", as a number, or null when the report does not give it. */
export type SummaryFigure = {
  key: string;
  label: string;
  unit: 'people' | 'euro';
  current: number | null;
  /** Last year's figure, when a report of last year gives it. */
  previous: number | null;
};

/**
 * The sum of a table's figures once all are entered; null while any is missing (an empty count is
 * not a zero, and half a table is not the year's figure).
 */
const total = (values: (number | string | null | undefined)[]): number | null => {
  const entered = values.map((value) => toAmount(value ?? null));
  if (entered.length === 0 || entered.some((value) => value === null)) return null;
  return entered.reduce<number>((sum, value) => sum + (value ?? 0), 0);
};

const revenuesOf = (report: SocialReportContent, kinds?: readonly string[]): number | null => {
  const lines = report.economics?.revenues ?? [];
  const all = total(lines.map((line) => line.amount));
  if (all === null || !kinds) return all;
  return total(lines.filter((line) => kinds.includes(line.kind)).map((line) => line.amount)) ?? 0;
};

const FIGURES: {
  key: string;
  label: string;
  unit: SummaryFigure['unit'];
  of: (r: SocialReportContent) => number | null;
}[] = [
  {
    key: 'members',
    label: 'Soci',
    unit: 'people',
    of: (r) => total((r.governance?.memberGroups ?? []).map((g) => g.count)),
  },
  {
    key: 'workers',
    label: 'Lavoratori',
    unit: 'people',
    of: (r) => total((r.people?.staff ?? []).flatMap((g) => [g.women, g.men])),
  },
  {
    key: 'volunteers',
    label: 'Volontari',
    unit: 'people',
    of: (r) => total((r.people?.volunteers ?? []).map((g) => g.count)),
  },
  {
    key: 'beneficiaries',
    label: 'Beneficiari diretti',
    unit: 'people',
    of: (r) => total((r.activities?.beneficiaries ?? []).map((b) => b.direct)),
  },
  { key: 'revenues', label: 'Ricavi e proventi totali', unit: 'euro', of: (r) => revenuesOf(r) },
  {
    key: 'publicContributions',
    label: 'Contributi pubblici',
    unit: 'euro',
    of: (r) => revenuesOf(r, PUBLIC_CONTRIBUTION_KINDS),
  },
  {
    key: 'privateContributions',
    label: 'Contributi privati',
    unit: 'euro',
    of: (r) => revenuesOf(r, PRIVATE_CONTRIBUTION_KINDS),
  },
  { key: 'totalCosts', label: 'Costi totali', unit: 'euro', of: (r) => toAmount(r.economics?.totalCosts) },
  { key: 'netResult', label: "Risultato d'esercizio", unit: 'euro', of: (r) => toAmount(r.economics?.netResult) },
];

/**
 * "Dati in sintesi": the key indicators of the year beside last year's. Only figures that were
 * entered count: a row or a year without them shows no value and no change, never a zero.
 */
export const summaryFigures = (
  report: SocialReportContent,
  previousYear: SocialReportContent | null | undefined,
): SummaryFigure[] =>
  FIGURES.map(({ key, label, unit, of }) => ({
    key,
    label,
    unit,
    current: of(report),
    previous: previousYear ? of(previousYear) : null,
  }));
