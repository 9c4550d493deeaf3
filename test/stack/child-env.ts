import type { EnvMap } from './env-file.ts';
import type { StackSettings } from './settings.ts';

/**
 * What each child process may see of the settings: only what it needs (the portal and the search
 * engine get no Strapi, database, storage or admin secret; MailDev gets no secret at all). The CMS
 * is the one process that needs the platform's secrets, and gets the whole settings.
 */

/** Enough of the launcher's environment for a program to run: where programs and home are, locale, time zone. */
const SYSTEM = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR'];

/** The portal's settings (portal/src/lib/config.ts and astro.config.ts). */
const PORTAL = [
  'NODE_ENV',
  'ASTRO_TELEMETRY_DISABLED',
  'CMS_URL',
  'CMS_PUBLIC_URL',
  'PORTAL_PUBLIC_URL',
  'MEILI_HOST',
  'MEILI_SEARCH_KEY',
  'PORTAL_PROXY_SECRET',
  'MAP_TILE_URL',
  'MAP_TILE_ATTRIBUTION',
  'PORTAL_CACHE_TTL_SECONDS',
  'PORTAL_CACHE_MAX_MB',
  'TRUSTED_PROXIES',
  'PORTAL_SEARCH_RATE_LIMIT_MAX',
  'PORTAL_SEARCH_RATE_LIMIT_SECONDS',
];

const pick = (env: EnvMap, names: string[]): EnvMap =>
  Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]!]])));

export const cmsEnv = (settings: StackSettings): EnvMap => settings.env;

/** The portal at run time and at build time (the build bakes in its public address). */
export const portalEnv = (settings: Pick<StackSettings, 'env'>): EnvMap => pick(settings.env, [...SYSTEM, ...PORTAL]);

export const maildevEnv = (settings: StackSettings): EnvMap => pick(settings.env, SYSTEM);

/** Meilisearch reads its master key from `MEILI_MASTER_KEY`, so it never shows on its command line. */
export const meilisearchEnv = (settings: StackSettings): EnvMap => ({
  ...pick(settings.env, SYSTEM),
  MEILI_MASTER_KEY: settings.meilisearch.masterKey,
  MEILI_NO_ANALYTICS: 'true',
});
