import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalisePublicQuery, RefusedQueryError, type PublicModel, type Row, type Schema } from './public-query';
import { PUBLIC_TYPES } from './public-types';

const apiDir = path.join(import.meta.dirname, '..', 'api');
const SYSTEM_ATTRIBUTES = {
  documentId: 'string',
  createdAt: 'datetime',
  updatedAt: 'datetime',
  publishedAt: 'datetime',
};

/** The content types as Strapi loads them from `src/api/<name>/content-types/<name>/schema.json`. */
const schemas = new Map<string, Schema>(
  readdirSync(apiDir).flatMap((name) => {
    const file = path.join(apiDir, name, 'content-types', name, 'schema.json');
    let raw: { options?: { draftAndPublish?: boolean }; attributes: Schema['attributes'] };
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
    } catch {
      return [];
    }
    const system = Object.fromEntries(Object.entries(SYSTEM_ATTRIBUTES).map(([key, type]) => [key, { type }]));
    return [
      [
        `api::${name}.${name}`,
        { draftAndPublish: raw.options?.draftAndPublish === true, attributes: { ...system, ...raw.attributes } },
      ] as const,
    ];
  }),
);

const model: PublicModel = { rulesOf: (uid) => PUBLIC_TYPES[uid], schemaOf: (uid) => schemas.get(uid) };

const CARD = 'api::practice-card.practice-card';
const ORGANISATION = 'api::organisation.organisation';
const SERVICE = 'api::consortium-service.consortium-service';
const AREA = 'api::innovation-area.innovation-area';
const ACTIVE = { platformStatus: { $eq: 'Attiva' } };
const PUBLISHED = { publishedAt: { $notNull: true } };

const normalise = (uid: string, query: Row): Row => normalisePublicQuery(model, uid, query);
const refusal = (uid: string, query: Row): string => {
  try {
    normalise(uid, query);
  } catch (error) {
    if (error instanceof RefusedQueryError) return error.message;
    throw error;
  }
  throw new Error(`accepted: ${JSON.stringify(query)}`);
};

describe('the public allow-list', () => {
  it('names, for every public type, only fields and relations its schema has, never a private one', () => {
    for (const [uid, rules] of Object.entries(PUBLIC_TYPES)) {
      const schema = schemas.get(uid);
      expect(schema, uid).toBeDefined();
      const attribute = (name: string) => schema!.attributes[name];
      for (const field of rules.fields) {
        expect(attribute(field)?.type, `${uid} ${field}`).not.toMatch(/^(relation|component|dynamiczone|media)$/);
        expect(attribute(field)?.private, `${uid} ${field}`).not.toBe(true);
      }
      for (const field of [...rules.filters, ...rules.sorts]) {
        expect(field === 'documentId' || rules.fields.includes(field), `${uid} ${field} is not public`).toBe(true);
      }
      for (const relation of rules.relations) {
        expect(attribute(relation)?.type, `${uid} ${relation}`).toBe('relation');
        expect(
          PUBLIC_TYPES[attribute(relation)!.target ?? ''],
          `${uid} ${relation} leads to a public type`,
        ).toBeDefined();
      }
      for (const populated of Object.keys(PUBLIC_TYPES[uid]!.populate)) {
        expect(attribute(populated)?.private, `${uid} populates ${populated}`).not.toBe(true);
      }
    }
  });

  it('refuses to filter or sort on every attribute it does not list, in every public type', () => {
    let probes = 0;
    for (const [uid, rules] of Object.entries(PUBLIC_TYPES)) {
      for (const name of Object.keys(schemas.get(uid)!.attributes)) {
        if (!rules.filters.includes(name) && !rules.relations.includes(name)) {
          expect(refusal(uid, { filters: { [name]: { $null: 'true' } } })).toContain(name);
          expect(refusal(uid, { filters: { $or: [{ documentId: 'x' }, { $not: { [name]: 'x' } }] } })).toContain(name);
          probes += 2;
        }
        if (!rules.sorts.includes(name)) {
          expect(refusal(uid, { sort: `${name}:asc` })).toContain(name);
          expect(refusal(uid, { sort: { [name]: 'desc' } })).toContain(name);
          probes += 2;
        }
      }
    }
    expect(probes).toBeGreaterThan(100);
  });
});

