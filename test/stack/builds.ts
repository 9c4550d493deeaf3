import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EnvMap } from './env-file.ts';
import { repoRoot } from './settings.ts';

export type BuildTarget = {
  name: string;
  workspaceDir: string;
  /** Files and folders, relative to the workspace, whose content decides the build. */
  sources: string[];
  /** The build's output folder, where the fingerprint of its sources is kept. */
  outputDir: string;
  command: string;
  args: string[];
};

const workspaceBin = (workspaceDir: string, bin: string): string => {
  const local = path.join(workspaceDir, 'node_modules', '.bin', bin);
  return existsSync(local) ? local : path.join(repoRoot, 'node_modules', '.bin', bin);
};

export const cmsBuild: BuildTarget = {
  name: 'cms',
  workspaceDir: path.join(repoRoot, 'cms'),
  sources: ['src', 'config', 'scripts', 'package.json', 'tsconfig.json'],
  outputDir: path.join(repoRoot, 'cms', 'dist'),
  command: workspaceBin(path.join(repoRoot, 'cms'), 'strapi'),
  args: ['build', '--silent'],
};

export const portalBuild: BuildTarget = {
  name: 'portal',
  workspaceDir: path.join(repoRoot, 'portal'),
  // The pure modules it bundles from other workspaces count too.
  sources: [
    'src',
    'public',
    'astro.config.ts',
    'package.json',
    'tsconfig.json',
    path.join('..', 'cms', 'vocabulary', 'src'),
    path.join('..', 'search', 'src'),
  ],
  outputDir: path.join(repoRoot, 'portal', 'dist'),
  command: workspaceBin(path.join(repoRoot, 'portal'), 'astro'),
  args: ['build', '--silent'],
};

const listFiles = (entry: string): string[] => {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry, { withFileTypes: true })
    .filter((child) => child.name !== 'node_modules')
    .flatMap((child) => listFiles(path.join(entry, child.name)));
};

export const sourceFingerprint = (target: BuildTarget): string => {
  const hash = createHash('sha256');
  const files = target.sources.flatMap((source) => listFiles(path.join(target.workspaceDir, source))).sort();
  for (const file of files) {
    hash.update(path.relative(target.workspaceDir, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
};

const fingerprintFile = (target: BuildTarget): string => path.join(target.outputDir, '.source-fingerprint');

export const isBuildCurrent = (target: BuildTarget): boolean =>
  existsSync(fingerprintFile(target)) && readFileSync(fingerprintFile(target), 'utf8') === sourceFingerprint(target);

/**
 * Builds the workspace unless its output already matches its sources. Returns whether it built.
 * The build's output is kept for the error message, where it matters.
 */
export const buildIfStale = async (target: BuildTarget, env: EnvMap): Promise<boolean> => {
  if (isBuildCurrent(target)) return false;
  return withBuildLock(target, async () => (isBuildCurrent(target) ? false : build(target, env)));
};

const lockDir = (target: BuildTarget): string => path.join(target.workspaceDir, `.build-lock`);

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One build of a workspace at a time, across processes (`npm start` beside a test run). */
const withBuildLock = async <T>(target: BuildTarget, work: () => Promise<T>): Promise<T> => {
  const lock = lockDir(target);
  const ownerFile = path.join(lock, 'pid');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(ownerFile, String(process.pid));
      break;
    } catch {
      const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : null;
      const abandoned =
        owner === null
          ? Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10_000
          : !isAlive(owner);
      if (abandoned) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
};

const build = async (target: BuildTarget, env: EnvMap): Promise<boolean> => {
  const fingerprint = sourceFingerprint(target);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(target.command, target.args, {
      cwd: target.workspaceDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Build of ${target.name} failed with exit code ${code}:\n${output.slice(-4000)}`)),
    );
  });
  writeFileSync(fingerprintFile(target), fingerprint);
  return true;
};
