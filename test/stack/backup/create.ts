import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { StackSettings } from '../settings.ts';
import { repoRoot } from '../settings.ts';
import { databaseTarget, dumpDatabase, fileSize } from './database.ts';
import { DATABASE_DIR, MANIFEST_FILE, MANIFEST_FORMAT, UPLOADS_DIR, recordsOf, type Manifest } from './manifest.ts';
import { copyFiles, listFiles, s3ObjectKeys, sha256File } from './uploads.ts';

const run = promisify(execFile);

/** Secrets that a restored system needs and a backup never holds. */
export const SECRETS = [
  'ENCRYPTION_KEY (le chiavi API salvate nel database sono cifrate con questa)',
  'ADMIN_JWT_SECRET, JWT_SECRET, APP_KEYS, API_TOKEN_SALT, TRANSFER_TOKEN_SALT (altrimenti le sessioni e i token esistenti decadono)',
  'MEILI_MASTER_KEY, PORTAL_PROXY_SECRET, DATABASE_PASSWORD, SMTP_PASSWORD, S3_SECRET_ACCESS_KEY',
];

export const backupDir = (settings: StackSettings): string =>
  path.resolve(repoRoot, settings.env.BACKUP_DIR || '.backups');

const stamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');

const platformVersion = (): string =>
  (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Writes one archive into BACKUP_DIR: the database (copied while the CMS runs), the uploads (the
 * local folder, or with S3 the list of object keys) and a manifest with counts and checksums.
 * `.env` and every other secret stay out. Returns the archive's path and its manifest.
 */
export const createBackup = async (settings: StackSettings): Promise<{ archive: string; manifest: Manifest }> => {
  const createdAt = new Date();
  const dir = backupDir(settings);
  // Two backups within the same second keep both: the later one takes a suffix.
  const base = `coop-backup-${stamp(createdAt)}`;
  let name = base;
  for (let copy = 2; existsSync(path.join(dir, `${name}.tar.gz`)); copy += 1) name = `${base}-${copy}`;
  const staging = path.join(dir, `.${name}.partial`);
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  try {
    const target = databaseTarget(settings.env);
    const databaseFile = path.join(DATABASE_DIR, target.client === 'sqlite' ? 'cms.db' : 'cms.pgdump');
    const tables = await dumpDatabase(target, path.join(staging, databaseFile));
    const database = {
      client: target.client,
      file: databaseFile,
      bytes: fileSize(path.join(staging, databaseFile)),
      sha256: (await sha256File(path.join(staging, databaseFile))).sha256,
      tables,
      records: recordsOf(tables),
    };

    let uploads: Manifest['uploads'];
    if ((settings.env.UPLOAD_PROVIDER || 'local') === 'aws-s3') {
      const bucket = settings.env.S3_BUCKET ?? '';
      const endpoint = settings.env.S3_ENDPOINT || null;
      uploads = {
        provider: 'aws-s3',
        bucket,
        endpoint,
        objectKeys: await s3ObjectKeys(target, path.join(staging, databaseFile)),
        howToCopy:
          `Copiare il bucket con uno strumento S3, per esempio: aws s3 sync s3://${bucket} ./copia-bucket` +
          (endpoint ? ` --endpoint-url ${endpoint}` : '') +
          '; oppure rclone sync. Confrontare la copia con objectKeys; al ripristino, ricopiarla nel bucket configurato.',
      };
    } else {
      const from = path.join(settings.cms.publicDir, 'uploads');
      const files = await listFiles(from);
      copyFiles(from, path.join(staging, UPLOADS_DIR), files);
      uploads = {
        provider: 'local',
        files,
        count: files.length,
        bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      };
    }

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt: createdAt.toISOString(),
      platformVersion: platformVersion(),
      database,
      uploads,
      notIncluded: SECRETS,
    };
    writeFileSync(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const archive = path.join(dir, `${name}.tar.gz`);
    const partial = `${archive}.partial`;
    await run('tar', ['-czf', partial, '-C', staging, '.']);
    chmodSync(partial, 0o600);
    // Only a complete archive gets its final name: a backup cut short leaves no archive that looks whole.
    renameSync(partial, archive);
    return { archive, manifest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};
