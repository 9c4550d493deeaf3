import type { Core } from '@strapi/strapi';
import {
  InvalidDataError,
  ReportRenderError,
  type RendererOptions,
  type RenderedDocument,
} from '@coop/report-templates';
import { errors } from '@strapi/utils';

export const rendererOptions = (strapi: Core.Strapi): RendererOptions => {
  const config = strapi.config.get('reports') as RendererOptions;
  return {
    ...(config.libreOfficeProgramDir ? { libreOfficeProgramDir: config.libreOfficeProgramDir } : {}),
    ...(config.libreOfficePython ? { libreOfficePython: config.libreOfficePython } : {}),
    ...(config.conversionTimeoutMs ? { conversionTimeoutMs: config.conversionTimeoutMs } : {}),
  };
};

type Context = {
  set: (name: string, value: string) => void;
  status: number;
  body: unknown;
};

/** Sends a rendered document as a download. */
export const sendDocument = (ctx: Context, document: RenderedDocument): void => {
  ctx.set('Content-Type', document.contentType);
  ctx.set('Content-Disposition', `attachment; filename="${document.fileName}"`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.status = 200;
  ctx.body = document.bytes;
};

const STATUS_OF_CODE: Record<string, number> = {
  DATA_INVALID: 400,
  IMAGE_INVALID: 400,
  LIBREOFFICE_UNAVAILABLE: 503,
  LIBREOFFICE_CRASHED: 503,
  CONVERSION_TIMEOUT: 503,
  CONVERSION_FAILED: 503,
};

/**
 * Turns a render failure into an answer that names its cause: bad data is the caller's to fix
 * (400, with each problem); LibreOffice trouble is temporary (503): ODT output still works.
 */
export const renderFailure = (error: unknown): Error => {
  if (!(error instanceof ReportRenderError)) return error instanceof Error ? error : new Error(String(error));
  const status = STATUS_OF_CODE[error.code] ?? 500;
  const details = { code: error.code, ...(error instanceof InvalidDataError ? { problems: error.problems } : {}) };
  if (status === 400) return new errors.ValidationError(error.message, details);
  return Object.assign(new errors.ApplicationError(error.message, details), { status });
};
