/**
 * Publish-to-search latency: starts a throwaway Meilisearch and CMS with the demo data, then has
 * the curator publish and withdraw cards through the editorial workflow and times how long each
 * takes to appear in (or leave) the `practices` index. Run with `npm run bench:publish`.
 */
import { rmSync } from 'node:fs';
import { startCms, startMeilisearch } from '../stack/services.ts';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack } from '../stack/stack.ts';
import { demoPassword, throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin, moveCard } from '../support/admin-api.ts';
import { percentile } from './percentiles.ts';

const ROUNDS = 30;

const settings = resolveSettings(await throwawaySettings());
await buildStack(settings);
const meilisearch = await startMeilisearch(settings);
const cms = await startCms(settings).catch(async (error: unknown) => {
  await meilisearch.stop();
  throw error;
});

const inIndex = async (documentId: string): Promise<boolean> => {
  const response = await fetch(`${settings.meilisearch.url}/indexes/practices/documents/${documentId}`, {
    headers: { authorization: `Bearer ${settings.meilisearch.masterKey}` },
  });
  return response.ok;
};

/** Milliseconds until the index shows the expected presence, polled every 10 ms. */
const timeUntil = async (documentId: string, present: boolean, started: number): Promise<number> => {
  while ((await inIndex(documentId)) !== present) {
    if (performance.now() - started > 60_000) throw new Error(`${documentId} never reached the index state`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
};

try {
  const curator = await adminLogin(settings.cms.url, 'curatore@demo.piattaforma.local', demoPassword);
  const { results } = await curator.json<{ results: { documentId: string }[] }>(
    'GET',
    '/content-manager/collection-types/api::practice-card.practice-card?filters[stage][$eq]=Pubblicata&pageSize=5',
  );
  // Wait until the start-up reconciliation has filled the index.
  for (const card of results) await timeUntil(card.documentId, true, performance.now());

  const published: number[] = [];
  const withdrawn: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const { documentId } = results[round % results.length]!;
    let started = performance.now();
    await moveCard(curator, documentId, 'Archiviata');
    withdrawn.push(await timeUntil(documentId, false, started));
    started = performance.now();
    await moveCard(curator, documentId, 'Pubblicata');
    published.push(await timeUntil(documentId, true, started));
  }
  const row = (label: string, values: number[]): string =>
    `  ${label.padEnd(38)} p50 ${percentile(values, 50).toFixed(0)} ms   p95 ${percentile(values, 95).toFixed(0)} ms   max ${Math.max(...values).toFixed(0)} ms`;
  console.log(`${ROUNDS} pubblicazioni e ${ROUNDS} ritiri dal flusso redazionale (richiesta inclusa)`);
  console.log(row('pubblicata → trovabile nella ricerca', published));
  console.log(row('ritirata → sparita dalla ricerca', withdrawn));
  console.log(`  Obiettivo p95 ≤ 2000 ms: ${percentile(published, 95) <= 2000 ? 'raggiunto' : 'NON raggiunto'}`);
} finally {
  await cms.stop();
  await meilisearch.stop();
  rmSync(settings.dataDir, { recursive: true, force: true });
}
