import type { Core } from '@strapi/strapi';
import { searchClient } from '@coop/search/indexer';
import type { Meilisearch } from 'meilisearch';

export type SearchConfig = { host: string; masterKey: string; syncIntervalSeconds: number; retryMaxSeconds: number };

export const searchConfig = (strapi: Core.Strapi): SearchConfig => strapi.config.get<SearchConfig>('search');

/** The server-side client: it holds the master key, which never leaves the CMS. */
export const cmsSearchClient = (strapi: Core.Strapi): Meilisearch => {
  const { host, masterKey } = searchConfig(strapi);
  return searchClient({ host, apiKey: masterKey });
};
