import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../stack/backup/uploads.ts';
import { freePort } from '../stack/free-port.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../stack/postgres.ts';
import type { Service } from '../stack/process.ts';
import { startCms, startMaildev, startMeilisearch } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword, throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin, adminSession, loginAttempt, moveCard, type AdminSession } from '../support/admin-api.ts';
import { startDelayProxy, type DelayProxy } from '../support/delay-proxy.ts';
import { DEMO_ACCOUNT } from '../support/demo-accounts.ts';
import { runScript } from '../support/scripts.ts';
import { validVatNumber } from '../support/tax-codes.ts';
import { maildevInbox, type Mail } from '../support/maildev.ts';

type Role = 'all' | 'web' | 'worker';
type Instance = { name: string; settings: StackSettings; service: Service };

const LEASE_SECONDS = 5;
const CARDS = '/content-manager/collection-types/api::practice-card.practice-card';

/** Runs the jobs with at most `width` of them at once; the results keep the jobs' order. */
const inParallel = async <T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> => {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
};

const bareMessageId = (id: unknown): string => (typeof id === 'string' ? id : '').replace(/^<|>$/g, '');

/** The Message-ID header as MailDev received it. */
const messageIdOf = (mail: Mail): string => bareMessageId([mail.headers?.['message-id']].flat()[0]);

/**
 * Three CMS instances on one PostgreSQL with the same secrets, MailDev and Meilisearch: `cms-a`
 * serves only (CMS_ROLE=web), `cms-b` serves and works (all), `cms-c` only works (worker) and
 * reaches MailDev through a relay that can slow its SMTP conversations down.
 */
