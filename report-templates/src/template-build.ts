import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TemplateError } from './errors.ts';
import { findXmlProblem } from './xml-check.ts';
import { writeZip } from './zip.ts';

export type TemplateName = 'social-report' | 'practice-sheet' | 'practice-catalogue';

export const TEMPLATE_NAMES: readonly TemplateName[] = ['social-report', 'practice-sheet', 'practice-catalogue'];

export const templateSourcePath = (name: TemplateName, templatesDir?: string): string =>
  templatesDir ? `${templatesDir}/${name}.fodt` : fileURLToPath(new URL(`../templates/${name}.fodt`, import.meta.url));

const MIMETYPE = 'application/vnd.oasis.opendocument.text';

const part = (xml: string, element: string): string => {
  const start = xml.search(new RegExp(`<${element}[\\s>/]`));
  if (start < 0) return '';
  const selfClosing = xml.indexOf('/>', start) === xml.indexOf('>', start) - 1;
  if (selfClosing) return xml.slice(start, xml.indexOf('>', start) + 1);
  const closing = `</${element}>`;
  const end = xml.indexOf(closing, start);
  return end < 0 ? '' : xml.slice(start, end + closing.length);
};

/**
 * Packages a Flat ODT into the zipped ODT Carbone reads, without LibreOffice (re-saving there would
 * drop the picture markers). The output depends only on the source, byte for byte.
 */
export const buildOdt = (name: string, flatXml: string): Buffer => {
  const problem = findXmlProblem(flatXml);
  if (problem) throw new TemplateError(name, `XML non valido (${problem})`);
  const root = /<office:document\b([^>]*)>/.exec(flatXml);
  if (!root?.[1]) throw new TemplateError(name, 'manca l’elemento office:document di un Flat ODT');
  const body = part(flatXml, 'office:body');
  if (!body.includes('<office:text')) throw new TemplateError(name, 'manca il corpo del testo (office:text)');
  const attributes = root[1].replace(/\s+office:mimetype="[^"]*"/, '');
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const fonts = part(flatXml, 'office:font-face-decls');
  const automaticStyles = part(flatXml, 'office:automatic-styles');
  const file = (fileName: string, xml: string) => ({ name: fileName, data: Buffer.from(declaration + xml, 'utf8') });

  return writeZip([
    { name: 'mimetype', data: Buffer.from(MIMETYPE, 'ascii'), stored: true },
    file(
      'content.xml',
      `<office:document-content${attributes}>${part(flatXml, 'office:scripts')}${fonts}${automaticStyles}${body}</office:document-content>`,
    ),
    file(
      'styles.xml',
      `<office:document-styles${attributes}>${fonts}${part(flatXml, 'office:styles')}${automaticStyles}${part(flatXml, 'office:master-styles')}</office:document-styles>`,
    ),
    file('meta.xml', `<office:document-meta${attributes}>${part(flatXml, 'office:meta')}</office:document-meta>`),
    file(
      'settings.xml',
      `<office:document-settings${attributes}>${part(flatXml, 'office:settings')}</office:document-settings>`,
    ),
    file(
      'META-INF/manifest.xml',
      `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
        `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIMETYPE}"/>` +
        ['content.xml', 'styles.xml', 'meta.xml', 'settings.xml']
          .map((entry) => `<manifest:file-entry manifest:full-path="${entry}" manifest:media-type="text/xml"/>`)
          .join('') +
        '</manifest:manifest>',
    ),
  ]);
};

/** Reads a template's Flat ODT source and packages it. */
export const buildTemplate = async (name: TemplateName, templatesDir?: string): Promise<Buffer> => {
  const sourcePath = templateSourcePath(name, templatesDir);
  let source: string;
  try {
    source = await readFile(sourcePath, 'utf8');
  } catch (cause) {
    throw new TemplateError(name, `file ${sourcePath} non leggibile`, { cause });
  }
  return buildOdt(name, source);
};
