import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACTIVE_STATUS } from '../domain/organisation-types';

type Context = Parameters<Core.MiddlewareHandler>[0];
type Row = Record<string, unknown>;

const TRUSTED_STRATEGIES = new Set(['content-api-token', 'api-token']);

/** A content API request from the public (or an end-user account), not from an API token. */
export const isPublicReader = (ctx: Context): boolean => {
  const strategy = (ctx.state as { auth?: { strategy?: { name?: string } } }).auth?.strategy?.name;
  return !strategy || !TRUSTED_STRATEGIES.has(strategy);
};

/** Fields of an organisation the public sees: no people's contacts, no internal status. */
export const PUBLIC_ORGANISATION_FIELDS = [
  'name',
  'slug',
  'organisationType',
  'legacoopMember',
  'address',
  'postalCode',
  'city',
  'latitude',
  'longitude',
  'website',
  'foundedYear',
  'description',
];

const ACTIVE = { platformStatus: { $eq: ACTIVE_STATUS } };

/** Fields a public reader may neither see nor filter or sort by, at any depth. */
const PRIVATE_FIELDS = new Set([
  'email',
  'pec',
  'phone',
  'taxCode',
  'vatNumber',
  'responsabile',
  'users',
  'contact',
  'adminUser',
]);

/** The field names a filter mentions (its keys, operators left out; its values are values). */
const filterFields = (filters: unknown): string[] => {
  if (Array.isArray(filters)) return filters.flatMap(filterFields);
  if (!filters || typeof filters !== 'object') return [];
  return Object.entries(filters).flatMap(([key, inner]) => [
    ...(key.startsWith('$') ? [] : [key]),
    ...filterFields(inner),
  ]);
};

/** The field names a sort mentions: "a:asc", "a.b", lists of them, or objects. */
const sortFields = (sort: unknown): string[] => {
  if (Array.isArray(sort)) return sort.flatMap(sortFields);
  if (typeof sort === 'string') return sort.split(/[.:,]/);
  return sort && typeof sort === 'object' ? Object.keys(sort) : [];
};

/** A filter or sort on a private field would let the public guess its value: refused. */
const refusePrivateQueries = (ctx: Context): void => {
  const query = ctx.query as Row;
  const named = [...filterFields(query.filters), ...sortFields(query.sort)].filter((field) =>
    PRIVATE_FIELDS.has(field),
  );
  if (named.length > 0) throw new errors.ValidationError(`Filtro o ordinamento non consentito sul campo «${named[0]}»`);
};

const withFilter = (ctx: Context, filter: Row): void => {
  const query = ctx.query as Row;
  query.filters = query.filters ? { $and: [query.filters, filter] } : filter;
};

/** A card's contact person is public only when the card says so. */
const withoutPrivateContact = (card: Row): Row => {
  const contact = card.contact as { isPublic?: boolean } | null | undefined;
  return contact && contact.isPublic !== true ? { ...card, contact: null } : card;
};

/**
 * Route middlewares of the public API. For public readers they decide on the server what is
 * read: only published cards of active organisations, only active organisations, the public
 * fields, and the populate the portal needs (a client's `populate` could otherwise reach
 * relations and their private fields).
 */
const publicOrganisation = { fields: PUBLIC_ORGANISATION_FIELDS };

/** For public readers, the populate is the server's: a client's could reach private data through a relation. */
const fixedPopulate =
  (populate: Row, filter?: Row): (() => Core.MiddlewareHandler) =>
  () =>
  async (ctx, next) => {
    if (isPublicReader(ctx)) {
      refusePrivateQueries(ctx);
      (ctx.query as Row).populate = populate;
      if (filter) withFilter(ctx, filter);
    }
    await next();
  };

export const publicView = {
  /** Taxonomies and regions: their own fields only (an area's cards are read through the cards). */
  plain: fixedPopulate({}),

  provinces: fixedPopulate({ region: { fields: ['name', 'slug', 'istatCode'] } }),

  consortiumServices: fixedPopulate(
    {
      consortium: publicOrganisation,
      memberOrganisation: publicOrganisation,
      province: { fields: ['name', 'code', 'latitude', 'longitude'], populate: { region: { fields: ['name'] } } },
      serviceArea: { fields: ['name', 'slug'] },
    },
    { consortium: ACTIVE },
  ),

  organisations: (): Core.MiddlewareHandler => async (ctx, next) => {
    if (isPublicReader(ctx)) {
      refusePrivateQueries(ctx);
      withFilter(ctx, ACTIVE);
      Object.assign(ctx.query as Row, {
        fields: PUBLIC_ORGANISATION_FIELDS,
        populate: {
          logo: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] },
          province: { fields: ['name', 'code'], populate: { region: { fields: ['name'] } } },
          memberOf: { fields: ['name', 'slug'], filters: ACTIVE },
          members: { fields: ['name', 'slug', 'city'], filters: ACTIVE },
        },
      });
    }
    await next();
  },

  practiceCards: (): Core.MiddlewareHandler => async (ctx, next) => {
    const isPublic = isPublicReader(ctx);
    if (isPublic) {
      refusePrivateQueries(ctx);
      withFilter(ctx, { organisation: ACTIVE });
      Object.assign(ctx.query as Row, {
        status: 'published',
        populate: {
          organisation: {
            fields: PUBLIC_ORGANISATION_FIELDS,
            populate: { logo: { fields: ['url', 'alternativeText', 'formats'] } },
          },
          innovationArea: { fields: ['name', 'slug', 'definition'] },
          intentPartners: { fields: ['name'] },
          economicPartners: { fields: ['name'] },
          fundingSources: { fields: ['name'] },
          province: { fields: ['name', 'code'], populate: { region: { fields: ['name'] } } },
          contact: true,
          photos: { populate: { image: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] } } },
        },
      });
    }
    await next();
    if (!isPublic) return;
    const body = ctx.body as { data?: Row | Row[] } | undefined;
    if (Array.isArray(body?.data)) body.data = body.data.map(withoutPrivateContact);
    else if (body?.data) body.data = withoutPrivateContact(body.data);
  },
};