describe('a public query', () => {
  it('keeps allowed filters and adds the scope: published cards of active organisations', () => {
    expect(normalise(CARD, { filters: { slug: { $eq: 'orti' } }, sort: 'publishedAt:desc' })).toEqual({
      filters: { $and: [{ slug: { $eq: 'orti' } }, { organisation: ACTIVE }, PUBLISHED] },
      fields: PUBLIC_TYPES[CARD]!.fields,
      sort: ['publishedAt:desc'],
      status: 'published',
    });
    expect(normalise(ORGANISATION, {}).filters).toEqual(ACTIVE);
  });

  it('follows a relation only within the target’s own scope', () => {
    const { filters } = normalise(CARD, { filters: { organisation: { slug: 'navigli' } } });
    expect(filters).toEqual({
      $and: [{ organisation: { $and: [{ slug: { $eq: 'navigli' } }, ACTIVE] } }, { organisation: ACTIVE }, PUBLISHED],
    });
    const nested = normalise(CARD, { filters: { organisation: { province: { region: { slug: 'lombardia' } } } } });
    expect(JSON.stringify(nested.filters)).toContain('"region":{"slug":{"$eq":"lombardia"}}');
  });

  it('refuses relation paths into drafts, editorial stages and private fields', () => {
    expect(refusal(ORGANISATION, { filters: { practiceCards: { title: { $startsWith: 'Bozza' } } } })).toContain(
      'practiceCards',
    );
    expect(refusal(AREA, { filters: { practiceCards: { stage: { $eq: 'Da rivedere' } } } })).toContain('practiceCards');
    expect(refusal(CARD, { filters: { organisation: { taxCode: { $startsWith: '0' } } } })).toContain(
      'organisation.taxCode',
    );
    expect(refusal(CARD, { filters: { organisation: { platformStatus: 'Sospesa' } } })).toContain('platformStatus');
    expect(refusal(CARD, { filters: { contact: { email: { $contains: '@' } } } })).toContain('contact');
    expect(refusal(SERVICE, { filters: { consortium: { members: { slug: 'x' } } } })).toContain('members');
    expect(refusal(CARD, { filters: { stage: 'Da rivedere' } })).toContain('stage');
  });

  it('refuses private fields inside $or, $and and $not, at any depth', () => {
    for (const filters of [
      { $or: [{ name: 'x' }, { email: { $contains: 'a' } }] },
      { $and: [{ $not: { $or: [{ slug: 'x' }, { taxCode: '1' }] } }] },
      { province: { $or: [{ code: 'MI' }, { region: { $not: { provinces: { code: 'X' } } } }] } },
      { $or: { 0: { name: 'x' }, 101: { pec: 'y' } } },
    ]) {
      expect(() => normalise(ORGANISATION, { filters })).toThrow(RefusedQueryError);
    }
  });

  it('refuses sorts on anything but the listed own fields, in every syntax', () => {
    for (const sort of [
      { organisation: { taxCode: 'asc' } },
      'organisation.taxCode:asc',
      'title:asc,organisation.name:desc',
      ['title:asc', { contact: { email: 'asc' } }],
      'stage:desc',
      'title:sideways',
    ]) {
      expect(() => normalise(CARD, { sort }), JSON.stringify(sort)).toThrow(RefusedQueryError);
    }
    expect(normalise(CARD, { sort: ['title:asc', { publishedAt: 'DESC' }, 'slug'] }).sort).toEqual([
      'title:asc',
      'publishedAt:desc',
      'slug:asc',
    ]);
  });

  it('refuses operators and values that are not plain comparisons', () => {
    for (const filters of [
      { slug: { $jsonSupersetOf: 'x' } },
      { slug: { $eq: { $ne: 'x' } } },
      { slug: { $in: [{ a: 1 }] } },
      { slug: { $between: ['a'] } },
      { slug: { $null: 'maybe' } },
      { slug: ['a', 'b'] },
      { $where: 'x' },
      { organisation: 'x' },
      { organisation: { $null: true } },
    ]) {
      expect(() => normalise(CARD, { filters }), JSON.stringify(filters)).toThrow(RefusedQueryError);
    }
    expect(normalise(CARD, { filters: { slug: { $in: ['a', 'b'], $not: { $eq: 'c' } } } }).filters).toEqual({
      $and: [{ slug: { $in: ['a', 'b'], $not: { $eq: 'c' } } }, { organisation: ACTIVE }, PUBLISHED],
    });
  });

  it('refuses populate, drafts, search and unknown parameters; keeps pagination and public fields', () => {
    expect(refusal(CARD, { populate: '*' })).toContain('populate');
    expect(refusal(CARD, { populate: { organisation: { populate: 'users' } } })).toContain('populate');
    expect(refusal(CARD, { status: 'draft' })).toContain('pubblicati');
    expect(refusal(ORGANISATION, { _q: '01234' })).toContain('_q');
    expect(refusal(ORGANISATION, { locale: 'en' })).toContain('locale');
    expect(refusal(ORGANISATION, { fields: ['name', 'taxCode'] })).toContain('taxCode');
    expect(refusal(CARD, { pagination: { pageSize: '10; DROP' } })).toContain('pageSize');
    const query = normalise(CARD, { fields: ['slug'], pagination: { page: '2', pageSize: '25', withCount: 'false' } });
    expect(query).toMatchObject({ fields: ['slug'], pagination: { page: 2, pageSize: 25, withCount: false } });
  });

  it('stops at a bounded depth of relations', () => {
    const chain: PublicModel = {
      rulesOf: () => ({ fields: ['name'], filters: ['name'], relations: ['next'], sorts: [] }),
      schemaOf: () => ({ draftAndPublish: false, attributes: { next: { type: 'relation', target: 'link' } } }),
    };
    const nested = (depth: number): Row => (depth === 0 ? { name: 'x' } : { next: nested(depth - 1) });
    expect(() => normalisePublicQuery(chain, 'link', { filters: nested(3) })).not.toThrow();
    expect(() => normalisePublicQuery(chain, 'link', { filters: nested(4) })).toThrow('troppi livelli');
  });
});
