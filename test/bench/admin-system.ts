import { rmSync } from 'node:fs';
import { startCms, startMeilisearch } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { buildStack } from '../stack/stack.ts';
import { throwawaySettings } from '../stack/test-settings.ts';
import { percentile } from './percentiles.ts';

/**
 * A throwaway CMS (with Meilisearch, which publishing feeds) on the demo data, for the admin's
 * benchmarks; or the running one at `BENCH_CMS_URL` (with `BENCH_DEMO_PASSWORD`).
 */
export const withAdminSystem = async (run: (cmsUrl: string, demoPassword: string) => Promise<void>): Promise<void> => {
  const given = process.env.BENCH_CMS_URL;
  if (given) return run(given, process.env.BENCH_DEMO_PASSWORD ?? '');
  const settings: StackSettings = resolveSettings(await throwawaySettings());
  await buildStack(settings);
  const meilisearch = await startMeilisearch(settings);
  try {
    const cms = await startCms(settings);
    try {
      await run(settings.cms.url, settings.env.DEMO_PASSWORD ?? '');
    } finally {
      await cms.stop();
    }
  } finally {
    await meilisearch.stop();
    rmSync(settings.dataDir, { recursive: true, force: true });
  }
};

/** One line of results: median, p95 and max, and whether the median meets the target. */
export const report = (label: string, values: number[], targetMs: number): string => {
  const median = percentile(values, 50);
  return `  ${label.padEnd(44)} n ${String(values.length).padStart(3)}   mediana ${median.toFixed(0)} ms   p95 ${percentile(values, 95).toFixed(0)} ms   max ${Math.max(...values).toFixed(0)} ms   obiettivo ≤ ${targetMs} ms: ${median <= targetMs ? 'raggiunto' : 'NON raggiunto'}`;
};
