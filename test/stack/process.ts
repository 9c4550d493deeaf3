import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EnvMap } from './env-file.ts';

export type Service = {
  name: string;
  url: string;
  logFile: string;
  /** Resolves when the process ends, for whatever reason: its exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals | null>;
  stop: () => Promise<void>;
  /** Sends a signal to the service's process group (SIGKILL to crash it, SIGSTOP/SIGCONT to freeze it). */
  signal: (signal: NodeJS.Signals) => void;
};

export class ServiceFailedError extends Error {
  constructor(service: string, reason: string, logFile: string) {
    const tail = readLogTail(logFile);
    super(`${service}: ${reason}\n--- ${logFile} (last lines) ---\n${tail}`);
    this.name = 'ServiceFailedError';
  }
}

const readLogTail = (logFile: string, lines = 40): string => {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Sends `signal` to the child's whole process group (children are started detached for this). */
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
};

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Last resort when the launcher itself exits without stopping its services. */
const installExitHook = (): void => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) signalGroup(child, 'SIGKILL');
  });
};

const adoptProcess = (
  name: string,
  url: string,
  child: ChildProcess,
  logFile: string,
  stopTimeoutMs = 15_000,
): Service => {
  installExitHook();
  running.add(child);
  mkdirSync(path.dirname(logFile), { recursive: true, mode: 0o700 });
  const log = createWriteStream(logFile, { flags: 'a', mode: 0o600 });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    });
  });
  exited.finally(() => log.end()).catch(() => undefined);

  const stop = async (): Promise<void> => {
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  };

  return { name, url, logFile, exited, stop, signal: (signal) => signalGroup(child, signal) };
};

export type SpawnServiceOptions = {
  name: string;
  url: string;
  command: string;
  args: string[];
  cwd: string;
  env: EnvMap;
  logFile: string;
};

export const spawnService = (options: SpawnServiceOptions): Service => {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return adoptProcess(options.name, options.url, child, options.logFile);
};

export type ReadinessCheck = {
  url: string;
  /** Extra request headers, e.g. an authorisation for a protected health route. */
  headers?: Record<string, string>;
  isReady?: (status: number) => boolean;
  timeoutMs?: number;
};

/**
 * Polls `check.url` until it answers as ready. Fails early, with the service's log, if the
 * process exits first or the timeout passes.
 */
export const waitUntilReady = async (service: Service, check: ReadinessCheck): Promise<void> => {
  const isReady = check.isReady ?? ((status) => status >= 200 && status < 300);
  const deadline = Date.now() + (check.timeoutMs ?? 120_000);
  let exitCode: number | NodeJS.Signals | null | undefined;
  void service.exited.then((code) => {
    exitCode = code;
  });

  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new ServiceFailedError(service.name, `exited (${exitCode}) before it was ready`, service.logFile);
    }
    try {
      const response = await fetch(check.url, {
        headers: check.headers ?? {},
        signal: AbortSignal.timeout(2_000),
      });
      await response.body?.cancel();
      if (isReady(response.status)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new ServiceFailedError(
    service.name,
    `not ready at ${check.url} within ${check.timeoutMs ?? 120_000} ms`,
    service.logFile,
  );
};

/** Waits for readiness; a service that never gets ready is stopped before the error is rethrown. */
export const readyOrStopped = async (service: Service, check: ReadinessCheck): Promise<Service> => {
  try {
    await waitUntilReady(service, check);
    return service;
  } catch (error) {
    await service.stop();
    throw error;
  }
};
