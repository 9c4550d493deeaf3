import type { APIRoute } from 'astro';
import { config } from '../lib/config.ts';
import { PAGE_CACHE } from '../lib/page-status.ts';

/** `/robots.txt`: everything may be indexed, and the sitemap is named at the portal's public address. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${config().portalPublicUrl}/sitemap.xml\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': PAGE_CACHE },
  });
