/** A service the portal reads from (the CMS or the search engine) did not answer as it should. */
export class ServiceUnavailableError extends Error {
  override name = 'ServiceUnavailableError';
}

/** The CMS's content API could not be reached or answered with an error. */
export class CmsUnavailableError extends ServiceUnavailableError {
  override name = 'CmsUnavailableError';
}

/** Meilisearch could not be reached, is not configured, or refused the query. */
export class SearchUnavailableError extends ServiceUnavailableError {
  override name = 'SearchUnavailableError';
}
