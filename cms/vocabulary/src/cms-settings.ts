import path from 'node:path';
import { hostname } from 'node:os';
import { DEFAULT_HOST, DEFAULT_PORTS, localUrl } from './services.ts';
import { settingsReader, type Environment } from './settings-reader.ts';

/**
 * The CMS's settings: every variable it reads, with its default, in one table. The CMS's config
 * files (cms/config/) read from here, and so does the launcher, so a CMS started on its own with
 * the repository's `.env` is the one `npm start` runs. Relative paths are resolved from the
 * repository's root.
 */
export type CmsSettings = ReturnType<typeof resolveCmsSettings>;

const CMS_ROLES = ['all', 'web', 'worker'] as const;
const DATABASE_CLIENTS = ['sqlite', 'postgres'] as const;
const UPLOAD_PROVIDERS = ['local', 'aws-s3'] as const;
const PDF_PROFILES = ['1b', '2b', 'off'] as const;
const PORT = { min: 1, max: 65535 };
const POSITIVE = { min: Number.MIN_VALUE };

export const resolveCmsSettings = (env: Environment, repoRoot: string) => {
  const read = settingsReader(env);
  const inRepo = (value: string): string => path.resolve(repoRoot, value);

  const dataDir = inRepo(read.text('DATA_DIR', '.data'));
  const host = read.text('CMS_HOST', DEFAULT_HOST);
  const port = read.int('CMS_PORT', DEFAULT_PORTS.cms, PORT);
  const portalHost = read.text('PORTAL_HOST', DEFAULT_HOST);
  const portalPort = read.int('PORTAL_PORT', DEFAULT_PORTS.portal, PORT);
  const localPortal = localUrl(portalHost, portalPort);
  const meiliPort = read.int('MEILI_PORT', DEFAULT_PORTS.meilisearch, PORT);
  const sessionIdleMinutes = read.number('ADMIN_SESSION_IDLE_MINUTES', 120, POSITIVE);
  const sessionMaxHours = read.number('ADMIN_SESSION_MAX_HOURS', 12, POSITIVE);
  const loginMinutes = read.number('ADMIN_LOGIN_RATE_LIMIT_MINUTES', 5, POSITIVE);
  const smtpUsername = read.text('SMTP_USERNAME', '');

  const settings = {
    dataDir,
    server: {
      host,
      port,
      /** Where other processes of this machine reach the CMS. */
      localUrl: localUrl(host, port),
      publicUrl: read.url('CMS_PUBLIC_URL', localUrl(host, port)),
      appKeys: read.list('APP_KEYS', []),
      /** Uploads are written to <publicDir>/uploads, beside the other data. */
      publicDir: inRepo(read.text('CMS_PUBLIC_DIR', path.join(dataDir, 'public'))),
      corsOrigins: read.list('CORS_ORIGINS', [localPortal, `http://localhost:${portalPort}`]),
    },
    secrets: {
      adminJwt: read.text('ADMIN_JWT_SECRET', ''),
      apiTokenSalt: read.text('API_TOKEN_SALT', ''),
      transferTokenSalt: read.text('TRANSFER_TOKEN_SALT', ''),
      encryptionKey: read.text('ENCRYPTION_KEY', ''),
      jwt: read.text('JWT_SECRET', ''),
    },
    admin: {
      /** The first super admin, created when no admin exists yet. */
      email: read.optional('ADMIN_EMAIL'),
      password: read.optional('ADMIN_PASSWORD'),
      sessionIdleSeconds: sessionIdleMinutes * 60,
      sessionMaxSeconds: sessionMaxHours * 3600,
    },
    seed: {
      demoData: read.bool('SEED_DEMO_DATA', true),
      /** Password of the demo accounts; without one they are not created. */
      demoPassword: read.optional('DEMO_PASSWORD'),
    },
    cluster: {
      role: read.oneOf('CMS_ROLE', CMS_ROLES, 'all'),
      instanceName: read.text('CMS_INSTANCE_NAME', '') || `${hostname()}:${process.pid}`,
      leaseSeconds: read.number('OUTBOX_LEASE_SECONDS', 30, POSITIVE),
      /** Command-line tools load the CMS beside the running server and leave the workers to it. */
      backgroundWorkers: read.bool('COOP_BACKGROUND_WORKERS', true),
    },
    database: {
      client: read.oneOf('DATABASE_CLIENT', DATABASE_CLIENTS, 'sqlite'),
      filename: inRepo(read.text('DATABASE_FILENAME', path.join(dataDir, 'cms.db'))),
      url: read.optional('DATABASE_URL'),
      host: read.text('DATABASE_HOST', DEFAULT_HOST),
      port: read.int('DATABASE_PORT', 5432, PORT),
      name: read.text('DATABASE_NAME', 'coop'),
      username: read.text('DATABASE_USERNAME', 'coop'),
      password: read.text('DATABASE_PASSWORD', ''),
      schema: read.text('DATABASE_SCHEMA', 'public'),
      ssl: read.bool('DATABASE_SSL', false),
      poolMin: read.int('DATABASE_POOL_MIN', 0),
      poolMax: read.int('DATABASE_POOL_MAX', 10, { min: 1 }),
      connectionTimeoutMs: read.int('DATABASE_CONNECTION_TIMEOUT', 60_000, { min: 1 }),
    },
    upload: {
      provider: read.oneOf('UPLOAD_PROVIDER', UPLOAD_PROVIDERS, 'local'),
      maxBytes: read.int('UPLOAD_MAX_BYTES', 10 * 1024 * 1024, { min: 1 }),
      s3: {
        endpoint: read.optional('S3_ENDPOINT'),
        region: read.text('S3_REGION', 'eu-south-1'),
        bucket: read.text('S3_BUCKET', ''),
        accessKeyId: read.text('S3_ACCESS_KEY_ID', ''),
        secretAccessKey: read.text('S3_SECRET_ACCESS_KEY', ''),
        forcePathStyle: read.bool('S3_FORCE_PATH_STYLE', true),
        /** Public base URL of the bucket (or its CDN), used in media links. */
        publicUrl: read.optional('S3_PUBLIC_URL'),
      },
    },
    search: {
      host: read.url('MEILI_HOST', localUrl(DEFAULT_HOST, meiliPort)),
      masterKey: read.text('MEILI_MASTER_KEY', ''),
      syncIntervalSeconds: read.number('SEARCH_SYNC_INTERVAL_SECONDS', 1, POSITIVE),
      retryMaxSeconds: read.number('SEARCH_RETRY_MAX_SECONDS', 30, POSITIVE),
    },
    email: {
      host: read.text('SMTP_HOST', DEFAULT_HOST),
      port: read.int('SMTP_PORT', DEFAULT_PORTS.smtp, PORT),
      secure: read.bool('SMTP_SECURE', false),
      auth: smtpUsername ? { user: smtpUsername, pass: read.text('SMTP_PASSWORD', '') } : null,
      from: read.text('MAIL_FROM', 'Piattaforma Cooperative Sociali <noreply@piattaforma.local>'),
      replyTo: read.text('MAIL_REPLY_TO', 'segreteria@piattaforma.local'),
      retryIntervalSeconds: read.number('EMAIL_RETRY_INTERVAL_SECONDS', 2, POSITIVE),
      retryMaxSeconds: read.number('EMAIL_RETRY_MAX_SECONDS', 900, POSITIVE),
      batchSize: read.int('EMAIL_BATCH_SIZE', 10, { min: 1 }),
    },
    limits: {
      /** Reverse proxies whose X-Forwarded-For is believed; empty: the socket's address counts. */
      trustedProxies: read.list('TRUSTED_PROXIES', []),
      rules: {
        registrationPerClient: {
          max: read.int('REGISTRATION_RATE_LIMIT_MAX', 5, { min: 1 }),
          windowSeconds: read.number('REGISTRATION_RATE_LIMIT_MINUTES', 10, POSITIVE) * 60,
        },
        registrationPerEmail: {
          max: read.int('REGISTRATION_EMAIL_RATE_LIMIT_MAX', 3, { min: 1 }),
          windowSeconds: read.number('REGISTRATION_EMAIL_RATE_LIMIT_HOURS', 24, POSITIVE) * 3600,
        },
        loginPerAccountAndClient: {
          max: read.int('ADMIN_LOGIN_RATE_LIMIT_ATTEMPTS', 5, { min: 1 }),
          windowSeconds: loginMinutes * 60,
        },
        loginPerClient: {
          max: read.int('ADMIN_LOGIN_CLIENT_RATE_LIMIT_ATTEMPTS', 20, { min: 1 }),
          windowSeconds: loginMinutes * 60,
        },
        practiceSheetPerClient: {
          max: read.int('PRACTICE_SHEET_RATE_LIMIT_MAX', 30, { min: 1 }),
          windowSeconds: read.number('PRACTICE_SHEET_RATE_LIMIT_MINUTES', 1, POSITIVE) * 60,
        },
      },
    },
    privacy: {
      controller: {
        name: read.text('PRIVACY_CONTROLLER_NAME', ''),
        address: read.text('PRIVACY_CONTROLLER_ADDRESS', ''),
        email: read.text('PRIVACY_CONTROLLER_EMAIL', ''),
        pec: read.text('PRIVACY_CONTROLLER_PEC', ''),
        phone: read.text('PRIVACY_CONTROLLER_PHONE', ''),
        dpoEmail: read.text('PRIVACY_DPO_EMAIL', ''),
      },
      retention: {
        closedRequestDays: read.number('REGISTRATION_RETENTION_DAYS', 180, POSITIVE),
        sentEmailDays: read.number('EMAIL_LOG_RETENTION_DAYS', 90, POSITIVE),
        invitationDays: read.number('INVITATION_VALID_DAYS', 7, POSITIVE),
      },
      purgeIntervalSeconds: read.number('RETENTION_INTERVAL_SECONDS', 3600, POSITIVE),
    },
    reports: {
      /** Folder holding `soffice.bin`, and a python3 that can `import uno`; empty: the usual places. */
      libreOfficeProgramDir: read.optional('LIBREOFFICE_PROGRAM_DIR') ?? undefined,
      libreOfficePython: read.optional('LIBREOFFICE_PYTHON') ?? undefined,
      conversionTimeoutMs: read.number('REPORT_CONVERSION_TIMEOUT_SECONDS', 60, POSITIVE) * 1000,
      pdfa: read.oneOf('REPORT_PDFA', PDF_PROFILES, '1b'),
      publicQueueLimit: read.int('REPORT_PUBLIC_QUEUE_LIMIT', 8, { min: 1 }),
    },
    portal: {
      /** Shared with the portal: it proves a forwarded visitor address, and the CMS's cache invalidations. */
      proxySecret: read.text('PORTAL_PROXY_SECRET', ''),
      /** Every portal instance, as the CMS reaches it: each receives the cache invalidations. */
      instanceUrls: read.list('PORTAL_INSTANCE_URLS', [localPortal]),
    },
  };
  read.check();
  return settings;
};
