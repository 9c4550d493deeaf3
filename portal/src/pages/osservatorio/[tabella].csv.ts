import type { APIRoute } from 'astro';
import { CmsUnavailableError } from '../../lib/errors.ts';
import { InvalidSelectionError, filtersOf, getObservatory, tableCsv } from '../../lib/observatory.ts';
import { PAGE_CACHE } from '../../lib/page-status.ts';

const text = (status: number, body: string): Response =>
  new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': status >= 500 ? 'no-store' : PAGE_CACHE },
  });

/** `/osservatorio/<tabella>.csv?anno=…`: one table of the observatory for the same selection as the page. */
export const GET: APIRoute = async ({ params, url }) => {
  const filters = filtersOf(url);
  try {
    const data = await getObservatory(filters);
    const table = data.tables.find((candidate) => candidate.id === params.tabella);
    if (!table) return text(404, `Tabella «${params.tabella ?? ''}» non disponibile per questa selezione`);
    const name = ['osservatorio', table.id, data.selection?.year, filters.regione, filters.provincia, filters.tipo]
      .filter(Boolean)
      .join('-')
      .replace(/[^A-Za-z0-9-]/g, '');
    return new Response(tableCsv(table, data.notes), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}.csv"`,
        'cache-control': PAGE_CACHE,
        link: '<https://creativecommons.org/licenses/by/4.0/deed.it>; rel="license"',
      },
    });
  } catch (error) {
    if (error instanceof InvalidSelectionError) return text(400, error.message);
    if (error instanceof CmsUnavailableError)
      return text(503, 'Dati momentaneamente non disponibili: riprova tra qualche minuto.');
    throw error;
  }
};
