import type { Core } from '@strapi/strapi';
import { toOrganisationDocument, type ActiveOrganisation } from '@coop/search/organisation-document';
import type { OrganisationSearchDocument } from '@coop/search/organisations-index';
import { ORGANISATIONS_INDEX } from '@coop/search/organisations-index';
import { toPracticeDocument, type PublishedPracticeCard } from '@coop/search/practice-document';
import { PRACTICES_INDEX, type PracticeSearchDocument } from '@coop/search/practices-index';
import type { PublicIndexUid } from '@coop/search/indexes';
import { ORGANISATION, PRACTICE_CARD } from '../access/content-types';
import { ACTIVE_STATUS as ACTIVE } from '../domain/organisation-types';

const NAME = { fields: ['name'] };
const PLACE = { fields: ['name', 'code', 'latitude', 'longitude'], populate: { region: NAME } };

const PRACTICE_POPULATE = {
  organisation: { fields: ['name', 'slug', 'organisationType', 'latitude', 'longitude', 'platformStatus'] },
  province: PLACE,
  innovationArea: NAME,
  intentPartners: NAME,
  economicPartners: NAME,
  fundingSources: NAME,
};

const ORGANISATION_POPULATE = {
  province: PLACE,
  memberOf: { fields: ['name'], filters: { platformStatus: ACTIVE } },
  members: { fields: ['name'], filters: { platformStatus: ACTIVE } },
  consortiumServices: { populate: { serviceArea: NAME, province: { fields: ['code'] } } },
};

type Filters = Record<string, unknown>;

/** What the public sees of a card: its published version, while its organisation is active. */
const publishedPractices = async (strapi: Core.Strapi, filters: Filters, page?: { start: number; limit: number }) => {
  const cards = (await strapi.documents(PRACTICE_CARD).findMany({
    filters: { ...filters, organisation: { platformStatus: ACTIVE } },
    status: 'published',
    populate: PRACTICE_POPULATE,
    sort: 'id:asc',
    ...page,
  } as never)) as unknown as PublishedPracticeCard[];
  return cards.map(toPracticeDocument);
};

const activeOrganisations = async (strapi: Core.Strapi, filters: Filters, page?: { start: number; limit: number }) => {
  const organisations = (await strapi.documents(ORGANISATION).findMany({
    filters: { ...filters, platformStatus: ACTIVE },
    populate: ORGANISATION_POPULATE,
    sort: 'id:asc',
    ...page,
  } as never)) as unknown as ActiveOrganisation[];
  return organisations.map(toOrganisationDocument);
};

export type SearchDocument = PracticeSearchDocument | OrganisationSearchDocument;

/** The documents an index should hold for these CMS documents; those without one must leave the index. */
export const documentsFor = (
  strapi: Core.Strapi,
  indexUid: PublicIndexUid,
  documentIds: string[],
): Promise<SearchDocument[]> => {
  const filters = { documentId: { $in: documentIds } };
  return indexUid === PRACTICES_INDEX ? publishedPractices(strapi, filters) : activeOrganisations(strapi, filters);
};

/** Everything an index should hold, page by page. */
export async function* allDocuments(
  strapi: Core.Strapi,
  indexUid: PublicIndexUid,
  pageSize = 500,
): AsyncGenerator<SearchDocument[]> {
  for (let start = 0; ; start += pageSize) {
    const page = { start, limit: pageSize };
    const documents =
      indexUid === PRACTICES_INDEX
        ? await publishedPractices(strapi, {}, page)
        : await activeOrganisations(strapi, {}, page);
    if (documents.length > 0) yield documents;
    if (documents.length < pageSize) return;
  }
}

/** How many documents an index should hold. */
export const expectedCount = (strapi: Core.Strapi, indexUid: PublicIndexUid): Promise<number> =>
  indexUid === PRACTICES_INDEX
    ? strapi
        .documents(PRACTICE_CARD)
        .count({ filters: { organisation: { platformStatus: ACTIVE } }, status: 'published' } as never)
    : strapi.documents(ORGANISATION).count({ filters: { platformStatus: ACTIVE } } as never);

export { ORGANISATIONS_INDEX, PRACTICES_INDEX };
