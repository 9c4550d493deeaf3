import type { Core } from '@strapi/strapi';
import {
  InvalidDataError,
  ReportRenderError,
  type RenderPriority,
  type RendererOptions,
  type RenderedDocument,
} from '@coop/report-templates';
import { errors } from '@strapi/utils';

/**
 * The renderer's settings for one render. `interactive`: someone signed in waits for it (their
 * report, the catalogue); `public`: an anonymous download, which waits behind them in a bounded queue.
 */
export const rendererOptions = (strapi: Core.Strapi, priority: RenderPriority): RendererOptions => {
  const config = strapi.config.get<RendererOptions>('reports');
  return {
    ...(config.libreOfficeProgramDir ? { libreOfficeProgramDir: config.libreOfficeProgramDir } : {}),
    ...(config.libreOfficePython ? { libreOfficePython: config.libreOfficePython } : {}),
    ...(config.conversionTimeoutMs ? { conversionTimeoutMs: config.conversionTimeoutMs } : {}),
    ...(config.pdfa ? { pdfa: config.pdfa } : {}),
    ...(config.publicQueueLimit ? { publicQueueLimit: config.publicQueueLimit } : {}),
    priority,
  };
};

type Context = {
  set: (name: string, value: string) => void;
  status: number;
  body: unknown;
};

/** Sends a rendered document as a download; `cache` for public documents (default: never kept). */
export const sendDocument = (ctx: Context, document: RenderedDocument, cache = 'private, no-store'): void => {
  ctx.set('Content-Type', document.contentType);
  ctx.set('Content-Disposition', `attachment; filename="${document.fileName}"`);
  ctx.set('Cache-Control', cache);
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
  QUEUE_FULL: 503,
};

/**
 * Answers a render failure with its cause: bad data is the caller's to fix (400, with each
 * problem); LibreOffice trouble and a full queue are temporary (503), and ODT output still works
 * meanwhile.
 */
export const sendRenderFailure = (ctx: Context, error: unknown): void => {
  if (!(error instanceof ReportRenderError)) throw error;
  const status = STATUS_OF_CODE[error.code] ?? 500;
  if (status === 400) {
    throw new errors.ValidationError(error.message, {
      code: error.code,
      ...(error instanceof InvalidDataError ? { problems: error.problems } : {}),
    });
  }
  if (error.code === 'QUEUE_FULL') ctx.set('Retry-After', '10');
  ctx.status = status;
  ctx.body = {
    data: null,
    error: { status, name: 'ServiceUnavailableError', message: error.message, details: { code: error.code } },
  };
};

/** Renders and sends a document, or the reason it could not be rendered. */
export const respondWithDocument = async (
  ctx: Context,
  render: () => Promise<RenderedDocument>,
  cache?: string,
): Promise<void> => {
  let document: RenderedDocument;
  try {
    document = await render();
  } catch (error) {
    sendRenderFailure(ctx, error);
    return;
  }
  sendDocument(ctx, document, cache);
};
