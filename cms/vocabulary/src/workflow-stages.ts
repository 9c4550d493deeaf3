/** The stages of the editorial workflow (the transitions between them are the CMS's: cms/src/domain/workflow.ts). */

export const CARD_STAGES = [
  'Bozza',
  'Inviata',
  'In revisione',
  'Da rivedere',
  'Selezionata',
  'Pubblicata',
  'Archiviata',
] as const;
export type CardStage = (typeof CARD_STAGES)[number];

export const REPORT_STAGES = ['In compilazione', 'Confermato', 'Approvato', 'Depositato', 'Pubblicato'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];
