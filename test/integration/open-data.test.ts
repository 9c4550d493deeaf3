import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../stack/process.ts';
import { startCms, startMaildev, startMeilisearch, startPortal } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword, testDataController, throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin, moveCard, type AdminSession } from '../support/admin-api.ts';
import { contentApi, createFullAccessToken, type ContentApi } from '../support/content-api.ts';
import { advanceReport, reportWithSections } from '../support/social-reports.ts';
import { childNamed, childrenNamed, expandJsonLd, jsonLdOf, parseXml } from '../support/xml.ts';

type Cell = { value: number | null; organisations: number; suppressed: string | null };
type Row = { key: string; label: string; total?: boolean; cells: Record<string, Cell> };
type Table = { id: string; columns: { key: string }[]; rows: Row[] };
type Observatory = { years: number[]; tables: Table[] };
type Mail = { subject: string; text: string; html: string; to: { address: string }[]; date: string };
type Expanded = Record<string, unknown>;

/** The figures of one known report: everything the observatory adds up. */
type Known = {
  slug: string;
  women: number;
  men: number;
  volunteers: number | null;
  disadvantaged: number;
  pay: [number, number];
  cap: '1:8' | '1:12';
  beneficiaries: [number, number];
  revenues: [string, number][];
};

/**
 * Six cooperatives of tipo B and A+B publish their 2022 reports: three in Lombardy (one province
 * each), one each in Campania, Piedmont and Emilia-Romagna. Three of each type, so a type is
 * shown; every province and every region but Lombardy is a group of one, so it is hidden.
 */
const KNOWN: Known[] = [
  {
    slug: 'terre-del-mincio',
    women: 10,
    men: 10,
    volunteers: 5,
    disadvantaged: 8,
    pay: [36_000, 18_000],
    cap: '1:8',
    beneficiaries: [100, 50],
    revenues: [
      ['Ricavi da enti pubblici', 100_000],
      ['Ricavi da privati', 50_000],
      ['Contributi pubblici', 10_000],
      ['Contributi privati', 5_000],
    ],
  },
  {
    slug: 'brescia-solidale',
    women: 6,
    men: 4,
    volunteers: 3,
    disadvantaged: 2,
    pay: [30_000, 10_000],
    cap: '1:8',
    beneficiaries: [40, 10],
    revenues: [
      ['Ricavi da enti pubblici', 200_000],
      ['Contributi pubblici', 20_000],
    ],
  },
  {
    slug: 'il-torrazzo',
    women: 15,
    men: 15,
    volunteers: 2,
    disadvantaged: 12,
    pay: [90_000, 10_000],
    cap: '1:8',
    beneficiaries: [60, 0],
    revenues: [
      ['Ricavi da privati', 300_000],
      ['Cinque per mille', 1_000],
    ],
  },
  {
    slug: 'il-faro-napoli',
    women: 20,
    men: 20,
    volunteers: 10,
    disadvantaged: 20,
    pay: [40_000, 20_000],
    cap: '1:12',
    beneficiaries: [200, 100],
    revenues: [
      ['Ricavi da enti pubblici', 400_000],
      ['Contributi pubblici', 10_000],
      ['Donazioni e raccolta fondi', 4_000],
    ],
  },
  {
    slug: 'orti-urbani-torino',
    women: 5,
    men: 5,
    volunteers: null,
    disadvantaged: 3,
    pay: [25_000, 12_500],
    cap: '1:8',
    beneficiaries: [10, 10],
    revenues: [['Ricavi da privati', 40_000]],
  },
  {
    slug: 'la-tessitura',
    women: 10,
    men: 0,
    volunteers: 4,
    disadvantaged: 4,
    pay: [28_000, 14_000],
    cap: '1:8',
    beneficiaries: [30, 20],
    revenues: [
      ['Ricavi da enti pubblici', 60_000],
      ['Contributi privati', 2_000],
    ],
  },
];
const YEAR = 2022;
const sum = (of: (known: Known) => number): number => KNOWN.reduce((total, known) => total + of(known), 0);
const workers = (known: Known): number => known.women + known.men;
const revenue = (known: Known, kinds?: string[]): number =>
  known.revenues.filter(([kind]) => !kinds || kinds.includes(kind)).reduce((total, [, amount]) => total + amount, 0);

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const SCHEMA = 'https://schema.org/';
const idsOf = (node: Expanded, property: string): string[] =>
  ((node[property] as { '@id'?: string; '@value'?: string }[] | undefined) ?? []).map(
    (value) => value['@id'] ?? value['@value'] ?? '',
  );

