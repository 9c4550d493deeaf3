import { createHash } from 'node:crypto';
import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import { isBlank } from '../text-length';

/**
 * The narrative texts of a report (single fields of its sections, not rows of its tables): next
 * year's report starts from last year's, each one marked "da aggiornare" until someone edits or
 * confirms it. `item` is the mandatory item of the guidelines the text belongs to, if any.
 */
export type NarrativeField = { path: string; label: string; section: number; item?: string };

export const NARRATIVE_FIELDS: readonly NarrativeField[] = [
  {
    path: 'methodology.standards',
    label: 'Standard di rendicontazione adottati',
    section: 1,
    item: 'Standard di rendicontazione adottati',
  },
  { path: 'methodology.perimeterChanges', label: 'Cambiamenti di perimetro o di metodo', section: 1 },
  { path: 'generalInfo.legalForm', label: 'Forma giuridica', section: 2, item: 'Forma giuridica e sede legale' },
  { path: 'generalInfo.registeredOffice', label: 'Sede legale', section: 2, item: 'Forma giuridica e sede legale' },
  { path: 'generalInfo.operatingSeats', label: 'Sedi operative', section: 2 },
  {
    path: 'generalInfo.territorialAreas',
    label: 'Aree territoriali di operatività',
    section: 2,
    item: 'Aree territoriali di operatività',
  },
  { path: 'generalInfo.missionValues', label: 'Missione e valori', section: 2, item: 'Missione e valori' },
  { path: 'generalInfo.statutoryActivities', label: 'Attività statutarie', section: 2, item: 'Attività statutarie' },
  { path: 'generalInfo.otherActivities', label: 'Altre attività', section: 2 },
  { path: 'generalInfo.networks', label: 'Reti e consorzi di appartenenza', section: 2 },
  { path: 'generalInfo.context', label: 'Contesto di riferimento', section: 2 },
  { path: 'governance.democracy', label: 'Democraticità interna e partecipazione', section: 3 },
  {
    path: 'governance.workerUserInvolvement',
    label: 'Coinvolgimento di lavoratori e utenti',
    section: 3,
    item: 'Coinvolgimento di lavoratori e utenti',
  },
  { path: 'people.training', label: 'Formazione', section: 4 },
  {
    path: 'people.collectiveAgreement',
    label: 'Contratto collettivo applicato',
    section: 4,
    item: 'Contratto collettivo applicato',
  },
  { path: 'people.bodiesPay', label: 'Compensi di organi e dirigenti', section: 4 },
  { path: 'people.payRatioCapReason', label: 'Motivazione del limite 1:12', section: 4 },
  { path: 'workIntegration.integrationPaths', label: 'Percorsi di inserimento', section: 4 },
  { path: 'workIntegration.sectors', label: 'Settori di inserimento', section: 4 },
  {
    path: 'consortium.aggregationNotes',
    label: 'Dati aggregati delle associate',
    section: 6,
    item: 'Dati aggregati delle associate',
  },
  { path: 'consortium.commonServices', label: 'Servizi comuni offerti alle associate', section: 6 },
  { path: 'activities.actions', label: 'Attività svolte', section: 5, item: 'Attività svolte e beneficiari' },
  { path: 'activities.outputs', label: 'Output', section: 5 },
  { path: 'activities.outcomes', label: 'Outcome', section: 5 },
  { path: 'activities.certifications', label: 'Certificazioni di qualità', section: 5 },
  {
    path: 'activities.objectives',
    label: 'Obiettivi raggiunti o mancati',
    section: 5,
    item: 'Obiettivi raggiunti, rischi e loro gestione',
  },
  {
    path: 'activities.risks',
    label: 'Rischi e loro gestione',
    section: 5,
    item: 'Obiettivi raggiunti, rischi e loro gestione',
  },
  { path: 'economics.fundraising', label: 'Raccolta fondi', section: 6 },
  { path: 'economics.criticalIssues', label: 'Criticità e azioni di mitigazione', section: 6 },
  { path: 'otherInfo.disputes', label: 'Contenziosi e controversie', section: 7, item: 'Contenziosi e controversie' },
  { path: 'otherInfo.environmental', label: 'Informazioni ambientali', section: 7 },
  { path: 'otherInfo.genderEquality', label: 'Parità di genere', section: 7 },
  { path: 'otherInfo.humanRights', label: 'Rispetto dei diritti umani', section: 7 },
  { path: 'otherInfo.antiCorruption', label: 'Prevenzione della corruzione', section: 7 },
  {
    path: 'otherInfo.approvalMeetings',
    label: 'Riunioni degli organi che hanno approvato il bilancio',
    section: 7,
    item: 'Riunioni degli organi che hanno approvato il bilancio',
  },
  {
    path: 'controlMonitoring.monitoring',
    label: 'Monitoraggio svolto dall’organo di controllo',
    section: 8,
    item: "Monitoraggio e attestazione dell'organo di controllo",
  },
];

