import type { Core, UID } from '@strapi/strapi';

type RelationRef = string | number | { documentId?: string; id?: number };
type RelationInput =
  | RelationRef
  | RelationRef[]
  | null
  | undefined
  | {
      connect?: RelationRef | RelationRef[];
      disconnect?: RelationRef | RelationRef[];
      set?: RelationRef | RelationRef[];
    };

const asList = (value: RelationRef | RelationRef[] | undefined): RelationRef[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const isOperation = (
  value: object,
): value is { connect?: RelationRef[]; disconnect?: RelationRef[]; set?: RelationRef[] } =>
  'connect' in value || 'disconnect' in value || 'set' in value;

/**
 * The document ids a relation field ends up pointing at after a write, whatever syntax the writer
 * used: document ids, database ids (the admin), objects, or connect / disconnect / set.
 */
export const resolveRelation = async (
  strapi: Core.Strapi,
  target: UID.ContentType,
  input: unknown,
  current: string[],
): Promise<string[]> => {
  const value = input as RelationInput;
  if (value === undefined) return current;
  if (value === null) return [];

  const toDocumentId = async (ref: RelationRef): Promise<string | null> => {
    if (typeof ref === 'string') return ref;
    const id = typeof ref === 'number' ? ref : ref.id;
    if (typeof ref === 'object' && ref.documentId) return ref.documentId;
    if (id === undefined) return null;
    const row = await strapi.db.query(target).findOne({ where: { id }, select: ['documentId'] });
    return (row?.documentId as string | undefined) ?? null;
  };
  const toDocumentIds = async (refs: RelationRef[]): Promise<string[]> =>
    (await Promise.all(refs.map(toDocumentId))).filter((documentId): documentId is string => documentId !== null);

  if (typeof value === 'object' && !Array.isArray(value) && isOperation(value)) {
    const base = value.set === undefined ? current : await toDocumentIds(asList(value.set));
    const removed = new Set(await toDocumentIds(asList(value.disconnect)));
    const added = await toDocumentIds(asList(value.connect));
    return [...new Set([...base.filter((documentId) => !removed.has(documentId)), ...added])];
  }
  return toDocumentIds(asList(value as RelationRef | RelationRef[]));
};

/** The document ids a populated relation holds now. */
export const currentIds = (populated: unknown): string[] => {
  if (!populated) return [];
  const list = Array.isArray(populated) ? populated : [populated];
  return list.map((item) => (item as { documentId: string }).documentId).filter(Boolean);
};
