import type { Core } from '@strapi/strapi';
import { cmsSettings } from '../src/settings';

// Missing secrets are reported by Strapi at start; `npm start` generates them into .env.
const config = (): Core.Config.Admin => {
  const { secrets, admin } = cmsSettings();
  return {
    auth: {
      secret: secrets.adminJwt,
      sessions: {
        accessTokenLifespan: 30 * 60,
        // A session ends after this long without activity, and in any case after the maximum.
        idleSessionLifespan: admin.sessionIdleSeconds,
        idleRefreshTokenLifespan: admin.sessionIdleSeconds,
        maxSessionLifespan: admin.sessionMaxSeconds,
        maxRefreshTokenLifespan: admin.sessionMaxSeconds,
      },
    },
    // Strapi's limiter counts every attempt in each process's memory: the platform's own, in the
    // database and counting failures only, is `global::admin-login-limit` (src/limits/admin-login.ts).
    rateLimit: { enabled: false },
    apiToken: { salt: secrets.apiTokenSalt },
    transfer: { token: { salt: secrets.transferTokenSalt } },
    secrets: { encryptionKey: secrets.encryptionKey },
    // The portal shows cards and reports as the public sees them; Strapi's preview (and its panel
    // pointing to Strapi's documentation) is off.
    preview: { enabled: false, config: { handler: () => null } },
    // docLinks: Strapi's "Guida" buttons open its developer documentation, in English.
    flags: { nps: false, promoteEE: false, docLinks: false },
  };
};

export default config;
