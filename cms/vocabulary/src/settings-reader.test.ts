import { describe, expect, it } from 'vitest';
import { resolveCmsSettings } from './cms-settings.ts';
import { SettingsError, settingsReader } from './settings-reader.ts';

const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  throw new Error('no SettingsError');
};

describe('settings reader', () => {
  it('takes the default for unset and empty variables', () => {
    const read = settingsReader({ EMPTY: '  ' });
    expect(read.int('EMPTY', 7)).toBe(7);
    expect(read.int('MISSING', 8)).toBe(8);
    expect(read.bool('EMPTY', true)).toBe(true);
    expect(read.list('EMPTY', ['a'])).toEqual(['a']);
    expect(read.optional('EMPTY')).toBeNull();
    read.check();
  });

  it('parses what is set', () => {
    const read = settingsReader({
      N: ' 42 ',
      F: '0.5',
      B: 'false',
      L: 'a, b,,c',
      U: 'https://x.example.it/',
      R: 'Worker',
    });
    expect(read.int('N', 1)).toBe(42);
    expect(read.number('F', 1)).toBe(0.5);
    expect(read.bool('B', true)).toBe(false);
    expect(read.list('L', [])).toEqual(['a', 'b', 'c']);
    expect(read.url('U', 'http://127.0.0.1')).toBe('https://x.example.it');
    expect(read.oneOf('R', ['all', 'web', 'worker'], 'all')).toBe('worker');
    read.check();
  });

  it('names every bad value, in Italian and English, all at once', () => {
    const problems = problemsOf(() =>
      resolveCmsSettings(
        { CMS_PORT: '13a7', SEED_DEMO_DATA: 'forse', REPORT_PDFA: '3u', EMAIL_BATCH_SIZE: '0', MEILI_HOST: 'ftp://x' },
        '/srv/coop',
      ),
    );
    expect(problems).toEqual([
      'CMS_PORT="13a7": serve un numero intero 1–65535 / expected an integer 1–65535',
      'SEED_DEMO_DATA="forse": serve true o false / expected true or false',
      'MEILI_HOST="ftp://x": serve un indirizzo http:// o https:// / expected an http:// or https:// address',
      'EMAIL_BATCH_SIZE="0": serve un numero intero ≥ 1 / expected an integer ≥ 1',
      'REPORT_PDFA="3u": scegliere tra 1b, 2b, off / expected one of 1b, 2b, off',
    ]);
    expect(() => resolveCmsSettings({ CMS_PORT: 'x' }, '/srv/coop')).toThrow(
      /Impostazioni non valide.*\n.*CMS_PORT="x"/,
    );
  });

  it('keeps the CMS data under DATA_DIR, resolved from the repository root', () => {
    const settings = resolveCmsSettings({ DATA_DIR: 'dati' }, '/srv/coop');
    expect(settings.database.filename).toBe('/srv/coop/dati/cms.db');
    expect(settings.server.publicDir).toBe('/srv/coop/dati/public');
    expect(settings.server.localUrl).toBe('http://127.0.0.1:1337');
    expect(resolveCmsSettings({ CMS_HOST: '0.0.0.0', CMS_PORT: '8080' }, '/srv').server.publicUrl).toBe(
      'http://127.0.0.1:8080',
    );
  });
});
