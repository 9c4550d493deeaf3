/** The editorial workflow of practice cards and social reports: who may move what, from where to where. */

import type { CardStage, ReportStage } from '@coop/vocabulary/workflow-stages';

export { CARD_STAGES, REPORT_STAGES, type CardStage, type ReportStage } from '@coop/vocabulary/workflow-stages';

/**
 * `cooperative`: Responsabile or Operatore of the document's organisation; `responsabile`: its
 * Responsabile only; `curator`: the Think Tank's curators and the network staff.
 */
export type Actor = 'cooperative' | 'responsabile' | 'curator';

export type Transition<S extends string> = {
  from: S;
  to: S;
  actors: Actor[];
  /** What the button says. */
  label: string;
  requiresComment?: boolean;
  requiresApprovalDate?: boolean;
  /** The deposit's date and the Registro delle imprese's protocol number. */
  requiresDeposit?: boolean;
  /** What happens to the public version. */
  effect?: 'publish' | 'unpublish';
  /** Asked before a move that shows something to the public or takes it away. */
  confirm?: string;
};

export const CARD_TRANSITIONS: Transition<CardStage>[] = [
  { from: 'Bozza', to: 'Inviata', actors: ['cooperative'], label: 'Invia alla redazione' },
  { from: 'Da rivedere', to: 'Inviata', actors: ['cooperative'], label: 'Invia di nuovo alla redazione' },
  { from: 'Inviata', to: 'In revisione', actors: ['curator'], label: 'Prendi in revisione' },
  { from: 'In revisione', to: 'Da rivedere', actors: ['curator'], label: 'Chiedi modifiche', requiresComment: true },
  { from: 'In revisione', to: 'Selezionata', actors: ['curator'], label: 'Seleziona' },
  {
    from: 'Selezionata',
    to: 'Pubblicata',
    actors: ['curator'],
    label: 'Pubblica sul portale',
    effect: 'publish',
    confirm: 'La scheda diventa visibile a tutti sul portale e la cooperativa ne riceve notizia.',
  },
  {
    from: 'Pubblicata',
    to: 'Pubblicata',
    actors: ['curator'],
    label: 'Pubblica le modifiche',
    effect: 'publish',
    confirm: 'La versione pubblica della scheda sul portale viene sostituita da questa.',
  },
  {
    from: 'Pubblicata',
    to: 'Archiviata',
    actors: ['curator'],
    label: 'Ritira dal portale',
    effect: 'unpublish',
    requiresComment: true,
    confirm: 'La scheda sparisce dal portale; la cooperativa legge il motivo nella cronologia.',
  },
  {
    from: 'Archiviata',
    to: 'Pubblicata',
    actors: ['curator'],
    label: 'Pubblica di nuovo',
    effect: 'publish',
    confirm: 'La scheda torna visibile a tutti sul portale.',
  },
];

export const REPORT_TRANSITIONS: Transition<ReportStage>[] = [
  { from: 'In compilazione', to: 'Confermato', actors: ['responsabile'], label: 'Conferma i dati' },
  {
    from: 'Confermato',
    to: 'In compilazione',
    actors: ['responsabile'],
    label: 'Riapri per modifiche',
    requiresComment: true,
  },
  {
    from: 'Confermato',
    to: 'Approvato',
    actors: ['responsabile'],
    label: 'Registra l’approvazione dell’assemblea',
    requiresApprovalDate: true,
  },
  {
    from: 'Approvato',
    to: 'Depositato',
    actors: ['responsabile'],
    label: 'Registra il deposito',
    requiresDeposit: true,
  },
  {
    from: 'Depositato',
    to: 'Pubblicato',
    actors: ['responsabile'],
    label: 'Pubblica sul portale',
    confirm: 'Il bilancio sociale diventa pubblico sul portale, con il PDF scaricabile da chiunque.',
  },
  {
    from: 'Pubblicato',
    to: 'Depositato',
    actors: ['responsabile'],
    label: 'Ritira dal portale',
    requiresComment: true,
    confirm: 'Il bilancio sociale sparisce dal portale; il motivo resta nella cronologia.',
  },
];

/** Stages in which a report is on the portal. */
export const REPORT_STAGES_PUBLISHED: ReportStage[] = ['Pubblicato'];

/** Stages of a report the assembly has approved: its figures are final. */
export const REPORT_STAGES_APPROVED: ReportStage[] = ['Approvato', 'Depositato', 'Pubblicato'];

/** Stages of a report not yet deposited at the Registro delle imprese: its deadline shows. */
export const REPORT_STAGES_BEFORE_DEPOSIT: ReportStage[] = ['In compilazione', 'Confermato', 'Approvato'];

/** Stages in which the cooperative cannot change a card: the redazione has it. */
export const CARD_STAGES_LOCKED_FOR_COOPERATIVE: CardStage[] = ['Inviata', 'In revisione', 'Selezionata', 'Archiviata'];

export const transitionsFrom = <S extends string>(table: Transition<S>[], stage: S, actors: Actor[]): Transition<S>[] =>
  table.filter((transition) => transition.from === stage && transition.actors.some((actor) => actors.includes(actor)));

export const findTransition = <S extends string>(table: Transition<S>[], from: S, to: S): Transition<S> | undefined =>
  table.find((transition) => transition.from === from && transition.to === to);
