import type { DataProblem } from '../errors.ts';
import { isOrganisationType } from '../organisation.ts';
import { isBlank } from '../rich-text.ts';
import type { PracticeCatalogue, PracticeSheet } from './types.ts';

const REQUIRED_TEXTS: [keyof PracticeSheet, string][] = [
  ['title', 'nome del progetto'],
  ['description', 'breve descrizione'],
  ['innovationElements', 'elementi di innovazione'],
  ['evaluation', 'valutazione'],
];

/** The fields the survey form requires; Carbone would otherwise print them blank. */
export const validatePracticeSheet = (sheet: PracticeSheet, where = ''): DataProblem[] => {
  const problems: DataProblem[] = [];
  const label = where ? `${where}: ` : '';
  const add = (path: string, message: string): void => {
    problems.push({ path: `${where ? `${where}.` : ''}${path}`, message: `${label}${message}` });
  };
  for (const [field, name] of REQUIRED_TEXTS) {
    if (isBlank(sheet[field] as string | undefined)) add(field, `manca il campo "${name}"`);
  }
  if (isBlank(sheet.organisation?.name)) add('organisation.name', 'manca la cooperativa proponente');
  if (!isOrganisationType(sheet.organisation?.organisationType))
    add('organisation.organisationType', 'tipologia della cooperativa non valida');
  if (isBlank(sheet.innovationArea?.name)) add('innovationArea', "manca l'ambito di innovazione");
  if (isBlank(sheet.contact?.fullName)) add('contact.fullName', 'manca il referente del progetto');
  if (typeof sheet.impactEvaluation !== 'boolean')
    add('impactEvaluation', 'non è indicato se è prevista la valutazione di impatto');
  if (!sheet.intentPartnership || !sheet.economicPartnership)
    add('partnership', 'mancano le partnership (anche "non presente")');
  return problems;
};

export const validatePracticeCatalogue = (catalogue: PracticeCatalogue): DataProblem[] => {
  const problems: DataProblem[] = [];
  if (!catalogue.practices?.length) problems.push({ path: 'practices', message: 'il catalogo non contiene pratiche' });
  const areas = new Set((catalogue.areas ?? []).map((area) => area.name));
  (catalogue.areas ?? []).forEach((area, index) => {
    if (isBlank(area.definition)) {
      problems.push({ path: `areas.${index}.definition`, message: `manca la definizione dell'ambito "${area.name}"` });
    }
  });
  (catalogue.practices ?? []).forEach((practice, index) => {
    const where = `pratica ${index + 1}${isBlank(practice.title) ? '' : ` ("${practice.title}")`}`;
    problems.push(...validatePracticeSheet(practice, where));
    if (practice.innovationArea && !areas.has(practice.innovationArea.name)) {
      problems.push({
        path: `practices.${index}.innovationArea`,
        message: `${where}: l'ambito "${practice.innovationArea.name}" non è tra gli ambiti del catalogo`,
      });
    }
  });
  return problems;
};