/**
 * The open observatory, the open-data standards and the alerts, on one running system: known
 * reports published through the workflow and read back as figures, tables, CSV and pages; the
 * catalogue, dictionaries, JSON-LD, sitemap, feed and changes since a date; subscriptions through
 * the portal's form with every message read from MailDev.
 */
describe('observatory, open data and alerts', () => {
  let settings: StackSettings;
  const services: Service[] = [];
  let api: ContentApi;
  const sessions = new Map<string, AdminSession>();
  const as = (who: 'staff' | 'curatore' | 'responsabile'): AdminSession => sessions.get(who)!;
  let publishedAt = '';

  const portal = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${settings.portal.url}${path}`, init);
  const portalText = async (path: string): Promise<{ status: number; type: string; text: string }> => {
    const response = await portal(path);
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  };
  const observatory = async (query: string): Promise<Observatory> => {
    const response = await fetch(`${settings.cms.url}/api/observatory${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { data: Observatory }).data;
  };
  const tableOf = (data: Observatory, id: string): Table => data.tables.find((table) => table.id === id)!;
  const rowOf = (table: Table, key: string): Row => table.rows.find((row) => row.key === key)!;
  const cardId = async (slug: string): Promise<string> =>
    (
      await api.json<{ data: { documentId: string }[] }>(
        'GET',
        `/practice-cards?filters[slug][$eq]=${slug}&status=draft`,
      )
    ).data[0]!.documentId;
  const inbox = async (address: string): Promise<Mail[]> => {
    const response = await fetch(`${settings.smtp.inboxUrl}/api/email`);
    const mails = response.ok ? ((await response.json()) as Mail[]) : [];
    return mails.filter((mail) => mail.to.some((to) => to.address === address));
  };
  const mailsOf = async (address: string, subject: RegExp, count = 1): Promise<Mail[]> => {
    await expect
      .poll(async () => (await inbox(address)).filter((mail) => subject.test(mail.subject)).length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(count);
    return (await inbox(address)).filter((mail) => subject.test(mail.subject));
  };
  const form = (path: string, fields: [string, string][]): Promise<Response> =>
    portal(path, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: settings.portal.url },
      body: new URLSearchParams(fields),
    });
  const linkIn = (mail: Mail, path: string): string => {
    const found = new RegExp(`${settings.portal.url}${path}\\?token=([A-Za-z0-9._-]+)`).exec(mail.text);
    expect(found, `${path} in «${mail.subject}»`).not.toBeNull();
    return found![1]!;
  };

  beforeAll(async () => {
    settings = resolveSettings(
      await throwawaySettings({
        EMAIL_RETRY_INTERVAL_SECONDS: '1',
        EMAIL_RETRY_MAX_SECONDS: '1',
        ALERT_DIGEST_DELAY_MINUTES: '0',
        ALERT_CHECK_INTERVAL_SECONDS: '1',
        ALERT_RATE_LIMIT_MAX: '30',
      }),
    );
    services.push(await startMaildev(settings));
    // The catalogue's pages search: every page of the sitemap must answer.
    services.push(await startMeilisearch(settings));
    services.push(await startCms(settings));
    services.push(await startPortal(settings));
    const admin = await adminLogin(settings.cms.url, settings.admin.email, settings.admin.password);
    api = contentApi(settings.cms.url, await createFullAccessToken(admin));
    sessions.set('staff', await adminLogin(settings.cms.url, 'staff@demo.piattaforma.local', demoPassword));
    sessions.set('curatore', await adminLogin(settings.cms.url, 'curatore@demo.piattaforma.local', demoPassword));
    sessions.set(
      'responsabile',
      await adminLogin(settings.cms.url, 'responsabile.navigli@demo.piattaforma.local', demoPassword),
    );

    // The known reports: a complete report's texts, with each one's own figures, taken to publication.
    const { data: sources } = await api.json<{ data: { documentId: string }[] }>(
      'GET',
      '/social-reports?filters[organisation][slug][$eq]=terre-del-mincio&filters[year][$eq]=2024',
    );
    const source = await reportWithSections(api, sources[0]!.documentId);
    const strip = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(strip)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .filter(([key]) => key !== 'id')
                .map(([key, inner]) => [key, strip(inner)]),
            )
          : value;
    const base = strip(source) as Record<string, Record<string, unknown> | null>;
    for (const known of KNOWN) {
      const { data: organisations } = await api.json<{ data: { documentId: string }[] }>(
        'GET',
        `/organisations?filters[slug][$eq]=${known.slug}`,
      );
      const sections = [
        'methodology',
        'generalInfo',
        'governance',
        'people',
        'workIntegration',
        'consortium',
        'activities',
        'economics',
        'otherInfo',
        'controlMonitoring',
        'omissions',
      ];
      const data: Record<string, unknown> = Object.fromEntries(
        sections.map((section) => [section, base[section] ?? null]),
      );
      data.people = {
        ...base.people,
        staff: [{ kind: 'Dipendenti a tempo indeterminato', women: known.women, men: known.men }],
        volunteers: known.volunteers === null ? [] : [{ kind: 'Volontari soci', count: known.volunteers }],
        highestGrossPay: known.pay[0],
        lowestGrossPay: known.pay[1],
        payRatioCap: known.cap,
        payRatioCapReason: known.cap === '1:12' ? 'Competenze specifiche di medici e psicologi' : null,
      };
      data.workIntegration = {
        ...base.workIntegration,
        disadvantagedWorkers: [{ category: 'Invalidi fisici, psichici e sensoriali', count: known.disadvantaged }],
      };
      data.activities = {
        ...base.activities,
        beneficiaries: [
          { category: 'Persone accompagnate', direct: known.beneficiaries[0], indirect: known.beneficiaries[1] },
        ],
      };
      data.economics = {
        ...base.economics,
        revenues: known.revenues.map(([kind, amount]) => ({ kind, description: `${kind} ${YEAR}`, amount })),
      };
      if (known.volunteers === null)
        data.omissions = [{ item: 'Volontari', reason: 'La cooperativa non ha volontari.' }];
      const created = await api.json<{ data: { documentId: string } }>('POST', '/social-reports', {
        data: { ...data, year: YEAR, organisation: organisations[0]!.documentId },
      });
      await advanceReport(as('staff'), created.data.documentId, YEAR, 'In compilazione', 'Pubblicato');
    }
  });

  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  describe('the observatory', () => {
    it('adds up every figure of the published reports of a year', async () => {
      const data = await observatory(`?anno=${YEAR}`);
      expect(data.years).toContain(YEAR);
      const overview = rowOf(tableOf(data, 'sintesi'), 'totale').cells;
      expect(overview.organisations?.value).toBe(KNOWN.length);
      expect(overview.workers?.value).toBe(sum(workers));
      expect(overview.womenShare?.value).toBeCloseTo(sum((known) => known.women) / sum(workers), 6);
      expect(overview.volunteers).toMatchObject({ value: sum((known) => known.volunteers ?? 0), organisations: 5 });
      expect(overview.beneficiariesDirect?.value).toBe(sum((known) => known.beneficiaries[0]));
      expect(overview.beneficiariesIndirect?.value).toBe(sum((known) => known.beneficiaries[1]));
      expect(overview.revenues?.value).toBe(sum((known) => revenue(known)));

      // Tipo B and A+B against the 30% floor: brescia-solidale is below it (2 of 10), orti-urbani-torino at it.
      const integration = rowOf(tableOf(data, 'inserimento-lavorativo'), 'totale').cells;
      expect(integration.integrationOrganisations?.value).toBe(6);
      expect(integration.disadvantaged?.value).toBe(sum((known) => known.disadvantaged));
      expect(integration.disadvantagedShare?.value).toBeCloseTo(sum((known) => known.disadvantaged) / sum(workers), 6);
      expect(integration.atFloor?.value).toBe(5);
      expect(integration.belowFloor?.value).toBe(1);

      // Pay ratios against the cap each declares: il-torrazzo is 1:9 under 1:8; il-faro-napoli declares 1:12.
      const pay = rowOf(tableOf(data, 'retribuzioni'), 'totale').cells;
      expect(pay.payReported?.value).toBe(6);
      expect(pay.payRatioMean?.value).toBeCloseTo(sum((known) => known.pay[0] / known.pay[1]) / 6, 6);
      expect(pay.withinCap?.value).toBe(5);
      expect(pay.overCap?.value).toBe(1);
      expect(pay.cap12?.value).toBe(1);

      // Revenues by source, public and private contributions apart; a source of fewer than three is hidden.
      const revenues = tableOf(data, 'proventi');
      expect(rowOf(revenues, 'Ricavi da enti pubblici').cells.amount?.value).toBe(760_000);
      expect(rowOf(revenues, 'Ricavi da privati').cells.amount?.value).toBe(390_000);
      expect(rowOf(revenues, 'contributi-pubblici').cells.amount?.value).toBe(40_000);
      expect(rowOf(revenues, 'contributi-privati').cells.amount?.value).toBe(12_000);
      expect(rowOf(revenues, 'contributi-privati').cells.amount?.organisations).toBe(4);
      expect(rowOf(revenues, 'Cinque per mille').cells.amount).toMatchObject({
        value: null,
        suppressed: 'small-group',
      });
      expect(rowOf(revenues, 'totale').cells.share?.value).toBe(1);

      // The trend has every year with published reports (the demo's 2023 report, alone, is hidden).
      const trend = tableOf(data, 'andamento');
      expect(rowOf(trend, String(YEAR)).cells.workers?.value).toBe(sum(workers));
      expect(rowOf(trend, '2023').cells.workers).toMatchObject({ value: null, suppressed: 'small-group' });
    });

    it('shows no figure of a group of fewer than three, nor one that gives such a group away by difference', async () => {
      const data = await observatory(`?anno=${YEAR}`);
      const regions = tableOf(data, 'per-regione');
      expect(rowOf(regions, 'lombardia').cells.workers?.value).toBe(60);
      for (const region of ['campania', 'piemonte', 'emilia-romagna']) {
        expect(rowOf(regions, region).cells.workers).toMatchObject({ value: null, suppressed: 'small-group' });
        expect(rowOf(regions, region).cells.organisations?.value).toBe(1);
      }
      for (const row of tableOf(data, 'per-provincia').rows.filter((candidate) => !candidate.total)) {
        expect(row.cells.workers?.value, row.label).toBeNull();
      }
      const types = tableOf(data, 'per-tipo');
      expect(rowOf(types, 'tipo-b').cells.workers?.value).toBe(40);
      expect(rowOf(types, 'tipo-a-b').cells.workers?.value).toBe(80);
      // Filtered: Lombardy's tipo A+B is two cooperatives, and Lombardy minus them would give tipo B's one.
      const lombardy = await observatory(`?anno=${YEAR}&regione=lombardia`);
      expect(rowOf(tableOf(lombardy, 'sintesi'), 'totale').cells.workers?.value).toBe(60);
      const narrow = await observatory(`?anno=${YEAR}&regione=lombardia&tipo=tipo-a-b`);
      expect(rowOf(tableOf(narrow, 'sintesi'), 'totale').cells.organisations?.value).toBe(2);
      expect(rowOf(tableOf(narrow, 'sintesi'), 'totale').cells.workers).toMatchObject({
        value: null,
        suppressed: 'small-group',
      });
      // No hidden cell carries its value anywhere in the answer.
      for (const answer of [data, lombardy, narrow]) {
        for (const table of answer.tables)
          for (const row of table.rows)
            for (const cell of Object.values(row.cells)) if (cell.suppressed) expect(cell.value).toBeNull();
      }
    });

    it('draws the tables and charts in Italian, with the selection in the address and a CSV of every table', async () => {
      const page = await portalText(`/osservatorio?anno=${YEAR}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('1.202.000'); // total revenues, the Italian way
      expect(page.text).toContain('55,0%'); // women's share
      expect(page.text).toMatch(/meno di 3 organizzazioni/);
      expect(page.text).toMatch(/<form[^>]*method="get"[^>]*action="\/osservatorio"/);
      expect(page.text).toMatch(
        /role="img" aria-label="Lavoratori per regione: [^"]*Campania non mostrato[^"]*Lombardia 60/,
      );
      const csvLinks = [
        ...new Set(
          [...page.text.matchAll(/href="(\/osservatorio\/[a-z-]+\.csv\?[^"]*)"/g)].map((match) =>
            match[1]!.replace(/&amp;/g, '&'),
          ),
        ),
      ];
      const tables = (await observatory(`?anno=${YEAR}`)).tables.map((table) => table.id);
      expect(csvLinks.map((link) => link.split('.csv')[0]!.slice('/osservatorio/'.length)).sort()).toEqual(
        [...tables].sort(),
      );
      for (const link of csvLinks) {
        expect(link).toContain(`anno=${YEAR}`);
        const csv = await portalText(link);
        expect(csv.status, link).toBe(200);
        expect(csv.type).toMatch(/^text\/csv/);
      }
      const overview = (await portalText(`/osservatorio/sintesi.csv?anno=${YEAR}`)).text
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      const header = overview[0]!.split(',');
      const values = overview[1]!.split(',');
      expect(values[header.indexOf('lavoratori')]).toBe(String(sum(workers)));
      expect(values[header.indexOf('ricavi_e_proventi_euro')]).toMatch(/^1202000(\.00)?$/);
      const provinces = (await portalText(`/osservatorio/per-provincia.csv?anno=${YEAR}`)).text;
      expect(provinces).toMatch(/Mantova[^\r\n]*,,[^\r\n]*meno di 3 organizzazioni/);

      const filtered = await portalText(`/osservatorio?anno=${YEAR}&regione=lombardia&tipo=tipo-b`);
      expect(filtered.status).toBe(200);
      expect(filtered.text).toMatch(/<option[^>]*value="lombardia"[^>]*selected/);
      expect(filtered.text).toContain(`/osservatorio/sintesi.csv?anno=${YEAR}&amp;regione=lombardia&amp;tipo=tipo-b`);
      const invalid = await portalText('/osservatorio?anno=1850');
      expect(invalid.status).toBe(400);
      expect(invalid.text).toContain('Anno: «1850» non ha bilanci pubblicati');
    });
  });

  describe('open-data standards', () => {
    it('describes every dataset in DCAT-AP_IT with licence, publisher, frequency and a distribution per format', async () => {
      const catalogue = await portalText('/dati/catalogo.jsonld');
      expect(catalogue.status).toBe(200);
      expect(catalogue.type).toMatch(/^application\/ld\+json/);
      const graph = await expandJsonLd(JSON.parse(catalogue.text));
      const typed = (type: string): Expanded[] =>
        graph.filter((node) => (node['@type'] as string[] | undefined)?.includes(type));
      const byId = new Map<string, Expanded>();
      const collect = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object') {
          const node = value as Expanded;
          if (typeof node['@id'] === 'string' && (node['@type'] || Object.keys(node).length > 1))
            byId.set(node['@id'], node);
          Object.values(node).forEach(collect);
        }
      };
      collect(graph);
      const [catalog] = typed(`${DCAT}Catalog`);
      expect(catalog?.['@type']).toContain('http://dati.gov.it/onto/dcatapit#Catalog');
      const datasets = typed(`${DCAT}Dataset`);
      expect(idsOf(catalog!, `${DCAT}dataset`).sort()).toEqual(datasets.map((node) => node['@id']).sort());
      expect(datasets.map((node) => String(node['@id']).split('#')[1]).sort()).toEqual([
        'organizzazioni',
        'osservatorio',
        'pratiche',
        'servizi-consortili',
      ]);
      const publisher = byId.get(idsOf(catalog!, `${DCT}publisher`)[0]!);
      expect(idsOf(publisher!, 'http://xmlns.com/foaf/0.1/name')).toEqual([testDataController.name]);
      for (const dataset of datasets) {
        expect(dataset['@type']).toContain('http://dati.gov.it/onto/dcatapit#Dataset');
        for (const property of [
          `${DCT}title`,
          `${DCT}description`,
          `${DCT}identifier`,
          `${DCT}modified`,
          `${DCT}publisher`,
          `${DCT}rightsHolder`,
          `${DCAT}contactPoint`,
          `${DCAT}theme`,
          `${DCT}accrualPeriodicity`,
          `${DCAT}distribution`,
        ])
          expect(idsOf(dataset, property).length, `${String(dataset['@id'])} ${property}`).toBeGreaterThan(0);
        expect(idsOf(dataset, `${DCT}accrualPeriodicity`)[0]).toMatch(
          /^http:\/\/publications\.europa\.eu\/resource\/authority\/frequency\//,
        );
        expect(
          idsOf(dataset, `${DCAT}theme`).every((theme) =>
            theme.startsWith('http://publications.europa.eu/resource/authority/data-theme/'),
          ),
        ).toBe(true);
        const dictionary = idsOf(dataset, `${DCT}conformsTo`)[0]!;
        expect((await portal(new URL(dictionary).pathname)).status).toBe(200);
        for (const distributionId of idsOf(dataset, `${DCAT}distribution`)) {
          const distribution = byId.get(distributionId)!;
          expect(idsOf(distribution, `${DCT}license`)).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
          expect(idsOf(distribution, `${DCT}format`)[0]).toMatch(/\/file-type\/(CSV|JSON|GEOJSON)$/);
          const url = new URL(idsOf(distribution, `${DCAT}downloadURL`)[0]!);
          const download = await portal(`${url.pathname}${url.search}`);
          expect(download.status, url.pathname).toBe(200);
          expect(download.headers.get('content-type')).toContain(idsOf(distribution, `${DCAT}mediaType`)[0]!);
          await download.arrayBuffer();
        }
      }
      const licence = byId.get('https://creativecommons.org/licenses/by/4.0/');
      expect(licence?.['@type']).toContain(`${DCT}LicenseDocument`);
    });

    it('links a data dictionary from /dati for every download, naming every column it has', async () => {
      const index = await portalText('/dati');
      for (const [dataset, download] of [
        ['pratiche', '/dati/pratiche.csv'],
        ['organizzazioni', '/dati/organizzazioni.csv'],
        ['servizi-consortili', '/dati/servizi-consortili.csv'],
        ['osservatorio', `/osservatorio/sintesi.csv?anno=${YEAR}`],
      ] as const) {
        expect(index.text).toContain(`href="/dati/dizionario/${dataset}"`);
        const dictionary = await portalText(`/dati/dizionario/${dataset}`);
        expect(dictionary.status).toBe(200);
        expect(dictionary.text).toMatch(/<th[^>]*>Campo<\/th>[\s\S]*Significato[\s\S]*Tipo[\s\S]*Esempio/);
        const header = (await portalText(download)).text
          .replace(/^\uFEFF/, '')
          .split('\r\n')[0]!
          .split(',');
        for (const column of header)
          expect(dictionary.text, `${dataset}: ${column}`).toMatch(new RegExp(`<code[^>]*>${column}</code>`));
      }
      expect((await portal('/dati/dizionario/non-esiste')).status).toBe(404);
    });

    it('puts schema.org JSON-LD on practice and organisation pages: Project, Organization/NGO with areaServed, Place with coordinates', async () => {
      const practice = await portalText('/pratiche/corte-sociale-curtatone');
      const [project] = await expandJsonLd(jsonLdOf(practice.text)[0]);
      expect(project?.['@type']).toEqual([`${SCHEMA}Project`]);
      expect(idsOf(project!, `${SCHEMA}name`)[0]).toBeTruthy();
      expect(idsOf(project!, `${SCHEMA}url`)[0]).toBe(`${settings.portal.url}/pratiche/corte-sociale-curtatone`);
      const place = (project![`${SCHEMA}location`] as Expanded[])[0]!;
      expect(place['@type']).toEqual([`${SCHEMA}Place`]);
      const geo = (place[`${SCHEMA}geo`] as Expanded[])[0]!;
      expect(Number(idsOf(geo, `${SCHEMA}latitude`)[0])).toBeGreaterThan(44);
      expect(Number(idsOf(geo, `${SCHEMA}longitude`)[0])).toBeGreaterThan(10);
      expect((project![`${SCHEMA}areaServed`] as Expanded[]).length).toBeGreaterThan(0);

      const page = await portalText('/organizzazioni/terre-del-mincio');
      const [organisation] = await expandJsonLd(jsonLdOf(page.text)[0]);
      expect(organisation?.['@type']).toEqual(expect.arrayContaining([`${SCHEMA}Organization`, `${SCHEMA}NGO`]));
      const served = (organisation![`${SCHEMA}areaServed`] as Expanded[]).map(
        (area) => idsOf(area, `${SCHEMA}name`)[0],
      );
      expect(served).toEqual(expect.arrayContaining(['Mantova', 'Lombardia']));
      const location = (organisation![`${SCHEMA}location`] as Expanded[])[0]!;
      expect(location['@type']).toEqual([`${SCHEMA}Place`]);
      expect((location[`${SCHEMA}geo`] as Expanded[]).length).toBe(1);
    });

    it('lists every public page in /sitemap.xml, each answering', async () => {
      const robots = await portalText('/robots.txt');
      expect(robots.type).toMatch(/^text\/plain/);
      const named = /^Sitemap: (\S+)$/m.exec(robots.text)?.[1];
      expect(named && new URL(named).pathname).toBe('/sitemap.xml');
      const sitemap = await portalText(new URL(named!).pathname);
      expect(sitemap.type).toMatch(/^application\/xml/);
      const root = parseXml(sitemap.text);
      expect(root).toMatchObject({ name: 'urlset', uri: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
      const paths = childrenNamed(root, 'url').map((url) => new URL(childNamed(url, 'loc')!.text).pathname);
      const practices = (JSON.parse((await portalText('/dati/pratiche.json')).text) as { pratiche: { slug: string }[] })
        .pratiche;
      const organisations = (
        JSON.parse((await portalText('/dati/organizzazioni.json')).text) as { organizzazioni: { slug: string }[] }
      ).organizzazioni;
      expect(paths).toEqual(
        expect.arrayContaining([
          '/',
          '/osservatorio',
          '/dati',
          '/avvisi',
          `/organizzazioni/terre-del-mincio/bilanci/${YEAR}`,
        ]),
      );
      expect(paths).toEqual(expect.arrayContaining(practices.map((card) => `/pratiche/${card.slug}`)));
      expect(paths).toEqual(
        expect.arrayContaining(organisations.map((organisation) => `/organizzazioni/${organisation.slug}`)),
      );
      expect(new Set(paths).size).toBe(paths.length);
      const failing: string[] = [];
      for (const path of paths) {
        const response = await portal(path);
        await response.arrayBuffer();
        if (response.status !== 200) failing.push(`${path}: ${response.status}`);
      }
      expect(failing).toEqual([]);
    });

    it('says what changed since a date, with withdrawn practices as tombstones, and feeds new ones in Atom', async () => {
      const since = new Date().toISOString();
      const before = JSON.parse((await portalText(`/dati/pratiche.json?modificate_dal=${since}`)).text) as {
        pratiche: unknown[];
        ritirate: unknown[];
      };
      expect(before).toMatchObject({ pratiche: [], ritirate: [] });

      // Kept by the portal's cache until the CMS says what changed.
      expect((await portalText('/feed.xml')).text).not.toContain('bilancio-partecipato-dei-soci');
      expect((await portalText('/sitemap.xml')).text).not.toContain('bilancio-partecipato-dei-soci');
      const published = await cardId('bilancio-partecipato-dei-soci');
      await moveCard(as('curatore'), published, 'Pubblicata');
      const withdrawn = await cardId('isole-di-turno');
      await moveCard(as('curatore'), withdrawn, 'Archiviata');
      publishedAt = new Date().toISOString();

      const changes = await portalText(`/dati/pratiche.json?modificate_dal=${encodeURIComponent(since)}`);
      expect(changes.status).toBe(200);
      const body = JSON.parse(changes.text) as {
        licenza: string;
        fino_al: string;
        pratiche: { slug: string; modificata_il: string }[];
        ritirate: { slug: string; stato: string; ritirata_il: string; url: string }[];
      };
      expect(body.licenza).toContain('creativecommons.org/licenses/by/4.0');
      expect(body.pratiche.map((card) => card.slug)).toEqual(['bilancio-partecipato-dei-soci']);
      expect(body.pratiche[0]!.modificata_il >= since).toBe(true);
      expect(body.ritirate).toEqual([
        expect.objectContaining({
          slug: 'isole-di-turno',
          stato: 'ritirata',
          url: `${settings.portal.url}/pratiche/isole-di-turno`,
        }),
      ]);
      const next = JSON.parse(
        (await portalText(`/dati/pratiche.json?modificate_dal=${encodeURIComponent(body.fino_al)}`)).text,
      ) as { pratiche: unknown[]; ritirate: unknown[] };
      expect(next).toMatchObject({ pratiche: [], ritirate: [] });
      const day = await portalText(`/dati/pratiche.json?modificate_dal=${since.slice(0, 10)}`);
      expect(day.status).toBe(200);
      const wrong = await portalText('/dati/pratiche.json?modificate_dal=ieri');
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('modificate_dal: «ieri» non è una data ISO 8601');

      const feed = await portalText('/feed.xml');
      expect(feed.type).toMatch(/^application\/atom\+xml/);
      const root = parseXml(feed.text);
      expect(root).toMatchObject({ name: 'feed', uri: 'http://www.w3.org/2005/Atom' });
      for (const required of ['id', 'title', 'updated', 'author'])
        expect(childNamed(root, required), required).toBeDefined();
      expect(childrenNamed(root, 'link').some((link) => link.attributes.rel === 'self')).toBe(true);
      const entries = childrenNamed(root, 'entry');
      for (const entry of entries) {
        for (const required of ['id', 'title', 'updated', 'link'])
          expect(childNamed(entry, required), required).toBeDefined();
        expect(Number.isFinite(Date.parse(childNamed(entry, 'updated')!.text))).toBe(true);
      }
      const links = entries.map((entry) => new URL(childNamed(entry, 'link')!.attributes.href!).pathname);
      expect(links[0]).toBe('/pratiche/bilancio-partecipato-dei-soci');
      expect(links).toContain(`/organizzazioni/terre-del-mincio/bilanci/${YEAR}`);
      expect(links).not.toContain('/pratiche/isole-di-turno');
      const sitemap = (await portalText('/sitemap.xml')).text;
      expect(sitemap).toContain('/pratiche/bilancio-partecipato-dei-soci</loc>');
      expect(sitemap).not.toContain('/pratiche/isole-di-turno</loc>');
    });
  });

  describe('alerts of new practices', () => {
    const lombardy = 'avvisi.lombardia@example.org';
    const campania = 'avvisi.campania@example.org';
    const tokens = new Map<string, string>();

    it('subscribes through the form, which links the privacy notice, and confirms by the e-mailed link', async () => {
      const page = await portalText('/avvisi');
      expect(page.text).toMatch(/href="\/privacy#avvisi"/);
      expect((await portalText('/privacy')).text).toMatch(/id="avvisi"[\s\S]*non compare mai nei dati aperti/);
      expect(page.text).toContain('name="regions" value="lombardia"');
      const refused = await form('/avvisi', [
        ['email', lombardy],
        ['regions', 'lombardia'],
      ]);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('Privacy: occorre acconsentire');

      for (const [email, region] of [
        [lombardy, 'lombardia'],
        [campania, 'campania'],
      ] as const) {
        const sent = await form('/avvisi', [
          ['email', email],
          ['regions', region],
          ['privacyAccepted', 'si'],
        ]);
        expect(sent.status).toBe(200);
        expect(await sent.text()).toContain('Ti abbiamo inviato un’e-mail');
        const [confirmation] = await mailsOf(email, /conferma/i);
        tokens.set(email, linkIn(confirmation!, '/avvisi/cancella'));
        const token = linkIn(confirmation!, '/avvisi/conferma');
        expect((await portalText(`/avvisi/conferma?token=${token}`)).text).toContain('Conferma l’iscrizione</button>');
        const confirmed = await form('/avvisi/conferma', [['token', token]]);
        expect(confirmed.status).toBe(200);
        expect(await confirmed.text()).toContain('Iscrizione confermata');
      }
      expect((await form('/avvisi/conferma', [['token', 'non-valido-1234567890']])).status).toBe(400);
      // Once sent, the e-mail log keeps no link that confirms or cancels on the subscriber's behalf.
      const logged = await as('staff').json<{ results: { text: string; html: string | null }[] }>(
        'GET',
        `/content-manager/collection-types/api::email-message.email-message?filters[to][$eq]=${encodeURIComponent(campania)}`,
      );
      expect(logged.results).toHaveLength(1);
      for (const { text, html } of logged.results) {
        expect(text).toContain('/avvisi/conferma?token=[riservato]');
        expect(`${text}${html ?? ''}`).not.toMatch(/\/avvisi\/(conferma|cancella)\?token=(?!\[riservato\])/);
      }
    });

    it('sends a subscriber one digest per day at most, with the unsubscribe link', async () => {
      await moveCard(as('curatore'), await cardId('emporio-solidale-val-trompia'), 'Selezionata');
      await moveCard(as('curatore'), await cardId('emporio-solidale-val-trompia'), 'Pubblicata');
      const [digest] = await mailsOf(lombardy, /nuov[ae] pratic/i);
      expect(digest!.text).toContain('Emporio solidale');
      expect(digest!.text).not.toContain('Bilancio partecipato'); // published before the subscription
      expect(linkIn(digest!, '/avvisi/cancella')).toBe(tokens.get(lombardy));

      // A second Lombard practice waits for tomorrow; Campania's subscriber gets hers after it was queued.
      await moveCard(as('curatore'), await cardId('academy-consortile'), 'Selezionata');
      await moveCard(as('curatore'), await cardId('academy-consortile'), 'Pubblicata');
      await moveCard(as('curatore'), await cardId('strade-che-educano-sanita'), 'Pubblicata');
      const [other] = await mailsOf(campania, /nuov[ae] pratic/i);
      expect(other!.text).toContain('Napoli');
      expect((await inbox(lombardy)).filter((mail) => /nuov[ae] pratic/i.test(mail.subject))).toHaveLength(1);
      expect(publishedAt).not.toBe('');
    });

    it('keeps addresses out of open data, lets staff alone export them, limits requests and deletes on unsubscribe', async () => {
      for (const path of [
        '/dati/pratiche.json',
        '/dati/organizzazioni.json',
        '/feed.xml',
        '/sitemap.xml',
        '/dati/catalogo.jsonld',
        `/osservatorio/dati.json?anno=${YEAR}`,
      ])
        expect((await portalText(path)).text, path).not.toContain('example.org');
      const exported = await as('staff').request('GET', '/coop/alert-subscriptions/export');
      expect(exported.status).toBe(200);
      expect(await exported.text()).toContain(lombardy);
      expect((await as('responsabile').request('GET', '/coop/alert-subscriptions/export')).status).toBe(403);
      expect((await fetch(`${settings.cms.url}/coop/alert-subscriptions/export`)).status).toBe(401);

      const flooded = 'avvisi.ripetuti@example.org';
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await fetch(`${settings.cms.url}/api/alert-subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: { email: flooded, regions: ['lazio'], privacyAccepted: true } }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([202, 202, 202, 429]);

      const cancelled = await form('/avvisi/cancella', [['token', tokens.get(lombardy)!]]);
      expect(await cancelled.text()).toContain('il tuo indirizzo è stato eliminato');
      expect(await (await as('staff').request('GET', '/coop/alert-subscriptions/export')).text()).not.toContain(
        lombardy,
      );
      const log = await as('staff').json<{ results: unknown[] }>(
        'GET',
        `/content-manager/collection-types/api::email-message.email-message?filters[to][$eq]=${encodeURIComponent(lombardy)}`,
      );
      expect(log.results).toEqual([]);
      expect(await (await form('/avvisi/cancella', [['token', tokens.get(lombardy)!]])).text()).toContain(
        'era già stata cancellata',
      );
    });
  });
});
