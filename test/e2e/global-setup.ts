import { rmSync } from 'node:fs';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack, startStack } from '../stack/stack.ts';
import { demoPassword, testAdmin, throwawaySettings } from '../stack/test-settings.ts';

/** Starts a throwaway copy of the whole system for the browser tests; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const settings = resolveSettings(await throwawaySettings());
  await buildStack(settings);
  const stack = await startStack(settings);

  process.env.E2E_CMS_URL = settings.cms.url;
  process.env.E2E_PORTAL_URL = settings.portal.url;
  process.env.E2E_INBOX_URL = settings.smtp.inboxUrl ?? '';
  process.env.E2E_ADMIN_EMAIL = testAdmin.email;
  process.env.E2E_ADMIN_PASSWORD = testAdmin.password;
  process.env.E2E_DEMO_PASSWORD = demoPassword;

  return async () => {
    await stack.stop();
    rmSync(settings.dataDir, { recursive: true, force: true });
  };
}
