import { spawn } from 'node:child_process';
import path from 'node:path';
import type { EnvMap } from '../stack/env-file.ts';
import { repoRoot } from '../stack/settings.ts';

export type ScriptRun = { code: number | null; output: string };

/**
 * Runs one of the launcher's commands (`npm run backup`, `restore`, `search:*`) as a person would,
 * with the settings of a throwaway system instead of `.env`.
 */
export const runScript = (script: string, env: EnvMap, ...args: string[]): Promise<ScriptRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'test', 'stack', script), ...args], {
      cwd: repoRoot,
      env: { ...env, ENV_FILE: '/dev/null' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
