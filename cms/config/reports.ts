import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Folder holding `soffice.bin`, and a python3 that can `import uno`; empty: the usual places. */
  libreOfficeProgramDir: env('LIBREOFFICE_PROGRAM_DIR', '') || undefined,
  libreOfficePython: env('LIBREOFFICE_PYTHON', '') || undefined,
  /** Longest wait for one PDF or DOCX conversion before LibreOffice is restarted. */
  conversionTimeoutMs: env.int('REPORT_CONVERSION_TIMEOUT_SECONDS', 60) * 1000,
});