/**
 * Fields of one year only, never carried into the next: the figures (they become last year's
 * comparison values), the control body's conclusions of that year and its attestation of no
 * profit distribution. Rows of the tables keep their kind and labels, not their figures.
 */
export const YEAR_ONLY_FIELDS: Record<string, readonly string[]> = {
  people: ['trainingHours', 'highestGrossPay', 'lowestGrossPay', 'volunteerRefundsTotal', 'volunteerRefundsCount'],
  economics: ['totalCosts', 'netResult'],
  controlMonitoring: ['generalInterestRevenueShare', 'noProfitDistribution', 'attestation'],
};

/** The figures of each table's rows. */
export const ROW_FIGURES: Record<string, readonly string[]> = {
  'governance.memberGroups': ['count'],
  'governance.bodies': ['meetingsCount'],
  'people.staff': ['women', 'men'],
  'people.volunteers': ['count'],
  'workIntegration.disadvantagedWorkers': ['count'],
  'activities.beneficiaries': ['direct', 'indirect'],
  'economics.revenues': ['amount'],
};

/** Texts copied from last year and still as they were: path → fingerprint, and whether someone confirmed it. */
export type CarriedOver = { fromYear: number; texts: Record<string, { hash: string; confirmed?: boolean }> };

type Section = Record<string, unknown>;

export const textHash = (text: string): string =>
  createHash('sha256').update(text.replace(/\r\n/g, '\n').trim()).digest('hex');

export const textAt = (report: unknown, path: string): string | null => {
  const [section, field] = path.split('.') as [string, string];
  const value = ((report as Record<string, Section | null | undefined>)[section] ?? {})[field];
  return typeof value === 'string' ? value : null;
};

const withoutFigures = (sectionName: string, section: Section): Section =>
  Object.fromEntries(
    Object.entries(section)
      .filter(([field]) => !(YEAR_ONLY_FIELDS[sectionName] ?? []).includes(field))
      .map(([field, value]) => {
        const figures = ROW_FIGURES[`${sectionName}.${field}`];
        if (!figures || !Array.isArray(value)) return [field, value];
        return [
          field,
          value.map((row: Section) => ({ ...row, ...Object.fromEntries(figures.map((figure) => [figure, null])) })),
        ];
      }),
  );

export const REPORT_SECTIONS = [
  'methodology',
  'generalInfo',
  'governance',
  'people',
  'workIntegration',
  'consortium',
  'activities',
  'economics',
  'otherInfo',
  'controlMonitoring',
] as const;

/**
 * Next year's report from this year's: the same sections, rows and texts, no figure and no
 * year-only field; every text copied is recorded as carried over, so it counts as "da aggiornare".
 * `sections` must hold no database ids.
 */
export const nextYearStart = (
  report: Pick<SocialReportContent, 'year'> & Partial<Record<(typeof REPORT_SECTIONS)[number], unknown>>,
): { sections: Record<string, Section | null>; carriedOver: CarriedOver } => {
  const sections = Object.fromEntries(
    REPORT_SECTIONS.map((name) => {
      const section = report[name];
      return [name, section && typeof section === 'object' ? withoutFigures(name, section as Section) : null];
    }),
  );
  const texts: CarriedOver['texts'] = {};
  for (const field of NARRATIVE_FIELDS) {
    const text = textAt(sections, field.path);
    if (text !== null && !isBlank(text)) texts[field.path] = { hash: textHash(text) };
  }
  return { sections, carriedOver: { fromYear: report.year, texts } };
};

/** Copied texts nobody has edited or confirmed yet. */
export const pendingTexts = (report: unknown, carriedOver: CarriedOver | null | undefined): NarrativeField[] =>
  NARRATIVE_FIELDS.filter((field) => {
    const carried = carriedOver?.texts?.[field.path];
    if (!carried || carried.confirmed) return false;
    const text = textAt(report, field.path);
    return text !== null && !isBlank(text) && textHash(text) === carried.hash;
  });

/** The report with its pending texts left out: what it says of this year for sure. */
export const withoutPendingTexts = <T>(report: T, pending: NarrativeField[]): T => {
  const copy = structuredClone(report) as Record<string, Section | null>;
  for (const field of pending) {
    const [section, name] = field.path.split('.') as [string, string];
    const target = copy[section];
    if (target) target[name] = null;
  }
  return copy as T;
};

export const narrativeField = (path: string): NarrativeField | undefined =>
  NARRATIVE_FIELDS.find((field) => field.path === path);
