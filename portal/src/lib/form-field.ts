/** The id of a form field's control, from its name (`responsabile.email` → `campo-responsabile-email`). */
export const fieldId = (name: string): string => `campo-${name.replace(/\./g, '-')}`;

/** The ids of the hint and error that describe a control, for `aria-describedby`. */
export const describedBy = (name: string, parts: { hint?: boolean; error?: string | undefined }): string | undefined =>
  [parts.hint ? `${fieldId(name)}-hint` : null, parts.error ? `${fieldId(name)}-error` : null]
    .filter(Boolean)
    .join(' ') || undefined;
