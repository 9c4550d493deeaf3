/**
 * The portal's cache under change: two portal instances keep their pages, the CMS tells both of
 * every publication and withdrawal, and with the CMS unreachable an instance keeps serving what it
 * has (marked stale) while pages it never rendered answer 503. The second instance reaches the CMS
 * through a relay this file can cut, as a network failure or a CMS crash would.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { freePort } from '../stack/free-port.ts';
import type { Service } from '../stack/process.ts';
import { startPortal } from '../stack/services.ts';
import { adminLogin, moveCard, type AdminSession } from '../support/admin-api.ts';
import { expect, portal, searchIndexReady, test } from './portal-fixtures.ts';
import { cmsUrl, demoPassword } from './urls.ts';

type SecondPortal = { port: number; dataDir: string; env: Record<string, string> };
type ManagedCard = { documentId: string; title: string; slug: string };

const CARDS = '/content-manager/collection-types/api::practice-card.practice-card';
/** Every change shows on every instance within this (the promise of the cache). */
const FRESH_WITHIN_MS = 2_000;

/** A TCP relay to the CMS that can be cut (connections refused) and restored. */
const relayTo = async (
  target: URL,
): Promise<{ url: string; cut: () => Promise<void>; restore: () => Promise<void> }> => {
  const port = await freePort();
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const open = (): Promise<void> =>
    new Promise((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  await open();
  return {
    url: `http://127.0.0.1:${port}`,
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server?.close(resolve));
    },
    restore: open,
  };
};

let second: Service | undefined;
let secondData = '';
let relay: Awaited<ReturnType<typeof relayTo>>;
let secondUrl = '';
let curator: AdminSession;

const other = (path: string): string => `${secondUrl}${path}`;
const get = (url: string): Promise<Response> => fetch(url, { headers: { 'accept-encoding': 'gzip' } });
const shows = async (url: string, text: string): Promise<boolean> => (await (await get(url)).text()).includes(text);

/** Milliseconds until `check` holds, polled every 25 ms; fails past the promise. */
const within = async (what: string, check: () => Promise<boolean>): Promise<number> => {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > FRESH_WITHIN_MS) throw new Error(`${what}: not within ${FRESH_WITHIN_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return performance.now() - started;
};

test.beforeAll(async () => {
  await searchIndexReady();
  const { port, dataDir, env } = JSON.parse(process.env.E2E_SECOND_PORTAL ?? '{}') as SecondPortal;
  relay = await relayTo(new URL(cmsUrl()));
  secondUrl = `http://127.0.0.1:${port}`;
  secondData = path.join(dataDir, 'portal-2');
  mkdirSync(path.join(secondData, 'logs'), { recursive: true });
  second = await startPortal({
    dataDir: secondData,
    portal: { host: '127.0.0.1', port, url: secondUrl },
    env: { ...(process.env as Record<string, string>), ...env, CMS_URL: relay.url },
  });
  curator = await adminLogin(cmsUrl(), 'curatore@demo.piattaforma.local', demoPassword());
});

test.afterAll(async ({}, testInfo) => {
  await second?.stop();
  await relay?.cut();
  const log = path.join(secondData, 'logs', 'portal.log');
  if (existsSync(log)) copyFileSync(log, testInfo.outputPath('second-portal.log'));
});

