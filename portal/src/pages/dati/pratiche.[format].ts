import type { APIRoute } from 'astro';
import { listPracticeCards, listProvinces } from '../../lib/cms.ts';
import { config } from '../../lib/config.ts';
import { CmsUnavailableError } from '../../lib/errors.ts';
import { LICENCE, toCsv, toGeoJson, toRecord } from '../../lib/open-data.ts';
import { getPracticeChanges, parseIsoMoment } from '../../lib/open-data-changes.ts';
import { PAGE_CACHE } from '../../lib/page-status.ts';

const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
} as const;

/** `/dati/pratiche.csv`, `.json`, `.geojson`: every published practice, built from the CMS on request. */
const refused = (message: string): Response =>
  new Response(message, {
    status: 400,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': PAGE_CACHE },
  });

/**
 * `/dati/pratiche.json?modificate_dal=<ISO 8601>`: the practices published or changed since then,
 * each with when, and the ones withdrawn as tombstones; `fino_al` is the next call's date.
 */
const changesSince = async (since: string): Promise<Response> => {
  const [changes, cards, provinces] = await Promise.all([
    getPracticeChanges(since),
    listPracticeCards(),
    listProvinces(),
  ]);
  const byCode = new Map(provinces.map((province) => [province.code, province]));
  const changedAt = new Map(changes.changed.map((change) => [change.documentId, change.changedAt]));
  const portal = config().portalPublicUrl;
  const body = {
    licenza: LICENCE.url,
    attribuzione: LICENCE.attribution,
    modificate_dal: changes.since,
    fino_al: changes.until,
    pratiche: cards
      .filter((card) => changedAt.has(card.documentId))
      .map((card) => ({ ...toRecord(card, byCode, portal), modificata_il: changedAt.get(card.documentId) ?? null })),
    ritirate: changes.withdrawn.map((item) => ({
      slug: item.slug,
      url: `${portal}/pratiche/${item.slug}`,
      stato: 'ritirata',
      ritirata_il: item.withdrawnAt,
    })),
  };
  return new Response(JSON.stringify(body), {
    headers: {
      'content-type': FORMATS.json,
      'cache-control': PAGE_CACHE,
      link: `<${LICENCE.url}>; rel="license"`,
    },
  });
};

export const GET: APIRoute = async ({ params, url }) => {
  const format = params.format as keyof typeof FORMATS | undefined;
  if (!format || !Object.hasOwn(FORMATS, format)) return new Response('Formato non disponibile', { status: 404 });
  const unknown = [...url.searchParams.keys()].filter((name) => name !== 'modificate_dal');
  if (unknown.length > 0) return refused(`Parametro «${unknown[0]}» non consentito: l’unico è modificate_dal`);
  const sinceText = url.searchParams.get('modificate_dal');
  try {
    if (sinceText !== null) {
      if (format !== 'json') return refused('modificate_dal: disponibile soltanto per /dati/pratiche.json');
      const since = parseIsoMoment(sinceText.trim());
      if (!since)
        return refused(
          `modificate_dal: «${sinceText}» non è una data ISO 8601 (per esempio 2026-03-01 oppure 2026-03-01T10:00:00Z)`,
        );
      return await changesSince(since);
    }
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
