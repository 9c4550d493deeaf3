import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../stack/backup/uploads.ts';
import type { EnvMap } from '../stack/env-file.ts';
import { freePort } from '../stack/free-port.ts';
import type { Service } from '../stack/process.ts';
import { startCms, startMeilisearch } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { throwawaySettings } from '../stack/test-settings.ts';
import { runScript } from '../support/scripts.ts';

type Rows = Record<string, unknown>[];

const run = promisify(execFile);

const tablesOf = (db: Database.Database): string[] =>
  (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((row) => row.name);

// Strapi's upload plugin picks a new time for its weekly metrics each time it starts before the
// last one ran: the restore starts Strapi (to rebuild the indexes), so that one row may differ.
const restartBookkeeping = (table: string, row: Record<string, unknown>): boolean =>
  table === 'strapi_core_store_settings' && row.key === 'plugin_upload_metrics';

const rowsOf = (db: Database.Database, table: string): Rows =>
  (db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Rows).filter(
    (row) => !restartBookkeeping(table, row),
  );

const pendingWork = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    const tasks = (db.prepare('SELECT COUNT(*) AS n FROM search_sync_tasks').get() as { n: number }).n;
    const mails = (
      db.prepare("SELECT COUNT(*) AS n FROM email_messages WHERE delivery_status = 'In coda'").get() as {
        n: number;
      }
    ).n;
    return tasks + mails;
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  let source: StackSettings;
  let target: StackSettings;
  // The commands get the settings as a person writes them (before the launcher resolves them).
  let sourceEnv: EnvMap;
  let targetEnv: EnvMap;
  let backups: string;
  const services: Service[] = [];

  beforeAll(async () => {
    backups = mkdtempSync(path.join(tmpdir(), 'coop-backups-'));
    sourceEnv = await throwawaySettings({ BACKUP_DIR: backups });
    targetEnv = await throwawaySettings();
    source = resolveSettings(sourceEnv);
    target = resolveSettings(targetEnv);
    services.push(await startMeilisearch(source));
    services.push(await startCms(source));
  });

  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
    for (const dir of [source?.dataDir, target?.dataDir, backups])
      if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps SQLite to one CMS process: a second one on the same file stops at once and says so', async () => {
    const second = resolveSettings({ ...sourceEnv, CMS_PORT: String(await freePort()) });
    const refused = await startCms(second, 'cms-2').then(
      async (service) => {
        await service.stop();
        return '';
      },
      (error: unknown) => String(error),
    );
    expect(refused).toMatch(/SQLite regge una sola istanza/);
  });

  it('backs up the running demo system and restores it into a fresh data folder, record for record and file for file', async () => {
    // A system in use has been restarted: Strapi rewrites part of its admin layout cache on the second start.
    await services.pop()?.stop();
    services.push(await startCms(source));
    // The demo data's index updates applied first: what the comparison sees is what was backed up.
    await expect.poll(() => pendingWork(source.env.DATABASE_FILENAME ?? ''), { timeout: 60_000 }).toBe(0);

    const backup = await runScript('backup.ts', sourceEnv);
    expect(backup.code, backup.output).toBe(0);
    const archive = /Archivio: (.+\.tar\.gz)/.exec(backup.output)?.[1] ?? '';
    expect(path.dirname(archive)).toBe(backups);
    expect(path.basename(archive)).toMatch(/^coop-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/);
    console.log(backup.output.trim());

    // With S3 the objects stay in the bucket: the archive lists the keys the media library refers to.
    const withS3 = await runScript('backup.ts', { ...sourceEnv, UPLOAD_PROVIDER: 'aws-s3', S3_BUCKET: 'coop-media' });
    expect(withS3.code, withS3.output).toBe(0);
    const s3Archive = /Archivio: (.+\.tar\.gz)/.exec(withS3.output)?.[1] ?? '';
    const { stdout } = await run('tar', ['-xzOf', s3Archive, './manifest.json']);
    const s3Manifest = JSON.parse(stdout) as { uploads: { provider: string; bucket: string; objectKeys: string[] } };
    expect(s3Manifest.uploads).toMatchObject({ provider: 'aws-s3', bucket: 'coop-media' });
    const localNames = (await listFiles(path.join(source.cms.publicDir, 'uploads'))).map((file) => file.path).sort();
    expect(s3Manifest.uploads.objectKeys).toEqual(localNames);
    rmSync(s3Archive);

    // Stopped only now, so that nothing it does after the backup can be mistaken for a difference.
    await services.pop()?.stop();

    const restored = await runScript('restore.ts', targetEnv, archive);
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain('Reindicizzazione completata.');
    console.log(restored.output.trim());

    const again = await runScript('restore.ts', targetEnv, archive);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/non è vuoto: per sostituirne il contenuto ripeti con --force/);
    const replaced = await runScript('restore.ts', targetEnv, archive, '--force');
    expect(replaced.code, replaced.output).toBe(0);

    const before = new Database(source.env.DATABASE_FILENAME ?? '', { readonly: true });
    const after = new Database(target.env.DATABASE_FILENAME ?? '', { readonly: true });
    let records = 0;
    try {
      const tables = tablesOf(before);
      expect(tablesOf(after)).toEqual(tables);
      for (const table of tables) {
        const rows = rowsOf(before, table);
        expect({ table, rows: rowsOf(after, table) }).toEqual({ table, rows });
        records += rows.length;
      }
    } finally {
      before.close();
      after.close();
    }
    const files = await listFiles(path.join(source.cms.publicDir, 'uploads'));
    expect(files.length).toBeGreaterThan(0);
    expect(await listFiles(path.join(target.cms.publicDir, 'uploads'))).toEqual(files);

    services.push(await startMeilisearch(target));
    const check = await runScript('search-cli.ts', targetEnv, 'check');
    expect(check.code, check.output).toBe(0);
    expect(check.output).toMatch(/practices\s+allineato al CMS/);
    expect(check.output).toMatch(/organisations\s+allineato al CMS/);
    const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
    console.log(
      `Confronto dopo il ripristino: ${records} record identici, ${files.length} file caricati (${bytes} byte) con lo stesso SHA-256; search:check pulito.`,
    );
  });
});
