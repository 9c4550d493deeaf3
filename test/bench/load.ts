/**
 * The portal under a crowd: starts a throwaway copy of the whole system with the demo data, then
 * drives 200 concurrent clients for 60 s (loopback only) spread evenly over the home, the
 * catalogue with and without a query, a practice, an area, a consortium, `/dati/pratiche.json`,
 * `/api/search` and one of the portal's static files, measured in the same run as the ceiling.
 * Each target gets its own `wrk` (Debian package) with the same share of the clients, asking for
 * gzip as browsers do. Meanwhile a curator publishes and withdraws a card every few seconds and
 * the time until every page shows it is measured. Prints per target req/s, p50/p95/p99 and errors.
 *
 *   npm run bench:load                          # 200 clients, 60 s
 *   npm run bench:load -- --clients 50 --seconds 15
 *
 * Goals on this machine: 0 errors, p95 ≤ 100 ms for every page, each page ≥ 0.5× the static
 * file's req/s, a change right on every page within 2 s (p95).
 */
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveSettings } from '../stack/settings.ts';
import { buildStack, startStack } from '../stack/stack.ts';
import { demoPassword, throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin, moveCard } from '../support/admin-api.ts';
import { percentile } from './percentiles.ts';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const CLIENTS = argument('clients', 200);
const SECONDS = argument('seconds', 60);
/** A change every this many milliseconds while the crowd runs. */
const CHANGE_EVERY_MS = 4_000;

type WrkResult = {
  requests: number;
  seconds: number;
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
  p50: number;
  p95: number;
  p99: number;
};

/** wrk's report as JSON (latencies in microseconds), written by its `done` hook. */
const REPORT_SCRIPT = `
done = function(summary, latency, requests)
  io.write(string.format('{"requests":%d,"seconds":%f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"p50":%d,"p95":%d,"p99":%d}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
`;

const runWrk = (script: string, url: string, connections: number, seconds: number): Promise<WrkResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      'wrk',
      ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, '-H', 'Accept-Encoding: gzip', url],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`wrk: ${error.message} (apt-get install wrk)`)));
    child.on('close', () => {
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"requests"'));
      if (!line) return reject(new Error(`wrk gave no report for ${url}:\n${output}`));
      resolve(JSON.parse(line) as WrkResult);
    });
  });

const settings = resolveSettings(await throwawaySettings());
const portal = settings.portal.url;
console.log('Preparazione e avvio di una copia di prova della piattaforma…');
await buildStack(settings);
const stack = await startStack(settings);
const script = path.join(tmpdir(), `coop-load-${process.pid}.lua`);
writeFileSync(script, REPORT_SCRIPT);

const json = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
};

