import { describe, expect, it } from 'vitest';
import { LibreOfficeUnavailableError, locateLibreOffice } from './libreoffice.ts';

describe('locateLibreOffice', () => {
  it('finds the LibreOffice that .ci/run installs, with a Python that has its UNO bridge', () => {
    expect(locateLibreOffice({})).toEqual({ programDir: '/usr/lib/libreoffice/program', python: '/usr/bin/python3' });
  });

  it('names the missing program when LibreOffice is not where it is configured', () => {
    expect(() => locateLibreOffice({ LIBREOFFICE_PROGRAM_DIR: '/nowhere' })).toThrow(LibreOfficeUnavailableError);
    expect(() => locateLibreOffice({ LIBREOFFICE_PROGRAM_DIR: '/nowhere' })).toThrow(/soffice\.bin non trovato/);
  });

  it('refuses a Python without the UNO bridge, which would make LibreOffice restart forever', () => {
    expect(() => locateLibreOffice({ LIBREOFFICE_PYTHON: process.execPath })).toThrow(/python3-uno/);
  });
});
