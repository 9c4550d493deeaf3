/** A problem with one field, in the words the user reads. `path` follows the document's shape. */
export type FieldError = {
  path: (string | number)[];
  message: string;
};
