import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { italianOverrides } from '../admin/translations/index';

const require = createRequire(import.meta.url);
const strapiDir = (pkg: string): string => path.dirname(require.resolve(`@strapi/${pkg}/package.json`));

/**
 * The admin's packages a role's screens come from, where their compiled sources are, and the
 * prefix their translation keys carry (`getTrad('x')` is `<plugin>.x`).
 */
const PACKAGES = [
  {
    pkg: 'admin',
    sources: 'dist/admin/admin/src',
    catalogue: 'dist/admin/admin/src/translations/it.json.js',
    prefix: '',
  },
  {
    pkg: 'content-manager',
    sources: 'dist/admin',
    catalogue: 'dist/admin/translations/it.json.js',
    prefix: 'content-manager.',
  },
  { pkg: 'upload', sources: 'dist/admin', catalogue: 'dist/admin/translations/it.json.js', prefix: 'upload.' },
  { pkg: 'i18n', sources: 'dist/admin', catalogue: 'dist/admin/translations/it.json.js', prefix: 'i18n.' },
] as const;

/**
 * Screens only the super admin reaches (schema editing, tokens, webhooks, SSO, marketplace, the
 * first-admin onboarding): developer tools, not anyone's work on the platform.
 */
const DEVELOPER_SCREENS = [
  /\/pages\/Settings\/pages\/(ApiTokens|TransferTokens|AdminTokens|Webhooks|Marketplace|InstalledPlugins|Plugins)\//,
  /\/pages\/Marketplace\//,
  /\/pages\/InstalledPlugins\//,
  /\/components\/GuidedTour\//,
  /\/ee\//,
  /\/future\//,
  /\/preview\//,
  /\/components\/AI/,
];

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'translations' ? [] : walk(file);
    return file.endsWith('.mjs') ? [file] : [];
  });

const MESSAGE =
  /id:\s*(getTrad\(|getTranslation\()?(['"`])([^'"`$]+)\2\)?,\s*defaultMessage:\s*(['"`])((?:(?!\4)[^\\]|\\.)*)\4/g;

type Use = { key: string; file: string; english: string; values: string[] };

/** The names of the values a `formatMessage({…}, { name: …, other })` call passes, if any. */
const valuesAfter = (source: string, from: number): string[] => {
  const rest = source.slice(from, from + 600);
  const call = /^\s*\}\s*,\s*\{/.exec(rest);
  if (!call) return [];
  const body = rest.slice(call[0].length).split(/\}\s*\)/)[0] ?? '';
  return [...body.matchAll(/(?:^|[,{\n])\s*(\w+)\s*(?=[:,}\n]|$)/g)].map((match) => match[1]!);
};

const keysInUse = (): Use[] =>
  PACKAGES.flatMap(({ pkg, sources, prefix }) => {
    const base = path.join(strapiDir(pkg), sources);
    return walk(base)
      .filter((file) => !DEVELOPER_SCREENS.some((pattern) => pattern.test(file)))
      .flatMap((file) => {
        const source = readFileSync(file, 'utf8');
        return [...source.matchAll(MESSAGE)].map((match) => ({
          key: `${match[1] ? prefix : ''}${match[3]}`,
          file: `${pkg}/${path.relative(base, file)}`,
          english: match[5] ?? '',
          values: valuesAfter(source, match.index + match[0].length),
        }));
      });
  });

const strapiItalian = (): Record<string, string> =>
  Object.fromEntries(
    PACKAGES.flatMap(({ pkg, catalogue, prefix }) => {
      const file = path.join(strapiDir(pkg), catalogue);
      // i18n ships no Italian: our overrides are all it has.
      if (!existsSync(file)) return [];
      const messages = require(file) as { default?: Record<string, string> };
      const table = messages.default ?? (messages as Record<string, string>);
      return Object.entries(table).map(([key, value]) => [key.startsWith(prefix) ? key : `${prefix}${key}`, value]);
    }),
  );

/** The argument names of an ICU message: `{name}`, `{count, plural, one {… {other}} …}`. */
const icuArguments = (message: string): string[] => {
  const names: string[] = [];
  let at = 0;
  const readUntil = (stops: string): string => {
    const start = at;
    while (at < message.length && !stops.includes(message[at]!)) at += 1;
    return message.slice(start, at).trim();
  };
  const parseMessage = (nested: boolean): void => {
    while (at < message.length) {
      const char = message[at]!;
      if (char === '{') {
        at += 1;
        parseArgument();
      } else if (char === '}' && nested) {
        at += 1;
        return;
      } else at += 1;
    }
  };
  const parseArgument = (): void => {
    names.push(readUntil(',}'));
    if (message[at++] === '}') return;
    const type = readUntil(',}');
    if (message[at++] === '}') return;
    if (!['plural', 'select', 'selectordinal'].includes(type)) {
      readUntil('}');
      at += 1;
      return;
    }
    while (at < message.length) {
      readUntil('{}');
      if (message[at] === '}') {
        at += 1;
        return;
      }
      at += 1;
      parseMessage(true);
    }
  };
  parseMessage(false);
  return names;
};

describe('the admin in Italian', () => {
  const overrides = italianOverrides('Rete di prova');
  const italian = { ...strapiItalian(), ...overrides };

  it('has an Italian text for every Strapi message a role can be shown', () => {
    const uses = keysInUse();
    expect(uses.length).toBeGreaterThan(800);
    const missing = uses
      .filter(({ key, english }) => english.trim() !== '' && !(italian[key] ?? '').trim())
      .map(({ key, file, english }) => `${key} (${file}): ${english}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('names in Italian only the placeholders the English names (a wrong one shows the English text)', () => {
    const argumentsOf = icuArguments;
    const wrong = keysInUse()
      .filter(({ key }) => italian[key])
      .flatMap(({ key, english, values }) => {
        const known = new Set([...argumentsOf(english.replace(/\\'/g, "'")), ...values]);
        const unknown = argumentsOf(italian[key]!).filter((name) => !known.has(name));
        return unknown.length > 0 ? [`${key}: {${unknown.join('}, {')}} in «${italian[key]}»`] : [];
      });
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('names the network and never Strapi in the texts that name a product', () => {
    const named = Object.entries(italian).filter(([, value]) => /strapi/i.test(value));
    const seen = keysInUse().map(({ key }) => key);
    expect(named.filter(([key]) => seen.includes(key)).map(([key, value]) => `${key}: ${value}`)).toEqual([]);
    expect(overrides['app.components.LeftMenu.navbrand.title']).toBe('Rete di prova');
  });
});
