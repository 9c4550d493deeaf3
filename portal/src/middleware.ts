import { defineMiddleware } from 'astro:middleware';

/**
 * Freshness: every page is rendered on request from the CMS and the search index, so a card the
 * Think Tank publishes or unpublishes shows at the next request. A shared cache (CDN) may keep a
 * page for a minute; browsers always revalidate. Pages that set their own policy keep it.
 */
export const PAGE_CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=30';

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml))/;

/**
 * Rendered pages and data are compressed here (the standalone server does not): they are mostly
 * text and shrink to a quarter, which is most of the time a phone on a slow network waits.
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

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  try {
    if (!response.headers.has('cache-control')) {
      const cacheable = context.request.method === 'GET' && response.status < 400;
      response.headers.set('cache-control', cacheable ? PAGE_CACHE : 'no-store');
    }
    response.headers.set('x-content-type-options', 'nosniff');
    response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  } catch {
    // Some responses (redirects, static files) have immutable headers: they keep their own.
    return response;
  }
  return compressed(context.request, response);
});
