import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ConversionError, describeCause, LibreOfficeUnavailableError, TemplateError } from './errors.ts';
import { TIME_ZONE } from './format.ts';
import { locateLibreOffice, type LibreOffice } from './libreoffice.ts';
import { isAlive, officeProcessIds } from './office-processes.ts';
import { buildTemplate, type TemplateName } from './template-build.ts';

export type OutputFormat = 'odt' | 'pdf' | 'docx';

export type RendererOptions = {
  /** Folder holding `soffice.bin`; default LIBREOFFICE_PROGRAM_DIR, then the usual places. */
  libreOfficeProgramDir?: string;
  /** A python3 that can `import uno`; default LIBREOFFICE_PYTHON, then /usr/bin/python3. */
  libreOfficePython?: string;
  /** Parent of the renderer's own temporary folder; default the system's. */
  tempDir?: string;
  /** Longest wait for one LibreOffice conversion before the process is restarted; default 60 s. */
  conversionTimeoutMs?: number;
  /** Another folder of `.fodt` templates with the same names (tests, customised layouts). */
  templatesDir?: string;
};

type Callback<T> = (error: unknown, result: T) => void;
type Carbone = {
  set: (options: Record<string, unknown>) => void;
  render: (template: string, data: unknown, options: Record<string, unknown>, callback: Callback<Buffer>) => void;
  convert: (file: Buffer, options: Record<string, unknown>, callback: Callback<Buffer>) => void;
};
type Converter = { exit: (callback: () => void) => void; init: (callback: () => void) => void };

type Engine = {
  carbone: Carbone;
  converter: Converter;
  workDir: string;
  templates: Map<string, Promise<string>>;
  /** The LibreOffice Carbone was loaded with; null when it was missing, so only ODT can be produced. */
  libreOffice: LibreOffice | null;
};

const require = createRequire(import.meta.url);
const DEFAULT_TIMEOUT_MS = 60_000;
const located = new Map<string, LibreOffice>();
let engine: Engine | null = null;

/** Finds LibreOffice once per configuration; a failure is not remembered, so installing it later helps. */
const findLibreOffice = (options: RendererOptions): LibreOffice => {
  const env = {
    LIBREOFFICE_PROGRAM_DIR: options.libreOfficeProgramDir ?? process.env.LIBREOFFICE_PROGRAM_DIR,
    LIBREOFFICE_PYTHON: options.libreOfficePython ?? process.env.LIBREOFFICE_PYTHON,
  };
  const key = JSON.stringify(env);
  const known = located.get(key);
  if (known) return known;
  const found = locateLibreOffice(env);
  located.set(key, found);
  return found;
};

/**
 * Carbone looks for soffice.bin and python3 on PATH, and places its render folder in the system
 * temp folder, once, when it is first required: both are set for that moment only.
 */
