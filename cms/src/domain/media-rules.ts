import type { FieldError } from './field-error';

/** Logos and photos: images only, at most this size (as stored, after Strapi's optimisation). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
// No SVG: it can carry scripts, and uploads are served from the CMS's own origin.
const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export type StoredFile = { name: string; mime: string; sizeBytes: number };

export const validateImage = (file: StoredFile, path: FieldError['path'], label: string): FieldError[] => {
  if (!IMAGE_MIME_TYPES.includes(file.mime)) {
    return [{ path, message: `${label}: "${file.name}" non è un'immagine (sono ammessi JPEG, PNG, WebP, GIF)` }];
  }
  if (file.sizeBytes > MAX_IMAGE_BYTES) {
    const kilobytes = (bytes: number): string => new Intl.NumberFormat('it-IT').format(Math.ceil(bytes / 1024));
    return [
      {
        path,
        message: `${label}: "${file.name}" pesa ${kilobytes(file.sizeBytes)} KB, il massimo è ${kilobytes(MAX_IMAGE_BYTES)} KB (5 MB)`,
      },
    ];
  }
  return [];
};
