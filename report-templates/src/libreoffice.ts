import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LibreOfficeUnavailableError } from './errors.ts';

export type LibreOffice = {
  /** Folder holding `soffice.bin`; Carbone finds LibreOffice only when this folder is on PATH. */
  programDir: string;
  /** A python3 that can `import uno`; without one LibreOffice restarts in a loop and renders hang. */
  python: string;
};

export { LibreOfficeUnavailableError };

const defaultProgramDirs = ['/usr/lib/libreoffice/program', '/opt/libreoffice/program'];
const defaultPythons = ['/usr/bin/python3', '/usr/local/bin/python3'];

const canImportUno = (python: string): boolean => {
  try {
    execFileSync(python, ['-c', 'import uno'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
};

/**
 * Finds LibreOffice and a Python with its UNO bridge, honouring LIBREOFFICE_PROGRAM_DIR and
 * LIBREOFFICE_PYTHON. Throws a named error that says what is missing.
 */
export const locateLibreOffice = (env: NodeJS.ProcessEnv = process.env): LibreOffice => {
  const programDirs = env.LIBREOFFICE_PROGRAM_DIR ? [env.LIBREOFFICE_PROGRAM_DIR] : defaultProgramDirs;
  const programDir = programDirs.find((dir) => existsSync(path.join(dir, 'soffice.bin')));
  if (!programDir) {
    throw new LibreOfficeUnavailableError(
      `soffice.bin non trovato in ${programDirs.join(', ')} (installare libreoffice-writer-nogui)`,
    );
  }
  const pythons = env.LIBREOFFICE_PYTHON ? [env.LIBREOFFICE_PYTHON] : defaultPythons;
  const python = pythons.find(canImportUno);
  if (!python) {
    throw new LibreOfficeUnavailableError(
      `nessun python3 con il modulo uno tra ${pythons.join(', ')} (installare python3-uno)`,
    );
  }
  return { programDir, python };
};
