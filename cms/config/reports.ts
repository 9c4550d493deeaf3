import type { Core } from '@strapi/strapi';

// The report library's profiles (config files cannot load its ESM sources while the admin builds).
const PDF_PROFILES = ['1b', '2b', 'off'];

const pdfProfile = (value: string): string => {
  const profile = value.trim().toLowerCase() || '1b';
  if (!PDF_PROFILES.includes(profile)) {
    throw new Error(`REPORT_PDFA: "${value}" non previsto, scegliere tra 1b, 2b e off`);
  }
  return profile;
};

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** Folder holding `soffice.bin`, and a python3 that can `import uno`; empty: the usual places. */
  libreOfficeProgramDir: env('LIBREOFFICE_PROGRAM_DIR', '') || undefined,
  libreOfficePython: env('LIBREOFFICE_PYTHON', '') || undefined,
  /** Longest wait for one PDF or DOCX conversion before LibreOffice is restarted. */
  conversionTimeoutMs: env.int('REPORT_CONVERSION_TIMEOUT_SECONDS', 60) * 1000,
  /** PDF/A level of every PDF: 1b (what the Registro delle imprese accepts), 2b, or off. */
  pdfa: pdfProfile(env('REPORT_PDFA', '1b')),
  /** Anonymous document renders (practice sheets, published reports) that may wait at once. */
  publicQueueLimit: env.int('REPORT_PUBLIC_QUEUE_LIMIT', 8),
});
