import { ACTIVE_STATUS } from '../domain/organisation-types';
import {
  CONSORTIUM_SERVICE,
  FUNDING_SOURCE,
  INNOVATION_AREA,
  ORGANISATION,
  PARTNER_CATEGORY,
  PRACTICE_CARD,
  PROVINCE,
  REGION,
  SERVICE_AREA,
} from './content-types';
import type { PublicRules, Row } from './public-query';

/**
 * Everything the public may read through the content API, type by type: the fields it receives,
 * those it may filter and sort on, the relations it may filter through, the documents it may see
 * at all and what the server populates. A type missing here has no public permission and no
 * public route; adding one is adding an entry (and `publicRoutes(uid)` in its router).
 */
export type PublicType = PublicRules & {
  /** What the server populates for the public: a visitor never chooses. */
  populate: Row;
  /** Last changes to a document before it leaves the CMS. */
  present?: (document: Row) => Row;
};

const ACTIVE = { platformStatus: { $eq: ACTIVE_STATUS } };

/** Organisations as the public sees them: no people's contacts, no tax code, no internal status. */
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
] as const;

const IMAGE = { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] };
const PROVINCE_WITH_REGION = { fields: ['name', 'code'], populate: { region: { fields: ['name'] } } };

/** A taxonomy: its own fields only (an area's cards are read through the cards). */
const taxonomy = (extraFields: string[] = []): PublicType => ({
  fields: ['name', 'slug', 'position', ...extraFields],
  filters: ['documentId', 'name', 'slug', 'position'],
  relations: [],
  sorts: ['name', 'slug', 'position'],
  populate: {},
});

/** A card's contact person is public only when the card says so. */
const withoutPrivateContact = (card: Row): Row => {
  const contact = card.contact as { isPublic?: boolean } | null | undefined;
  return contact && contact.isPublic !== true ? { ...card, contact: null } : card;
};

export const PUBLIC_TYPES: Readonly<Record<string, PublicType>> = {
  [PRACTICE_CARD]: {
    fields: [
      'title',
      'slug',
      'description',
      'innovationElements',
      'evaluation',
      'impactEvaluation',
      'intentPartnershipAbsent',
      'economicPartnershipAbsent',
      'fundingOtherDetail',
      'city',
      'startYear',
      'publishedAt',
      'updatedAt',
    ],
    filters: ['documentId', 'slug', 'title', 'city', 'startYear', 'impactEvaluation', 'publishedAt'],
    relations: ['organisation', 'innovationArea', 'province', 'intentPartners', 'economicPartners', 'fundingSources'],
    sorts: ['title', 'slug', 'publishedAt', 'startYear', 'city'],
    scope: { organisation: ACTIVE },
    populate: {
      organisation: { fields: PUBLIC_ORGANISATION_FIELDS, populate: { logo: IMAGE } },
      innovationArea: { fields: ['name', 'slug', 'definition'] },
      intentPartners: { fields: ['name'] },
      economicPartners: { fields: ['name'] },
      fundingSources: { fields: ['name'] },
      province: PROVINCE_WITH_REGION,
      contact: true,
      photos: { populate: { image: IMAGE } },
    },
    present: withoutPrivateContact,
  },

  [ORGANISATION]: {
    fields: PUBLIC_ORGANISATION_FIELDS,
    filters: ['documentId', 'name', 'slug', 'organisationType', 'legacoopMember', 'city', 'postalCode', 'foundedYear'],
    relations: ['province'],
    sorts: ['name', 'slug', 'organisationType', 'city', 'foundedYear'],
    scope: ACTIVE,
    populate: {
      logo: IMAGE,
      province: PROVINCE_WITH_REGION,
      memberOf: { fields: ['name', 'slug'], filters: ACTIVE },
      members: { fields: ['name', 'slug', 'city'], filters: ACTIVE },
    },
  },

  [CONSORTIUM_SERVICE]: {
    fields: ['name'],
    filters: ['documentId', 'name'],
    relations: ['consortium', 'memberOrganisation', 'province', 'serviceArea'],
    sorts: ['name'],
    // A service shows only while its consortium, and the member that runs it if any, are active.
    scope: {
      consortium: ACTIVE,
      $or: [{ memberOrganisation: { id: { $null: true } } }, { memberOrganisation: ACTIVE }],
    },
    populate: {
      consortium: { fields: PUBLIC_ORGANISATION_FIELDS },
      memberOrganisation: { fields: PUBLIC_ORGANISATION_FIELDS },
      province: {
        fields: ['name', 'code', 'latitude', 'longitude'],
        populate: { region: { fields: ['name'] } },
      },
      serviceArea: { fields: ['name', 'slug'] },
    },
  },

  [PROVINCE]: {
    fields: ['name', 'slug', 'code', 'istatCode', 'kind', 'capital', 'latitude', 'longitude'],
    filters: ['documentId', 'name', 'slug', 'code', 'istatCode', 'kind'],
    relations: ['region'],
    sorts: ['name', 'slug', 'code', 'istatCode'],
    populate: { region: { fields: ['name', 'slug', 'istatCode'] } },
  },

  [REGION]: {
    fields: ['name', 'slug', 'istatCode'],
    filters: ['documentId', 'name', 'slug', 'istatCode'],
    relations: [],
    sorts: ['name', 'slug', 'istatCode'],
    populate: {},
  },

  [INNOVATION_AREA]: taxonomy(['definition']),
  [PARTNER_CATEGORY]: taxonomy(),
  [FUNDING_SOURCE]: taxonomy(['requiresDetail']),
  [SERVICE_AREA]: taxonomy(),
};

/** The content types the public may read, and nothing else. */
export const PUBLIC_READABLE = Object.keys(PUBLIC_TYPES);
