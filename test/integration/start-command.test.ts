import { lstatSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalSearchKey } from '@coop/search/keys';
import { parseEnv } from '../stack/env-file.ts';
import { throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { gifOfSize } from '../support/images.ts';
import { isListening } from '../support/net.ts';
import { maildevInbox } from '../support/maildev.ts';
import { runStartCommand, type RunningStart } from '../support/start-command.ts';

type Ports = { cms: number; portal: number; meili: number; smtp: number; inbox: number };
type Running = { pid: number; argv: string[]; env: Record<string, string> };

/** Secrets of settings that only the CMS needs, given to the launcher to see where they end up. */
const SERVER_SECRETS = {
  DATABASE_PASSWORD: 'segreto-database-Zq81',
  S3_SECRET_ACCESS_KEY: 'segreto-s3-Lm27',
  SMTP_PASSWORD: 'segreto-smtp-Xv40',
};

/** A process and every process it started, with their command lines and environments. */
const processTree = (root: number): Running[] => {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree: number[] = [root];
  for (let index = 0; index < tree.length; index += 1) {
    for (const [pid, parent] of parents) if (parent === tree[index]) tree.push(pid);
  }
  return tree.slice(1).flatMap((pid) => {
    try {
      const split = (file: string): string[] =>
        readFileSync(`/proc/${pid}/${file}`, 'utf8').split('\0').filter(Boolean);
      const env = Object.fromEntries(
        split('environ').map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      return [{ pid, argv: split('cmdline'), env }];
    } catch {
      return [];
    }
  });
};

/** Every folder and file under `root`, with its permission bits. */
const modes = (root: string): { entry: string; directory: boolean; mode: number }[] =>
  readdirSync(root).flatMap((name) => {
    const entry = path.join(root, name);
    const stat = lstatSync(entry, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return [];
    const own = { entry, directory: stat.isDirectory(), mode: stat.mode & 0o777 };
    return stat.isDirectory() ? [own, ...modes(entry)] : [own];
  });

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
  let firstOutput = '';

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
      ...SERVER_SECRETS,
    };
    ports = {
      cms: Number(env.CMS_PORT),
      portal: Number(env.PORTAL_PORT),
      meili: Number(env.MEILI_PORT),
      smtp: Number(env.SMTP_PORT),
      inbox: Number(env.MAILDEV_WEB_PORT),
    };
    running = await runStartCommand(env);
    firstOutput = running.output();
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
    expect(firstOutput).toContain(`Accesso demo: ${generated.ADMIN_EMAIL} / ${generated.ADMIN_PASSWORD}`);
    expect(firstOutput).toContain(`password ${generated.DEMO_PASSWORD}`);
    expect(firstOutput).toContain(`Le password non saranno più mostrate: le trovi in ${envFile}`);
  });

  it('gives each service only its own secrets, and shows none on a command line', () => {
    const secrets: Record<string, string> = {
      ...Object.fromEntries(
        [
          'APP_KEYS',
          'API_TOKEN_SALT',
          'ADMIN_JWT_SECRET',
          'TRANSFER_TOKEN_SALT',
          'JWT_SECRET',
          'ENCRYPTION_KEY',
          'MEILI_MASTER_KEY',
          'ADMIN_PASSWORD',
          'DEMO_PASSWORD',
          'PORTAL_PROXY_SECRET',
        ].map((name) => [name, generated[name] ?? '']),
      ),
      MEILI_SEARCH_KEY: portalSearchKey(generated.MEILI_MASTER_KEY ?? ''),
      ...SERVER_SECRETS,
    };
    const tree = processTree(running!.child.pid!);
    const service = (matches: (argv: string[]) => boolean): Running => {
      const found = tree.find((process) => matches(process.argv));
      expect(found, tree.map((process) => process.argv.join(' ')).join('\n')).toBeDefined();
      return found!;
    };
    const seen = (process: Running): string[] =>
      Object.entries(secrets)
        .filter(([, value]) => Object.values(process.env).some((setting) => setting.includes(value)))
        .map(([name]) => name)
        .sort();

    for (const process of tree) {
      for (const [name, value] of Object.entries(secrets)) {
        expect(process.argv.join(' '), `${name} on the command line of ${process.argv[0]}`).not.toContain(value);
      }
    }
    const meilisearch = service((argv) => /meilisearch$/.test(argv[0] ?? ''));
    expect(seen(meilisearch)).toEqual(['MEILI_MASTER_KEY']);
    expect(seen(service((argv) => argv.some((arg) => arg.includes('maildev'))))).toEqual([]);
    const portal = service((argv) => argv.some((arg) => arg.endsWith(path.join('portal', 'server.ts'))));
    expect(seen(portal)).toEqual(['MEILI_SEARCH_KEY', 'PORTAL_PROXY_SECRET']);
    expect(portal.env.CMS_URL).toBe(url(ports.cms, ''));
    const cms = service((argv) => argv.some((arg) => arg.includes('strapi')));
    expect(seen(cms)).toEqual(expect.arrayContaining(['JWT_SECRET', 'MEILI_MASTER_KEY', 'DATABASE_PASSWORD']));
  });

  it('keeps its data private: folders 0700, files 0600', () => {
    const open = modes(env.DATA_DIR ?? '').filter(({ directory, mode }) =>
      directory ? mode !== 0o700 : (mode & 0o077) !== 0,
    );
    expect(open.map(({ entry, mode }) => `${mode.toString(8)} ${entry}`)).toEqual([]);
    for (const folder of ['logs', 'mail', 'meilisearch', path.join('public', 'uploads')]) {
      expect(statSync(path.join(env.DATA_DIR ?? '', folder)).mode & 0o777, folder).toBe(0o700);
    }
    expect(statSync(path.join(env.DATA_DIR ?? '', 'cms.db')).mode & 0o777).toBe(0o600);
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
    const inbox = await maildevInbox(url(ports.inbox, '')).all();
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
    const logo = gifOfSize(400);
    form.append('files', logo, 'logo.gif');
    const [upload] = await session.json<{ url: string }[]>('POST', '/upload', form);
    const task = (await (
      await meili('/indexes/prova/documents', { method: 'POST', body: JSON.stringify([{ id: 1, nome: 'Pratica' }]) })
    ).json()) as { taskUid: number };
    await expect
      .poll(async () => ((await (await meili(`/tasks/${task.taskUid}`)).json()) as { status: string }).status, {
        timeout: 30_000,
      })
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
    const served = await (await fetch(url(ports.cms, upload?.url ?? '/missing'))).arrayBuffer();
    expect(Buffer.from(served).equals(Buffer.from(await logo.arrayBuffer()))).toBe(true);
    expect(await (await meili('/indexes/prova/documents/1')).json()).toEqual({ id: 1, nome: 'Pratica' });
    const inbox = await maildevInbox(url(ports.inbox, '')).all();
    expect(inbox.map((mail) => mail.to[0]?.address)).toContain('prima@example.it');
  });

  it('prints the passwords only on the first start, and then where they are', () => {
    const output = running?.output() ?? '';
    expect(output).toContain('Ctrl-C per fermare tutto');
    for (const name of ['ADMIN_PASSWORD', 'DEMO_PASSWORD']) {
      expect(output).not.toContain(generated[name]);
      expect(output).toContain(`${name} in ${envFile}`);
    }
  });
});
