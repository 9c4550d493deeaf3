import { defineMiddleware } from 'astro:middleware';
import { cachedPage } from './lib/cache/pages.ts';
import { PAGE_CACHE } from './lib/page-status.ts';

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml))/;

/** Requests that are never kept: the cache's own door and the health check. */
const UNCACHED_PATHS = /^\/api\/(cache\/|health$)/;

/**
 * Responses the cache does not keep are compressed here as they stream (the standalone server
 * does not compress): pages are mostly text and shrink to a quarter, which is most of the time a
 * phone on a slow network waits.
 */
const compressed = (request: Request, response: Response): Response => {
  const type = response.headers.get('content-type') ?? '';
  const accepts = request.headers.get('accept-encoding') ?? '';
  if (!response.body || response.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return response;
  if (!/\bgzip\b/.test(accepts)) return response;
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.append('vary', 'Accept-Encoding');
  headers.delete('content-length');
  return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
};

/** The site's own headers on a response (and its caching policy when the page set none). */
const withSiteHeaders = (request: Request, response: Response): Response => {
  try {
    if (!response.headers.has('cache-control')) {
      const cacheable = request.method === 'GET' && response.status < 400;
      response.headers.set('cache-control', cacheable ? PAGE_CACHE : 'no-store');
    }
    response.headers.set('x-content-type-options', 'nosniff');
    response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  } catch {
    // Some responses (redirects, static files) have immutable headers: they keep their own.
  }
  return response;
};

export const onRequest = defineMiddleware(async (context, next) => {
  const { request, url } = context;
  if (request.method === 'GET' && !UNCACHED_PATHS.test(url.pathname)) {
    return cachedPage(request, url, async () => withSiteHeaders(request, await next()));
  }
  return compressed(request, withSiteHeaders(request, await next()));
});
