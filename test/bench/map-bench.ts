/**
 * The catalogue's map with 50,000 practices: indexes generated practices (spread over every
 * province) in a throwaway Meilisearch with the production settings, starts a portal on it and
 * opens the catalogue in Debian's Chromium at 1366×768. Then it applies refinements one after
 * the other (areas, regions, impact evaluation, a search) and times, in the page, how long the
 * map takes to show the new results from the click (answer fetched, clusters and markers
 * drawn), with the bytes the browser received for it; every refinement asks for a search the
 * portal has not seen (no cache). Run with `npm run bench:map [-- --practices N]`.
 *
 * Goal: the map updated within 150 ms of a refinement (p95), with every result on it.
 */
import { rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ensureIndex, searchClient } from '@coop/search/indexer';
import { toPracticeDocument } from '@coop/search/practice-document';
import { PRACTICES_INDEX } from '@coop/search/practices-index';
import { startMeilisearch, startPortal } from '../stack/services.ts';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack } from '../stack/stack.ts';
import { throwawaySettings } from '../stack/test-settings.ts';
import { chromiumFlags, chromiumPath } from '../support/chromium.ts';
import { generatedCard, taxonomies } from './generated-cards.ts';
import { percentile } from './percentiles.ts';

const at = process.argv.indexOf('--practices');
const PRACTICES = at >= 0 && Number(process.argv[at + 1]) > 0 ? Number(process.argv[at + 1]) : 50_000;
const BATCH = 10_000;
const GOAL_MS = 150;

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const settings = resolveSettings(await throwawaySettings());
await buildStack(settings);
const meilisearch = await startMeilisearch(settings);
try {
  const client = searchClient({
    host: settings.meilisearch.url,
    apiKey: settings.meilisearch.masterKey,
    timeoutMs: 600_000,
  });
  const index = await ensureIndex(client, PRACTICES_INDEX, PRACTICES_INDEX);
  const indexing = performance.now();
  for (let start = 0; start < PRACTICES; start += BATCH) {
    const documents = Array.from({ length: Math.min(BATCH, PRACTICES - start) }, (_, offset) =>
      toPracticeDocument(generatedCard(start + offset)),
    );
    const task = await index.addDocuments(documents).waitTask({ timeout: 1_200_000 });
    if (task.status !== 'succeeded') throw new Error(`indexing ${task.status}: ${task.error?.message}`);
  }
  console.log(
    `${PRACTICES.toLocaleString('it-IT')} pratiche indicizzate in ${((performance.now() - indexing) / 1000).toFixed(1)} s`,
  );

  // The catalogue and its map read only the search index: no CMS is needed.
  const portal = await startPortal(settings);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${settings.portal.url}/pratiche`);
    const map = page.getByTestId('practice-map');
    await map.locator('.map-cluster, .map-marker').first().waitFor({ timeout: 60_000 });
    const total = Number(await map.getAttribute('data-points'));
    console.log(`Mappa iniziale: ${total.toLocaleString('it-IT')} pratiche sulla mappa`);

    const areas = taxonomies.innovationAreas.map((area) => area.name);
    // The regions the generated practices are in (as the catalogue lists them).
    const { facets } = (await (await fetch(`${settings.portal.url}/api/search`)).json()) as {
      facets: { region: { value: string; count: number }[] };
    };
    const regionNames = [...facets.region].sort((a, b) => b.count - a.count).map((entry) => entry.value);
    const checkbox = (name: string) => page.getByRole('checkbox', { name: new RegExp(`^${escaped(name)}`) });
    /**
     * Refinements, each leading to a search the portal has not answered yet: an area, then regions
     * added one by one, the impact evaluation, the areas taken away and put back, and so on.
     */
    const steps: { label: string; act: () => Promise<void> }[] = [
      { label: `ambito ${areas[0]!.slice(0, 26)}…`, act: () => checkbox(areas[0]!).click() },
      ...regionNames
        .slice(0, 12)
        .map((region) => ({ label: `+ regione ${region}`, act: () => checkbox(region).click() })),
      { label: 'valutazione prevista', act: () => page.getByRole('radio', { name: /^Prevista/ }).click() },
      ...areas
        .slice(1, 4)
        .map((area) => ({ label: `+ ambito ${area.slice(0, 24)}…`, act: () => checkbox(area).click() })),
      { label: `− ambito ${areas[0]!.slice(0, 24)}…`, act: () => checkbox(areas[0]!).click() },
      ...regionNames
        .slice(0, 5)
        .map((region) => ({ label: `− regione ${region}`, act: () => checkbox(region).click() })),
      { label: 'valutazione indifferente', act: () => page.getByRole('radio', { name: /^Indifferente/ }).click() },
    ];
    await page.locator('summary', { hasText: 'Valutazione d’impatto' }).click();

    const rows: { label: string; ms: number; bytes: number; shown: number; clusters: number; markers: number }[] = [];
    for (const step of steps) {
      const before = await map.getAttribute('data-search');
      // Times in the page: from the click to the map drawn for the new search.
      await page.evaluate((previous) => {
        const element = document.querySelector('[data-testid="practice-map"]')!;
        const state = window as unknown as { mapBench: { started: number; drawn: number | null } };
        state.mapBench = { started: 0, drawn: null };
        performance.clearResourceTimings();
        const observer = new MutationObserver(() => {
          if (element.getAttribute('data-search') !== previous && element.getAttribute('data-loading') === 'false') {
            state.mapBench.drawn = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(element, { attributes: true, attributeFilter: ['data-search', 'data-loading'] });
        document.addEventListener('click', () => (state.mapBench.started = performance.now()), {
          capture: true,
          once: true,
        });
      }, before);
      await step.act().catch(async (error: unknown) => {
        const labels = await page.locator('.catalogue-filters label').allTextContents();
        throw new Error(`${step.label}: ${String(error)}\n${labels.join(' | ')}`);
      });
      await page.waitForFunction(
        () => (window as unknown as { mapBench: { drawn: number | null } }).mapBench.drawn !== null,
        undefined,
        {
          timeout: 30_000,
        },
      );
      const measured = await page.evaluate(() => {
        const { started, drawn } = (window as unknown as { mapBench: { started: number; drawn: number } }).mapBench;
        const answers = performance
          .getEntriesByType('resource')
          .filter((entry) => /\/api\/(search|mappa)/.test(entry.name)) as PerformanceResourceTiming[];
        const element = document.querySelector('[data-testid="practice-map"]')!;
        return {
          ms: drawn - started,
          bytes: answers.reduce((sum, entry) => sum + entry.transferSize, 0),
          shown: Number(element.getAttribute('data-points')),
          clusters: element.querySelectorAll('.map-cluster').length,
          markers: element.querySelectorAll('.map-marker').length,
        };
      });
      rows.push({ label: step.label, ...measured });
    }

    console.log(
      `\n  ${'affinamento'.padEnd(34)} ${'mappa'.padStart(9)} ${'byte'.padStart(9)} ${'pratiche'.padStart(9)} ${'gruppi'.padStart(7)} ${'punti'.padStart(6)}`,
    );
    for (const row of rows) {
      console.log(
        `  ${row.label.padEnd(34)} ${`${row.ms.toFixed(0)} ms`.padStart(9)} ${row.bytes.toLocaleString('it-IT').padStart(9)} ${row.shown.toLocaleString('it-IT').padStart(9)} ${String(row.clusters).padStart(7)} ${String(row.markers).padStart(6)}`,
      );
    }
    const times = rows.map((row) => row.ms);
    const bytes = rows.map((row) => row.bytes);
    console.log(
      `\n  Aggiornamento della mappa dopo un affinamento: p50 ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    );
    console.log(
      `  Byte ricevuti per affinamento (risultati e mappa, compressi): p50 ${percentile(bytes, 50).toLocaleString('it-IT')}, max ${Math.max(...bytes).toLocaleString('it-IT')}`,
    );
    const met = percentile(times, 95) <= GOAL_MS;
    console.log(`  Obiettivo p95 ≤ ${GOAL_MS} ms in Chromium: ${met ? 'raggiunto' : 'NON raggiunto'}`);
    process.exitCode = met ? 0 : 1;
  } finally {
    await browser.close();
    await portal.stop();
  }
} finally {
  await meilisearch.stop();
  rmSync(settings.dataDir, { recursive: true, force: true });
}
