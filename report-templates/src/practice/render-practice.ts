import type { OutputFormat, RendererOptions } from '../engine.ts';
import { InvalidDataError } from '../errors.ts';
import { createImageSet } from '../odt-pictures.ts';
import { renderTemplate, type RenderedDocument } from '../render.ts';
import type { PracticeCatalogue, PracticeSheet } from './types.ts';
import { validatePracticeCatalogue, validatePracticeSheet } from './validate.ts';
import { buildCatalogueView, buildPracticeSheetView } from './view.ts';

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
  return renderTemplate('practice-sheet', view, images, format, `scheda-${sheet.title}`, options);
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
  return renderTemplate('practice-catalogue', view, images, format, view.title, options);
};
