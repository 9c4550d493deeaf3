/**
 * A visitor's query on the public content API, checked against the allow-list of each public
 * type and rebuilt: only listed fields, in Strapi's filter and sort syntaxes, and every relation
 * followed carries the target's own scope, so a filter can never reach what the public may not
 * see. Plain TypeScript: the schema comes in as data.
 */

export type Row = Record<string, unknown>;

/** What a visitor may do with one public type: the allow-list, in one place per type. */
export type PublicRules = {
  /** Own fields a visitor receives (`documentId` always comes too). */
  fields: readonly string[];
  /** Own fields a visitor may filter on: a subset of `fields`. */
  filters: readonly string[];
  /** Relations a visitor may filter through, into another public type (its own rules apply there). */
  relations: readonly string[];
  /** Own fields a visitor may sort on: a subset of `fields`. */
  sorts: readonly string[];
  /** Documents a visitor may see at all (draft-and-publish types are published-only besides). */
  scope?: Row;
};

export type SchemaAttribute = { type: string; relation?: string; target?: string; private?: boolean };
export type Schema = { draftAndPublish: boolean; attributes: Record<string, SchemaAttribute> };

export type PublicModel = {
  rulesOf: (uid: string) => PublicRules | undefined;
  schemaOf: (uid: string) => Schema | undefined;
};

/** A query the public may not make; its message is Italian and names what was refused. */
export class RefusedQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedQueryError';
  }
}

const refuse = (message: string): never => {
  throw new RefusedQueryError(message);
};

const COMPARISONS = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$contains',
  '$containsi',
  '$notContains',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const LISTS = new Set(['$in', '$notIn', '$between']);
const PRESENCE = new Set(['$null', '$notNull']);

/** Relations are followed at most this deep (a card's organisation's province's region). */
export const MAX_RELATION_DEPTH = 3;

const QUERY_KEYS = new Set(['filters', 'sort', 'fields', 'pagination', 'status']);
const PAGINATION_KEYS = new Set(['page', 'pageSize', 'start', 'limit', 'withCount']);

type Primitive = string | number | boolean | null;

const isPlainObject = (value: unknown): value is Row =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPrimitive = (value: unknown): value is Primitive =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** `qs` turns `a[0]=…` into an array, but `a[101]=…` into an object with numeric keys. */
const asList = (value: unknown): unknown[] | null => {
  if (Array.isArray(value)) return value as unknown[];
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) return Object.values(value);
  return null;
};

const allowedList = (names: readonly string[]): string => (names.length > 0 ? names.join(', ') : 'nessuno');

/** The filter every document of a type must also match to be public. */
export const scopeOf = (model: PublicModel, uid: string): Row[] => {
  const rules = model.rulesOf(uid);
  const schema = model.schemaOf(uid);
  return [
    ...(rules?.scope ? [rules.scope] : []),
    ...(schema?.draftAndPublish ? [{ publishedAt: { $notNull: true } }] : []),
  ];
};

const presence = (value: unknown, path: string): boolean => {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return refuse(`Filtro su «${path}»: $null e $notNull vogliono true o false`);
};

/** The condition on one field: a value (equality) or operators with plain values. */
const normaliseCondition = (value: unknown, path: string): Row => {
  if (isPrimitive(value)) return { $eq: value };
  if (!isPlainObject(value)) return refuse(`Filtro su «${path}»: valore non valido`);
  const condition: Row = {};
  for (const [operator, operand] of Object.entries(value)) {
    if (operator === '$not') condition.$not = normaliseCondition(operand, path);
    else if (COMPARISONS.has(operator)) {
      if (!isPrimitive(operand)) refuse(`Filtro su «${path}»: ${operator} vuole un solo valore`);
      condition[operator] = operand;
    } else if (LISTS.has(operator)) {
      const list = isPrimitive(operand) ? [operand] : asList(operand);
      if (!list || !list.every(isPrimitive)) refuse(`Filtro su «${path}»: ${operator} vuole un elenco di valori`);
      if (operator === '$between' && list!.length !== 2) refuse(`Filtro su «${path}»: $between vuole due valori`);
      condition[operator] = list;
    } else if (PRESENCE.has(operator)) condition[operator] = presence(operand, path);
    else refuse(`Filtro su «${path}»: operatore «${operator}» non consentito`);
  }
  if (Object.keys(condition).length === 0) refuse(`Filtro su «${path}»: condizione vuota`);
  return condition;
};

