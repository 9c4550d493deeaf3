import type { Loaded } from './load.ts';

/**
 * Freshness: the portal keeps rendered pages itself and the CMS invalidates them when what they
 * show changes (lib/cache/). Browsers and any CDN in front revalidate every time, which the
 * portal answers from its cache (304 for an unchanged ETag). Pages that set their own policy keep it.
 */
export const PAGE_CACHE = 'public, max-age=0, must-revalidate';

type PageResponse = { status?: number | undefined; headers: Headers };

/** Content that does not exist or is no longer published: 404 (kept by the portal until it is published). */
export const markNotFound = (response: PageResponse): void => {
  response.status = 404;
  response.headers.set('cache-control', PAGE_CACHE);
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
