import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processEnv, type EnvMap } from './env-file.ts';
import { freePort } from './free-port.ts';

const secret = (): string => randomBytes(18).toString('base64url');

export const testAdmin = { email: 'admin@test.piattaforma.local', password: 'Prova-Admin-2026' } as const;
export const demoPassword = 'Prova-Demo-2026';
/** The data controller the privacy notice of a test system names. */
export const testDataController = {
  name: 'Rete di prova delle cooperative sociali',
  address: 'Via della Prova 7, 20121 Milano',
  email: 'privacy@prova.piattaforma.local',
} as const;

/**
 * Settings for a throwaway copy of the system: free loopback ports and a fresh data folder,
 * so tests run beside `npm start` without touching its data. The process environment is kept
 * (children need PATH and HOME) but never the developer's `.env`.
 */
export const throwawaySettings = async (overrides: EnvMap = {}): Promise<EnvMap> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'coop-test-'));
  const [cms, portal, meili, smtp, inbox] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
  return {
    ...processEnv(),
    DATA_DIR: dataDir,
    CMS_PORT: String(cms),
    PORTAL_PORT: String(portal),
    MEILI_PORT: String(meili),
    SMTP_PORT: String(smtp),
    MAILDEV_WEB_PORT: String(inbox),
    MEILI_HOST: '',
    SMTP_HOST: '',
    APP_KEYS: [1, 2, 3, 4].map(secret).join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    MEILI_MASTER_KEY: secret(),
    PORTAL_PROXY_SECRET: secret(),
    ADMIN_EMAIL: testAdmin.email,
    ADMIN_PASSWORD: testAdmin.password,
    DEMO_PASSWORD: demoPassword,
    PRIVACY_CONTROLLER_NAME: testDataController.name,
    PRIVACY_CONTROLLER_ADDRESS: testDataController.address,
    PRIVACY_CONTROLLER_EMAIL: testDataController.email,
    ...overrides,
  };
};
