import { hasWorkIntegration, isOrganisationType, type OrganisationType } from '@coop/report-templates/organisation';
import { toAmount, type SocialReportContent } from '@coop/report-templates/social-report/content';

/**
 * The figures of one published report that the observatory adds up: what the report gives, and
 * null where it gives nothing (an empty table is no zero: it is left out of the group's figure).
 */
export type ReportFacts = {
  reportId: string;
  organisationId: string;
  year: number;
  /** Sigla of the organisation's province; null when it has none. */
  provinceCode: string | null;
  organisationType: OrganisationType | null;
  women: number | null;
  men: number | null;
  volunteers: number | null;
  /** Tipo B and A+B only. */
  disadvantaged: number | null;
  highestPay: number | null;
  lowestPay: number | null;
  payCap: 8 | 12;
  beneficiariesDirect: number | null;
  beneficiariesIndirect: number | null;
  /** Amount by revenue kind; null when the report lists no revenue. */
  revenues: Record<string, number> | null;
};

const count = (value: number | null | undefined): number => (typeof value === 'number' && value > 0 ? value : 0);

/** The sum of a table's column, or null when the table has no row. */
const sumOf = <T>(rows: T[] | null | undefined, of: (row: T) => number | string | null | undefined): number | null =>
  rows && rows.length > 0 ? rows.reduce((sum, row) => sum + count(toAmount(of(row) ?? null)), 0) : null;

export const factsOfReport = (
  report: SocialReportContent & { documentId: string },
  organisationId: string,
  provinceCode: string | null,
): ReportFacts => {
  const type = isOrganisationType(report.organisationType) ? report.organisationType : null;
  const staff = report.people?.staff ?? [];
  const women = sumOf(staff, (group) => group.women);
  const men = sumOf(staff, (group) => group.men);
  const workers = (women ?? 0) + (men ?? 0);
  const disadvantagedRows = report.workIntegration?.disadvantagedWorkers ?? [];
  const highest = toAmount(report.people?.highestGrossPay ?? null);
  const lowest = toAmount(report.people?.lowestGrossPay ?? null);
  const lines = report.economics?.revenues ?? [];
  const revenues: Record<string, number> = {};
  for (const line of lines) revenues[line.kind] = (revenues[line.kind] ?? 0) + count(toAmount(line.amount));
  const beneficiaries = report.activities?.beneficiaries ?? [];
  return {
    reportId: report.documentId,
    organisationId,
    year: report.year,
    provinceCode,
    organisationType: type,
    women,
    men,
    volunteers: sumOf(report.people?.volunteers, (group) => group.count),
    disadvantaged:
      hasWorkIntegration(type) && workers > 0 && disadvantagedRows.length > 0
        ? (sumOf(disadvantagedRows, (group) => group.count) ?? 0)
        : null,
    highestPay: highest !== null && highest > 0 ? highest : null,
    lowestPay: lowest !== null && lowest > 0 ? lowest : null,
    payCap: report.people?.payRatioCap === '1:12' ? 12 : 8,
    beneficiariesDirect: sumOf(beneficiaries, (row) => row.direct),
    beneficiariesIndirect: sumOf(beneficiaries, (row) => row.indirect),
    revenues: lines.length > 0 ? revenues : null,
  };
};
