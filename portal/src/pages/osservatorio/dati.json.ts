import type { APIRoute } from 'astro';
import { CmsUnavailableError } from '../../lib/errors.ts';
import { InvalidSelectionError, filtersOf, getObservatory } from '../../lib/observatory.ts';
import { LICENCE } from '../../lib/open-data.ts';
import { PAGE_CACHE } from '../../lib/page-status.ts';

/** `/osservatorio/dati.json?anno=…`: every table of the selection, as the page shows them. */
export const GET: APIRoute = async ({ url }) => {
  try {
    const data = await getObservatory(filtersOf(url));
    return new Response(
      JSON.stringify({
        licenza: LICENCE.url,
        attribuzione: LICENCE.attribution,
        selezione: data.selection,
        anni: data.years,
        organizzazioni_minime: data.minGroup,
        note: data.notes,
        tabelle: data.tables,
      }),
      {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': PAGE_CACHE,
          link: `<${LICENCE.url}>; rel="license"`,
        },
      },
    );
  } catch (error) {
    const status = error instanceof InvalidSelectionError ? 400 : error instanceof CmsUnavailableError ? 503 : 0;
    if (!status) throw error;
    return new Response(
      JSON.stringify({ errore: status === 400 ? (error as Error).message : 'Dati momentaneamente non disponibili' }),
      {
        status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': status === 503 ? 'no-store' : PAGE_CACHE,
        },
      },
    );
  }
};
