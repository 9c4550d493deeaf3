import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureEnvFile, parseEnv } from './env-file.ts';

const example = `# comment
PLAIN=value
# generated
SECRET=
# generated (four comma-separated keys)
APP_KEYS=
# generated
ADMIN_PASSWORD=
EMPTY=
QUOTED="with spaces"
`;

const writeExample = (): { dir: string; examplePath: string; envPath: string } => {
  const dir = mkdtempSync(path.join(tmpdir(), 'env-file-'));
  const examplePath = path.join(dir, '.env.example');
  writeFileSync(examplePath, example);
  return { dir, examplePath, envPath: path.join(dir, '.env') };
};

describe('parseEnv', () => {
  it('reads keys and values, ignoring comments and removing quotes', () => {
    expect(parseEnv(example)).toEqual({
      PLAIN: 'value',
      SECRET: '',
      APP_KEYS: '',
      ADMIN_PASSWORD: '',
      EMPTY: '',
      QUOTED: 'with spaces',
    });
  });
});

describe('ensureEnvFile', () => {
  it('fills only the values marked as generated, with fresh secrets, readable by the owner only', () => {
    const { examplePath, envPath } = writeExample();
    expect(ensureEnvFile(examplePath, envPath)).toBe(true);
    const env = parseEnv(readFileSync(envPath, 'utf8'));

    expect(env.PLAIN).toBe('value');
    expect(env.EMPTY).toBe('');
    expect(env.SECRET).toMatch(/^[\w-]{32}$/);
    expect(env.APP_KEYS?.split(',')).toHaveLength(4);
    expect(env.ADMIN_PASSWORD).toMatch(/[a-z]/);
    expect(env.ADMIN_PASSWORD).toMatch(/[A-Z]/);
    expect(env.ADMIN_PASSWORD).toMatch(/\d/);
    expect(statSync(envPath).mode & 0o777).toBe(0o600);
  });

  it('gives every machine its own secrets', () => {
    const first = writeExample();
    const second = writeExample();
    ensureEnvFile(first.examplePath, first.envPath);
    ensureEnvFile(second.examplePath, second.envPath);
    expect(parseEnv(readFileSync(first.envPath, 'utf8')).SECRET).not.toBe(
      parseEnv(readFileSync(second.envPath, 'utf8')).SECRET,
    );
  });

  it('never overwrites an existing .env', () => {
    const { examplePath, envPath } = writeExample();
    writeFileSync(envPath, 'SECRET=mine\n');
    expect(ensureEnvFile(examplePath, envPath)).toBe(false);
    expect(readFileSync(envPath, 'utf8')).toBe('SECRET=mine\n');
  });
});
