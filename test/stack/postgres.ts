import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EnvMap } from './env-file.ts';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export type ThrowawayPostgres = {
  /** DATABASE_* settings that point the CMS at this cluster's empty database. */
  env: EnvMap;
  /** Runs SQL with psql on the cluster's `coop` database, or on another one of the cluster. */
  query: (sql: string, database?: string) => Promise<string>;
  stop: () => Promise<void>;
};

const binDir = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

// runuser lives in sbin, which a non-login shell's PATH may lack.
const runuser = ['/usr/sbin/runuser', '/sbin/runuser'].find((candidate) => existsSync(candidate)) ?? 'runuser';

/** PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` system user. */
const asPostgres = async (command: string, args: string[]): Promise<string> => {
  const binary = path.join(binDir, command);
  const { stdout } = isRoot ? await run(runuser, ['-u', 'postgres', '--', binary, ...args]) : await run(binary, args);
  return stdout;
};

/** A PostgreSQL 15 cluster on a free loopback port in a temporary folder, for one test file. */
export const startThrowawayPostgres = async (): Promise<ThrowawayPostgres> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'coop-pg-'));
  if (isRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout);
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout);
    chownSync(dir, uid, gid);
  }
  const dataDir = path.join(dir, 'data');
  const port = await freePort();

  await asPostgres('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  await asPostgres('pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
    'start',
  ]);

  const query = (sql: string, database = 'coop'): Promise<string> =>
    asPostgres('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-tAc', sql]);
  await asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'coop']);

  return {
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(port),
      DATABASE_NAME: 'coop',
      DATABASE_USERNAME: 'postgres',
      DATABASE_PASSWORD: '',
    },
    query,
    stop: async () => {
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
