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

type Use = { key: string; file: string; english: string };

const keysInUse = (): Use[] =>
  PACKAGES.flatMap(({ pkg, sources, prefix }) => {
    const base = path.join(strapiDir(pkg), sources);
    return walk(base)
      .filter((file) => !DEVELOPER_SCREENS.some((pattern) => pattern.test(file)))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(MESSAGE)].map((match) => ({
          key: `${match[1] ? prefix : ''}${match[3]}`,
          file: `${pkg}/${path.relative(base, file)}`,
          english: match[5] ?? '',
        })),
      );
  });

const strapiItalian = (): Record<string, string> =>
  Object.assign(
    {},
    ...PACKAGES.map(({ pkg, catalogue, prefix }) => {
      const file = path.join(strapiDir(pkg), catalogue);
      // i18n ships no Italian: our overrides are all it has.
      if (!existsSync(file)) return {};
      const messages = require(file) as { default?: Record<string, string> };
      const table = messages.default ?? (messages as Record<string, string>);
      return Object.fromEntries(
        Object.entries(table).map(([key, value]) => [key.startsWith(prefix) ? key : `${prefix}${key}`, value]),
      );
    }),
  );

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

  it('names the network and never Strapi in the texts that name a product', () => {
    const named = Object.entries(italian).filter(([, value]) => /strapi/i.test(value));
    const seen = keysInUse().map(({ key }) => key);
    expect(named.filter(([key]) => seen.includes(key)).map(([key, value]) => `${key}: ${value}`)).toEqual([]);
    expect(overrides['app.components.LeftMenu.navbrand.title']).toBe('Rete di prova');
  });
});