/** `filter` and every part of `scope`; an empty filter adds nothing. */
const withScope = (filter: Row, scope: Row[]): Row => {
  const parts = [filter, ...scope].filter((part) => Object.keys(part).length > 0);
  if (parts.length === 0) return {};
  return parts.length === 1 ? parts[0]! : { $and: parts };
};

const normaliseFilterNode = (model: PublicModel, uid: string, raw: unknown, prefix: string, depth: number): Row => {
  const rules = model.rulesOf(uid);
  const schema = model.schemaOf(uid);
  if (!rules || !schema) return refuse(`Filtro su «${prefix || 'filters'}»: dati non pubblici`);
  if (!isPlainObject(raw)) return refuse(`Filtro su «${prefix || 'filters'}»: struttura non valida`);
  const filter: Row = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (key === '$and' || key === '$or') {
      const branches = asList(value);
      if (!branches) refuse(`Filtro «${path}»: ${key} vuole un elenco di condizioni`);
      filter[key] = branches!.map((branch) => normaliseFilterNode(model, uid, branch, prefix, depth));
    } else if (key === '$not') {
      filter.$not = normaliseFilterNode(model, uid, value, prefix, depth);
    } else if (key.startsWith('$')) {
      refuse(`Filtro «${path}»: operatore non consentito qui`);
    } else if (rules.filters.includes(key)) {
      filter[key] = normaliseCondition(value, path);
    } else if (rules.relations.includes(key)) {
      const target = schema.attributes[key]?.target;
      if (!target || !model.rulesOf(target)) return refuse(`Filtro «${path}»: relazione non pubblica`);
      if (depth >= MAX_RELATION_DEPTH) refuse(`Filtro «${path}»: troppi livelli di relazioni`);
      filter[key] = withScope(normaliseFilterNode(model, target, value, path, depth + 1), scopeOf(model, target));
    } else {
      const where = prefix ? ` (in «${prefix}»)` : '';
      refuse(
        `Filtro non consentito su «${path}»${where}: si può filtrare su ${allowedList([...rules.filters, ...rules.relations])}`,
      );
    }
  }
  return filter;
};

/** A visitor's `filters`, rebuilt from the allowed parts only, each relation within its target's scope. */
export const normaliseFilters = (model: PublicModel, uid: string, raw: unknown): Row =>
  normaliseFilterNode(model, uid, raw, '', 0);

type SortKey = { path: string; order: 'asc' | 'desc' };

const sortOrder = (raw: unknown, path: string): 'asc' | 'desc' => {
  const order = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (order === '' || order === 'asc') return 'asc';
  if (order === 'desc') return 'desc';
  return refuse(`Ordinamento su «${path}»: usare asc o desc`);
};

const sortKeysOf = (raw: unknown, prefix = ''): SortKey[] => {
  if (raw === null || raw === undefined || raw === '') return [];
  if (typeof raw === 'string') {
    return raw
      .split(',')
      .map((segment) => segment.trim())
      .filter(Boolean)
      .map((segment) => {
        const [field = '', order, ...rest] = segment.split(':');
        const path = prefix ? `${prefix}.${field.trim()}` : field.trim();
        if (rest.length > 0 || !field.trim()) refuse(`Ordinamento «${segment}» non valido`);
        return { path, order: sortOrder(order, path) };
      });
  }
  const list = asList(raw);
  if (list) return list.flatMap((item) => sortKeysOf(item, prefix));
  if (isPlainObject(raw)) {
    return Object.entries(raw).flatMap(([field, order]) => {
      const path = prefix ? `${prefix}.${field}` : field;
      return isPlainObject(order) || Array.isArray(order)
        ? sortKeysOf(order, path)
        : [{ path, order: sortOrder(order, path) }];
    });
  }
  return refuse('Ordinamento non valido');
};

