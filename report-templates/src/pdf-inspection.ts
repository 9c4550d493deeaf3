// Reads a PDF as a person (and the Registro delle imprese) would, with poppler-utils: for tests.
// Asynchronous on purpose: a test blocked on a child process lets its kept-alive HTTP connections
// go stale, and its next request fails with "other side closed".
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export type PdfFacts = {
  pages: number;
  tagged: boolean;
  version: string;
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** The catalogue's /Lang entry, e.g. "it-IT". */
  language: string | null;
  /** `pdfaid:part` and `pdfaid:conformance` of the XMP metadata, null when absent. */
  pdfa: { part: string; conformance: string } | null;
  fonts: { name: string; embedded: boolean }[];
  /** Pictures drawn with a soft mask (transparency), which PDF/A-1 forbids. */
  softMasks: number;
};

const withFile = async <T>(pdf: Buffer, read: (file: string, folder: string) => Promise<T>): Promise<T> => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'pdf-inspection-'));
  try {
    const file = path.join(folder, 'document.pdf');
    await writeFile(file, pdf);
    return await read(file, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
};

const run = async (command: string, args: string[]): Promise<string> =>
  (await execFileAsync(command, args, { maxBuffer: 64 << 20, encoding: 'utf8' })).stdout;

const infoField = (info: string, name: string): string =>
  new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';

export const pdfFacts = (pdf: Buffer): Promise<PdfFacts> =>
  withFile(pdf, async (file) => {
    const [info, xmp, fontList, imageList] = await Promise.all([
      run('pdfinfo', [file]),
      run('pdfinfo', ['-meta', file]),
      run('pdffonts', [file]),
      run('pdfimages', ['-list', file]),
    ]);
    const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp)?.[1];
    const conformance = /<pdfaid:conformance>([AB])<\/pdfaid:conformance>/.exec(xmp)?.[1];
    const fonts = fontList
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name, type (one or two words), encoding, emb, sub, uni, object, generation
        return { name: columns[0] ?? '', embedded: columns[columns.length - 5] === 'yes' };
      });
    const softMasks = imageList
      .split('\n')
      .slice(2)
      .filter((line) => /^\s*\d+\s+\d+\s+smask\b/.test(line)).length;
    return {
      pages: Number(infoField(info, 'Pages')),
      tagged: infoField(info, 'Tagged') === 'yes',
      version: infoField(info, 'PDF version'),
      title: infoField(info, 'Title'),
      author: infoField(info, 'Author'),
      subject: infoField(info, 'Subject'),
      keywords: infoField(info, 'Keywords'),
      language: /\/Lang\s*\(([^)]*)\)/.exec(pdf.toString('latin1'))?.[1] ?? null,
      pdfa: part && conformance ? { part, conformance } : null,
      fonts,
      softMasks,
    };
  });

/** The text of each page, as `pdftotext -layout` extracts it (no-break spaces as spaces). */
export const pageTexts = (pdf: Buffer): Promise<string[]> =>
  withFile(pdf, async (file) =>
    (await run('pdftotext', ['-layout', file, '-']))
      .replace(/\u00a0/g, ' ')
      .split('\f')
      .slice(0, -1),
  );

/**
 * For each page drawn by pdftoppm, how many pixels of its top band (the page header) are clearly
 * red: a visible red mark shows as a patch of them.
 */
export const redPixelsInHeaders = (pdf: Buffer): Promise<number[]> =>
  withFile(pdf, async (file, folder) => {
    await run('pdftoppm', ['-r', '30', file, path.join(folder, 'page')]);
    const pages = (await readdir(folder)).filter((name) => name.endsWith('.ppm')).sort();
    const images = await Promise.all(pages.map((name) => readFile(path.join(folder, name))));
    return images.map((image, index) => {
      const name = pages[index] ?? '';
      // Binary PPM: "P6\n<width> <height>\n<max>\n" then RGB bytes.
      const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(image.subarray(0, 40).toString('latin1'));
      if (!header) throw new Error(`${name} is not a binary PPM`);
      const [width, height] = [Number(header[1]), Number(header[2])];
      const start = header[0].length;
      let count = 0;
      for (let y = 0; y < Math.floor(height * 0.12); y++) {
        for (let x = 0; x < width; x++) {
          const at = start + (y * width + x) * 3;
          const [red, green, blue] = [image[at] ?? 0, image[at + 1] ?? 0, image[at + 2] ?? 0];
          if (red - Math.max(green, blue) > 70) count += 1;
        }
      }
      return count;
    });
  });