/** Whether the search index itself (not a portal) finds the card: the catalogue cannot be ahead of it. */
const indexed = async (title: string, slug: string): Promise<boolean> => {
  const { env } = JSON.parse(process.env.E2E_SECOND_PORTAL ?? '{}') as SecondPortal;
  const response = await fetch(`${env.MEILI_HOST}/indexes/practices/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.MEILI_SEARCH_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ q: title, attributesToRetrieve: ['slug'], limit: 50 }),
  });
  return ((await response.json()) as { hits: { slug: string }[] }).hits.some((hit) => hit.slug === slug);
};

test('a card published and withdrawn while both instances serve from cache is right on each within 2 s', async () => {
  const { results } = await curator.json<{ results: ManagedCard[] }>(
    'GET',
    `${CARDS}?filters[stage][$eq]=Selezionata&pageSize=1`,
  );
  const card = results[0];
  if (!card) throw new Error('the demo data has no selected card');
  const practice = `/pratiche/${card.slug}`;
  const searched = `/pratiche?q=${encodeURIComponent(card.title)}`;
  const instances = [portal, other];

  // Warm: each page rendered once, then served from the cache.
  for (const at of instances) {
    for (const path of ['/', searched, practice, '/dati/pratiche.json']) {
      await get(at(path));
      expect((await get(at(path))).headers.get('x-portal-cache'), at(path)).toBe('hit');
    }
    expect((await get(at(practice))).status).toBe(404);
  }

  const seen: Record<string, number> = {};
  /** The catalogue follows the search index, which the CMS updates in the background. */
  const catalogueFollowsIndex = async (present: boolean): Promise<void> => {
    await expect.poll(() => indexed(card.title, card.slug), { timeout: 30_000 }).toBe(present);
    for (const at of instances) {
      seen[`${at(searched)} ${present ? 'published' : 'withdrawn'}, after the index`] = await within(
        'catalogue',
        async () => (await shows(at(searched), `/pratiche/${card.slug}`)) === present,
      );
    }
  };

  await moveCard(curator, card.documentId, 'Pubblicata');
  for (const at of instances) {
    // The CMS answered the move once every instance had the news: the practice's page is there.
    expect((await get(at(practice))).status).toBe(200);
    seen[at('/')] = await within('home', () => shows(at('/'), `/pratiche/${card.slug}`));
    seen[at('/dati/pratiche.json')] = await within('open data', () => shows(at('/dati/pratiche.json'), card.slug));
  }
  await catalogueFollowsIndex(true);

  await moveCard(curator, card.documentId, 'Archiviata');
  for (const at of instances) {
    // A withdrawn practice is never served from the cache: gone at once.
    expect((await get(at(practice))).status).toBe(404);
    seen[`${at('/')} (withdrawn)`] = await within(
      'home',
      async () => !(await shows(at('/'), `/pratiche/${card.slug}`)),
    );
  }
  await catalogueFollowsIndex(false);
  test.info().annotations.push({ type: 'freshness-ms', description: JSON.stringify(seen) });
});

test('with the CMS unreachable, cached pages are served marked stale and only pages never seen answer 503', async () => {
  const paths = ['/', '/aree', '/consorzi/consorzio-sociale-light', '/pratiche/assemblee-di-valle'];
  const before = new Map<string, string>();
  for (const path of paths) {
    const response = await get(other(path));
    expect(response.status, path).toBe(200);
    before.set(path, await response.text());
    expect((await get(other(path))).headers.get('x-portal-cache'), path).toBe('hit');
  }

  await relay.cut();
  try {
    // Fresh copies are served as they are, without asking the CMS.
    expect((await get(other('/aree'))).headers.get('x-portal-cache')).toBe('hit');
    // Everything invalidated (as after a CMS restart): each page must be rebuilt, and cannot be.
    const secret = (JSON.parse(process.env.E2E_SECOND_PORTAL ?? '{}') as { env: { PORTAL_PROXY_SECRET: string } }).env
      .PORTAL_PROXY_SECRET;
    const invalidated = await fetch(other('/api/cache/invalidate'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-portal-secret': secret },
      body: JSON.stringify({ source: 'e2e-test', sequence: 1, all: true }),
    });
    expect(invalidated.status).toBe(200);
    for (const path of paths) {
      const response = await get(other(path));
      expect({ path, status: response.status, cache: response.headers.get('x-portal-cache') }).toEqual({
        path,
        status: 200,
        cache: 'stale',
      });
      expect(await response.text()).toBe(before.get(path));
    }
    const unseen = await get(other('/aree/benessere-dei-lavoratori-e-valorizzazione-delle-loro-professionalita'));
    expect(unseen.status).toBe(503);
    expect(await unseen.text()).toContain('Servizio momentaneamente non disponibile');
  } finally {
    await relay.restore();
  }

  // Back: the pages are rebuilt from the CMS again.
  await expect
    .poll(async () => (await get(other('/aree'))).headers.get('x-portal-cache'), { timeout: 10_000 })
    .not.toBe('stale');
  expect((await get(other('/aree/benessere-dei-lavoratori-e-valorizzazione-delle-loro-professionalita'))).status).toBe(
    200,
  );
});

test('the invalidation door refuses a caller without the shared secret', async () => {
  const response = await fetch(portal('/api/cache/invalidate'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-portal-secret': 'wrong' },
    body: JSON.stringify({ source: 'intruder', sequence: 1, all: true }),
  });
  expect(response.status).toBe(403);
});
