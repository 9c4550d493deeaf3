import type { APIRoute } from 'astro';
import { datasetById } from '../../lib/datasets.ts';
import { serviceRecords } from '../../lib/open-data-records.ts';
import { downloadOf, isFormat } from '../../lib/open-data-response.ts';

/** `/dati/servizi-consortili.csv`, `.json`, `.geojson`: the consortia's services by province and area. */
export const GET: APIRoute = async ({ params }) => {
  if (!isFormat(params.format)) return new Response('Formato non disponibile', { status: 404 });
  const columns = (datasetById('servizi-consortili')?.fields ?? []).map((field) => field.name);
  return downloadOf(params.format, 'servizi-consortili', 'servizi', columns, serviceRecords);
};
