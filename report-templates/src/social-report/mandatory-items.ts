import { hasWorkIntegration, isConsortium, type OrganisationType } from '../organisation.ts';
import { isBlank } from '../rich-text.ts';
import { toAmount, type SocialReportContent } from './content.ts';

export const SECTION_TITLES = [
  'Metodologia adottata per la redazione del bilancio sociale',
  "Informazioni generali sull'ente",
  'Struttura, governo e amministrazione',
  "Persone che operano per l'ente",
  'Obiettivi e attività',
  'Situazione economico-finanziaria',
  'Altre informazioni',
  "Monitoraggio svolto dall'organo di controllo",
] as const;

/** What a report is checked against besides its own data. */
export type ReportContext = {
  /** Member organisations of a consortium, for its member list. */
  consortiumMemberCount: number;
};

export type MandatoryItem = {
  /** Also the value of the CMS's omission component (`item`), so it reads as the user sees it. */
  label: string;
  section: number;
  appliesTo: (type: OrganisationType | null | undefined) => boolean;
  isFilled: (report: SocialReportContent, context: ReportContext) => boolean;
};

const filled = (text: string | null | undefined): boolean => !isBlank(text);
const nonEmpty = (list: unknown[] | null | undefined): boolean => (list?.length ?? 0) > 0;
/**
 * A table with its figures: at least one row, and every row's figures entered (rows carried over
 * from last year come without figures, and do not count until someone enters them).
 */
const counted = <T>(list: T[] | null | undefined, ...figures: ((row: T) => unknown)[]): boolean =>
  (list?.length ?? 0) > 0 &&
  (list ?? []).every((row) => figures.every((figure) => toAmount(figure(row) as number | null) !== null));
const always = (): boolean => true;

/**
 * The minimum content of the Ministry guidelines (DM 4 luglio 2019), item by item: those every
 * organisation fills, in section order, then those of work integration and of consortia. The CMS's
 * omission component offers the labels in this order.
 */
export const MANDATORY_ITEMS: MandatoryItem[] = [
  {
    label: 'Standard di rendicontazione adottati',
    section: 1,
    appliesTo: always,
    isFilled: (r) => filled(r.methodology?.standards),
  },
  {
    label: 'Forma giuridica e sede legale',
    section: 2,
    appliesTo: always,
    isFilled: (r) => filled(r.generalInfo?.legalForm) && filled(r.generalInfo?.registeredOffice),
  },
  {
    label: 'Aree territoriali di operatività',
    section: 2,
    appliesTo: always,
    isFilled: (r) => filled(r.generalInfo?.territorialAreas),
  },
  { label: 'Missione e valori', section: 2, appliesTo: always, isFilled: (r) => filled(r.generalInfo?.missionValues) },
  {
    label: 'Attività statutarie',
    section: 2,
    appliesTo: always,
    isFilled: (r) => filled(r.generalInfo?.statutoryActivities),
  },
  {
    label: 'Base sociale per tipologia di soci',
    section: 3,
    appliesTo: always,
    isFilled: (r) => counted(r.governance?.memberGroups, (g) => g.count),
  },
  {
    label: 'Organi di governo e di controllo',
    section: 3,
    appliesTo: always,
    isFilled: (r) => nonEmpty(r.governance?.bodies),
  },
  {
    label: 'Mappa degli stakeholder e loro coinvolgimento',
    section: 3,
    appliesTo: always,
    isFilled: (r) => nonEmpty(r.governance?.stakeholders),
  },
  {
    label: 'Coinvolgimento di lavoratori e utenti',
    section: 3,
    appliesTo: always,
    isFilled: (r) => filled(r.governance?.workerUserInvolvement),
  },
  {
    label: 'Lavoratori per tipologia',
    section: 4,
    appliesTo: always,
    isFilled: (r) =>
      counted(
        r.people?.staff,
        (g) => g.women,
        (g) => g.men,
      ),
  },
  {
    label: 'Volontari',
    section: 4,
    appliesTo: always,
    isFilled: (r) => counted(r.people?.volunteers, (g) => g.count),
  },
  {
    label: 'Contratto collettivo applicato',
    section: 4,
    appliesTo: always,
    isFilled: (r) => filled(r.people?.collectiveAgreement),
  },
  {
    label: 'Retribuzione annua lorda massima e minima',
    section: 4,
    appliesTo: always,
    isFilled: (r) => toAmount(r.people?.highestGrossPay) !== null && toAmount(r.people?.lowestGrossPay) !== null,
  },
  {
    label: 'Attività svolte e beneficiari',
    section: 5,
    appliesTo: always,
    isFilled: (r) => filled(r.activities?.actions) && counted(r.activities?.beneficiaries, (b) => b.direct),
  },
  {
    label: 'Obiettivi raggiunti, rischi e loro gestione',
    section: 5,
    appliesTo: always,
    isFilled: (r) => filled(r.activities?.objectives) && filled(r.activities?.risks),
  },
  {
    label: 'Provenienza delle risorse economiche',
    section: 6,
    appliesTo: always,
    isFilled: (r) => counted(r.economics?.revenues, (line) => line.amount),
  },
  {
    label: 'Contenziosi e controversie',
    section: 7,
    appliesTo: always,
    isFilled: (r) => filled(r.otherInfo?.disputes),
  },
  {
    label: 'Riunioni degli organi che hanno approvato il bilancio',
    section: 7,
    appliesTo: always,
    isFilled: (r) => filled(r.otherInfo?.approvalMeetings),
  },
  {
    label: "Monitoraggio e attestazione dell'organo di controllo",
    section: 8,
    appliesTo: always,
    // The attestation itself is a document of the control body, attached before the approval.
    isFilled: (r) => filled(r.controlMonitoring?.monitoring),
  },
  {
    label: 'Lavoratori svantaggiati inseriti',
    section: 4,
    appliesTo: hasWorkIntegration,
    isFilled: (r) => counted(r.workIntegration?.disadvantagedWorkers, (g) => g.count),
  },
  {
    label: 'Organizzazioni associate al consorzio',
    section: 3,
    appliesTo: isConsortium,
    isFilled: (_r, context) => context.consortiumMemberCount > 0,
  },
  {
    label: 'Dati aggregati delle associate',
    section: 6,
    appliesTo: isConsortium,
    isFilled: (r) => filled(r.consortium?.aggregationNotes),
  },
];

export type UnfilledItem = { label: string; section: number; reason: string | null };

/** Applicable mandatory items left empty, each with the reason given for it, if any. */
export const unfilledItems = (
  report: SocialReportContent,
  type: OrganisationType,
  consortiumMemberCount: number,
): UnfilledItem[] => {
  const reasons = new Map(
    (report.omissions ?? []).filter((o) => !isBlank(o.reason)).map((o) => [o.item, (o.reason ?? '').trim()]),
  );
  return MANDATORY_ITEMS.filter(
    (item) => item.appliesTo(type) && !item.isFilled(report, { consortiumMemberCount }),
  ).map((item) => ({ label: item.label, section: item.section, reason: reasons.get(item.label) ?? null }));
};
