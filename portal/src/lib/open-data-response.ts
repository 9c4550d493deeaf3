import { CmsUnavailableError } from './errors.ts';
import { LICENCE } from './open-data.ts';
import { PAGE_CACHE } from './page-status.ts';
import { recordsCsv, recordsGeoJson, type OpenRecord } from './open-data-records.ts';

export const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
} as const;
export type Format = keyof typeof FORMATS;

export const isFormat = (value: string | undefined): value is Format => !!value && Object.hasOwn(FORMATS, value);

/** A download of records in one of the three formats, with the licence; 503 in Italian when the CMS is down. */
export const downloadOf = async (
  format: Format,
  file: string,
  jsonKey: string,
  columns: string[],
  load: () => Promise<OpenRecord[]>,
): Promise<Response> => {
  try {
    const records = await load();
    const body =
      format === 'csv'
        ? recordsCsv(records, columns)
        : JSON.stringify(
            format === 'json'
              ? {
                  licenza: LICENCE.url,
                  attribuzione: LICENCE.attribution,
                  generato_il: new Date().toISOString(),
                  [jsonKey]: records,
                }
              : recordsGeoJson(records),
          );
    return new Response(body, {
      headers: {
        'content-type': FORMATS[format],
        'content-disposition': `attachment; filename="${file}.${format}"`,
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
