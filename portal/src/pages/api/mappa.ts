import type { APIRoute } from 'astro';
import { parseState } from '../../lib/catalogue-state.ts';
import { SearchUnavailableError } from '../../lib/errors.ts';
import { parseMapRequest } from '../../lib/map-cells.ts';
import { searchMap, searchMapCell } from '../../lib/map-search.ts';
import { PAGE_CACHE } from '../../lib/page-status.ts';

/**
 * The catalogue map's data for a search (the parameters of `/pratiche`) and one of: `adatta=W,H`
 * (fit every result in a map of that size), `vista=zoom,south,west,north,east` (the view the
 * visitor moved to) or `cella=level.column.row` (the practices of one crowded spot).
 */
export const GET: APIRoute = async ({ url }) => {
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  const request = parseMapRequest(url.searchParams);
  if (!request) {
    return new Response(JSON.stringify({ error: 'Indica la vista della mappa (adatta, vista o cella).' }), {
      status: 400,
      headers,
    });
  }
  try {
    const state = parseState(url.searchParams);
    const body = request.kind === 'cell' ? await searchMapCell(state, request) : await searchMap(state, request);
    return new Response(JSON.stringify(body), { headers: { ...headers, 'cache-control': PAGE_CACHE } });
  } catch (error) {
    if (!(error instanceof SearchUnavailableError)) throw error;
    console.error(`[portal] ${error.name}: ${error.message}`);
    return new Response(JSON.stringify({ error: 'La mappa non è disponibile in questo momento.' }), {
      status: 503,
      headers,
    });
  }
};
