import { createHash } from 'node:crypto';
import type { PreparedImage } from './images.ts';
import { metaXml, type DocumentMetadata } from './odt-metadata.ts';
import { readZip, writeZip } from './zip.ts';

/**
 * Carbone's free edition cannot insert pictures, so templates carry a marker as a picture's inline
 * content (`<office:binary-data>{d.logo}</office:binary-data>`) and the data holds a reference made
 * here; after Carbone has filled the template, each reference becomes a file under `Pictures/`.
 */
export type ImageSet = { add: (image: PreparedImage) => string; get: (reference: string) => PreparedImage | undefined };

const REFERENCE = /^img-\d+$/;

export const createImageSet = (): ImageSet => {
  const images = new Map<string, PreparedImage>();
  return {
    add: (image) => {
      const reference = `img-${images.size + 1}`;
      images.set(reference, image);
      return reference;
    },
    get: (reference) => images.get(reference),
  };
};

const FRAME = /<draw:frame\b([^>]*)>([\s\S]*?)<\/draw:frame>/g;
const INLINE_IMAGE = /<draw:image\b[^>]*>\s*<office:binary-data>\s*([^<]*?)\s*<\/office:binary-data>\s*<\/draw:image>/;
const CM_PER_INCH = 2.54;

const lengthInCm = (attributes: string, name: string): number | null => {
  const match = new RegExp(`${name}="([\\d.]+)(cm|mm|in)"`).exec(attributes);
  if (!match?.[1]) return null;
  const value = Number(match[1]);
  return match[2] === 'mm' ? value / 10 : match[2] === 'in' ? value * CM_PER_INCH : value;
};

/** The template's frame is the box; the picture keeps its proportions inside it. */
const fitFrame = (attributes: string, image: PreparedImage): string => {
  const boxWidth = lengthInCm(attributes, 'svg:width');
  const boxHeight = lengthInCm(attributes, 'svg:height');
  if (boxWidth === null || boxHeight === null) return attributes;
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height);
  return attributes
    .replace(/svg:width="[^"]*"/, `svg:width="${(image.width * scale).toFixed(3)}cm"`)
    .replace(/svg:height="[^"]*"/, `svg:height="${(image.height * scale).toFixed(3)}cm"`);
};

const fileNameOf = (image: PreparedImage): string =>
  `Pictures/${createHash('sha256').update(image.bytes).digest('hex').slice(0, 32)}.${image.extension}`;

/**
 * Rewrites the picture markers of a rendered ODT into real pictures (frames with an empty marker
 * are dropped) and writes its metadata.
 */
export const finishOdt = (odt: Buffer, images: ImageSet, metadata: DocumentMetadata): Buffer => {
  const entries = readZip(odt);
  const content = entries.find((entry) => entry.name === 'content.xml');
  const manifest = entries.find((entry) => entry.name === 'META-INF/manifest.xml');
  const meta = entries.find((entry) => entry.name === 'meta.xml');
  if (!content || !manifest) throw new Error('the rendered document has no content.xml or manifest');

  const pictures = new Map<string, PreparedImage>();
  let frameCount = 0;
  const xml = content.data.toString('utf8').replace(FRAME, (frame, attributes: string, inner: string) => {
    const marker = INLINE_IMAGE.exec(inner);
    if (!marker) return frame;
    const reference = marker[1] ?? '';
    if (reference === '') return '';
    if (!REFERENCE.test(reference)) return frame;
    const image = images.get(reference);
    if (!image) throw new Error(`unknown picture reference ${reference}`);
    const fileName = fileNameOf(image);
    pictures.set(fileName, image);
    frameCount += 1;
    const named = attributes.replace(/draw:name="[^"]*"/, `draw:name="Immagine ${frameCount}"`);
    const link = `<draw:image xlink:href="${fileName}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>`;
    return `<draw:frame${fitFrame(named, image)}>${inner.replace(INLINE_IMAGE, link)}</draw:frame>`;
  });

  const manifestEntries = [...pictures]
    .map(
      ([name, image]) => `<manifest:file-entry manifest:full-path="${name}" manifest:media-type="${image.mediaType}"/>`,
    )
    .join('');
  const manifestXml = manifest.data
    .toString('utf8')
    .replace('</manifest:manifest>', `${manifestEntries}</manifest:manifest>`);

  return writeZip([
    ...entries.map((entry) =>
      entry === content
        ? { name: entry.name, data: Buffer.from(xml, 'utf8') }
        : entry === manifest
          ? { name: entry.name, data: Buffer.from(manifestXml, 'utf8') }
          : entry === meta
            ? { name: entry.name, data: Buffer.from(metaXml(metadata), 'utf8') }
            : { name: entry.name, data: entry.data, stored: entry.name === 'mimetype' },
    ),
    ...[...pictures].map(([name, image]) => ({ name, data: image.bytes, stored: true })),
  ]);
};
