import { errors } from '@strapi/utils';
import type { FieldError } from '../domain/field-error';

/**
 * Refuses a write with a 400 whose message names each field in Italian; `details.errors` carries
 * the paths, so the admin shows each message next to its field.
 */
export const refuse = (fieldErrors: FieldError[]): never => {
  const message =
    fieldErrors.length === 1
      ? (fieldErrors[0]?.message ?? '')
      : `${fieldErrors.length} errori: ${fieldErrors.map((error) => error.message).join('; ')}`;
  throw new errors.ValidationError(message, {
    errors: fieldErrors.map((error) => ({
      path: error.path.map(String),
      message: error.message,
      name: 'ValidationError',
    })),
  });
};

export const refuseIfAny = (fieldErrors: FieldError[]): void => {
  if (fieldErrors.length > 0) refuse(fieldErrors);
};
