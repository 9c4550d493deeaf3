import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIfStale, isBuildCurrent, sourceFingerprint, type BuildTarget } from './builds.ts';

const fakeWorkspace = (): BuildTarget => {
  const workspaceDir = mkdtempSync(path.join(tmpdir(), 'build-'));
  mkdirSync(path.join(workspaceDir, 'src'));
  writeFileSync(path.join(workspaceDir, 'src', 'index.ts'), 'export const a = 1;\n');
  return {
    name: 'fake',
    workspaceDir,
    sources: ['src'],
    outputDir: path.join(workspaceDir, 'dist'),
    command: process.execPath,
    // A real build command that writes the output folder.
    args: ['-e', "require('node:fs').mkdirSync('dist', { recursive: true })"],
  };
};

describe('buildIfStale', () => {
  it('builds once, then only again when a source changes', async () => {
    const target = fakeWorkspace();
    expect(isBuildCurrent(target)).toBe(false);
    expect(await buildIfStale(target, process.env as Record<string, string>)).toBe(true);
    expect(isBuildCurrent(target)).toBe(true);
    expect(await buildIfStale(target, process.env as Record<string, string>)).toBe(false);

    const before = sourceFingerprint(target);
    writeFileSync(path.join(target.workspaceDir, 'src', 'index.ts'), 'export const a = 2;\n');
    expect(sourceFingerprint(target)).not.toBe(before);
    expect(isBuildCurrent(target)).toBe(false);
    expect(await buildIfStale(target, process.env as Record<string, string>)).toBe(true);
  });

  it('reports a failed build and keeps the output marked stale', async () => {
    const target = { ...fakeWorkspace(), args: ['-e', 'process.exit(3)'] };
    await expect(buildIfStale(target, process.env as Record<string, string>)).rejects.toThrow('exit code 3');
    expect(isBuildCurrent(target)).toBe(false);
  });
});
