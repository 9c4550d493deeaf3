import type { Core } from '@strapi/strapi';
import type { FieldError } from '../domain/field-error';
import { validateImage } from '../domain/media-rules';

type MediaRef = number | string | { id?: number | string } | null | undefined;

const fileId = (ref: MediaRef): number | null => {
  if (ref === null || ref === undefined) return null;
  const raw = typeof ref === 'object' ? ref.id : ref;
  const id = Number(raw);
  return Number.isInteger(id) ? id : null;
};

/** Whether a media field of the incoming data points at a file. */
export const hasMedia = (ref: unknown): boolean => fileId(ref as MediaRef) !== null;

/** Checks that the file a media field points at is an image within the size cap. */
export const checkImage = async (
  strapi: Core.Strapi,
  ref: unknown,
  path: FieldError['path'],
  label: string,
): Promise<FieldError[]> => {
  const id = fileId(ref as MediaRef);
  if (id === null) return [];
  const file = (await strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id }, select: ['name', 'mime', 'size'] })) as {
    name: string;
    mime: string;
    size: number | string;
  } | null;
  if (!file) return [{ path, message: `${label}: file non trovato` }];
  // Strapi stores sizes in kilobytes of 1000 bytes, to two decimals.
  return validateImage(
    { name: file.name, mime: file.mime, sizeBytes: Math.round(Number(file.size) * 1000) },
    path,
    label,
  );
};
