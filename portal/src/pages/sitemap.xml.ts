import type { APIRoute } from 'astro';
import { config } from '../lib/config.ts';
import { CmsUnavailableError } from '../lib/errors.ts';
import { PAGE_CACHE } from '../lib/page-status.ts';
import { sitemapEntries, sitemapXml } from '../lib/sitemap.ts';

/** `/sitemap.xml`: every public page, with when the practices and reports last changed. */
export const GET: APIRoute = async () => {
  try {
    const body = sitemapXml(config().portalPublicUrl, await sitemapEntries());
    return new Response(body, {
      headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': PAGE_CACHE },
    });
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    return new Response('Mappa del sito momentaneamente non disponibile.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' },
    });
  }
};
