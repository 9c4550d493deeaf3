/**
 * The tags a cached value carries, named after what the CMS says changed: a content type (by
 * its REST collection, e.g. `practice-cards`), a document (its documentId), the document a page
 * is about, and the search index.
 */

/** Any document of the collection: lists and lookups in it may change. */
export const typeTag = (collection: string): string => `type:${collection}`;

/** A value that shows something of this document (also as a populated relation). */
export const documentTag = (documentId: string): string => `doc:${documentId}`;

/** A value about this document alone (its page): forgotten at once when it is withdrawn. */
export const subjectTag = (documentId: string): string => `subject:${documentId}`;

/** A value read from the search index. */
export const SEARCH_TAG = 'search';

/** Every documentId in a CMS answer, at any depth (populated relations carry theirs). */
export const documentIds = (value: unknown, found = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) {
    for (const item of value) documentIds(item, found);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'documentId' && typeof inner === 'string') found.add(inner);
      else if (inner && typeof inner === 'object') documentIds(inner, found);
    }
  }
  return found;
};
