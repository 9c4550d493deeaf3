import type { OutputFormat, RendererOptions } from '../engine.ts';
import { InvalidDataError } from '../errors.ts';
import { isBlank } from '../rich-text.ts';
import { createImageSet } from '../odt-pictures.ts';
import { renderTemplate, type RenderedDocument } from '../render.ts';
import type { PracticeCatalogue, PracticeSheet } from './types.ts';
import { validatePracticeCatalogue, validatePracticeSheet } from './validate.ts';
import { buildCatalogueView, buildPracticeSheetView } from './view.ts';

/** Who publishes the catalogue when the data does not say. */
export const CATALOGUE_PUBLISHER = 'Think Tank SEnt';

export type PracticeOptions = RendererOptions & {
  /** The date printed as the generation or publication date; default now. */
  now?: Date;
};

/** One practice card laid out like the Think Tank's survey form, with logo and photos. */
export const renderPracticeSheet = async (
  sheet: PracticeSheet,
  format: OutputFormat,
  options: PracticeOptions = {},
): Promise<RenderedDocument> => {
  const problems = validatePracticeSheet(sheet);
  if (problems.length > 0) throw new InvalidDataError('la scheda della pratica', problems);
  const images = createImageSet();
  const view = await buildPracticeSheetView(sheet, images, options.now ?? new Date());
  const year = String((options.now ?? new Date()).getFullYear());
  const metadata = {
    fileName: `scheda-${sheet.title}`,
    title: `Scheda pratica innovativa: ${sheet.title}`,
    author: sheet.organisation.name,
    subject: `Mappa delle pratiche innovative, ambito «${sheet.innovationArea.name}»`,
    keywords: [
      'pratica innovativa',
      sheet.innovationArea.name,
      ...(sheet.startYear ? [String(sheet.startYear)] : []),
      year,
    ],
  };
  return renderTemplate('practice-sheet', view, images, format, metadata, options);
};

/** The booklet of selected practices, grouped by innovation area with each area's definition. */
export const renderPracticeCatalogue = async (
  catalogue: PracticeCatalogue,
  format: OutputFormat,
  options: PracticeOptions = {},
): Promise<RenderedDocument> => {
  const problems = validatePracticeCatalogue(catalogue);
  if (problems.length > 0) throw new InvalidDataError('il catalogo delle pratiche', problems);
  const images = createImageSet();
  const view = await buildCatalogueView(catalogue, images, options.now ?? new Date());
  const year = (catalogue.publishedOn ?? (options.now ?? new Date()).toISOString()).slice(0, 4);
  const metadata = {
    fileName: view.title,
    title: [view.title, view.edition].filter(Boolean).join(' · '),
    author: isBlank(catalogue.publisher) ? CATALOGUE_PUBLISHER : (catalogue.publisher ?? ''),
    subject: `Pratiche innovative delle cooperative sociali selezionate e pubblicate, ${year}`,
    keywords: ['pratiche innovative', 'catalogo', year],
  };
  return renderTemplate('practice-catalogue', view, images, format, metadata, options);
};