const loadCarbone = (libreOffice: LibreOffice | null, workDir: string): { carbone: Carbone; converter: Converter } => {
  const saved = { PATH: process.env.PATH, TMPDIR: process.env.TMPDIR };
  if (libreOffice) {
    process.env.PATH = [libreOffice.programDir, path.dirname(libreOffice.python), saved.PATH].join(path.delimiter);
  }
  process.env.TMPDIR = workDir;
  try {
    const carbone = require('carbone') as Carbone;
    const converter = require('carbone/lib/converter.js') as Converter;
    return { carbone, converter };
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};

/** Without LibreOffice, Carbone still fills templates: ODT keeps working while PDF and DOCX cannot. */
const libreOfficeIfPresent = (options: RendererOptions): LibreOffice | null => {
  try {
    return findLibreOffice(options);
  } catch (error) {
    if (error instanceof LibreOfficeUnavailableError) return null;
    throw error;
  }
};

let opening: Promise<Engine> | null = null;

/** The warm engine, started once even when the first renders arrive together. */
const openEngine = (options: RendererOptions): Promise<Engine> => {
  if (engine) return Promise.resolve(engine);
  opening ??= startEngine(options).finally(() => {
    opening = null;
  });
  return opening;
};

const startEngine = async (options: RendererOptions): Promise<Engine> => {
  const libreOffice = libreOfficeIfPresent(options);
  const workDir = mkdtempSync(path.join(options.tempDir ?? os.tmpdir(), 'coop-reports-'));
  const { carbone, converter } = loadCarbone(libreOffice, workDir);
  await new Promise<void>((resolve) => converter.init(resolve));
  carbone.set({
    tempPath: workDir,
    renderPath: path.join(workDir, 'render'),
    lang: 'it-it',
    timezone: TIME_ZONE,
    currencySource: 'EUR',
    currencyTarget: 'EUR',
    converterFactoryTimeout: 0,
  });
  engine = { carbone, converter, workDir, templates: new Map(), libreOffice };
  return engine;
};

/** The packaged template in the renderer's folder, built from its Flat ODT source on first use. */
const templateFile = (current: Engine, name: TemplateName, templatesDir: string | undefined): Promise<string> => {
  const key = `${templatesDir ?? ''}|${name}`;
  let file = current.templates.get(key);
  if (!file) {
    file = (async () => {
      const bytes = await buildTemplate(name, templatesDir);
      const folder = path.join(current.workDir, 'templates', String(current.templates.size));
      await mkdir(folder, { recursive: true });
      const target = path.join(folder, `${name}.odt`);
      await writeFile(target, bytes);
      return target;
    })();
    current.templates.set(key, file);
    file.catch(() => current.templates.delete(key));
  }
  return file;
};

/** Fills a template with Carbone and returns the ODT, pictures still as markers. */
export const fillTemplate = async (name: TemplateName, data: unknown, options: RendererOptions): Promise<Buffer> => {
  const current = await openEngine(options);
  const template = await templateFile(current, name, options.templatesDir);
  return new Promise((resolve, reject) => {
    try {
      current.carbone.render(template, data, { lang: 'it-it', timezone: TIME_ZONE }, (error, result) => {
        if (error) reject(new TemplateError(name, describeCause(error), { cause: error }));
        else resolve(result);
      });
    } catch (cause) {
      reject(new TemplateError(name, describeCause(cause), { cause }));
    }
  });
};

/** Stops LibreOffice and starts the converter afresh, so the next conversion gets a new process. */
const restartConverter = async (current: Engine): Promise<void> => {
  await new Promise<void>((resolve) => current.converter.exit(resolve));
  await new Promise<void>((resolve) => current.converter.init(resolve));
};

const conversionError = (cause: unknown, officeDied: boolean): ConversionError | LibreOfficeUnavailableError => {
  const message = describeCause(cause);
  if (/Cannot find LibreOffice/i.test(message)) return new LibreOfficeUnavailableError('Carbone non trova soffice.bin');
  if (officeDied || /Could not convert the document$/.test(message)) {
    return new ConversionError(
      'LIBREOFFICE_CRASHED',
      'LibreOffice si è interrotto durante la conversione; il processo è stato riavviato, riprovare',
      { cause },
    );
  }
  return new ConversionError('CONVERSION_FAILED', `LibreOffice non è riuscito a convertire il documento (${message})`, {
    cause,
  });
};

let conversions: Promise<unknown> = Promise.resolve();

/**
 * Converts an ODT to PDF or DOCX in the warm LibreOffice process. One conversion at a time: the
 * time limit counts only its own conversion, and restarting LibreOffice after it cannot hit another.
 */
export const convertOdt = (odt: Buffer, format: 'pdf' | 'docx', options: RendererOptions): Promise<Buffer> => {
  const conversion = conversions.then(() => convertNow(odt, format, options));
  conversions = conversion.catch(() => undefined);
  return conversion;
};

const convertNow = async (odt: Buffer, format: 'pdf' | 'docx', options: RendererOptions): Promise<Buffer> => {
  findLibreOffice(options);
  const current = await openEngine(options);
  if (!current.libreOffice) {
    throw new LibreOfficeUnavailableError('installato dopo l’avvio del servizio: riavviarlo per produrre PDF e DOCX');
  }
  const timeoutMs = options.conversionTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const offices = officeProcessIds();
  const conversion = new Promise<Buffer>((resolve, reject) => {
    current.carbone.convert(odt, { extension: 'odt', convertTo: format }, (error, result) => {
      if (error)
        reject(
          conversionError(
            error,
            offices.some((pid) => !isAlive(pid)),
          ),
        );
      else resolve(result);
    });
  });
  // A conversion abandoned by the timeout may still fail later: that failure has been reported already.
  conversion.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      restartConverter(current).then(
        () =>
          reject(
            new ConversionError(
              'CONVERSION_TIMEOUT',
              `LibreOffice non ha completato la conversione in ${timeoutMs / 1000} secondi; il processo è stato riavviato`,
            ),
          ),
        reject,
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([conversion, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** Stops LibreOffice and removes the renderer's temporary folder; the next render starts again. */
export const closeEngine = async (): Promise<void> => {
  const current = engine ?? (await opening?.catch(() => null)) ?? null;
  if (!current) return;
  engine = null;
  await new Promise<void>((resolve) => current.converter.exit(resolve));
  rmSync(current.workDir, { recursive: true, force: true });
};

/** The folder where Carbone writes the documents it converts (tests watch it). */
export const renderFolder = (): string | null => (engine ? path.join(engine.workDir, 'render') : null);
