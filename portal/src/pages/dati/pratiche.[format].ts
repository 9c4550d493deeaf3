import type { APIRoute } from 'astro';
import { listPracticeCards, listProvinces } from '../../lib/cms.ts';
import { config } from '../../lib/config.ts';
import { CmsUnavailableError } from '../../lib/errors.ts';
import { LICENCE, toCsv, toGeoJson, toRecord } from '../../lib/open-data.ts';
import { PAGE_CACHE } from '../../lib/page-status.ts';

const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
} as const;

/** `/dati/pratiche.csv`, `.json`, `.geojson`: every published practice, built from the CMS on request. */
export const GET: APIRoute = async ({ params }) => {
  const format = params.format as keyof typeof FORMATS | undefined;
  if (!format || !Object.hasOwn(FORMATS, format)) return new Response('Formato non disponibile', { status: 404 });
  try {
    const [cards, provinces] = await Promise.all([listPracticeCards(), listProvinces()]);
    const byCode = new Map(provinces.map((province) => [province.code, province]));
    const records = cards.map((card) => toRecord(card, byCode, config().portalPublicUrl));
    const body =
      format === 'csv'
        ? toCsv(records)
        : JSON.stringify(
            format === 'json'
              ? {
                  licenza: LICENCE.url,
                  attribuzione: LICENCE.attribution,
                  generato_il: new Date().toISOString(),
                  pratiche: records,
                }
              : toGeoJson(records),
          );
    return new Response(body, {
      headers: {
        'content-type': FORMATS[format],
        'content-disposition': `attachment; filename="pratiche-innovative.${format}"`,
        'cache-control': PAGE_CACHE,
        link: `<${LICENCE.url}>; rel="license"`,
      },
    });
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) throw error;
    return new Response('Dati momentaneamente non disponibili: riprova tra qualche minuto.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
};
