import type { APIRoute } from 'astro';
import { parseState } from '../../lib/catalogue-state.ts';
import { SearchUnavailableError } from '../../lib/errors.ts';
import { parseMapRequest } from '../../lib/map-cells.ts';
import { searchMap } from '../../lib/map-search.ts';
import { PAGE_CACHE } from '../../lib/page-status.ts';
import { searchPractices } from '../../lib/search.ts';

/**
 * The catalogue's search for the browser: the same parameters as `/pratiche`, answered with the
 * results and facet counts; with `adatta=W,H` (the map's size in pixels) also the map, fitted to
 * every result. The browser never talks to Meilisearch itself. The per-visitor limit is applied
 * by `portal/server.ts`, before the cache.
 */
export const GET: APIRoute = async ({ url }) => {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  try {
    const state = parseState(url.searchParams);
    const mapRequest = parseMapRequest(url.searchParams);
    const [result, map] = await Promise.all([
      searchPractices(state),
      mapRequest?.kind === 'fit' ? searchMap(state, mapRequest) : undefined,
    ]);
    return new Response(JSON.stringify(map ? { ...result, map } : result), {
      headers: { ...headers, 'cache-control': PAGE_CACHE },
    });
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    console.error(`[portal] ${error.name}: ${error.message}`);
    return new Response(JSON.stringify({ error: 'La ricerca non è disponibile in questo momento.' }), {
      status: 503,
      headers,
    });
  }
};
