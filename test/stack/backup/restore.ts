import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildIfStale, cmsBuild } from '../builds.ts';
import { startMeilisearch } from '../services.ts';
import type { StackSettings } from '../settings.ts';
import { countRows, databaseTarget, describeTarget, isEmptyDatabase, restoreDatabase } from './database.ts';
import { MANIFEST_FILE, MANIFEST_FORMAT, UPLOADS_DIR, type Manifest } from './manifest.ts';
import { copyFiles, listFiles, sha256File } from './uploads.ts';

const run = promisify(execFile);

/** A restore that must not go on; the message says why, in Italian, for the person running it. */
export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

const readManifest = (dir: string): Manifest => {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file))
    throw new RestoreRefusedError(`L'archivio non contiene ${MANIFEST_FILE}: non è un backup della piattaforma.`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown };
  if (parsed.format !== MANIFEST_FORMAT) {
    throw new RestoreRefusedError(
      `Formato del backup "${String(parsed.format)}" sconosciuto (atteso ${MANIFEST_FORMAT}).`,
    );
  }
  const manifest = parsed as Manifest;
  return manifest;
};

/** Every file the manifest lists, with the checksum it lists: nothing is restored from a damaged archive. */
const verifyChecksums = async (dir: string, manifest: Manifest): Promise<void> => {
  const damaged: string[] = [];
  const database = path.join(dir, manifest.database.file);
  if (!existsSync(database) || (await sha256File(database)).sha256 !== manifest.database.sha256) {
    damaged.push(manifest.database.file);
  }
  if (manifest.uploads.provider === 'local') {
    for (const file of manifest.uploads.files) {
      const copy = path.join(dir, UPLOADS_DIR, file.path);
      if (!existsSync(copy) || (await sha256File(copy)).sha256 !== file.sha256)
        damaged.push(`${UPLOADS_DIR}/${file.path}`);
    }
  }
  if (damaged.length > 0) {
    throw new RestoreRefusedError(
      `Archivio danneggiato: ${damaged.length} file non corrispondono al manifest (${damaged.slice(0, 5).join(', ')}).`,
    );
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const refuseWhileRunning = (settings: StackSettings): void => {
  const target = databaseTarget(settings.env);
  if (target.client !== 'sqlite') return;
  const lock = `${target.file}.instance`;
  if (!existsSync(lock)) return;
  const { pid } = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number };
  if (isAlive(pid))
    throw new RestoreRefusedError(`Il CMS (processo ${pid}) sta usando ${target.file}: fermalo prima del ripristino.`);
};

const meilisearchReachable = (url: string): Promise<boolean> =>
  fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );

/** Rebuilds every index from the restored CMS database, as `npm run search:reindex` does. */
const reindex = async (settings: StackSettings, report: (line: string) => void): Promise<void> => {
  await buildIfStale(cmsBuild, settings.env);
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(cmsBuild.outputDir, 'scripts', 'search.js'), 'reindex'], {
      cwd: cmsBuild.workspaceDir,
      env: { ...settings.env, COOP_BACKGROUND_WORKERS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, text }));
  });
  for (const line of output.text.trim().split('\n')) if (line.trim()) report(`  ${line}`);
  if (output.code !== 0) throw new Error('ricostruzione degli indici di ricerca non riuscita');
};

export type RestoreOptions = { replace: boolean; report: (line: string) => void };

/**
 * Restores an archive of `createBackup` into the system the settings describe: checks every
 * checksum, refuses a database or uploads folder that is not empty (unless `replace`), restores,
 * checks the row counts against the manifest, then rebuilds the search indexes from the CMS.
 */
export const restoreBackup = async (
  settings: StackSettings,
  archive: string,
  options: RestoreOptions,
): Promise<Manifest> => {
  if (!existsSync(archive)) throw new RestoreRefusedError(`Archivio non trovato: ${archive}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'coop-restore-'));
  try {
    await run('tar', ['-xzf', archive, '-C', dir]);
    const manifest = readManifest(dir);
    await verifyChecksums(dir, manifest);
    options.report(
      `Archivio del ${new Date(manifest.createdAt).toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}: checksum verificati.`,
    );

    const target = databaseTarget(settings.env);
    if (target.client !== manifest.database.client) {
      throw new RestoreRefusedError(
        `Il backup è di un database ${manifest.database.client}, le impostazioni indicano ${target.client} (DATABASE_CLIENT).`,
      );
    }
    refuseWhileRunning(settings);
    const uploadsDir = path.join(settings.cms.publicDir, 'uploads');
    if (!options.replace) {
      if (!(await isEmptyDatabase(target))) {
        throw new RestoreRefusedError(
          `Il database di destinazione (${describeTarget(target)}) non è vuoto: per sostituirne il contenuto ripeti con --force.`,
        );
      }
      if (manifest.uploads.provider === 'local' && (await listFiles(uploadsDir)).length > 0) {
        throw new RestoreRefusedError(`La cartella ${uploadsDir} non è vuota: per sostituirla ripeti con --force.`);
      }
    }

    await restoreDatabase(target, path.join(dir, manifest.database.file), options.replace);
    const counts = await countRows(target);
    const different = Object.entries(manifest.database.tables).filter(([table, count]) => counts[table] !== count);
    if (different.length > 0) {
      throw new Error(
        `Dopo il ripristino ${different.length} tabelle hanno un numero di righe diverso dal manifest: ${different.map(([table]) => table).join(', ')}`,
      );
    }
    options.report(
      `Database ripristinato in ${describeTarget(target)}: ${manifest.database.records} record, come nel manifest.`,
    );

    if (manifest.uploads.provider === 'local') {
      if (options.replace) rmSync(uploadsDir, { recursive: true, force: true });
      copyFiles(path.join(dir, UPLOADS_DIR), uploadsDir, manifest.uploads.files);
      options.report(`File caricati ripristinati in ${uploadsDir}: ${manifest.uploads.count}.`);
    } else {
      options.report(
        `File caricati su S3 (bucket ${manifest.uploads.bucket}): ${manifest.uploads.objectKeys.length} oggetti, non contenuti nell'archivio. ${manifest.uploads.howToCopy}`,
      );
    }

    options.report('Ricostruzione degli indici di ricerca dal CMS…');
    const url = settings.meilisearch.url;
    if (await meilisearchReachable(url)) {
      await reindex(settings, options.report);
    } else if (settings.meilisearch.embedded) {
      const meilisearch = await startMeilisearch(settings);
      try {
        await reindex(settings, options.report);
      } finally {
        await meilisearch.stop();
      }
    } else {
      throw new Error(
        `dati ripristinati, ma Meilisearch non risponde su ${url}: ricostruisci gli indici con npm run search:reindex quando è raggiungibile`,
      );
    }
    return manifest;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
