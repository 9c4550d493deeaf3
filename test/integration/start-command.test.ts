import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../stack/env-file.ts';
import { throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { isListening } from '../support/net.ts';
import { runStartCommand, type RunningStart } from '../support/start-command.ts';

type Ports = { cms: number; portal: number; meili: number; smtp: number; inbox: number };

/**
 * The README's first command, run as a user runs it: a fresh `.env`, every service up, Ctrl-C
 * stops them all, and a second start finds what the first one stored.
 */
describe('npm start', () => {
  let env: Record<string, string>;
  let ports: Ports;
  let envFile: string;
  let running: RunningStart | undefined;
  let generated: Record<string, string>;

  const url = (port: number, pathname: string): string => `http://127.0.0.1:${port}${pathname}`;
  const meili = (pathname: string, init: RequestInit = {}): Promise<Response> =>
    fetch(url(ports.meili, pathname), {
      ...init,
      headers: { authorization: `Bearer ${generated.MEILI_MASTER_KEY}`, 'content-type': 'application/json' },
    });
  const login = (): Promise<AdminSession> =>
    adminLogin(url(ports.cms, ''), generated.ADMIN_EMAIL ?? '', generated.ADMIN_PASSWORD ?? '');

  beforeAll(async () => {
    const settings = await throwawaySettings();
    envFile = path.join(settings.DATA_DIR ?? '', '.env');
    // Only ports and the data folder come from the test: secrets and the admin come from the generated .env.
    env = {
      ENV_FILE: envFile,
      DATA_DIR: settings.DATA_DIR ?? '',
      CMS_PORT: settings.CMS_PORT ?? '',
      PORTAL_PORT: settings.PORTAL_PORT ?? '',
      MEILI_PORT: settings.MEILI_PORT ?? '',
      SMTP_PORT: settings.SMTP_PORT ?? '',
      MAILDEV_WEB_PORT: settings.MAILDEV_WEB_PORT ?? '',
    };
    ports = {
      cms: Number(env.CMS_PORT),
      portal: Number(env.PORTAL_PORT),
      meili: Number(env.MEILI_PORT),
      smtp: Number(env.SMTP_PORT),
      inbox: Number(env.MAILDEV_WEB_PORT),
    };
    running = await runStartCommand(env);
    generated = parseEnv(readFileSync(envFile, 'utf8'));
  });

  afterAll(async () => {
    await running?.interrupt();
    rmSync(env.DATA_DIR ?? '', { recursive: true, force: true });
  });

  it('writes a private .env with fresh secrets on first run', () => {
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    for (const key of [
      'APP_KEYS',
      'ADMIN_JWT_SECRET',
      'API_TOKEN_SALT',
      'JWT_SECRET',
      'MEILI_MASTER_KEY',
      'ADMIN_PASSWORD',
    ]) {
      expect(generated[key], key).toMatch(/.{16,}/);
    }
    expect(running?.output()).toContain(`Accesso demo: ${generated.ADMIN_EMAIL} / ${generated.ADMIN_PASSWORD}`);
  });

  it('prints every URL', () => {
    for (const port of [ports.cms, ports.portal, ports.meili, ports.inbox]) {
      expect(running?.output()).toContain(`http://127.0.0.1:${port}`);
    }
  });

  it('answers every health check', async () => {
    expect((await fetch(url(ports.cms, '/_health'))).status).toBe(204);
    expect(await (await fetch(url(ports.meili, '/health'))).json()).toEqual({ status: 'available' });
    expect((await fetch(url(ports.inbox, '/api/healthz'))).status).toBe(200);
    expect(await (await fetch(url(ports.portal, '/api/health'))).json()).toEqual({ status: 'ok' });
  });

  it('protects Meilisearch with the generated master key', async () => {
    expect((await fetch(url(ports.meili, '/indexes'))).status).toBe(401);
    expect((await meili('/indexes')).status).toBe(200);
  });

  it('serves the Italian portal and the admin panel', async () => {
    const home = await (await fetch(url(ports.portal, '/'))).text();
    expect(home).toContain('<html lang="it"');
    expect(home).toContain('Cooperative sociali in rete');
    const admin = await fetch(url(ports.cms, '/admin'));
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<div id="strapi"');
  });

  it('creates the first super admin from the environment', async () => {
    const session = await login();
    const me = await session.json<{ data: { email: string; roles: { code: string }[] } }>('GET', '/admin/users/me');
    expect(me.data.email).toBe(generated.ADMIN_EMAIL);
    expect(me.data.roles.map((role) => role.code)).toContain('strapi-super-admin');
  });

  it('sends e-mail through the SMTP catcher', async () => {
    const session = await login();
    expect((await session.request('POST', '/email/test', { to: 'prima@example.it' })).status).toBe(200);
    const inbox = (await (await fetch(url(ports.inbox, '/api/email'))).json()) as { to: { address: string }[] }[];
    expect(inbox.map((mail) => mail.to[0]?.address)).toContain('prima@example.it');
  });

  it('stops every service on Ctrl-C and keeps all data for the next start', async () => {
    const session = await login();
    const editor = (await session.json<{ data: { id: number; code: string }[] }>('GET', '/admin/roles')).data.find(
      (role) => role.code === 'strapi-editor',
    );
    await session.json('POST', '/admin/users', {
      email: 'operatrice@example.it',
      firstname: 'Giulia',
      lastname: 'Verdi',
      roles: [editor?.id],
    });
    const form = new FormData();
    form.append('files', new Blob(['logo della cooperativa'], { type: 'text/plain' }), 'logo.txt');
    const [upload] = await session.json<{ url: string }[]>('POST', '/upload', form);
    const task = (await (
      await meili('/indexes/prova/documents', { method: 'POST', body: JSON.stringify([{ id: 1, nome: 'Pratica' }]) })
    ).json()) as { taskUid: number };
    await expect
      .poll(async () => (await (await meili(`/tasks/${task.taskUid}`)).json()).status, { timeout: 30_000 })
      .toBe('succeeded');

    const usersBefore = (await session.json<{ data: { results: unknown[] } }>('GET', '/admin/users?pageSize=100')).data
      .results.length;
    expect(await running?.interrupt()).toBe(0);
    running = undefined;
    for (const port of Object.values(ports)) expect(await isListening(port), `port ${port}`).toBe(false);

    const envBefore = readFileSync(envFile, 'utf8');
    running = await runStartCommand(env);
    expect(readFileSync(envFile, 'utf8')).toBe(envBefore);
    expect(running.output()).not.toContain('Creato');

    const again = await login();
    const users = await again.json<{ data: { results: { email: string }[] } }>('GET', '/admin/users?pageSize=100');
    const emails = users.data.results.map((user) => user.email);
    expect(emails).toEqual(expect.arrayContaining([generated.ADMIN_EMAIL, 'operatrice@example.it']));
    expect(emails).toHaveLength(usersBefore);
    expect(await (await fetch(url(ports.cms, upload?.url ?? '/missing'))).text()).toBe('logo della cooperativa');
    expect(await (await meili('/indexes/prova/documents/1')).json()).toEqual({ id: 1, nome: 'Pratica' });
    const inbox = (await (await fetch(url(ports.inbox, '/api/email'))).json()) as { to: { address: string }[] }[];
    expect(inbox.map((mail) => mail.to[0]?.address)).toContain('prima@example.it');
  });
});
