import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnvFile } from '@coop/vocabulary/settings-reader';

export type EnvMap = Record<string, string>;

const GENERATED_MARK = /^#\s*generated\b/;

const secret = (bytes = 24): string => randomBytes(bytes).toString('base64url');

const generators: Record<string, () => string> = {
  APP_KEYS: () => [1, 2, 3, 4].map(() => secret(16)).join(','),
  // Strapi's admin password policy wants a lower-case letter, an upper-case letter and a digit.
  ADMIN_PASSWORD: () => `${randomBytes(9).toString('hex')}Aa1`,
  DEMO_PASSWORD: () => `${randomBytes(9).toString('hex')}Aa1`,
};

/** Parses KEY=VALUE lines as the services do: comments and blank lines are ignored, surrounding quotes removed. */
export const parseEnv = (text: string): EnvMap => parseEnvFile(text);

/**
 * Writes `.env` from `.env.example` when it does not exist yet, filling every empty value
 * that the example marks "# generated" with a fresh random secret. Returns whether it wrote one.
 */
export const ensureEnvFile = (examplePath: string, envPath: string): boolean => {
  if (existsSync(envPath)) return false;
  const lines = readFileSync(examplePath, 'utf8').split('\n');
  let generateNext = false;
  const filled = lines.map((line) => {
    if (GENERATED_MARK.test(line)) {
      generateNext = true;
      return line;
    }
    const match = /^([A-Z0-9_]+)=$/.exec(line);
    const wanted = generateNext && match;
    generateNext = false;
    if (!wanted) return line;
    const key = match[1];
    return `${key}=${(generators[key!] ?? (() => secret()))()}`;
  });
  writeFileSync(envPath, filled.join('\n'), { mode: 0o600 });
  return true;
};

export const processEnv = (): EnvMap =>
  Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));

/** Settings from the `.env` file, overridden by the process environment. */
export const loadEnv = (envPath: string): EnvMap => {
  const fromFile = existsSync(envPath) ? parseEnv(readFileSync(envPath, 'utf8')) : {};
  return { ...fromFile, ...processEnv() };
};
