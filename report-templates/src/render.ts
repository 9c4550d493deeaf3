import { convertNow, fillTemplate, inRenderQueue, type OutputFormat, type RendererOptions } from './engine.ts';
import { ReportRenderError } from './errors.ts';
import type { DocumentMetadata } from './odt-metadata.ts';
import { finishOdt, type ImageSet } from './odt-pictures.ts';
import type { TemplateName } from './template-build.ts';

export type RenderedDocument = { bytes: Buffer; contentType: string; fileName: string };

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const isOutputFormat = (value: unknown): value is OutputFormat =>
  typeof value === 'string' && Object.hasOwn(CONTENT_TYPES, value);

/** "Bilancio sociale 2024 – Navigli Insieme" → "bilancio-sociale-2024-navigli-insieme" */
export const safeFileName = (words: string): string =>
  words
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120) || 'documento';

/** Template → Carbone → pictures and metadata → LibreOffice when the format asks for it, in the render queue. */
export const renderTemplate = async (
  template: TemplateName,
  view: unknown,
  images: ImageSet,
  format: OutputFormat,
  metadata: DocumentMetadata & { fileName: string },
  options: RendererOptions,
): Promise<RenderedDocument> => {
  if (!isOutputFormat(format)) {
    throw new ReportRenderError(
      'DATA_INVALID',
      `Formato "${String(format)}" non previsto: scegliere tra odt, pdf e docx`,
    );
  }
  const bytes = await inRenderQueue(options, async () => {
    const odt = finishOdt(await fillTemplate(template, view, options), images, metadata);
    return format === 'odt' ? odt : convertNow(odt, format, options);
  });
  return { bytes, contentType: CONTENT_TYPES[format], fileName: `${safeFileName(metadata.fileName)}.${format}` };
};
