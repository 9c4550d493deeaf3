import { resolveCmsSettings } from '@coop/vocabulary/cms-settings';
import { DEFAULT_HOST, DEFAULT_PORTS, localUrl } from '@coop/vocabulary/services';
import { findRepoRoot, settingsReader } from '@coop/vocabulary/settings-reader';
import { resolvePortalSettings } from '../../portal/src/lib/settings.ts';
import type { EnvMap } from './env-file.ts';

export const repoRoot = findRepoRoot(import.meta.dirname);

/**
 * What the launcher needs to know to run the system. The values come from each service's own
 * settings table (the CMS's `@coop/vocabulary/cms-settings`, the portal's `portal/src/lib/settings.ts`),
 * so the launcher decides nothing the services would not decide started on their own.
 */
export type StackSettings = {
  dataDir: string;
  cms: { host: string; port: number; url: string; publicDir: string };
  portal: { host: string; port: number; url: string };
  /** `embedded` is the Meilisearch binary run by the launcher; otherwise an external server. */
  meilisearch: { embedded: boolean; port: number; url: string; masterKey: string; searchKey: string };
  /** `embedded` is MailDev run by the launcher; otherwise a real SMTP server. */
  smtp: { embedded: boolean; host: string; port: number; inboxUrl: string | null };
  admin: { email: string; password: string };
  /** Password of the demo accounts of every role, when the demo data is seeded. */
  demoPassword: string | null;
  /** Environment handed to every child process. */
  env: EnvMap;
};

/** The launcher's own settings: where the embedded services it runs listen. */
const embeddedServices = (settings: EnvMap) => {
  const read = settingsReader(settings);
  const ports = {
    meilisearch: read.int('MEILI_PORT', DEFAULT_PORTS.meilisearch, { min: 1, max: 65535 }),
    maildevWeb: read.int('MAILDEV_WEB_PORT', DEFAULT_PORTS.maildevWeb, { min: 1, max: 65535 }),
  };
  read.check();
  return {
    meilisearch: !read.optional('MEILI_HOST'),
    smtp: !read.optional('SMTP_HOST'),
    ports,
  };
};

export const resolveSettings = (settings: EnvMap): StackSettings => {
  const cms = resolveCmsSettings(settings, repoRoot);
  const portal = resolvePortalSettings(settings);
  const embedded = embeddedServices(settings);
  const searchKey = portal.meiliSearchKey ?? '';

  // The services resolve these themselves; they are spelled out for the child processes and for
  // whoever reads a child's environment (scripts, tests).
  const env: EnvMap = {
    ...settings,
    NODE_ENV: settings.NODE_ENV || 'development',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ASTRO_TELEMETRY_DISABLED: '1',
    // Everything a child needs is in its environment: it must not read the developer's `.env`.
    ENV_FILE: 'none',
    DATA_DIR: cms.dataDir,
    CMS_HOST: cms.server.host,
    CMS_PORT: String(cms.server.port),
    CMS_PUBLIC_URL: cms.server.publicUrl,
    CMS_PUBLIC_DIR: cms.server.publicDir,
    DATABASE_FILENAME: cms.database.filename,
    MEILI_HOST: cms.search.host,
    MEILI_SEARCH_KEY: searchKey,
    SMTP_HOST: cms.email.host,
    SMTP_PORT: String(cms.email.port),
    PORTAL_HOST: portal.host,
    PORTAL_PORT: String(portal.port),
    PORTAL_PUBLIC_URL: portal.publicUrl,
    CMS_URL: portal.cmsUrl,
    CORS_ORIGINS: cms.server.corsOrigins.join(','),
  };

  return {
    dataDir: cms.dataDir,
    cms: { host: cms.server.host, port: cms.server.port, url: cms.server.localUrl, publicDir: cms.server.publicDir },
    portal: { host: portal.host, port: portal.port, url: localUrl(portal.host, portal.port) },
    meilisearch: {
      embedded: embedded.meilisearch,
      port: embedded.ports.meilisearch,
      url: cms.search.host,
      masterKey: cms.search.masterKey,
      searchKey,
    },
    smtp: {
      embedded: embedded.smtp,
      host: cms.email.host,
      port: cms.email.port,
      inboxUrl: embedded.smtp ? localUrl(DEFAULT_HOST, embedded.ports.maildevWeb) : null,
    },
    admin: { email: cms.admin.email ?? '', password: cms.admin.password ?? '' },
    demoPassword: cms.seed.demoData ? cms.seed.demoPassword : null,
    env,
  };
};