/** A visitor's `sort` in any of Strapi's forms, as `field:order` strings on allowed own fields only. */
export const normaliseSort = (rules: PublicRules, raw: unknown): string[] =>
  sortKeysOf(raw).map(({ path, order }) => {
    if (!rules.sorts.includes(path)) {
      refuse(`Ordinamento non consentito su «${path}»: si può ordinare per ${allowedList(rules.sorts)}`);
    }
    return `${path}:${order}`;
  });

/** The fields a visitor asked for (a subset of the public ones), or all of them. */
export const normaliseFields = (rules: PublicRules, raw: unknown): string[] => {
  if (raw === undefined || raw === null || raw === '') return [...rules.fields];
  const names =
    typeof raw === 'string'
      ? raw.split(',').map((name) => name.trim())
      : (asList(raw) ?? refuse('Campi richiesti: elenco non valido'));
  const chosen = names.map((name) => {
    if (typeof name !== 'string') return refuse('Campi richiesti: elenco non valido');
    if (name !== 'documentId' && !rules.fields.includes(name)) {
      refuse(`Campo non consentito: «${name}»; i campi pubblici sono ${allowedList(rules.fields)}`);
    }
    return name;
  });
  return chosen.filter((name) => name !== 'documentId').length > 0 ? chosen : [...rules.fields];
};

const normalisePagination = (raw: unknown): Row => {
  if (!isPlainObject(raw)) return refuse('Paginazione non valida');
  const pagination: Row = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!PAGINATION_KEYS.has(key)) refuse(`Paginazione: parametro «${key}» non consentito`);
    if (key === 'withCount') {
      if (!['true', 'false', true, false].includes(value as string))
        refuse('Paginazione: withCount vuole true o false');
      pagination[key] = value === true || value === 'true';
    } else {
      if (!/^\d{1,9}$/.test(String(value))) refuse(`Paginazione: «${key}» vuole un numero intero`);
      pagination[key] = Number(value);
    }
  }
  return pagination;
};

/**
 * The whole query of a public read, rebuilt: the visitor's allowed filters within the type's
 * scope, allowed sorts and fields, pagination, published versions only. Anything else is refused.
 */
export const normalisePublicQuery = (model: PublicModel, uid: string, query: Row): Row => {
  const rules = model.rulesOf(uid);
  const schema = model.schemaOf(uid);
  if (!rules || !schema) return refuse('Questi dati non sono pubblici');
  for (const key of Object.keys(query)) {
    if (!QUERY_KEYS.has(key)) {
      refuse(
        key === 'populate'
          ? 'Il parametro populate non è consentito: i dati collegati pubblici sono già inclusi'
          : `Parametro «${key}» non consentito`,
      );
    }
  }
  if (query.status !== undefined && query.status !== 'published') {
    refuse('Sono pubblici solo i contenuti pubblicati (status=published)');
  }
  const filters = query.filters === undefined ? {} : normaliseFilters(model, uid, query.filters);
  const scope = scopeOf(model, uid);
  const normalised: Row = {
    filters: withScope(filters, scope),
    fields: normaliseFields(rules, query.fields),
  };
  const sort = query.sort === undefined ? [] : normaliseSort(rules, query.sort);
  if (sort.length > 0) normalised.sort = sort;
  if (query.pagination !== undefined) normalised.pagination = normalisePagination(query.pagination);
  if (schema.draftAndPublish) normalised.status = 'published';
  return normalised;
};
