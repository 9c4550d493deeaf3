import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCmsSettings } from '@coop/vocabulary/cms-settings';
import { resolvePortalSettings } from '../../portal/src/lib/settings.ts';
import { parseEnv } from './env-file.ts';
import { repoRoot } from './settings.ts';

/** Where the services and the launcher read their settings (tests and builds excluded). */
const SOURCES = [
  'cms/config',
  'cms/src',
  'cms/scripts',
  'cms/vocabulary/src',
  'portal/src',
  'portal/server.ts',
  'portal/astro.config.ts',
  'search/src',
  'report-templates/src',
  'test/stack',
];

/** Read from the environment, but no setting of the platform: the system's, or how the settings are found. */
const NOT_SETTINGS = new Set(['PATH', 'HOME', 'TMPDIR', 'NODE_ENV', 'ENV_FILE', 'ASTRO_NODE_AUTOSTART']);

const READS = [
  /process\.env\.([A-Z][A-Z0-9_]+)/g,
  /process\.env\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
  // The settings tables: read.int('CMS_PORT', …) and the like.
  /\bread\.(?:text|optional|int|number|bool|list|oneOf|url)\(\s*['"]([A-Z][A-Z0-9_]+)['"]/g,
  // The launcher's and the backup tool's reads of the settings they were given.
  /\b(?:settings\.env|env)\.([A-Z][A-Z0-9_]+)\b/g,
  // Strapi's config helper, should a config file read the environment itself: env('NAME', …), env.int('NAME', …).
  /\benv(?:\.\w+)?\(\s*['"]([A-Z][A-Z0-9_]+)['"]/g,
];

const sourceFiles = (entry: string): string[] => {
  const full = path.join(repoRoot, entry);
  if (/\.(ts|tsx|astro|mjs)$/.test(entry)) return [full];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((file) => file.isFile() && /\.(ts|tsx|astro|mjs)$/.test(file.name) && !/\.test\.ts$/.test(file.name))
    .map((file) => path.join(file.parentPath, file.name))
    .filter((file) => !file.includes(`${path.sep}admin${path.sep}`) || !file.includes(`cms${path.sep}src`));
};

const readSettings = (): Map<string, string> => {
  const found = new Map<string, string>();
  for (const file of SOURCES.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of READS) {
      for (const [, name] of text.matchAll(pattern)) {
        if (name && !NOT_SETTINGS.has(name) && !found.has(name)) found.set(name, path.relative(repoRoot, file));
      }
    }
  }
  return found;
};

const example = readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
const listed = parseEnv(example);

describe('.env.example', () => {
  it('lists every variable a service or the launcher reads', () => {
    const missing = [...readSettings()]
      .filter(([name]) => !(name in listed))
      .map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('lists only variables something reads', () => {
    const read = readSettings();
    expect(Object.keys(listed).filter((name) => !read.has(name))).toEqual([]);
  });

  it("states each service's own default for what it leaves set", () => {
    // Values that are examples to replace, not defaults.
    const examples = new Set([
      'ADMIN_EMAIL',
      'PRIVACY_CONTROLLER_NAME',
      'PRIVACY_CONTROLLER_ADDRESS',
      'PRIVACY_CONTROLLER_EMAIL',
    ]);
    const defaults = { cms: resolveCmsSettings({}, repoRoot), portal: resolvePortalSettings({}) };
    const differing = Object.entries(listed)
      .filter(([name, value]) => value !== '' && !examples.has(name))
      .filter(([name, value]) => {
        const env = { [name]: value };
        return (
          JSON.stringify(resolveCmsSettings(env, repoRoot)) !== JSON.stringify(defaults.cms) ||
          JSON.stringify(resolvePortalSettings(env)) !== JSON.stringify(defaults.portal)
        );
      })
      .map(([name]) => name);
    expect(differing).toEqual([]);
  });
});
