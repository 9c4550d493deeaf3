import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { EnvMap } from '../stack/env-file.ts';
import { repoRoot } from '../stack/settings.ts';

export type RunningStart = {
  child: ChildProcess;
  output: () => string;
  /** Sends Ctrl-C (SIGINT) and resolves with the exit code. */
  interrupt: () => Promise<number | null>;
};

/**
 * Runs the README's start command (`npm start`'s script) as a user would, and resolves once it
 * prints that the platform is ready.
 */
export const runStartCommand = async (env: EnvMap, timeoutMs = 180_000): Promise<RunningStart> => {
  const child = spawn(process.execPath, [path.join(repoRoot, 'test', 'stack', 'start.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (): void => {
      if (!output.includes('Ctrl-C per fermare tutto')) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`start exited with code ${code} before it was ready:\n${output}`));
    });
  });

  return {
    child,
    output: () => output,
    interrupt: async () => {
      child.kill('SIGINT');
      return exited;
    },
  };
};
