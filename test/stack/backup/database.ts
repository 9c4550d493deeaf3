import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { resolveCmsSettings } from '@coop/vocabulary/cms-settings';
import type { EnvMap } from '../env-file.ts';
import { repoRoot } from '../settings.ts';

const run = promisify(execFile);

export type SqliteTarget = { client: 'sqlite'; file: string };
export type PostgresTarget = {
  client: 'postgres';
  /** libpq settings (PGHOST, PGPORT, …) handed to pg_dump and pg_restore through their environment. */
  libpq: EnvMap;
  connection: pg.ClientConfig;
  schema: string;
  binDir: string;
};
export type DatabaseTarget = SqliteTarget | PostgresTarget;

/** Rows per table: what a restore must find again. */
export type TableCounts = Record<string, number>;

/** The database the settings point the CMS at, as the CMS's own settings table resolves it. */
export const databaseTarget = (env: EnvMap): DatabaseTarget => {
  const { database } = resolveCmsSettings(env, repoRoot);
  if (database.client !== 'postgres') return { client: 'sqlite', file: database.filename };
  const fromUrl = database.url ? new URL(database.url) : null;
  const host = fromUrl?.hostname || database.host;
  const port = fromUrl?.port || String(database.port);
  const name = fromUrl ? decodeURIComponent(fromUrl.pathname.replace(/^\//, '')) : database.name;
  const user = fromUrl ? decodeURIComponent(fromUrl.username) : database.username;
  const password = fromUrl ? decodeURIComponent(fromUrl.password) : database.password;
  return {
    client: 'postgres',
    libpq: {
      PGHOST: host,
      PGPORT: port,
      PGDATABASE: name,
      PGUSER: user,
      ...(password ? { PGPASSWORD: password } : {}),
      PGSSLMODE: database.ssl ? 'verify-full' : 'disable',
    },
    connection: {
      host,
      port: Number(port),
      database: name,
      user,
      password,
      ssl: database.ssl ? { rejectUnauthorized: true } : false,
    },
    schema: database.schema,
    binDir: env.POSTGRES_BIN_DIR || '/usr/lib/postgresql/15/bin',
  };
};

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const sqliteCounts = (file: string): TableCounts => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT COUNT(*) AS n FROM ${quoted(name)}`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
};

const postgresCounts = async (client: pg.Client, schema: string): Promise<TableCounts> => {
  const { rows } = await client.query<{ tablename: string }>(
    'SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename',
    [schema],
  );
  const counts: TableCounts = {};
  for (const { tablename } of rows) {
    const result = await client.query<{ n: string }>(
      `SELECT COUNT(*) AS n FROM ${quoted(schema)}.${quoted(tablename)}`,
    );
    counts[tablename] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
};

const withPostgres = async <T>(target: PostgresTarget, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client(target.connection);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

/**
 * Copies the database into `file` while the CMS keeps running, and counts its rows in that same
 * copy: SQLite's online backup, or `pg_dump` of the snapshot the counts were read in.
 */
export const dumpDatabase = async (target: DatabaseTarget, file: string): Promise<TableCounts> => {
  mkdirSync(path.dirname(file), { recursive: true });
  if (target.client === 'sqlite') {
    if (!existsSync(target.file)) throw new Error(`Database SQLite non trovato: ${target.file}`);
    const source = new Database(target.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return sqliteCounts(file);
  }
  return withPostgres(target, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
      const counts = await postgresCounts(client, target.schema);
      await run(
        path.join(target.binDir, 'pg_dump'),
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--schema=${target.schema}`,
          `--snapshot=${rows[0]?.snapshot}`,
          `--file=${file}`,
        ],
        { env: { ...process.env, ...target.libpq }, maxBuffer: 16 * 1024 * 1024 },
      );
      return counts;
    } finally {
      await client.query('COMMIT');
    }
  });
};

/** Rows per table of the database as it is now. */
export const countRows = async (target: DatabaseTarget): Promise<TableCounts> =>
  target.client === 'sqlite'
    ? existsSync(target.file)
      ? sqliteCounts(target.file)
      : {}
    : withPostgres(target, (client) => postgresCounts(client, target.schema));

/** True when the database holds no table at all (a new SQLite file or an empty schema). */
export const isEmptyDatabase = async (target: DatabaseTarget): Promise<boolean> =>
  Object.keys(await countRows(target)).length === 0;

/** Where the settings' database lives, as people would recognise it. */
export const describeTarget = (target: DatabaseTarget): string =>
  target.client === 'sqlite'
    ? `SQLite ${target.file}`
    : `PostgreSQL ${target.libpq.PGUSER}@${target.libpq.PGHOST}:${target.libpq.PGPORT}/${target.libpq.PGDATABASE} (schema ${target.schema})`;

/** Puts the copy in place of the database; with `replace`, whatever the database held first goes. */
export const restoreDatabase = async (target: DatabaseTarget, file: string, replace: boolean): Promise<void> => {
  if (target.client === 'sqlite') {
    mkdirSync(path.dirname(target.file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${target.file}${suffix}`, { force: true });
    copyFileSync(file, target.file);
    chmodSync(target.file, 0o600);
    return;
  }
  const schemaExists = await withPostgres(target, async (client) => {
    if (replace) await client.query(`DROP SCHEMA IF EXISTS ${quoted(target.schema)} CASCADE`);
    const { rows } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [target.schema]);
    return rows.length > 0;
  });
  const options = { env: { ...process.env, ...target.libpq }, maxBuffer: 64 * 1024 * 1024 };
  const pgRestore = path.join(target.binDir, 'pg_restore');
  // The dump creates its schema; one that exists already (`public` always does) is used as it is.
  const ownSchema = new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA|COMMENT) - (SCHEMA )?${target.schema} `);
  const { stdout: contents } = await run(pgRestore, ['--list', file], options);
  const list = `${file}.list`;
  writeFileSync(
    list,
    contents
      .split('\n')
      .filter((line) => !(schemaExists && ownSchema.test(line)))
      .join('\n'),
  );
  await run(
    pgRestore,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--use-list=${list}`,
      `--dbname=${target.libpq.PGDATABASE}`,
      file,
    ],
    options,
  );
};

export const fileSize = (file: string): number => statSync(file).size;
