import type { FieldError } from './field-error';

/** Logos and photos: images only, at most this size (as stored, after Strapi's optimisation). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
// No SVG: it can carry scripts, and uploads are served from the CMS's own origin.
const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** What the platform accepts in its media library: pictures, and PDF documents (attestations). */
export const ACCEPTED_UPLOADS = [...IMAGE_MIME_TYPES, 'application/pdf'] as const;
export type AcceptedUpload = (typeof ACCEPTED_UPLOADS)[number];

const startsWith = (bytes: Uint8Array, signature: (number | null)[], offset = 0): boolean =>
  signature.every((byte, index) => byte === null || bytes[offset + index] === byte);
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/**
 * The type of a file by its first bytes, whatever its name or declared type says; null for
 * anything the platform does not accept (HTML, SVG, scripts, archives, office files…).
 */
export const detectUpload = (head: Uint8Array): AcceptedUpload | null => {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
};

/** The file name extensions that go with each accepted type, the first one preferred. */
export const EXTENSIONS: Record<AcceptedUpload, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
  'application/pdf': ['.pdf'],
};

/** A file's name with the extension of what it really is (a picture named "pagina.html" is a .gif). */
export const nameForContent = (fileName: string, type: AcceptedUpload): string => {
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot).toLowerCase() : '';
  const [preferred = '', ...others] = EXTENSIONS[type] ?? [];
  if (extension === preferred || others.includes(extension)) return fileName;
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}${preferred}`;
};

/** The message for a refused upload: the file's name and what is accepted. */
export const refusedUploadMessage = (fileName: string): string =>
  `«${fileName}»: tipo di file non ammesso; si caricano immagini JPEG, PNG, WebP o GIF e documenti PDF`;

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
