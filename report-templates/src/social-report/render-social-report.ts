import type { RendererOptions, OutputFormat } from '../engine.ts';
import { InvalidDataError } from '../errors.ts';
import { createImageSet } from '../odt-pictures.ts';
import { renderTemplate, type RenderedDocument } from '../render.ts';
import type { SocialReportDocument } from './types.ts';
import { validateSocialReport } from './validate.ts';
import { buildSocialReportView, socialReportMetadata } from './view.ts';

export type SocialReportOptions = RendererOptions & {
  /** Render a draft: mandatory items still empty are marked as such instead of refusing the document. */
  allowIncomplete?: boolean;
  /** The date printed as the document's generation date; default now. */
  now?: Date;
};

/** The annual social report in the eight sections of the Ministry guidelines, ready to deposit and publish. */
export const renderSocialReport = async (
  data: SocialReportDocument,
  format: OutputFormat,
  options: SocialReportOptions = {},
): Promise<RenderedDocument> => {
  const problems = validateSocialReport(data, options.allowIncomplete ?? false);
  if (problems.length > 0) throw new InvalidDataError('il bilancio sociale', problems);
  const images = createImageSet();
  const view = await buildSocialReportView(data, images, options.now ?? new Date());
  return renderTemplate('social-report', view, images, format, socialReportMetadata(data), options);
};
