import { COMPONENT_VIEWS } from './component-labels';
import { CONTENT_TYPE_VIEWS } from './content-labels';

/** The Italian label people see for a field of a content type or component, or its name. */
export const fieldLabel = (uid: string, field: string): string =>
  (CONTENT_TYPE_VIEWS[uid] ?? COMPONENT_VIEWS[uid])?.fields[field]?.label ?? field;
