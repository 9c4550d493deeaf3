import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Variables as a process receives them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A setting's value that cannot be used; the message is in Italian and English and names the setting. */
export class SettingsError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Impostazioni non valide / Invalid settings:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

type Range = { min?: number; max?: number };

/**
 * Reads settings from an environment: an unset or empty variable takes its default, a set one must
 * parse; every bad value is collected and `check()` reports them all at once.
 */
export type SettingsReader = {
  text: (name: string, fallback: string) => string;
  /** Empty means "not configured". */
  optional: (name: string) => string | null;
  int: (name: string, fallback: number, range?: Range) => number;
  number: (name: string, fallback: number, range?: Range) => number;
  bool: (name: string, fallback: boolean) => boolean;
  /** Comma-separated, blanks dropped. */
  list: (name: string, fallback: readonly string[]) => string[];
  oneOf: <T extends string>(name: string, values: readonly T[], fallback: T) => T;
  /** An http(s) address, without a trailing slash. */
  url: (name: string, fallback: string) => string;
  /** Throws a SettingsError naming every bad value read so far. */
  check: () => void;
};

const shown = (value: string): string => JSON.stringify(value);

export const settingsReader = (env: Environment): SettingsReader => {
  const problems: string[] = [];
  const raw = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const refuse = (name: string, value: string, italian: string, english: string): void => {
    problems.push(`${name}=${shown(value)}: ${italian} / ${english}`);
  };
  const numeric = (name: string, fallback: number, range: Range, integer: boolean): number => {
    const value = raw(name);
    if (value === null) return fallback;
    const parsed = Number(value);
    const { min = integer ? 0 : Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = range;
    if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed)) || parsed < min || parsed > max) {
      const bounds = Number.isFinite(max) ? `${min}–${max}` : `≥ ${min}`;
      refuse(
        name,
        value,
        `serve un numero${integer ? ' intero' : ''} ${bounds}`,
        `expected ${integer ? 'an integer' : 'a number'} ${bounds}`,
      );
      return fallback;
    }
    return parsed;
  };

  return {
    text: (name, fallback) => raw(name) ?? fallback,
    optional: (name) => raw(name),
    int: (name, fallback, range = {}) => numeric(name, fallback, range, true),
    number: (name, fallback, range = {}) => numeric(name, fallback, range, false),
    bool: (name, fallback) => {
      const value = raw(name);
      if (value === null) return fallback;
      if (/^(true|1|yes|sì|si)$/i.test(value)) return true;
      if (/^(false|0|no)$/i.test(value)) return false;
      refuse(name, value, 'serve true o false', 'expected true or false');
      return fallback;
    },
    list: (name, fallback) => {
      const value = raw(name);
      if (value === null) return [...fallback];
      return value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    },
    oneOf: (name, values, fallback) => {
      const value = raw(name);
      if (value === null) return fallback;
      const match = values.find((candidate) => candidate === value.toLowerCase() || candidate === value);
      if (match === undefined) {
        refuse(name, value, `scegliere tra ${values.join(', ')}`, `expected one of ${values.join(', ')}`);
        return fallback;
      }
      return match;
    },
    url: (name, fallback) => {
      const value = raw(name) ?? fallback;
      try {
        const parsed = new URL(value);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError('not http');
      } catch {
        refuse(name, value, 'serve un indirizzo http:// o https://', 'expected an http:// or https:// address');
        return fallback.replace(/\/+$/, '');
      }
      return value.replace(/\/+$/, '');
    },
    check: () => {
      if (problems.length > 0) throw new SettingsError(problems);
    },
  };
};

/** The repository's root: the nearest folder up from `start` whose package.json declares the workspaces. */
export const findRepoRoot = (start: string): string => {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && /"workspaces"\s*:/.test(readFileSync(manifest, 'utf8'))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(start);
  }
};

/** KEY=VALUE lines; comments and blank lines are ignored, surrounding quotes removed. */
export const parseEnvFile = (text: string): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, value = ''] = match;
    env[key!] = value.replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
};

/**
 * What a service started on its own reads: the repository's `.env` (or the file ENV_FILE names;
 * `ENV_FILE=none` for none), overridden by the process environment. Started by `npm start`, a
 * service gets every setting in its environment and `ENV_FILE=none`.
 */
export const serviceEnvironment = (repoRoot: string, processEnv: Environment = process.env): Environment => {
  const file = processEnv.ENV_FILE?.trim() || '.env';
  const envPath = path.resolve(repoRoot, file);
  const fromFile = file !== 'none' && existsSync(envPath) ? parseEnvFile(readFileSync(envPath, 'utf8')) : {};
  return { ...fromFile, ...processEnv };
};
