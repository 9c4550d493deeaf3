import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { ImageAsset } from '@coop/report-templates';
import sharp from 'sharp';

export type StoredImage = { url: string; mime: string; alternativeText?: string | null } | null | undefined;

/** An uploaded file's bytes, from the local uploads folder or the storage's URL. */
export const fileBytes = async (strapi: Core.Strapi, url: string): Promise<Buffer> => {
  if (url.startsWith('/')) return readFile(path.join(strapi.dirs.static.public, url));
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return Buffer.from(await response.arrayBuffer());
};

/**
 * An uploaded image as the documents take it: PNG or JPEG bytes (WebP and GIF are converted).
 * A file that cannot be read leaves the picture out rather than the whole document.
 */
export const imageAsset = async (strapi: Core.Strapi, image: StoredImage, alt: string): Promise<ImageAsset | null> => {
  if (!image?.url) return null;
  try {
    const bytes = await fileBytes(strapi, image.url);
    const usable =
      image.mime === 'image/png' || image.mime === 'image/jpeg' ? bytes : await sharp(bytes).png().toBuffer();
    return { bytes: usable, alt: image.alternativeText || alt };
  } catch (error) {
    strapi.log.warn(`Documenti: immagine ${image.url} non leggibile, omessa (${String(error)})`);
    return null;
  }
};
