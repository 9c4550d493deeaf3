import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { EnvMap } from './env-file.ts';
import { startCms, startMeilisearch } from './services.ts';
import { resolveSettings } from './settings.ts';
import { throwawaySettings } from './test-settings.ts';

/**
 * The demo system seeded once per test run. Seeding the demo data takes most of a CMS's first
 * start (about 20–40 s on these machines); suites that need the demo system but do not test its
 * first start begin from a copy of this one's database and uploads, and their CMS starts as it
 * would the second time. The seed itself runs in full, from an empty database, to make the copy.
 */
const TEMPLATE_VARIABLE = 'COOP_TEST_SEEDED_DATA_DIR';

/** What a copy takes from the seeded data folder: the SQLite database and the uploaded files. */
const seededEntries = (dataDir: string): string[] =>
  readdirSync(dataDir).filter((name) => name === 'public' || /^cms\.db(-wal|-shm)?$/.test(name));

const pendingSearchTasks = (databaseFile: string): number => {
  const db = new DatabaseSync(databaseFile, { readOnly: true, timeout: 10_000 });
  try {
    return Number((db.prepare('SELECT COUNT(*) AS n FROM search_sync_tasks').get() as { n: number }).n);
  } finally {
    db.close();
  }
};

const POLL_MS = 200;
const INDEXED_WITHIN_MS = 120_000;

/**
 * Seeds the demo system once and tells this run's suites where it is. Its index updates are
 * applied before it stops, so a copy holds no pending work: its own CMS fills its own, empty
 * Meilisearch by comparing the two at start, as after a lost index.
 */
export const prepareSeededTemplate = async (): Promise<string> => {
  const settings = resolveSettings(await throwawaySettings());
  const meilisearch = await startMeilisearch(settings);
  const cms = await startCms(settings).catch(async (error: unknown) => {
    await meilisearch.stop();
    throw error;
  });
  try {
    const databaseFile = settings.env.DATABASE_FILENAME ?? path.join(settings.dataDir, 'cms.db');
    const deadline = Date.now() + INDEXED_WITHIN_MS;
    while (pendingSearchTasks(databaseFile) > 0) {
      if (Date.now() > deadline) throw new Error('the seeded demo system did not finish indexing in 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await cms.stop();
    await meilisearch.stop();
  }
  process.env[TEMPLATE_VARIABLE] = settings.dataDir;
  return settings.dataDir;
};

/**
 * Throwaway settings whose data folder already holds the seeded demo system (SQLite). Without a
 * template (a suite run outside the integration project) the CMS seeds on its first start.
 */
export const seededSettings = async (overrides: EnvMap = {}): Promise<EnvMap> => {
  const env = await throwawaySettings(overrides);
  const template = process.env[TEMPLATE_VARIABLE];
  if (template && existsSync(path.join(template, 'cms.db')) && env.DATA_DIR) {
    for (const entry of seededEntries(template)) {
      cpSync(path.join(template, entry), path.join(env.DATA_DIR, entry), { recursive: true });
    }
  }
  return env;
};
