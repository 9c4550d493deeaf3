import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../stack/process.ts';
import { startCms, startMeilisearch } from '../stack/services.ts';
import { repoRoot, resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { adminLogin, type AdminSession } from '../support/admin-api.ts';

type Hit = { id: string; title: string; organisationName: string; innovationArea: string };
type ManagedCard = { documentId: string; title: string; stage: string };

const CARDS = '/content-manager/collection-types/api::practice-card.practice-card';
const POLL = { timeout: 30_000, interval: 200 };

describe('search index kept in step with the CMS', () => {
  let settings: StackSettings;
  let meilisearch: Service | undefined;
  let cms: Service | undefined;
  let curator: AdminSession;
  let superAdmin: AdminSession;

  const meili = (key: string, method: string, urlPath: string, body?: unknown): Promise<Response> =>
    fetch(`${settings.meilisearch.url}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const search = async (query: string, options: Record<string, unknown> = {}): Promise<Hit[]> => {
    const response = await meili(settings.meilisearch.searchKey, 'POST', '/indexes/practices/search', {
      q: query,
      limit: 1000,
      ...options,
    });
    if (!response.ok) return [];
    return ((await response.json()) as { hits: Hit[] }).hits;
  };
  const indexedIds = async (index: string): Promise<string[]> => {
    const response = await meili(
      settings.meilisearch.masterKey,
      'GET',
      `/indexes/${index}/documents?limit=10000&fields=id`,
    );
    if (!response.ok) return [];
    return ((await response.json()) as { results: { id: string }[] }).results.map((document) => document.id).sort();
  };
  const publicIds = async (type: 'practice-cards' | 'organisations'): Promise<string[]> => {
    const response = await fetch(`${settings.cms.url}/api/${type}?pagination[pageSize]=100&fields[0]=documentId`);
    const { data } = (await response.json()) as { data: { documentId: string }[] };
    return data.map((document) => document.documentId).sort();
  };
  const cardsInStage = async (stage: string): Promise<ManagedCard[]> => {
    const { results } = await curator.json<{ results: ManagedCard[] }>(
      'GET',
      `${CARDS}?filters[stage][$eq]=${encodeURIComponent(stage)}&pageSize=100`,
    );
    return results;
  };
  const move = async (documentId: string, to: string): Promise<void> => {
    const body = to === 'Archiviata' ? { to, comment: 'Ritirata dal portale durante la prova' } : { to };
    const response = await curator.request('POST', `/coop/workflow/practice-card/${documentId}`, body);
    expect(response.status, await response.clone().text()).toBe(200);
  };
  const hitFor = async (documentId: string): Promise<Hit | undefined> => {
    const response = await meili(settings.meilisearch.masterKey, 'GET', `/indexes/practices/documents/${documentId}`);
    return response.ok ? ((await response.json()) as Hit) : undefined;
  };

  beforeAll(async () => {
    settings = resolveSettings(await seededSettings({ SEARCH_RETRY_MAX_SECONDS: '1' }));
    meilisearch = await startMeilisearch(settings);
    cms = await startCms(settings);
    superAdmin = await adminLogin(settings.cms.url, settings.admin.email, settings.admin.password);
    curator = await adminLogin(settings.cms.url, 'curatore@demo.piattaforma.local', demoPassword);
  });

  afterAll(async () => {
    await cms?.stop();
    await meilisearch?.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  it('indexes exactly what the public API publishes: published cards and active organisations', async () => {
    const cards = await publicIds('practice-cards');
    const organisations = await publicIds('organisations');
    expect(cards.length).toBe(20);
    await expect.poll(() => indexedIds('practices'), POLL).toEqual(cards);
    await expect.poll(() => indexedIds('organisations'), POLL).toEqual(organisations);

    const drafts = [...(await cardsInStage('Bozza')), ...(await cardsInStage('Archiviata'))];
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) expect(cards).not.toContain(draft.documentId);

    const [consortium] = (
      (await (
        await meili(settings.meilisearch.searchKey, 'POST', '/indexes/organisations/search', {
          q: 'Consorzio Sociale Light',
        })
      ).json()) as { hits: { name: string; members: string[]; serviceProvinceCodes: string[] }[] }
    ).hits;
    expect(consortium?.name).toBe('Consorzio Sociale Light');
    expect(consortium?.members).toHaveLength(7);
    expect(consortium?.serviceProvinceCodes).toEqual(['BG', 'BS', 'CO', 'CR', 'MI', 'MN', 'PV']);
  });

  it('gives the portal a key that searches the public indexes and can do nothing else', async () => {
    const key = settings.meilisearch.searchKey;
    expect(key).not.toBe(settings.meilisearch.masterKey);
    expect((await meili(key, 'POST', '/indexes/practices/search', { q: 'orti' })).status).toBe(200);
    expect((await meili(key, 'POST', '/indexes/organisations/search', { q: 'consorzio' })).status).toBe(200);

    const master = settings.meilisearch.masterKey;
    const created = await meili(master, 'POST', '/indexes/riservato/documents', [{ id: 1, nota: 'interna' }]);
    expect(created.status).toBe(202);
    await expect.poll(async () => (await meili(master, 'GET', '/indexes/riservato/documents')).status, POLL).toBe(200);

    const refused: [string, string, unknown?][] = [
      ['POST', '/indexes/riservato/search', { q: 'nota' }],
      ['GET', '/indexes/riservato/documents'],
      ['GET', '/indexes/practices/documents'],
      ['POST', '/indexes/practices/documents', [{ id: 'intrusa', title: 'Scheda falsa' }]],
      ['DELETE', '/indexes/practices/documents/intrusa'],
      ['PATCH', '/indexes/practices/settings', { searchableAttributes: ['title'] }],
      ['DELETE', '/indexes/practices'],
      ['POST', '/indexes', { uid: 'nuovo' }],
      ['GET', '/keys'],
      ['POST', '/keys', { actions: ['*'], indexes: ['*'], expiresAt: null }],
      ['GET', '/tasks'],
      ['POST', '/dumps'],
    ];
    for (const [method, urlPath, body] of refused) {
      expect({ method, urlPath, status: (await meili(key, method, urlPath, body)).status }).toEqual({
        method,
        urlPath,
        status: 403,
      });
    }
  });

  it('brings publish, edits of related labels, unpublish and delete into the index', async () => {
    const [selected] = await cardsInStage('Selezionata');
    if (!selected) throw new Error('the demo data has no selected card');
    expect(await hitFor(selected.documentId)).toBeUndefined();
    await move(selected.documentId, 'Pubblicata');
    await expect
      .poll(async () => (await search(selected.title)).map((hit) => hit.id), POLL)
      .toContain(selected.documentId);

    const hit = (await hitFor(selected.documentId))!;
    const { results: organisations } = await superAdmin.json<{ results: { documentId: string; name: string }[] }>(
      'GET',
      `/content-manager/collection-types/api::organisation.organisation?filters[name][$eq]=${encodeURIComponent(hit.organisationName)}`,
    );
    const renamedOrganisation = `${hit.organisationName} Rinnovata`;
    const organisationUpdate = await superAdmin.request(
      'PUT',
      `/content-manager/collection-types/api::organisation.organisation/${organisations[0]!.documentId}`,
      { name: renamedOrganisation },
    );
    expect(organisationUpdate.status, await organisationUpdate.clone().text()).toBe(200);
    await expect
      .poll(async () => (await hitFor(selected.documentId))?.organisationName, POLL)
      .toBe(renamedOrganisation);

    const { results: areas } = await superAdmin.json<{ results: { documentId: string; name: string }[] }>(
      'GET',
      `/content-manager/collection-types/api::innovation-area.innovation-area?filters[name][$eq]=${encodeURIComponent(hit.innovationArea)}`,
    );
    const renamedArea = `${hit.innovationArea} (rinominata)`;
    const areaUpdate = await superAdmin.request(
      'PUT',
      `/content-manager/collection-types/api::innovation-area.innovation-area/${areas[0]!.documentId}`,
      { name: renamedArea },
    );
    expect(areaUpdate.status, await areaUpdate.clone().text()).toBe(200);
    await expect.poll(async () => (await hitFor(selected.documentId))?.innovationArea, POLL).toBe(renamedArea);
    const sameArea = await search('', { filter: `innovationArea = "${renamedArea}"` });
    expect(sameArea.length).toBeGreaterThan(1);

    await move(selected.documentId, 'Archiviata');
    await expect.poll(() => hitFor(selected.documentId), POLL).toBeUndefined();

    const [published] = await cardsInStage('Pubblicata');
    expect(await hitFor(published!.documentId)).toBeDefined();
    const deleted = await superAdmin.request('DELETE', `${CARDS}/${published!.documentId}`);
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    await expect.poll(() => hitFor(published!.documentId), POLL).toBeUndefined();
  });

  it('takes a suspended organisation and its cards out of the index, and puts them back when it is active again', async () => {
    const { results } = await superAdmin.json<{ results: { documentId: string }[] }>(
      'GET',
      '/content-manager/collection-types/api::organisation.organisation?filters[slug][$eq]=navigli-insieme',
    );
    const navigli = results[0]!.documentId;
    const { results: cards } = await superAdmin.json<{ results: { documentId: string }[] }>(
      'GET',
      `${CARDS}?filters[organisation][documentId][$eq]=${navigli}&filters[stage][$eq]=Pubblicata`,
    );
    expect(cards.length).toBeGreaterThan(0);
    const setStatus = async (platformStatus: string): Promise<void> => {
      const response = await superAdmin.request(
        'PUT',
        `/content-manager/collection-types/api::organisation.organisation/${navigli}`,
        { platformStatus },
      );
      expect(response.status, await response.clone().text()).toBe(200);
    };

    await setStatus('Sospesa');
    await expect.poll(async () => (await indexedIds('organisations')).includes(navigli), POLL).toBe(false);
    for (const card of cards) await expect.poll(() => hitFor(card.documentId), POLL).toBeUndefined();

    await setStatus('Attiva');
    await expect.poll(async () => (await indexedIds('organisations')).includes(navigli), POLL).toBe(true);
    for (const card of cards)
      await expect.poll(async () => (await hitFor(card.documentId))?.id, POLL).toBe(card.documentId);
  });

  it('loses nothing while Meilisearch is down, even across a CMS restart, and converges by itself when it is back', async () => {
    const [toPublish] = await cardsInStage('Selezionata');
    const [toWithdraw] = await cardsInStage('Pubblicata');
    await meilisearch!.stop();

    await move(toPublish!.documentId, 'Pubblicata');
    await move(toWithdraw!.documentId, 'Archiviata');
    const renamed = `${toPublish!.title} (edizione 2027)`;
    const edit = await superAdmin.request('PUT', `${CARDS}/${toPublish!.documentId}`, { title: renamed });
    expect(edit.status, await edit.clone().text()).toBe(200);
    await move(toPublish!.documentId, 'Pubblicata');
    const expected = await publicIds('practice-cards');
    expect(expected).toContain(toPublish!.documentId);
    expect(expected).not.toContain(toWithdraw!.documentId);

    // The pending updates are in the CMS database: a restart keeps them.
    await cms!.stop();
    cms = await startCms(settings);
    superAdmin = await adminLogin(settings.cms.url, settings.admin.email, settings.admin.password);
    curator = await adminLogin(settings.cms.url, 'curatore@demo.piattaforma.local', demoPassword);

    meilisearch = await startMeilisearch(settings);
    await expect.poll(() => indexedIds('practices'), POLL).toEqual(expected);
    await expect.poll(async () => (await hitFor(toPublish!.documentId))?.title, POLL).toBe(renamed);
  });

  const searchCli = (...args: string[]): Promise<{ code: number | null; output: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'test', 'stack', 'search-cli.ts'), ...args], {
        cwd: repoRoot,
        env: { ...settings.env, ENV_FILE: '/dev/null' },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ code, output }));
    });

  it('has command-line tools that report, check and rebuild the indexes', async () => {
    const published = (await publicIds('practice-cards')).length;
    await expect.poll(async () => (await indexedIds('practices')).length, POLL).toBe(published);

    // Applied updates leave the queue: status shows none waiting (polled, as the last may be finishing).
    let status = { code: null as number | null, output: '' };
    await expect
      .poll(
        async () => {
          status = await searchCli('status');
          return status.output;
        },
        { timeout: 60_000 },
      )
      .toMatch(/practices .*aggiornamenti in coda: 0/);
    expect(status.code, status.output).toBe(0);
    expect(status.output).toMatch(new RegExp(`practices\\s+${published} documenti \\(attesi dal CMS: ${published}\\)`));
    expect(status.output).toMatch(/organisations .*aggiornamenti in coda: 0/);

    const clean = await searchCli('check');
    expect(clean.code, clean.output).toBe(0);
    expect(clean.output).toMatch(/practices\s+allineato al CMS/);

    // Someone tampers with the index behind the CMS's back: the check names each difference.
    const [victim, other] = await indexedIds('practices');
    const master = settings.meilisearch.masterKey;
    await meili(master, 'DELETE', `/indexes/practices/documents/${victim}`);
    await meili(master, 'PUT', '/indexes/practices/documents', [{ id: other, title: 'Titolo manomesso' }]);
    await meili(master, 'POST', '/indexes/practices/documents', [{ id: 'fantasma', title: 'Mai pubblicata' }]);
    await expect.poll(async () => (await indexedIds('practices')).includes('fantasma'), POLL).toBe(true);
    await expect.poll(async () => (await hitFor(other!))?.title, POLL).toBe('Titolo manomesso');

    const dirty = await searchCli('check');
    expect(dirty.code).toBe(1);
    expect(dirty.output).toContain(`mancante nell'indice: ${victim}`);
    expect(dirty.output).toContain("nell'indice ma non pubblicato nel CMS: fantasma");
    expect(dirty.output).toMatch(new RegExp(`non aggiornato: ${other} \\(title\\)`));

    const rebuilt = await searchCli('reindex');
    expect(rebuilt.code, rebuilt.output).toBe(0);
    expect(rebuilt.output).toMatch(new RegExp(`practices .* ${published} documenti in [0-9,]+ s, 0 errori`));
    expect(rebuilt.output).toContain('Reindicizzazione completata.');
    expect((await searchCli('check')).code).toBe(0);
    expect(await indexedIds('practices')).toEqual(await publicIds('practice-cards'));
  });
});