describe('several CMS instances on one PostgreSQL', () => {
  let postgres: ThrowawayPostgres;
  let base: StackSettings;
  let relay: DelayProxy;
  const infrastructure: Service[] = [];
  const instances = new Map<string, Instance>();

  const instance = (name: string): Instance => instances.get(name)!;
  const url = (name: string): string => instance(name).settings.cms.url;
  const rows = async (sql: string, database?: string): Promise<string[][]> =>
    (await postgres.query(sql, database))
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('|'));
  const count = async (sql: string): Promise<number> => Number((await postgres.query(sql)).trim());
  const queuedEmails = (): Promise<number> =>
    count("SELECT COUNT(*) FROM email_messages WHERE delivery_status = 'In coda'");
  const lastEmailId = (): Promise<number> => count('SELECT COALESCE(MAX(id), 0) FROM email_messages');
  const inbox = (): Promise<Mail[]> => maildevInbox(base.smtp.inboxUrl ?? '').all();
  const emptyInbox = (): Promise<void> => maildevInbox(base.smtp.inboxUrl ?? '').clear();

  const startInstance = async (name: string, role: Role, extra: Record<string, string> = {}): Promise<void> => {
    const settings = resolveSettings({
      ...base.env,
      CMS_PORT: String(await freePort()),
      CMS_ROLE: role,
      CMS_INSTANCE_NAME: name,
      ...extra,
    });
    instances.set(name, { name, settings, service: await startCms(settings, name) });
  };

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    base = resolveSettings(
      await throwawaySettings({
        ...postgres.env,
        TRUSTED_PROXIES: '127.0.0.1',
        OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
        EMAIL_RETRY_INTERVAL_SECONDS: '1',
        EMAIL_RETRY_MAX_SECONDS: '1',
        EMAIL_BATCH_SIZE: '5',
        SEARCH_SYNC_INTERVAL_SECONDS: '1',
      }),
    );
    infrastructure.push(...(await Promise.all([startMaildev(base), startMeilisearch(base)])));
    relay = await startDelayProxy({ host: '127.0.0.1', port: base.smtp.port });
    // The first instance creates the schema and the demo data; the others find them.
    await startInstance('cms-a', 'web');
    await Promise.all([
      startInstance('cms-b', 'all'),
      startInstance('cms-c', 'worker', { SMTP_PORT: String(relay.port) }),
    ]);
  });

  afterAll(async () => {
    for (const { service } of instances.values()) {
      service.signal('SIGCONT');
      await service.stop();
    }
    for (const service of infrastructure) await service.stop();
    await relay?.close();
    await postgres?.stop();
    if (base) rmSync(base.dataDir, { recursive: true, force: true });
  });

  it('runs web, worker and all-in-one instances: a worker answers its health check and nothing else', async () => {
    expect((await fetch(`${url('cms-c')}/_health`)).status).toBe(204);
    for (const path of ['/api/practice-cards', '/admin', '/admin/login']) {
      const response = await fetch(`${url('cms-c')}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 503 });
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/CMS_ROLE=worker/);
    }
    for (const name of ['cms-a', 'cms-b']) expect((await fetch(`${url(name)}/api/practice-cards`)).status).toBe(200);
  });

  it('sends 100 invitations and notifications made on both web instances as exactly 100 e-mails', async () => {
    await emptyInbox();
    const before = await lastEmailId();
    const responsabile = await adminLogin(url('cms-a'), DEMO_ACCOUNT.responsabile, demoPassword);
    const sessions = [responsabile, adminSession(url('cms-b'), responsabile.token)];
    const invitations = Array.from(
      { length: 60 },
      (_, i) => async () =>
        (
          await sessions[i % 2]!.request('POST', '/coop/my-organisation/users', {
            email: `invitato.${i}@navigli.example.it`,
            firstname: `Invitato ${i}`,
            role: i % 3 === 0 ? 'Lettore' : 'Operatore',
          })
        ).status,
    );
    // Registration requests come through the portal, which forwards each visitor's address.
    const registrations = Array.from(
      { length: 40 },
      (_, i) => async () =>
        (
          await fetch(`${url(i % 2 === 0 ? 'cms-a' : 'cms-b')}/api/registration-requests`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-portal-secret': base.env.PORTAL_PROXY_SECRET ?? '',
              'x-forwarded-for': `198.51.100.${i + 1}`,
            },
            body: JSON.stringify({
              data: {
                organisationName: `Cooperativa Sociale Grappolo ${i}`,
                organisationType: 'Cooperativa sociale di tipo A',
                taxCode: validVatNumber(`${7_100_000_000 + i}`),
                address: 'Via Roma 1',
                postalCode: '24121',
                city: 'Bergamo',
                province: 'BG',
                email: `info.${i}@grappolo.example.it`,
                responsabile: {
                  fullName: `Responsabile ${i}`,
                  email: `resp.${i}@grappolo.example.it`,
                  phone: '035 555 0101',
                },
                privacyAccepted: true,
              },
            }),
          })
        ).status,
    );
    const jobs = invitations.flatMap((invite, i) => (i < 40 ? [invite, registrations[i]!] : [invite]));
    const statuses = await inParallel(jobs, 8);
    expect(statuses.filter((status) => status !== 201)).toEqual([]);

    await expect.poll(queuedEmails, { timeout: 60_000 }).toBe(0);
    const stored = await rows(`SELECT message_id, delivered_by FROM email_messages WHERE id > ${before}`);
    expect(stored).toHaveLength(100);
    const mails = await inbox();
    expect(mails).toHaveLength(100);
    const delivered = mails.map(messageIdOf);
    expect(new Set(delivered).size).toBe(100);
    expect(new Set(delivered)).toEqual(new Set(stored.map(([messageId]) => bareMessageId(messageId))));
    // Only worker instances deliver: cms-a (web) sends nothing.
    const deliverers = new Set(stored.map(([, deliveredBy]) => deliveredBy));
    expect(deliverers.has('cms-a')).toBe(false);
    console.log(
      `100 e-mail consegnate una volta ciascuna; inviate da cms-b ${stored.filter(([, by]) => by === 'cms-b').length}, da cms-c ${stored.filter(([, by]) => by === 'cms-c').length}`,
    );
  });

  it('applies 200 publishes, edits and withdrawals spread over both web instances to the index, newest last', async () => {
    const curator = await adminLogin(url('cms-a'), DEMO_ACCOUNT.curatore, demoPassword);
    const sessions: AdminSession[] = [curator, adminSession(url('cms-b'), curator.token)];
    const { results } = await curator.json<{ results: { documentId: string; title: string }[] }>(
      'GET',
      `${CARDS}?filters[stage][$eq]=Pubblicata&pageSize=100`,
    );
    expect(results).toHaveLength(20);

    // Ten chains of twenty moves over two cards each; consecutive moves of a card go to different instances.
    let moves = 0;
    const chain = async (chainIndex: number): Promise<void> => {
      const cards = results.slice(chainIndex * 2, chainIndex * 2 + 2).map((card) => ({ ...card, published: true }));
      for (let step = 0; step < 20; step += 1) {
        const card = cards[step % 2]!;
        const session = sessions[(chainIndex + step) % 2]!;
        if (!card.published) {
          await moveCard(session, card.documentId, 'Pubblicata');
          card.published = true;
        } else if (step % 3 === 0) {
          const title = `${card.title.replace(/ · \d+$/, '')} · ${step}`;
          const edit = await session.request('PUT', `${CARDS}/${card.documentId}`, { title });
          expect(edit.status, await edit.clone().text()).toBe(200);
          await moveCard(session, card.documentId, 'Pubblicata');
          card.title = title;
        } else {
          await moveCard(session, card.documentId, 'Archiviata');
          card.published = false;
        }
        moves += 1;
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, index) => chain(index)));
    expect(moves).toBe(200);
    const lastWrite = performance.now();

    const published = async (): Promise<string[]> => {
      const response = await fetch(`${url('cms-b')}/api/practice-cards?pagination[pageSize]=100`);
      const { data } = (await response.json()) as { data: { documentId: string; title: string }[] };
      return data.map((card) => `${card.documentId} ${card.title}`).sort();
    };
    const indexed = async (): Promise<string[]> => {
      const response = await fetch(`${base.meilisearch.url}/indexes/practices/documents?limit=1000&fields=id,title`, {
        headers: { authorization: `Bearer ${base.meilisearch.masterKey}` },
      });
      const { results: documents } = (await response.json()) as { results: { id: string; title: string }[] };
      return documents.map((document) => `${document.id} ${document.title}`).sort();
    };
    const expected = await published();
    await expect.poll(indexed, { timeout: 10_000, interval: 100 }).toEqual(expected);
    const converged = performance.now() - lastWrite;
    expect(converged).toBeLessThan(10_000);
    console.log(`200 modifiche su due istanze: indice allineato ${(converged / 1000).toFixed(1)} s dopo l'ultima`);

    const check = await runScript('search-cli.ts', instance('cms-a').settings.env, 'check');
    expect(check.code, check.output).toBe(0);
    expect(check.output).toMatch(/practices\s+allineato al CMS/);
  });

  it('counts failed admin logins in the database: five from one client lock only that client, on every instance', async () => {
    const owner = '198.51.100.77';
    const attacker = '203.0.113.66';
    const login = async (name: string, password: string, from: string): Promise<Response> =>
      loginAttempt(url(name), DEMO_ACCOUNT.staff, password, { from });
    for (let i = 0; i < 8; i += 1)
      expect((await login(i % 2 ? 'cms-b' : 'cms-a', demoPassword, owner)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) {
      expect((await login(i % 2 ? 'cms-b' : 'cms-a', 'Password-Sbagliata-1', attacker)).status).toBe(400);
    }
    for (const name of ['cms-a', 'cms-b']) {
      const refused = await login(name, demoPassword, attacker);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /^Troppi tentativi di accesso non riusciti da questo indirizzo: riprovare tra \d+ minuti$/,
      );
    }
    expect((await login('cms-b', demoPassword, owner)).status).toBe(200);
  });

  it('delivers everything exactly once when a worker is killed in the middle of delivery: the rest after its lease', async () => {
    await expect.poll(queuedEmails, { timeout: 60_000 }).toBe(0);
    await emptyInbox();
    const before = await lastEmailId();
    const b = instance('cms-b');
    const c = instance('cms-c');
    relay.delayMs = 800;
    const relayedBefore = relay.completed;
    // Both workers frozen while the 20 messages are queued; then cms-c alone claims a full batch and
    // delivers it slowly, so that it dies with messages in hand however slow the requests were.
    b.service.signal('SIGSTOP');
    c.service.signal('SIGSTOP');
    let held: string[][];
    try {
      const responsabile = await adminLogin(url('cms-a'), DEMO_ACCOUNT.responsabile, demoPassword);
      const statuses = await inParallel(
        Array.from(
          { length: 20 },
          (_, i) => async () =>
            (
              await responsabile.request('POST', '/coop/my-organisation/users', {
                email: `ripresa.${i}@navigli.example.it`,
                firstname: `Ripresa ${i}`,
                role: 'Lettore',
              })
            ).status,
        ),
        4,
      );
      expect(statuses.filter((status) => status !== 201)).toEqual([]);
      expect(await queuedEmails()).toBe(20);
      c.service.signal('SIGCONT');
      // Killed while a message waits in the relay, after two went through.
      await expect
        .poll(() => relay.completed - relayedBefore >= 2 && relay.waiting === 1, { timeout: 60_000, interval: 10 })
        .toBe(true);
      c.service.signal('SIGKILL');
      await c.service.exited;
      held = await rows(
        `SELECT id, EXTRACT(EPOCH FROM lease_until) FROM email_messages WHERE id > ${before} AND delivery_status = 'In coda' AND claim_token LIKE 'cms-c/%'`,
      );
    } finally {
      b.service.signal('SIGCONT');
      c.service.signal('SIGCONT');
    }
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(await count(`SELECT COUNT(*) FROM email_messages WHERE id > ${before} AND delivered_by = 'cms-c'`)).toBe(2);

    await expect.poll(queuedEmails, { timeout: 60_000 }).toBe(0);
    const stored = await rows(`SELECT message_id FROM email_messages WHERE id > ${before}`);
    expect(stored).toHaveLength(20);
    const mails = await inbox();
    expect(mails).toHaveLength(20);
    expect(new Set(mails.map(messageIdOf))).toEqual(new Set(stored.map(([messageId]) => bareMessageId(messageId))));
    // What the dead worker held waited for its lease, then the surviving worker sent it.
    const takenOver = await rows(
      `SELECT id, delivered_by, EXTRACT(EPOCH FROM sent_at) FROM email_messages WHERE id IN (${held.map(([id]) => id).join(',')})`,
    );
    const leaseOf = new Map(held.map(([id, lease]) => [id, Number(lease)]));
    for (const [id, deliveredBy, sentAt] of takenOver) {
      expect({ id, deliveredBy }).toEqual({ id, deliveredBy: 'cms-b' });
      expect(Number(sentAt)).toBeGreaterThanOrEqual(leaseOf.get(id)!);
    }
    console.log(
      `cms-c ucciso con ${held.length} messaggi in mano: ripresi da cms-b dopo la scadenza del lease (${LEASE_SECONDS} s); 20 e-mail, ognuna una volta`,
    );
  });

  it('backs up the cluster’s PostgreSQL and restores it into an empty database, record for record', async () => {
    await expect.poll(queuedEmails, { timeout: 60_000 }).toBe(0);
    await expect.poll(() => count('SELECT COUNT(*) FROM search_sync_tasks'), { timeout: 60_000 }).toBe(0);
    // Nothing runs while the two databases are compared.
    for (const { service } of instances.values()) await service.stop();
    const backups = mkdtempSync(path.join(tmpdir(), 'coop-backups-'));
    const copy = await throwawaySettings({ ...postgres.env, DATABASE_NAME: 'coop_copia' });
    try {
      const backup = await runScript('backup.ts', { ...instance('cms-a').settings.env, BACKUP_DIR: backups });
      expect(backup.code, backup.output).toBe(0);
      console.log(backup.output.trim());
      const archive = /Archivio: (.+\.tar\.gz)/.exec(backup.output)?.[1] ?? '';

      await postgres.query('CREATE DATABASE coop_copia');
      const restored = await runScript('restore.ts', copy, archive);
      expect(restored.code, restored.output).toBe(0);
      expect(restored.output).toContain('Reindicizzazione completata.');
      console.log(restored.output.trim());

      // Every row of every table, as PostgreSQL prints it, in both databases (one query each).
      const fingerprint = async (database: string): Promise<Record<string, string>> => {
        const tables = await rows(
          "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
          database,
        );
        const sql = tables
          .map(
            ([table]) =>
              `SELECT '${table}', COUNT(*) || ' ' || md5(COALESCE(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM public."${table}" t`,
          )
          .join(' UNION ALL ');
        return Object.fromEntries(
          (await rows(sql, database)).map(([table, digest]): [string, string] => [table ?? '', digest ?? '']),
        );
      };
      const original = await fingerprint('coop');
      expect(Object.keys(original).length).toBeGreaterThan(50);
      expect(await fingerprint('coop_copia')).toEqual(original);
      const files = await listFiles(path.join(base.cms.publicDir, 'uploads'));
      expect(await listFiles(path.join(resolveSettings(copy).cms.publicDir, 'uploads'))).toEqual(files);

      infrastructure.push(await startMeilisearch(resolveSettings(copy)));
      const check = await runScript('search-cli.ts', copy, 'check');
      expect(check.code, check.output).toBe(0);
    } finally {
      rmSync(backups, { recursive: true, force: true });
      rmSync(copy.DATA_DIR ?? '', { recursive: true, force: true });
    }
  });
});
