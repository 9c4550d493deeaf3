// Reads a PDF as a person (and the Registro delle imprese) would, with poppler-utils: for tests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

const withFile = <T>(pdf: Buffer, read: (file: string, folder: string) => T): T => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'pdf-inspection-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    return read(file, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

const run = (command: string, args: string[]): string =>
  execFileSync(command, args, { maxBuffer: 64 << 20 }).toString();

const infoField = (info: string, name: string): string =>
  new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';

export const pdfFacts = (pdf: Buffer): PdfFacts =>
  withFile(pdf, (file) => {
    const info = run('pdfinfo', [file]);
    const xmp = run('pdfinfo', ['-meta', file]);
    const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp)?.[1];
    const conformance = /<pdfaid:conformance>([AB])<\/pdfaid:conformance>/.exec(xmp)?.[1];
    const fonts = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        // name, type (one or two words), encoding, emb, sub, uni, object, generation
        return { name: columns[0] ?? '', embedded: columns[columns.length - 5] === 'yes' };
      });
    const softMasks = run('pdfimages', ['-list', file])
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
export const pageTexts = (pdf: Buffer): string[] =>
  withFile(pdf, (file) =>
    run('pdftotext', ['-layout', file, '-'])
      .replace(/\u00a0/g, ' ')
      .split('\f')
      .slice(0, -1),
  );

/**
 * For each page drawn by pdftoppm, how many pixels of its top band (the page header) are clearly
 * red: a visible red mark shows as a patch of them.
 */
export const redPixelsInHeaders = (pdf: Buffer): number[] =>
  withFile(pdf, (file, folder) => {
    run('pdftoppm', ['-r', '30', file, path.join(folder, 'page')]);
    return readdirSync(folder)
      .filter((name) => name.endsWith('.ppm'))
      .sort()
      .map((name) => {
        const image = readFileSync(path.join(folder, name));
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
