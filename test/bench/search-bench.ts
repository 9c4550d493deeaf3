/**
 * Search benchmark: indexes 10,000 generated practice cards in a throwaway embedded Meilisearch
 * with the production settings, then times 500 queries mixing plain words, typos, facet filters,
 * facet distribution and geo radius. Run with `npm run bench:search`.
 */
import { rmSync } from 'node:fs';
import http from 'node:http';
import { ensureIndex, searchClient } from '@coop/search/indexer';
import { toPracticeDocument } from '@coop/search/practice-document';
import { PRACTICES_INDEX } from '@coop/search/practices-index';
import { startMeilisearch } from '../stack/services.ts';
import { resolveSettings } from '../stack/settings.ts';
import { throwawaySettings } from '../stack/test-settings.ts';
import { generatedCard, pick, provinces, regions, taxonomies } from './generated-cards.ts';
import { percentile } from './percentiles.ts';

const CARD_COUNT = 10_000;
const QUERY_COUNT = 500;

const QUERIES: (() => Record<string, unknown>)[] = [
  () => ({ q: pick(['orti', 'anziani', 'falegnameria', 'emporio solidale', 'inserimento lavorativo', 'scuole']) }),
  () => ({ q: pick(['cooperatva socale', 'falegnamria', 'dissabili', 'agricoltra sociale', 'volontariatto']) }),
  () => ({
    q: pick(['', 'welfare']),
    filter: [
      `innovationArea = "${pick(taxonomies.innovationAreas).name}"`,
      `region = "${pick([...regions.values()])}"`,
    ],
  }),
  () => ({
    q: pick(['', 'comunità']),
    facets: [
      'innovationArea',
      'region',
      'province',
      'organisationType',
      'partnershipKinds',
      'fundingSources',
      'impactEvaluation',
    ],
  }),
  () => {
    const province = pick(provinces);
    return {
      q: '',
      filter: [`_geoRadius(${province.latitude}, ${province.longitude}, 30000)`],
      sort: [`_geoPoint(${province.latitude}, ${province.longitude}):asc`],
    };
  },
];

/** One search over a kept-alive connection without compression (see ENVIRONMENT.md on the latency trap). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const timedSearch = (
  url: URL,
  key: string,
  body: Record<string, unknown>,
): Promise<{ clientMs: number; serverMs: number }> =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify({ limit: 20, ...body });
    const started = performance.now();
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'accept-encoding': 'identity',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) return reject(new Error(`search ${response.statusCode}: ${text}`));
          resolve({
            clientMs: performance.now() - started,
            serverMs: (JSON.parse(text) as { processingTimeMs: number }).processingTimeMs,
          });
        });
      },
    );
    request.once('error', reject);
    request.end(payload);
  });

const settings = resolveSettings(await throwawaySettings());
const meilisearch = await startMeilisearch(settings);
try {
  const client = searchClient({
    host: settings.meilisearch.url,
    apiKey: settings.meilisearch.masterKey,
    timeoutMs: 120_000,
  });
  const index = await ensureIndex(client, PRACTICES_INDEX, PRACTICES_INDEX);
  const documents = Array.from({ length: CARD_COUNT }, (_, index) => toPracticeDocument(generatedCard(index)));

  const indexingStarted = performance.now();
  const task = await index.addDocuments(documents).waitTask({ timeout: 600_000 });
  if (task.status !== 'succeeded') throw new Error(`indexing ${task.status}: ${task.error?.message}`);
  const indexingSeconds = (performance.now() - indexingStarted) / 1000;

  const url = new URL(`/indexes/${PRACTICES_INDEX}/search`, settings.meilisearch.url);
  for (let i = 0; i < 20; i += 1) await timedSearch(url, settings.meilisearch.searchKey, pick(QUERIES)());
  const timings = [];
  for (let i = 0; i < QUERY_COUNT; i += 1)
    timings.push(await timedSearch(url, settings.meilisearch.searchKey, QUERIES[i % QUERIES.length]!()));

  const row = (label: string, values: number[]): string =>
    `  ${label.padEnd(34)} p50 ${percentile(values, 50).toFixed(1)} ms   p95 ${percentile(values, 95).toFixed(1)} ms   p99 ${percentile(values, 99).toFixed(1)} ms`;
  console.log(
    `Meilisearch ${(await client.getVersion()).pkgVersion}, ${CARD_COUNT.toLocaleString('it-IT')} schede generate`,
  );
  console.log(`  Indicizzazione                     ${indexingSeconds.toFixed(1)} s`);
  console.log(`  ${QUERY_COUNT} ricerche: parole, refusi, filtri, distribuzione dei facet, raggio geografico`);
  console.log(
    row(
      'tempo del server (processingTimeMs)',
      timings.map((timing) => timing.serverMs),
    ),
  );
  console.log(
    row(
      'andata e ritorno (node:http)',
      timings.map((timing) => timing.clientMs),
    ),
  );
  const serverP95 = percentile(
    timings.map((timing) => timing.serverMs),
    95,
  );
  console.log(`  Obiettivo p95 lato server ≤ 15 ms: ${serverP95 <= 15 ? 'raggiunto' : 'NON raggiunto'}`);
} finally {
  agent.destroy();
  await meilisearch.stop();
  rmSync(settings.dataDir, { recursive: true, force: true });
}
