/**
 * The observatory at 1,000 published reports: a throwaway system with the demo data and 250
 * generated cooperatives, each with a published report for 2021–2024 (`cms/scripts/generate-reports.ts`),
 * then `/osservatorio` timed with and without its selection in the address, warm (after a few
 * requests): rendered afresh each time (the portal's cache too small to keep anything, so every
 * request also asks the CMS to add up the 1,000 reports), and as the cache serves it.
 *
 *   npm run bench:observatory
 *   npm run bench:observatory -- --organisations 250 --rounds 40
 *
 * Goal: a fresh render of the page ≤ 200 ms (p95) warm.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { cmsBuild } from '../stack/builds.ts';
import { cmsEnv } from '../stack/child-env.ts';
import type { Service } from '../stack/process.ts';
import { startCms, startPortal } from '../stack/services.ts';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack } from '../stack/stack.ts';
import { throwawaySettings } from '../stack/test-settings.ts';
import { percentile } from './percentiles.ts';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const ORGANISATIONS = argument('organisations', 250);
const ROUNDS = argument('rounds', 40);
const WARM_UP = 5;
const [FIRST_YEAR, LAST_YEAR] = [2021, 2024];
const PAGES = [
  '/osservatorio',
  '/osservatorio?anno=2023&regione=lombardia',
  '/osservatorio?anno=2024&tipo=tipo-b',
  '/osservatorio/per-provincia.csv?anno=2022',
];

const settings = resolveSettings(await throwawaySettings());
await buildStack(settings);
const services: Service[] = [];

const generateReports = (): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(cmsBuild.outputDir, 'scripts', 'generate-reports.js'),
        String(ORGANISATIONS),
        String(FIRST_YEAR),
        String(LAST_YEAR),
      ],
      { cwd: cmsBuild.workspaceDir, env: { ...cmsEnv(settings), COOP_BACKGROUND_WORKERS: 'false' }, stdio: 'inherit' },
    );
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generate-reports exited with ${code}`))));
  });

/** Milliseconds of each of `rounds` requests for a page, after the warm-up; every answer must be 200. */
const time = async (base: string, page: string, rounds: number): Promise<number[]> => {
  const times: number[] = [];
  for (let round = 0; round < WARM_UP + rounds; round += 1) {
    const started = performance.now();
    const response = await fetch(`${base}${page}`, { headers: { 'accept-encoding': 'gzip' } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${page}: ${response.status}`);
    if (round >= WARM_UP) times.push(performance.now() - started);
  }
  return times;
};

const row = (label: string, values: number[]): string =>
  `  ${label.padEnd(52)} p50 ${percentile(values, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms   max ${Math.max(
    ...values,
  )
    .toFixed(1)
    .padStart(6)} ms`;

try {
  // The first start creates the database and the demo data; the reports are added on it, stopped.
  services.push(await startCms(settings));
  await services.pop()!.stop();
  const generating = performance.now();
  await generateReports();
  console.log(`Generazione: ${((performance.now() - generating) / 1000).toFixed(0)} s`);
  services.push(await startCms(settings));

  const count = async (): Promise<number> => {
    const response = await fetch(`${settings.cms.url}/api/open-data/published-reports`);
    return ((await response.json()) as { data: unknown[] }).data.length;
  };
  const published = await count();

  // Every request renders: a cache of a few bytes keeps no page and no CMS answer.
  const fresh = await startPortal({ ...settings, env: { ...settings.env, PORTAL_CACHE_MAX_MB: '0.0001' } });
  services.push(fresh);
  const freshTimes = new Map<string, number[]>();
  for (const page of PAGES) freshTimes.set(page, await time(settings.portal.url, page, ROUNDS));
  await services.pop()!.stop();

  services.push(await startPortal(settings));
  const cachedTimes = new Map<string, number[]>();
  for (const page of PAGES) cachedTimes.set(page, await time(settings.portal.url, page, ROUNDS));

  console.log(
    `Osservatorio con ${published} bilanci sociali pubblicati, ${ROUNDS} richieste per pagina dopo ${WARM_UP} di riscaldamento`,
  );
  console.log('Ogni richiesta calcolata di nuovo (portale e CMS):');
  for (const [page, values] of freshTimes) console.log(row(page, values));
  console.log('Servita dalla cache del portale:');
  for (const [page, values] of cachedTimes) console.log(row(page, values));
  const worst = Math.max(...[...freshTimes.values()].map((values) => percentile(values, 95)));
  console.log(
    `  Obiettivo p95 ≤ 200 ms a pagina calcolata di nuovo: ${worst <= 200 ? 'raggiunto' : 'NON raggiunto'} (${worst.toFixed(1)} ms)`,
  );
} finally {
  for (const service of services.reverse()) await service.stop();
  rmSync(settings.dataDir, { recursive: true, force: true });
}
