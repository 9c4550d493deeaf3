import type { DataProblem } from '../errors.ts';
import { isConsortium, isOrganisationType } from '../organisation.ts';
import { isBlank } from '../rich-text.ts';
import { toAmount, type SocialReportContent } from './content.ts';
import { SECTION_TITLES, unfilledItems } from './mandatory-items.ts';
import type { SocialReportDocument } from './types.ts';
import { textOf } from '@coop/vocabulary/format';

const amountProblems = (report: SocialReportContent, where: string): DataProblem[] => {
  const problems: DataProblem[] = [];
  const check = (value: unknown, path: string, label: string): void => {
    if (value !== null && value !== undefined && value !== '' && toAmount(value as string) === null) {
      problems.push({ path: `${where}.${path}`, message: `${label}: "${textOf(value)}" non è un importo` });
    }
  };
  (report.economics?.revenues ?? []).forEach((line, index) =>
    check(line.amount, `economics.revenues.${index}.amount`, `ricavo ${index + 1} (${line.kind})`),
  );
  check(report.economics?.totalCosts, 'economics.totalCosts', 'costi totali');
  check(report.economics?.netResult, 'economics.netResult', "risultato d'esercizio");
  check(report.people?.highestGrossPay, 'people.highestGrossPay', 'retribuzione massima');
  check(report.people?.lowestGrossPay, 'people.lowestGrossPay', 'retribuzione minima');
  return problems;
};

/**
 * What must be true before a social report is rendered: Carbone would print a missing field as
 * blank, so a gap is refused here with its name. Mandatory items of the guidelines left empty need
 * the reason for the omission, unless a draft is asked for.
 */
export const validateSocialReport = (data: SocialReportDocument, allowIncomplete: boolean): DataProblem[] => {
  const problems: DataProblem[] = [];
  const { organisation, report } = data;
  if (isBlank(organisation?.name))
    problems.push({ path: 'organisation.name', message: "manca il nome dell'organizzazione" });
  if (isBlank(organisation?.taxCode))
    problems.push({ path: 'organisation.taxCode', message: 'manca il codice fiscale' });
  const type = report?.organisationType ?? organisation?.organisationType;
  if (!isOrganisationType(type)) {
    problems.push({
      path: 'organisation.organisationType',
      message: `tipologia di organizzazione non valida (${String(type)})`,
    });
  }
  if (!report || !Number.isInteger(report.year) || report.year < 2019 || report.year > 2100) {
    problems.push({ path: 'report.year', message: "manca l'anno del bilancio (dal 2019)" });
  }
  if (problems.length > 0 || !report || !isOrganisationType(type)) return problems;

  if (data.previousYear && data.previousYear.year !== report.year - 1) {
    problems.push({
      path: 'previousYear.year',
      message: `il confronto va fatto con il ${report.year - 1}, non con il ${data.previousYear.year}`,
    });
  }
  if (isConsortium(type) && !data.consortium) {
    problems.push({ path: 'consortium', message: 'per un consorzio servono i dati delle organizzazioni associate' });
  }
  problems.push(...amountProblems(report, 'report'));
  if (data.previousYear) problems.push(...amountProblems(data.previousYear, 'previousYear'));
  if (!allowIncomplete) {
    for (const item of unfilledItems(report, type, data.consortium?.members.length ?? 0)) {
      if (item.reason === null) {
        problems.push({
          path: `report.omissions.${item.label}`,
          message: `la voce obbligatoria "${item.label}" (sezione ${item.section}, ${SECTION_TITLES[item.section - 1]}) è vuota e non è indicato il motivo dell'omissione`,
        });
      }
    }
  }
  return problems;
};
