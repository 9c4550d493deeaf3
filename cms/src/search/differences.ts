import type { Core } from '@strapi/strapi';
import { compareIndex, type IndexDifferences } from '@coop/search/consistency';
import { allDocuments as indexedDocuments } from '@coop/search/indexer';
import type { PublicIndexUid } from '@coop/search/indexes';
import { cmsSearchClient } from './connection';
import { allDocuments } from './sources';

type Identified = { id: string } & Record<string, unknown>;

const collect = async (pages: AsyncIterable<object[]>): Promise<Identified[]> => {
  const documents: Identified[] = [];
  for await (const page of pages) documents.push(...(page as Identified[]));
  return documents;
};

/** What an index holds that the CMS does not say, document by document and field by field. */
export const indexDifferences = async (strapi: Core.Strapi, uid: PublicIndexUid): Promise<IndexDifferences> =>
  compareIndex(await collect(allDocuments(strapi, uid)), await collect(indexedDocuments(cmsSearchClient(strapi), uid)));

/** The documents to refresh so that the index says what the CMS says. */
export const differingIds = (differences: IndexDifferences): string[] => [
  ...differences.missing,
  ...differences.extra,
  ...differences.stale.map((entry) => entry.id),
];
