import { rmSync } from 'node:fs';
import { freePort } from '../stack/free-port.ts';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack, startStack } from '../stack/stack.ts';
import { demoPassword, testAdmin, throwawaySettings } from '../stack/test-settings.ts';

/** Starts a throwaway copy of the whole system for the browser tests; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // A second portal instance, started by the cache tests: the CMS tells both of every change.
  const base = await throwawaySettings();
  const secondPortalPort = await freePort();
  const settings = resolveSettings({
    ...base,
    PORTAL_INSTANCE_URLS: `http://127.0.0.1:${base.PORTAL_PORT},http://127.0.0.1:${secondPortalPort}`,
  });
  await buildStack(settings);
  const stack = await startStack(settings);

  process.env.E2E_CMS_URL = settings.cms.url;
  process.env.E2E_PORTAL_URL = settings.portal.url;
  process.env.E2E_INBOX_URL = settings.smtp.inboxUrl ?? '';
  process.env.E2E_ADMIN_EMAIL = testAdmin.email;
  process.env.E2E_ADMIN_PASSWORD = testAdmin.password;
  process.env.E2E_DEMO_PASSWORD = demoPassword;
  process.env.E2E_SECOND_PORTAL = JSON.stringify({
    port: secondPortalPort,
    dataDir: settings.dataDir,
    env: Object.fromEntries(
      ['MEILI_HOST', 'MEILI_SEARCH_KEY', 'PORTAL_PROXY_SECRET', 'CMS_PUBLIC_URL', 'PORTAL_PUBLIC_URL'].map((name) => [
        name,
        settings.env[name] ?? '',
      ]),
    ),
  });

  return async () => {
    await stack.stop();
    rmSync(settings.dataDir, { recursive: true, force: true });
  };
}
