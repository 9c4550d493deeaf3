import sharp from 'sharp';
import { InvalidImageError } from './errors.ts';

/** A picture handed in by the caller: PNG or JPEG bytes and what it shows, for people who cannot see it. */
export type ImageAsset = { bytes: Uint8Array; alt: string };

/** A picture ready to be put into an ODT: normalised bytes and the size that keeps its proportions. */
export type PreparedImage = {
  bytes: Buffer;
  mediaType: 'image/png' | 'image/jpeg';
  extension: 'png' | 'jpg';
  width: number;
  height: number;
  alt: string;
};

/**
 * Checks that an image is a PNG or JPEG and scales it down to at most `maxPixels` on its longer side,
 * so a phone photo does not weigh the document down.
 */
export const prepareImage = async (asset: ImageAsset, maxPixels: number, what: string): Promise<PreparedImage> => {
  let format: string | undefined;
  try {
    format = (await sharp(asset.bytes).metadata()).format;
  } catch (cause) {
    throw new InvalidImageError(what, { cause });
  }
  if (format !== 'png' && format !== 'jpeg') throw new InvalidImageError(`${what}, formato ${format ?? 'sconosciuto'}`);
  try {
    // On white, without an alpha channel: PDF/A-1 allows no transparency.
    const pipeline = sharp(asset.bytes)
      .rotate()
      .resize({ width: maxPixels, height: maxPixels, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' });
    const { data, info } = await (format === 'png' ? pipeline.png() : pipeline.jpeg({ quality: 82 })).toBuffer({
      resolveWithObject: true,
    });
    return {
      bytes: data,
      mediaType: format === 'png' ? 'image/png' : 'image/jpeg',
      extension: format === 'png' ? 'png' : 'jpg',
      width: info.width,
      height: info.height,
      alt: asset.alt,
    };
  } catch (cause) {
    throw new InvalidImageError(what, { cause });
  }
};

export const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char,
  );

/**
 * Turns an SVG drawn by the library into a PNG, at print resolution: a chart 16 cm wide comes out
 * at about 210 dpi. Twice that made LibreOffice's PDF export three times slower for no visible gain.
 */
export const rasteriseSvg = async (svg: string, alt: string): Promise<PreparedImage> => {
  const { data, info } = await sharp(Buffer.from(svg), { density: 120 })
    .flatten({ background: '#ffffff' })
    .png({ compressionLevel: 6 })
    .toBuffer({
      resolveWithObject: true,
    });
  return { bytes: data, mediaType: 'image/png', extension: 'png', width: info.width, height: info.height, alt };
};

const initialsOf = (name: string): string =>
  name
    .replace(
      /\b(?:cooperativa|sociale|societ[àa]|consorzio|di|del|della|dei|delle|e|onlus|scs|s\.c\.s\.|impresa)\b/gi,
      ' ',
    )
    .split(/[\s'’.-]+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => word.charAt(0).toLocaleUpperCase('it-IT'))
    .join('') || '?';

/** Stands in for a missing logo: the organisation's initials in a circle. */
export const monogram = (organisationName: string): Promise<PreparedImage> =>
  rasteriseSvg(
    `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">
  <circle cx="100" cy="100" r="96" fill="#e8f1ee" stroke="#2f6f5e" stroke-width="6"/>
  <text x="100" y="124" text-anchor="middle" font-family="DejaVu Sans" font-size="68" font-weight="bold" fill="#2f6f5e">${escapeXml(initialsOf(organisationName))}</text>
</svg>`,
    `Iniziali di ${organisationName} (logo non disponibile)`,
  );
