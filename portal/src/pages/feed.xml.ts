import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/atom.ts';
import { SITE_NAME } from '../lib/catalogue-state.ts';
import { config } from '../lib/config.ts';
import { CmsUnavailableError } from '../lib/errors.ts';
import { getFeedEntries } from '../lib/open-data-changes.ts';
import { PAGE_CACHE } from '../lib/page-status.ts';

/** `/feed.xml`: Atom feed of the 50 newest published practices and social reports. */
export const GET: APIRoute = async () => {
  try {
    const entries = await getFeedEntries(50);
    const updated = entries.reduce(
      (newest, entry) => (entry.updatedAt > newest ? entry.updatedAt : newest),
      '1970-01-01T00:00:00.000Z',
    );
    const body = atomFeed(
      { title: SITE_NAME, portalUrl: config().portalPublicUrl, author: SITE_NAME, updated },
      entries,
    );
    return new Response(body, {
      headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': PAGE_CACHE },
    });
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    return new Response('Feed momentaneamente non disponibile: riprova tra qualche minuto.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' },
    });
  }
};
