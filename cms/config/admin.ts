import type { Core } from '@strapi/strapi';

// Missing secrets are reported by Strapi at start; `npm start` generates them into .env.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', ''),
    sessions: {
      accessTokenLifespan: 30 * 60,
      // A session ends after this long without activity, and in any case after the maximum.
      idleSessionLifespan: env.int('ADMIN_SESSION_IDLE_MINUTES', 120) * 60,
      idleRefreshTokenLifespan: env.int('ADMIN_SESSION_IDLE_MINUTES', 120) * 60,
      maxSessionLifespan: env.int('ADMIN_SESSION_MAX_HOURS', 12) * 3600,
      maxRefreshTokenLifespan: env.int('ADMIN_SESSION_MAX_HOURS', 12) * 3600,
    },
  },
  // Strapi's limiter counts every attempt in each process's memory: the platform's own, in the
  // database and counting failures only, is `global::admin-login-limit` (src/limits/admin-login.ts).
  rateLimit: { enabled: false },
  apiToken: {
    salt: env('API_TOKEN_SALT', ''),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT', ''),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY', ''),
  },
  // The portal shows cards and reports as the public sees them; Strapi's preview (and its panel
  // pointing to Strapi's documentation) is off.
  preview: { enabled: false, config: { handler: () => null } },
  flags: {
    nps: false,
    promoteEE: false,
    // Strapi's "Guida" buttons open its developer documentation, in English.
    docLinks: false,
  },
});

export default config;
