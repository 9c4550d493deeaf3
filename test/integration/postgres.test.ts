import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../stack/postgres.ts';
import type { Service } from '../stack/process.ts';
import { startCms } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { testAdmin, throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin } from '../support/admin-api.ts';

let postgres: ThrowawayPostgres;
let settings: StackSettings;
let cms: Service | undefined;

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  settings = resolveSettings(await throwawaySettings(postgres.env));
  cms = await startCms(settings);
});

afterAll(async () => {
  await cms?.stop();
  await postgres?.stop();
  if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
});

it('runs the CMS on PostgreSQL with DATABASE_CLIENT=postgres', async () => {
  const session = await adminLogin(settings.cms.url, testAdmin.email, testAdmin.password);
  const me = await session.json<{ data: { email: string } }>('GET', '/admin/users/me');
  expect(me.data.email).toBe(testAdmin.email);

  expect(await postgres.query('select email from admin_users')).toContain(testAdmin.email);
  await cms?.stop();
  cms = await startCms(settings);
  const again = await adminLogin(settings.cms.url, testAdmin.email, testAdmin.password);
  expect((await again.request('GET', '/admin/users/me')).status).toBe(200);
});
