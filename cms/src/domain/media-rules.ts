import type { FieldError } from './field-error';

/** Logos and photos: images only, at most this size. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/svg+xml'];

export type StoredFile = { name: string; mime: string; sizeBytes: number };

export const validateImage = (file: StoredFile, path: FieldError['path'], label: string): FieldError[] => {
  if (!IMAGE_MIME_TYPES.includes(file.mime)) {
    return [{ path, message: `${label}: "${file.name}" non è un'immagine (sono ammessi JPEG, PNG, WebP, GIF, SVG)` }];
  }
  if (file.sizeBytes > MAX_IMAGE_BYTES) {
    const megabytes = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(file.sizeBytes / 1024 / 1024);
    return [{ path, message: `${label}: "${file.name}" pesa ${megabytes} MB, il massimo è 5 MB` }];
  }
  return [];
};
