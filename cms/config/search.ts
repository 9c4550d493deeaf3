import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('MEILI_HOST', 'http://127.0.0.1:7700'),
  masterKey: env('MEILI_MASTER_KEY', ''),
  /** How often queued index updates are retried while Meilisearch is unreachable. */
  syncIntervalSeconds: env.float('SEARCH_SYNC_INTERVAL_SECONDS', 1),
  retryMaxSeconds: env.float('SEARCH_RETRY_MAX_SECONDS', 30),
});
