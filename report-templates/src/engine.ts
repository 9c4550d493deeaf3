import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConversionError, describeCause, LibreOfficeUnavailableError, TemplateError } from './errors.ts';
import { TIME_ZONE } from './format.ts';
import { locateLibreOffice, type LibreOffice } from './libreoffice.ts';
import { isAlive, officeProcessIds } from './office-processes.ts';
import { declarePdfA, pdfExportOptions, pdfProfileOf, type PdfProfile } from './pdfa.ts';
import { renderQueue, type RenderPriority } from './render-queue.ts';
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
  /** PDF/A level of PDF output: `1b` (default), `2b`, or `off` for plain tagged PDF; default REPORT_PDFA. */
  pdfa?: PdfProfile;
  /**
   * `interactive` (default): someone signed in waits for this document; it goes before every
   * `public` render still waiting. `public` renders (anonymous downloads) wait in a bounded queue.
   */
  priority?: RenderPriority;
  /** Most `public` renders that may wait at once; more are refused at once (default 8). */
  publicQueueLimit?: number;
};

type Callback<T> = (error: unknown, result: T) => void;
type Carbone = {
  set: (options: Record<string, unknown>) => void;
  render: (template: string, data: unknown, options: Record<string, unknown>, callback: Callback<Buffer>) => void;
};
type Converter = {
  exit: (callback: () => void) => void;
  init: (callback: () => void) => void;
  convertFile: (
    input: string,
    filter: string,
    filterOptions: string,
    output: string,
    callback: (error: unknown, output: string) => void,
  ) => void;
};

type Engine = {
  carbone: Carbone;
  converter: Converter;
  workDir: string;
  templates: Map<string, Promise<string>>;
  /** The LibreOffice Carbone was loaded with; null when it was missing, so only ODT can be produced. */
  libreOffice: LibreOffice | null;
};

const require = createRequire(import.meta.url);
/** Our conversion worker, run by Carbone's converter in place of its own: it passes the PDF options on. */
const CONVERTER_SCRIPT = fileURLToPath(new URL('./office-converter.py', import.meta.url));
/** LibreOffice's export filters: Carbone's own choice for DOCX. */
const EXPORT_FILTERS = { pdf: 'writer_pdf_Export', docx: 'Office Open XML Text' } as const;
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
    pythonPath: CONVERTER_SCRIPT,
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

/** A killed LibreOffice may still be exiting when Python reports the failed conversion. */
const CRASH_SETTLE_MS = 2_000;
const SETTLE_POLL_MS = 20;

/** Whether one of the processes has ended, or ends within `withinMs`. */
const diesWithin = async (pids: number[], withinMs: number): Promise<boolean> => {
  const deadline = Date.now() + withinMs;
  while (!pids.some((pid) => !isAlive(pid))) {
    if (pids.length === 0 || Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  }
  return true;
};

/** One LibreOffice conversion through Carbone's converter, with our filter options. */
const storeAs = (current: Engine, odt: Buffer, format: 'pdf' | 'docx', profile: PdfProfile): Promise<Buffer> => {
  const folder = path.join(current.workDir, 'render');
  const name = randomUUID();
  // "_tmp.odt": the intermediate file's name as Carbone itself writes it (tests watch for it).
  const input = path.join(folder, `${name}_tmp.odt`);
  const output = path.join(folder, `${name}.${format}`);
  const options = format === 'pdf' ? JSON.stringify(pdfExportOptions(profile)) : '';
  const offices = officeProcessIds();
  return (async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(input, odt);
    try {
      await new Promise<void>((resolve, reject) => {
        current.converter.convertFile(input, EXPORT_FILTERS[format], options, output, (error) => {
          if (error) void diesWithin(offices, CRASH_SETTLE_MS).then((died) => reject(conversionError(error, died)));
          else resolve();
        });
      });
      const bytes = await readFile(output);
      return format === 'pdf' ? declarePdfA(bytes, profile) : bytes;
    } finally {
      await Promise.all([rm(input, { force: true }), rm(output, { force: true })]);
    }
  })();
};

/**
 * Converts an ODT to PDF or DOCX in the warm LibreOffice process, waiting its turn in the render
 * queue: one conversion at a time, so the time limit counts only its own conversion, and
 * restarting LibreOffice after it cannot hit another.
 */
export const convertOdt = (odt: Buffer, format: 'pdf' | 'docx', options: RendererOptions): Promise<Buffer> =>
  inRenderQueue(options, () => convertNow(odt, format, options));

/** Runs a whole render (fill, pictures, conversion) in its turn; see `RendererOptions.priority`. */
export const inRenderQueue = <T>(options: RendererOptions, render: () => Promise<T>): Promise<T> =>
  renderQueue.run(options.priority ?? 'interactive', render, { publicLimit: options.publicQueueLimit });

/** Converts at once: only from within a job of the render queue. */
export const convertNow = async (odt: Buffer, format: 'pdf' | 'docx', options: RendererOptions): Promise<Buffer> => {
  findLibreOffice(options);
  const profile = pdfProfileOf(options.pdfa ?? process.env.REPORT_PDFA);
  const current = await openEngine(options);
  if (!current.libreOffice) {
    throw new LibreOfficeUnavailableError('installato dopo l’avvio del servizio: riavviarlo per produrre PDF e DOCX');
  }
  const timeoutMs = options.conversionTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const conversion = storeAs(current, odt, format, profile);
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
