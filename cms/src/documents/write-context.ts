import type { Core, UID } from '@strapi/strapi';
import { currentIds, resolveRelation, type RelationAttribute } from './relations';

type Data = Record<string, unknown>;

/**
 * What a write will leave in the document: the stored draft with the incoming data laid over it.
 * Scalars and components are replaced when present; relations follow Strapi's relation syntax.
 */
export type PendingDocument = {
  value: (field: string) => unknown;
  /** The document ids a relation field will hold, resolved as Strapi stores it. */
  relation: (field: string) => Promise<string[]>;
  /** The stored document before this write, or null on create. */
  stored: Data | null;
};

export const pendingDocument = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  params: { documentId?: string; data?: Data },
  populate: Record<string, unknown>,
): Promise<PendingDocument> => {
  const data = params.data ?? {};
  const stored = params.documentId
    ? ((await strapi
        .documents(uid)
        .findOne({ documentId: params.documentId, status: 'draft', populate } as never)) as Data | null)
    : null;
  return {
    stored,
    value: (field) => (field in data ? data[field] : stored?.[field]),
    relation: (field) => {
      const attribute = strapi.getModel(uid).attributes[field] as RelationAttribute | undefined;
      if (attribute?.type !== 'relation') throw new Error(`${uid}.${field} is not a relation`);
      return resolveRelation(strapi, attribute, data[field], currentIds(stored?.[field]));
    },
  };
};

/** The listed fields of the documents a relation points at. */
export const fetchTargets = async <T extends Data>(
  strapi: Core.Strapi,
  target: UID.ContentType,
  documentIds: string[],
  fields: string[],
): Promise<(T & { documentId: string })[]> => {
  if (documentIds.length === 0) return [];
  return (await strapi.documents(target).findMany({
    filters: { documentId: { $in: documentIds } },
    fields,
    limit: documentIds.length,
  } as never)) as unknown as (T & { documentId: string })[];
};
