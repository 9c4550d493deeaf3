import type { Loaded } from './load.ts';

/**
 * Freshness: every page is rendered on request from the CMS and the search index, so a card the
 * Think Tank publishes or unpublishes shows at the next request. A shared cache (CDN) may keep a
 * page for a minute; browsers always revalidate. Pages that set their own policy keep it.
 */
export const PAGE_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30';

type PageResponse = { status?: number | undefined; headers: Headers };

/** Content that does not exist or is no longer published: 404, kept briefly by a CDN. */
export const markNotFound = (response: PageResponse): void => {
  response.status = 404;
  response.headers.set('cache-control', 'public, max-age=0, s-maxage=30');
};

/** A page that could not load its data: 503, never cached, try again in a minute. */
export const markUnavailable = (response: PageResponse): void => {
  response.status = 503;
  response.headers.set('cache-control', 'no-store');
  response.headers.set('retry-after', '60');
};

/** A page that still renders without its data (a fallback): never cached, so it heals at once. */
export const markDegraded = (response: PageResponse): void => {
  response.headers.set('cache-control', 'no-store');
};

/**
 * The status of a page from its loading: 503 when a service was down, 404 when what it shows is
 * missing. Set in the page itself, before anything renders.
 */
export const markOutcome = (response: PageResponse, loaded: Loaded<unknown>, missing = false): void => {
  if (!loaded.ok) markUnavailable(response);
  else if (missing) markNotFound(response);
};
