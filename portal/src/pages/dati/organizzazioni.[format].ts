import type { APIRoute } from 'astro';
import { config } from '../../lib/config.ts';
import { datasetById } from '../../lib/datasets.ts';
import { organisationRecords } from '../../lib/open-data-records.ts';
import { downloadOf, isFormat } from '../../lib/open-data-response.ts';

/** `/dati/organizzazioni.csv`, `.json`, `.geojson`: every active organisation, public fields only. */
export const GET: APIRoute = async ({ params }) => {
  if (!isFormat(params.format)) return new Response('Formato non disponibile', { status: 404 });
  const columns = (datasetById('organizzazioni')?.fields ?? []).map((field) => field.name);
  return downloadOf(params.format, 'organizzazioni', 'organizzazioni', columns, () =>
    organisationRecords(config().portalPublicUrl),
  );
};