try {
  // The CMS fills the index in the background after its first start.
  const published = (await json<{ meta: { pagination: { total: number } } }>(`${settings.cms.url}/api/practice-cards`))
    .meta.pagination.total;
  for (let waited = 0; ; waited += 250) {
    const answer = await fetch(`${portal}/api/search`);
    const total = answer.ok ? ((await answer.json()) as { total: number }).total : -1;
    if (total === published) break;
    if (waited > 120_000) throw new Error(`the index holds ${total} of ${published} practices`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const curator = await adminLogin(settings.cms.url, 'curatore@demo.piattaforma.local', demoPassword);
  const { results: cards } = await curator.json<{ results: { documentId: string; slug: string; title: string }[] }>(
    'GET',
    '/content-manager/collection-types/api::practice-card.practice-card?filters[stage][$eq]=Pubblicata&pageSize=50&sort=title:ASC',
  );
  const probe = cards.at(-1);
  if (!probe) throw new Error('no published card to publish and withdraw');
  const crowdCard = cards.find((card) => card.documentId !== probe.documentId)!;
  const { data: areas } = await json<{ data: { slug: string }[] }>(`${settings.cms.url}/api/innovation-areas`);
  const probeArea = (
    await json<{ data: { innovationArea: { slug: string } }[] }>(
      `${settings.cms.url}/api/practice-cards?filters[slug][$eq]=${probe.slug}`,
    )
  ).data[0]?.innovationArea.slug;

  const targets = [
    { name: 'home', path: '/' },
    { name: 'catalogo', path: '/pratiche' },
    { name: 'catalogo con ricerca', path: '/pratiche?q=anziani' },
    { name: 'pratica', path: `/pratiche/${crowdCard.slug}` },
    { name: 'ambito', path: `/aree/${areas[0]?.slug ?? ''}` },
    { name: 'consorzio', path: '/consorzi/consorzio-sociale-light' },
    { name: 'dati JSON', path: '/dati/pratiche.json' },
    { name: 'API di ricerca', path: '/api/search?q=anziani' },
    { name: 'file statico (tetto)', path: '/favicon.svg', ceiling: true },
  ];
  for (const target of targets) {
    const response = await fetch(`${portal}${target.path}`);
    if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
  }

  // Where a change must show: its page, the home, the catalogue searched for it, its area, the open data.
  const watched = [
    {
      name: 'pagina della pratica',
      path: `/pratiche/${probe.slug}`,
      shows: (r: Response) => Promise.resolve(r.status === 200),
    },
    { name: 'home', path: '/', shows: async (r: Response) => (await r.text()).includes(`/pratiche/${probe.slug}`) },
    {
      name: 'catalogo',
      path: `/pratiche?q=${encodeURIComponent(probe.title)}`,
      shows: async (r: Response) => (await r.text()).includes(`/pratiche/${probe.slug}`),
    },
    { name: 'ambito', path: `/aree/${probeArea}`, shows: async (r: Response) => (await r.text()).includes(probe.slug) },
    {
      name: 'dati JSON',
      path: '/dati/pratiche.json',
      shows: async (r: Response) => (await r.text()).includes(probe.slug),
    },
  ];
  const freshness = new Map<string, number[]>([
    ['richiesta del curatore', []],
    ['indice di ricerca', []],
    ...watched.map((page): [string, number[]] => [page.name, []]),
  ]);
  /** Whether Meilisearch itself (master key, no portal) holds the card. */
  const inIndex = async (): Promise<boolean> =>
    (
      await fetch(`${settings.meilisearch.url}/indexes/practices/documents/${probe.documentId}`, {
        headers: { authorization: `Bearer ${settings.meilisearch.masterKey}` },
      })
    ).ok;
  const everyPage: number[] = [];
  /** When each change was asked for (wall clock, to compare with Meilisearch's task times). */
  const moves: number[] = [];
  let stopChanges = false;
  const changes = (async () => {
    let present = true;
    // Home lists the three newest: withdraw and publish again makes the card the newest.
    while (!stopChanges) {
      await new Promise((resolve) => setTimeout(resolve, CHANGE_EVERY_MS));
      if (stopChanges) break;
      present = !present;
      const started = performance.now();
      moves.push(Date.now());
      await moveCard(curator, probe.documentId, present ? 'Pubblicata' : 'Archiviata');
      freshness.get('richiesta del curatore')!.push(performance.now() - started);
      const indexed = (async () => {
        while ((await inIndex()) !== present && performance.now() - started < 30_000) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        freshness.get('indice di ricerca')!.push(performance.now() - started);
      })();
      const times = await Promise.all(
        watched.map(async (page) => {
          for (;;) {
            const response = await fetch(`${portal}${page.path}`, { headers: { 'accept-encoding': 'gzip' } });
            if ((await page.shows(response)) === present) return performance.now() - started;
            if (performance.now() - started > 30_000) return Number.POSITIVE_INFINITY;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        }),
      );
      await indexed;
      watched.forEach((page, index) => freshness.get(page.name)!.push(times[index]!));
      everyPage.push(Math.max(...times));
    }
    if (!present) await moveCard(curator, probe.documentId, 'Pubblicata');
  })();

  console.log(`${CLIENTS} client per ${SECONDS} s su ${targets.length} indirizzi (${portal})…`);
  const shares = targets.map(
    (_, index) => Math.floor(CLIENTS / targets.length) + (index < CLIENTS % targets.length ? 1 : 0),
  );
  const results = await Promise.all(
    targets.map((target, index) => runWrk(script, `${portal}${target.path}`, shares[index]!, SECONDS)),
  );
  stopChanges = true;
  await changes;

  const ceiling = results[targets.findIndex((target) => target.ceiling)]!;
  const ceilingRate = ceiling.requests / ceiling.seconds;
  const ms = (microseconds: number): string => `${(microseconds / 1000).toFixed(1)} ms`;
  const errorsOf = (result: WrkResult): number => Object.values(result.errors).reduce((sum, count) => sum + count, 0);
  console.log(
    `\n  ${'indirizzo'.padEnd(24)} ${'client'.padStart(6)} ${'req/s'.padStart(8)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)} ${'errori'.padStart(7)} ${'× statico'.padStart(10)}`,
  );
  let goals = true;
  targets.forEach((target, index) => {
    const result = results[index]!;
    const rate = result.requests / result.seconds;
    const ratio = rate / ceilingRate;
    const errors = errorsOf(result);
    if (errors > 0 || (!target.ceiling && (result.p95 > 100_000 || ratio < 0.5))) goals = false;
    console.log(
      `  ${target.name.padEnd(24)} ${String(shares[index]).padStart(6)} ${rate.toFixed(0).padStart(8)} ${ms(result.p50).padStart(9)} ${ms(result.p95).padStart(9)} ${ms(result.p99).padStart(9)} ${String(errors).padStart(7)} ${ratio.toFixed(2).padStart(10)}`,
    );
  });
  const total = results.reduce((sum, result) => sum + result.requests / result.seconds, 0);
  console.log(`  ${'totale'.padEnd(24)} ${String(CLIENTS).padStart(6)} ${total.toFixed(0).padStart(8)}`);

  const row = (label: string, values: number[]): string =>
    `  ${label.padEnd(24)} p50 ${percentile(values, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(values, 95).toFixed(0).padStart(5)} ms   max ${Math.max(
      ...values,
    )
      .toFixed(0)
      .padStart(5)} ms`;
  console.log(
    `\n${everyPage.length} pubblicazioni e ritiri durante il carico: tempo dalla richiesta del curatore finché è giusta`,
  );
  for (const [name, values] of freshness) console.log(row(name, values));
  console.log(row('tutte le pagine', everyPage));
  // Where the index's time goes: until the CMS hands the change to Meilisearch, then Meilisearch's own.
  const { results: tasks } = (await (
    await fetch(
      `${settings.meilisearch.url}/tasks?indexUids=practices&types=documentAdditionOrUpdate,documentDeletion&limit=${moves.length * 4 + 10}`,
      { headers: { authorization: `Bearer ${settings.meilisearch.masterKey}` } },
    )
  ).json()) as { results: { enqueuedAt: string; finishedAt: string | null }[] };
  const handed: number[] = [];
  const applied: number[] = [];
  for (const moved of moves) {
    const task = tasks
      .map((entry) => ({ enqueued: Date.parse(entry.enqueuedAt), finished: Date.parse(entry.finishedAt ?? '') }))
      .filter((entry) => entry.enqueued >= moved)
      .sort((a, b) => a.enqueued - b.enqueued)[0];
    if (!task) continue;
    handed.push(task.enqueued - moved);
    applied.push(task.finished - task.enqueued);
  }
  console.log(row('  CMS → Meilisearch', handed));
  console.log(row('  Meilisearch applica', applied));
  const freshP95 = percentile(everyPage, 95);
  if (!(freshP95 <= 2000)) goals = false;
  console.log(
    `\n  Obiettivi (0 errori, p95 ≤ 100 ms, ≥ 0,5× il file statico, cambi giusti entro 2 s al p95): ${goals ? 'raggiunti' : 'NON raggiunti'}`,
  );
  process.exitCode = goals ? 0 : 1;
} finally {
  rmSync(script, { force: true });
  await stack.stop();
  rmSync(settings.dataDir, { recursive: true, force: true });
}
