import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Core } from '@strapi/strapi';
import { cmsRole, isPostgres } from './role';

type PgConnection = { query: (sql: string, values?: unknown[]) => Promise<unknown> };
type KnexClient = {
  acquireConnection: () => Promise<PgConnection>;
  releaseConnection: (connection: PgConnection) => Promise<void>;
};

/** Any number fixed for the platform: instances agree on it to take turns at start. */
const STARTUP_LOCK_KEY = 720_417_001;

/**
 * Runs the start-up work (roles, seed, tables) one instance at a time: instances started together
 * on one PostgreSQL would otherwise create the same super admin or seed the demo data twice. The
 * lock is PostgreSQL's and belongs to a connection, so an instance that dies releases it.
 */
export const withStartupLock = async <T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> => {
  if (!isPostgres(strapi)) return work();
  const client = strapi.db.connection.client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    await connection.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await client.releaseConnection(connection);
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

type LockOwner = { pid: number; host: string };

const readOwner = (file: string): LockOwner | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
};

/**
 * SQLite is for one CMS process: its outboxes are claimed without row locks and its file is not
 * shared between machines. A second server process on the same file stops at once and says so;
 * the lock file of a process that died is taken over.
 */
export const claimSingleInstance = (strapi: Core.Strapi): (() => void) => {
  if (isPostgres(strapi)) return () => undefined;
  const role = cmsRole(strapi);
  if (role !== 'all') {
    throw new Error(
      `CMS_ROLE=${role} richiede PostgreSQL: con SQLite il CMS è una sola istanza che fa tutto (CMS_ROLE=all).`,
    );
  }
  const filename = String(
    (strapi.db.connection.client as unknown as { connectionSettings: { filename: string } }).connectionSettings
      .filename,
  );
  const file = `${filename}.instance`;
  const me: LockOwner = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        if (readOwner(file)?.pid === me.pid) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner && owner.host === me.host && owner.pid !== me.pid && isAlive(owner.pid)) {
        throw new Error(
          `Un altro CMS (processo ${owner.pid}) usa già ${filename}: SQLite regge una sola istanza. ` +
            'Per più istanze del CMS usa PostgreSQL (DATABASE_CLIENT=postgres).',
          { cause: error },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Impossibile prendere ${file}`);
};
