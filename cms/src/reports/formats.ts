import type { OutputFormat } from '@coop/report-templates';
import { errors } from '@strapi/utils';
import { textOf } from '@coop/vocabulary/format';

const FORMATS: OutputFormat[] = ['pdf', 'odt', 'docx'];

/** The `format` query parameter: pdf unless odt or docx is asked for. */
export const requestedFormat = (query: unknown): OutputFormat => {
  const format = (query as { format?: unknown } | undefined)?.format ?? 'pdf';
  if (FORMATS.includes(format as OutputFormat)) return format as OutputFormat;
  throw new errors.ValidationError(`Formato "${textOf(format)}" non previsto: scegliere tra pdf, odt e docx`);
};
