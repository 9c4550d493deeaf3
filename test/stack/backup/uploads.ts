import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from './database.ts';

export type FileEntry = { path: string; bytes: number; sha256: string };

export const sha256File = (file: string): Promise<{ sha256: string; bytes: number }> =>
  new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(file)
      .on('data', (chunk) => {
        bytes += chunk.length;
        hash.update(chunk);
      })
      .on('error', reject)
      .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });

const walk = (dir: string, prefix = ''): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((entry) =>
          entry.isDirectory()
            ? walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
            : entry.isFile()
              ? [`${prefix}${entry.name}`]
              : [],
        )
    : [];

/** Every file under `dir` (paths relative to it, with `/`), with its size and SHA-256. */
export const listFiles = async (dir: string): Promise<FileEntry[]> => {
  const entries: FileEntry[] = [];
  for (const relative of walk(dir)) entries.push({ path: relative, ...(await sha256File(path.join(dir, relative))) });
  return entries;
};

export const copyFiles = (from: string, to: string, files: readonly FileEntry[]): void => {
  for (const file of files) {
    const destination = path.join(to, file.path);
    mkdirSync(path.dirname(destination), { recursive: true });
    copyFileSync(path.join(from, file.path), destination);
  }
};

type FileRow = { hash: string; ext: string | null; formats: string | Record<string, unknown> | null };

const keysOf = (rows: FileRow[]): string[] => {
  const keys = new Set<string>();
  for (const row of rows) {
    keys.add(`${row.hash}${row.ext ?? ''}`);
    const formats = typeof row.formats === 'string' ? (JSON.parse(row.formats) as unknown) : row.formats;
    for (const format of Object.values((formats ?? {}) as Record<string, { hash?: string; ext?: string }>)) {
      if (format?.hash) keys.add(`${format.hash}${format.ext ?? ''}`);
    }
  }
  return [...keys].sort();
};

/**
 * With S3, the uploads stay in the bucket: the backup lists the object keys the media library
 * refers to (from Strapi's `files` table, in the database copy just taken), so a copy of the
 * bucket can be checked against it.
 */
export const s3ObjectKeys = async (target: DatabaseTarget, databaseCopy: string): Promise<string[]> => {
  if (target.client === 'sqlite') {
    const db = new Database(databaseCopy, { readonly: true, fileMustExist: true });
    try {
      return keysOf(db.prepare('SELECT hash, ext, formats FROM files').all() as FileRow[]);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client(target.connection);
  await client.connect();
  try {
    const { rows } = await client.query<FileRow>(
      `SELECT hash, ext, formats FROM "${target.schema.replace(/"/g, '""')}".files`,
    );
    return keysOf(rows);
  } finally {
    await client.end();
  }
};
