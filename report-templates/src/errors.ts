export type RenderErrorCode =
  | 'TEMPLATE_INVALID'
  | 'DATA_INVALID'
  | 'IMAGE_INVALID'
  | 'LIBREOFFICE_UNAVAILABLE'
  | 'LIBREOFFICE_CRASHED'
  | 'CONVERSION_TIMEOUT'
  | 'CONVERSION_FAILED'
  | 'QUEUE_FULL';

/** Every failure of the library: an Italian message for people, a stable code for programs. */
export class ReportRenderError extends Error {
  readonly code: RenderErrorCode;

  constructor(code: RenderErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportRenderError';
    this.code = code;
  }
}

/** A template that cannot be read, packaged or filled by Carbone. */
export class TemplateError extends ReportRenderError {
  readonly template: string;

  constructor(template: string, reason: string, options?: { cause?: unknown }) {
    super('TEMPLATE_INVALID', `Modello "${template}" non valido: ${reason}`, options);
    this.name = 'TemplateError';
    this.template = template;
  }
}

export type DataProblem = { path: string; message: string };

/** Data that would render a wrong or incomplete document: Carbone itself prints missing fields as empty. */
export class InvalidDataError extends ReportRenderError {
  readonly problems: DataProblem[];

  constructor(documentLabel: string, problems: DataProblem[]) {
    super(
      'DATA_INVALID',
      `Dati insufficienti per generare ${documentLabel}: ${problems.map((problem) => problem.message).join('; ')}`,
    );
    this.name = 'InvalidDataError';
    this.problems = problems;
  }
}

/** A logo or photo that is neither PNG nor JPEG, or cannot be decoded. */
export class InvalidImageError extends ReportRenderError {
  constructor(description: string, options?: { cause?: unknown }) {
    super('IMAGE_INVALID', `Immagine non utilizzabile (${description}): servono file PNG o JPEG integri`, options);
    this.name = 'InvalidImageError';
  }
}

export class LibreOfficeUnavailableError extends ReportRenderError {
  constructor(reason: string) {
    super('LIBREOFFICE_UNAVAILABLE', `LibreOffice non disponibile: ${reason}`);
    this.name = 'LibreOfficeUnavailableError';
  }
}

/** LibreOffice died, timed out or refused the document; the next conversion starts a fresh process. */
export class ConversionError extends ReportRenderError {
  constructor(
    code: 'LIBREOFFICE_CRASHED' | 'CONVERSION_TIMEOUT' | 'CONVERSION_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'ConversionError';
  }
}

/** Carbone reports some errors as plain strings. */
export const describeCause = (cause: unknown): string =>
  cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : JSON.stringify(cause);
