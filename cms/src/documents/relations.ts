import type { Core, UID } from '@strapi/strapi';

type RelationRef = string | number | { documentId?: unknown; id?: unknown };
type Operation = { connect?: unknown; disconnect?: unknown; set?: unknown };

export type RelationAttribute = { type: string; relation?: string; target?: string };

const TO_ONE = new Set(['oneToOne', 'manyToOne', 'oneWay', 'morphToOne', 'morphOne']);

/** Whether a relation holds at most one document, as Strapi stores it. */
export const isToOne = (attribute: RelationAttribute): boolean => TO_ONE.has(attribute.relation ?? '');

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const isOperation = (value: unknown): value is Operation =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  ('connect' in value || 'disconnect' in value || 'set' in value);

// Strapi reads a shorthand that parseInt accepts as a database id, anything else as a document id.
const isNumeric = (value: unknown): boolean =>
  (typeof value === 'number' || typeof value === 'string') && !Number.isNaN(Number.parseInt(String(value), 10));

/**
 * How many documents a write names for a relation field, across shorthand, `set` and `connect`:
 * more than one on a to-one relation is a mistake (or an attack) Strapi would store as two rows.
 */
export const namedCount = (input: unknown): number => {
  if (input === undefined || input === null) return 0;
  if (isOperation(input)) return asList(input.set).length + asList(input.connect).length;
  return asList(input).length;
};

/** The document id a relation reference points at, resolving database ids through the target's table. */
const documentIdOf = async (strapi: Core.Strapi, target: UID.Schema, ref: unknown): Promise<string | null> => {
  const value = ref as RelationRef;
  let id: unknown;
  if (typeof value === 'object' && value !== null) {
    if (typeof value.documentId === 'string' && value.documentId) return value.documentId;
    id = value.id;
  } else if (isNumeric(value)) {
    id = value;
  } else if (typeof value === 'string' && value) {
    return value;
  }
  if (id === undefined || id === null || id === '') return null;
  if (!isNumeric(id) && typeof id === 'string') return id;
  const row = (await strapi.db.query(target).findOne({ where: { id: id as number }, select: ['documentId'] })) as {
    documentId: string;
  } | null;
  return row?.documentId ?? null;
};

const documentIdsOf = async (strapi: Core.Strapi, target: UID.Schema, refs: unknown[]): Promise<string[]> =>
  (await Promise.all(refs.map((ref) => documentIdOf(strapi, target, ref)))).filter(
    (documentId): documentId is string => documentId !== null,
  );

/**
 * The document ids a relation field points at after a write, resolved as Strapi stores it:
 * on a to-one relation a shorthand, `set` or `connect` replaces the current value (and
 * `disconnect` of the current one empties it); on a to-many relation a shorthand or `set`
 * replaces the list, `connect` adds and `disconnect` removes.
 */
export const resolveRelation = async (
  strapi: Core.Strapi,
  attribute: RelationAttribute,
  input: unknown,
  current: string[],
): Promise<string[]> => {
  if (input === undefined) return current;
  if (input === null) return [];
  const target = attribute.target as UID.Schema;
  const toOne = isToOne(attribute);
  if (!isOperation(input)) {
    const named = await documentIdsOf(strapi, target, asList(input));
    return toOne ? named.slice(-1) : [...new Set(named)];
  }
  const connect = await documentIdsOf(strapi, target, asList(input.connect));
  const disconnect = new Set(await documentIdsOf(strapi, target, asList(input.disconnect)));
  const set = await documentIdsOf(strapi, target, asList(input.set));
  // As the database layer does: a non-empty `set` wins; otherwise connect and disconnect apply.
  if (set.length > 0) return toOne ? set.slice(-1) : [...new Set(set)];
  if (connect.length === 0 && disconnect.size === 0) return 'set' in input ? [] : current;
  if (toOne && connect.length > 0) return connect.slice(-1);
  const kept = current.filter((documentId) => !disconnect.has(documentId));
  return toOne ? kept.slice(0, 1) : [...new Set([...kept, ...connect])];
};

/** Every document id a write names in a relation field (added, set or removed), for access checks. */
export const namedDocumentIds = async (
  strapi: Core.Strapi,
  attribute: RelationAttribute,
  input: unknown,
): Promise<string[]> => {
  if (input === undefined || input === null) return [];
  const target = attribute.target as UID.Schema;
  const refs = isOperation(input)
    ? [...asList(input.set), ...asList(input.connect), ...asList(input.disconnect)]
    : asList(input);
  return [...new Set(await documentIdsOf(strapi, target, refs))];
};

/** The document ids a populated relation holds now. */
export const currentIds = (populated: unknown): string[] => {
  if (!populated) return [];
  const list = Array.isArray(populated) ? populated : [populated];
  return list.map((item) => (item as { documentId: string }).documentId).filter(Boolean);
};
