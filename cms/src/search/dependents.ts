import type { Core } from '@strapi/strapi';
import { ORGANISATIONS_INDEX } from '@coop/search/organisations-index';
import { PRACTICES_INDEX } from '@coop/search/practices-index';
import type { PublicIndexUid } from '@coop/search/indexes';
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
} from '../access/content-types';

export type IndexTargets = Partial<Record<PublicIndexUid, string[]>>;

type Relation = { documentId: string };
const byId = (documentId: string) => ({ documentId });

const cardIds = async (strapi: Core.Strapi, filters: Record<string, unknown>): Promise<string[]> => {
  const cards = (await strapi.db
    .query(PRACTICE_CARD)
    .findMany({ where: filters, select: ['documentId'] })) as Relation[];
  return cards.map((card) => card.documentId);
};

const organisationIds = async (strapi: Core.Strapi, filters: Record<string, unknown>): Promise<string[]> => {
  const organisations = (await strapi.db
    .query(ORGANISATION)
    .findMany({ where: filters, select: ['documentId'] })) as Relation[];
  return organisations.map((organisation) => organisation.documentId);
};

/** The content types whose documents the indexes show something of. */
const INDEXED_SOURCES = new Set<string>([
  PRACTICE_CARD,
  ORGANISATION,
  CONSORTIUM_SERVICE,
  INNOVATION_AREA,
  PARTNER_CATEGORY,
  FUNDING_SOURCE,
  PROVINCE,
  REGION,
  SERVICE_AREA,
]);

export const isIndexedSource = (uid: string): boolean => INDEXED_SOURCES.has(uid);

/** Index entries that show something of a CMS document, and so must be refreshed when it changes. */
export const indexTargetsOf = async (strapi: Core.Strapi, uid: string, documentId: string): Promise<IndexTargets> => {
  const id = byId(documentId);
  switch (uid) {
    case PRACTICE_CARD:
      return { [PRACTICES_INDEX]: [documentId] };
    case ORGANISATION: {
      const related = await organisationIds(strapi, { $or: [{ members: id }, { memberOf: id }] });
      return {
        [PRACTICES_INDEX]: await cardIds(strapi, { organisation: id }),
        [ORGANISATIONS_INDEX]: [documentId, ...related],
      };
    }
    case CONSORTIUM_SERVICE: {
      const service = (await strapi.db.query(CONSORTIUM_SERVICE).findOne({
        where: id,
        populate: { consortium: { select: ['documentId'] } },
      })) as { consortium: Relation | null } | null;
      return { [ORGANISATIONS_INDEX]: service?.consortium ? [service.consortium.documentId] : [] };
    }
    case INNOVATION_AREA:
      return { [PRACTICES_INDEX]: await cardIds(strapi, { innovationArea: id }) };
    case PARTNER_CATEGORY:
      return { [PRACTICES_INDEX]: await cardIds(strapi, { $or: [{ intentPartners: id }, { economicPartners: id }] }) };
    case FUNDING_SOURCE:
      return { [PRACTICES_INDEX]: await cardIds(strapi, { fundingSources: id }) };
    case PROVINCE:
      return {
        [PRACTICES_INDEX]: await cardIds(strapi, { province: id }),
        [ORGANISATIONS_INDEX]: await organisationIds(strapi, {
          $or: [{ province: id }, { consortiumServices: { province: id } }],
        }),
      };
    case REGION:
      return {
        [PRACTICES_INDEX]: await cardIds(strapi, { province: { region: id } }),
        [ORGANISATIONS_INDEX]: await organisationIds(strapi, { province: { region: id } }),
      };
    case SERVICE_AREA:
      return { [ORGANISATIONS_INDEX]: await organisationIds(strapi, { consortiumServices: { serviceArea: id } }) };
    default:
      return {};
  }
};

export const mergeTargets = (...targets: IndexTargets[]): IndexTargets => {
  const merged: IndexTargets = {};
  for (const target of targets) {
    for (const [indexUid, ids] of Object.entries(target) as [PublicIndexUid, string[]][]) {
      merged[indexUid] = [...new Set([...(merged[indexUid] ?? []), ...ids])];
    }
  }
  return merged;
};
