import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/**
 * Tables that change by themselves or by signing in (sessions, logs of e-mails and index updates,
 * Strapi's own bookkeeping): everything else is the platform's content and must not move when
 * a request is refused.
 */
const VOLATILE = [/^admin_/, /^strapi_/, /^up_/, /^i18n_/, /^sqlite_/, /^email_messages/, /^search_sync_tasks/];

export type CmsState = { tables: Map<string, string>; files: Map<string, string> };

const hash = (value: string | Buffer): string => createHash('sha256').update(value).digest('hex');

const readTables = (databaseFile: string): Map<string, string> => {
  // The CMS may hold a write lock for a moment: SQLite waits for it.
  const db = new DatabaseSync(databaseFile, { readOnly: true, timeout: 10_000 });
  try {
    const names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => String(row.name))
      .filter((name) => !VOLATILE.some((pattern) => pattern.test(name)));
    return new Map(
      names.map((name) => [name, hash(JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()))]),
    );
  } finally {
    db.close();
  }
};

const readFiles = (uploadsDir: string): Map<string, string> => {
  if (!existsSync(uploadsDir)) return new Map();
  return new Map(
    readdirSync(uploadsDir)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => [name, hash(readFileSync(path.join(uploadsDir, name)))]),
  );
};

/** Every content table (one digest each) and every uploaded file (its bytes' digest) of a running CMS. */
export const cmsState = (databaseFile: string, uploadsDir: string): CmsState => ({
  tables: readTables(databaseFile),
  files: readFiles(uploadsDir),
});

/** What differs between two states: changed tables and added, removed or changed files. */
export const stateDifferences = (before: CmsState, after: CmsState): string[] => {
  const differences: string[] = [];
  for (const [name, digest] of after.tables) if (before.tables.get(name) !== digest) differences.push(`table ${name}`);
  for (const name of before.tables.keys()) if (!after.tables.has(name)) differences.push(`table ${name} gone`);
  for (const [name, digest] of after.files) {
    if (!before.files.has(name)) differences.push(`file ${name} added`);
    else if (before.files.get(name) !== digest) differences.push(`file ${name} changed`);
  }
  for (const name of before.files.keys()) if (!after.files.has(name)) differences.push(`file ${name} removed`);
  return differences;
};
