import type { Core } from '@strapi/strapi';
import { isConsistent } from '@coop/search/consistency';
import { replaceIndexContent } from '@coop/search/indexer';
import { PUBLIC_INDEXES } from '@coop/search/indexes';
import { SEARCH_SYNC_TASK } from '../access/content-types';
import { heldDocuments } from './claims';
import { cmsSearchClient, searchConfig } from './connection';
import { differingIds, indexDifferences } from './differences';
import { allDocuments, expectedCount } from './sources';
import { requestIndexRefresh } from './sync';

export type Output = { line: (text: string) => void; progress: (text: string) => void };

const number = (value: number): string => value.toLocaleString('it-IT');
const seconds = (ms: number): string => (ms / 1000).toLocaleString('it-IT', { maximumFractionDigits: 1 });

const progressBar = (done: number, total: number, width = 30): string => {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${number(done)}/${number(total)}`;
};

/** Rebuilds every index from the CMS; returns the number of indexes that failed. */
export const reindex = async (strapi: Core.Strapi, output: Output): Promise<number> => {
  const client = cmsSearchClient(strapi);
  let failures = 0;
  for (const { uid } of PUBLIC_INDEXES) {
    const started = performance.now();
    const total = await expectedCount(strapi, uid);
    try {
      const written = await replaceIndexContent(client, uid, allDocuments(strapi, uid), (done) =>
        output.progress(`${uid.padEnd(14)} ${progressBar(done, total)}`),
      );
      // The running CMS kept applying changes to the old index meanwhile: what the swap undid is queued again.
      const requeued = differingIds(await indexDifferences(strapi, uid));
      if (requeued.length > 0) await requestIndexRefresh(strapi, { [uid]: requeued });
      output.line(
        `${uid.padEnd(14)} ${progressBar(written, total)}  ${number(written)} documenti in ${seconds(performance.now() - started)} s, 0 errori` +
          (requeued.length > 0 ? `; ${number(requeued.length)} cambiati nel frattempo, rimessi in coda` : ''),
      );
    } catch (error) {
      failures += 1;
      output.line(`${uid.padEnd(14)} non ricostruito dopo ${seconds(performance.now() - started)} s: ${String(error)}`);
    }
  }
  output.line(
    failures === 0
      ? 'Reindicizzazione completata.'
      : `Reindicizzazione con ${failures} errori: l'indice precedente resta in uso.`,
  );
  return failures;
};

/** Prints the state of Meilisearch, of each index and of the queue of pending updates. */
export const status = async (strapi: Core.Strapi, output: Output): Promise<void> => {
  const client = cmsSearchClient(strapi);
  const { host } = searchConfig(strapi);
  const version = await client.getVersion();
  output.line(`Meilisearch ${version.pkgVersion} su ${host}: raggiungibile`);
  const stats = await client.getStats();
  for (const { uid } of PUBLIC_INDEXES) {
    const index = stats.indexes[uid];
    const expected = await expectedCount(strapi, uid);
    const pending = (await strapi.db.query(SEARCH_SYNC_TASK).findMany({
      where: { indexUid: uid },
      orderBy: { requestedAt: 'asc' },
    })) as { requestedAt: string; attempts: number; lastError: string | null }[];
    output.line(
      `${uid.padEnd(14)} ${number(index?.numberOfDocuments ?? 0)} documenti (attesi dal CMS: ${number(expected)})` +
        `${index?.isIndexing ? ', indicizzazione in corso' : ''}; aggiornamenti in coda: ${number(pending.length)}`,
    );
    const oldest = pending[0];
    if (oldest) {
      const failing = pending.find((task) => task.lastError);
      output.line(
        `${' '.repeat(15)}il più vecchio dal ${new Date(oldest.requestedAt).toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}`,
      );
      if (failing) output.line(`${' '.repeat(15)}ultimo errore (tentativo ${failing.attempts}): ${failing.lastError}`);
    }
  }
  for (const { token, count } of await heldDocuments(strapi)) {
    output.line(`In lavorazione: ${number(count)} documenti presi da ${token.split('/')[0]}`);
  }
  output.line(
    `Ultimo aggiornamento degli indici: ${stats.lastUpdate ? new Date(stats.lastUpdate).toLocaleString('it-IT', { timeZone: 'Europe/Rome' }) : 'mai'}`,
  );
};

/** Compares each index with the CMS; with `fix`, queues the differing entries. Returns the number of differences. */
export const check = async (strapi: Core.Strapi, output: Output, fix: boolean): Promise<number> => {
  let total = 0;
  for (const { uid } of PUBLIC_INDEXES) {
    const differences = await indexDifferences(strapi, uid);
    const count = differences.missing.length + differences.extra.length + differences.stale.length;
    total += count;
    if (isConsistent(differences)) {
      output.line(`${uid.padEnd(14)} allineato al CMS`);
      continue;
    }
    output.line(`${uid.padEnd(14)} ${number(count)} differenze`);
    for (const id of differences.missing) output.line(`  mancante nell'indice: ${id}`);
    for (const id of differences.extra) output.line(`  nell'indice ma non pubblicato nel CMS: ${id}`);
    for (const { id, fields } of differences.stale) output.line(`  non aggiornato: ${id} (${fields.join(', ')})`);
    if (fix) {
      const ids = differingIds(differences);
      await requestIndexRefresh(strapi, { [uid]: ids });
      output.line(`  ${number(ids.length)} aggiornamenti messi in coda: li applica il CMS in esecuzione.`);
    }
  }
  return total;
};
