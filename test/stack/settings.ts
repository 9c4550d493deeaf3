import path from 'node:path';
import { portalSearchKey } from '@coop/search/keys';
import type { EnvMap } from './env-file.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** What the launcher needs to know to run the system, resolved from the settings with their defaults. */
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

const int = (value: string | undefined, fallback: number): number => {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) ? parsed : fallback;
};

const nonEmpty = (value: string | undefined): string | undefined => (value ? value : undefined);

export const resolveSettings = (settings: EnvMap): StackSettings => {
  const dataDir = path.resolve(repoRoot, settings.DATA_DIR || '.data');
  const loopback = '127.0.0.1';

  const cmsPort = int(settings.CMS_PORT, 1337);
  const cmsHost = settings.CMS_HOST || loopback;
  const cmsUrl = `http://${cmsHost}:${cmsPort}`;

  const portalPort = int(settings.PORTAL_PORT, 4321);
  const portalHost = settings.PORTAL_HOST || loopback;
  const portalUrl = `http://${portalHost}:${portalPort}`;

  const meiliPort = int(settings.MEILI_PORT, 7700);
  const meiliExternal = nonEmpty(settings.MEILI_HOST);
  const meiliUrl = meiliExternal ?? `http://${loopback}:${meiliPort}`;

  const masterKey = settings.MEILI_MASTER_KEY ?? '';
  const searchKey = settings.MEILI_SEARCH_KEY || (masterKey ? portalSearchKey(masterKey) : '');

  const smtpExternal = nonEmpty(settings.SMTP_HOST);
  const smtpPort = int(settings.SMTP_PORT, 1025);
  const inboxPort = int(settings.MAILDEV_WEB_PORT, 1080);

  const cmsPublicDir = settings.CMS_PUBLIC_DIR
    ? path.resolve(repoRoot, settings.CMS_PUBLIC_DIR)
    : path.join(dataDir, 'public');

  const databaseFile = settings.DATABASE_FILENAME
    ? path.resolve(repoRoot, settings.DATABASE_FILENAME)
    : path.join(dataDir, 'cms.db');

  const env: EnvMap = {
    ...settings,
    NODE_ENV: settings.NODE_ENV || 'development',
    STRAPI_TELEMETRY_DISABLED: 'true',
    ASTRO_TELEMETRY_DISABLED: '1',
    DATA_DIR: dataDir,
    CMS_HOST: cmsHost,
    CMS_PORT: String(cmsPort),
    CMS_PUBLIC_URL: settings.CMS_PUBLIC_URL || cmsUrl,
    CMS_PUBLIC_DIR: cmsPublicDir,
    DATABASE_FILENAME: databaseFile,
    MEILI_HOST: meiliUrl,
    MEILI_SEARCH_KEY: searchKey,
    SMTP_HOST: smtpExternal ?? loopback,
    SMTP_PORT: String(smtpPort),
    PORTAL_HOST: portalHost,
    PORTAL_PORT: String(portalPort),
    PORTAL_PUBLIC_URL: settings.PORTAL_PUBLIC_URL || portalUrl,
    CMS_URL: cmsUrl,
    CORS_ORIGINS: settings.CORS_ORIGINS || `${portalUrl},http://localhost:${portalPort}`,
  };

  return {
    dataDir,
    cms: { host: cmsHost, port: cmsPort, url: cmsUrl, publicDir: cmsPublicDir },
    portal: { host: portalHost, port: portalPort, url: portalUrl },
    meilisearch: {
      embedded: !meiliExternal,
      port: meiliPort,
      url: meiliUrl,
      masterKey,
      searchKey,
    },
    smtp: {
      embedded: !smtpExternal,
      host: smtpExternal ?? loopback,
      port: smtpPort,
      inboxUrl: smtpExternal ? null : `http://${loopback}:${inboxPort}`,
    },
    admin: { email: settings.ADMIN_EMAIL ?? '', password: settings.ADMIN_PASSWORD ?? '' },
    demoPassword: settings.SEED_DEMO_DATA !== 'false' && settings.DEMO_PASSWORD ? settings.DEMO_PASSWORD : null,
    env,
  };
};
