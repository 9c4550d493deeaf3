import type { EnvMap } from './env-file.ts';
import { portalEnvironment, resolvePortalSettings } from '../../portal/src/lib/settings.ts';
import type { StackSettings } from './settings.ts';

/**
 * What each child process may see of the settings: only what it needs (the portal and the search
 * engine get no Strapi, database, storage or admin secret; MailDev gets no secret at all). The CMS
 * is the one process that needs the platform's secrets, and gets the whole settings.
 */

/** Enough of the launcher's environment for a program to run: where programs and home are, locale, time zone. */
const SYSTEM = ['PATH', 'HOME', 'USER', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR'];

const pick = (env: EnvMap, names: string[]): EnvMap =>
  Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));

export const cmsEnv = (settings: StackSettings): EnvMap => settings.env;

/**
 * The portal at run time and at build time (the build bakes in its public address): the variables
 * of its own settings table (portal/src/lib/settings.ts), as it resolves them, and no other.
 */
export const portalEnv = (settings: Pick<StackSettings, 'env'>): EnvMap => ({
  ...pick(settings.env, [...SYSTEM, 'NODE_ENV', 'ASTRO_TELEMETRY_DISABLED']),
  ENV_FILE: 'none',
  ...portalEnvironment(resolvePortalSettings(settings.env)),
});

export const maildevEnv = (settings: StackSettings): EnvMap => pick(settings.env, SYSTEM);

/** Meilisearch reads its master key from `MEILI_MASTER_KEY`, so it never shows on its command line. */
export const meilisearchEnv = (settings: StackSettings): EnvMap => ({
  ...pick(settings.env, SYSTEM),
  MEILI_MASTER_KEY: settings.meilisearch.masterKey,
  MEILI_NO_ANALYTICS: 'true',
});
