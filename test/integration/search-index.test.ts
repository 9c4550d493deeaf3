import { rmSync } from 'node:fs';
import { Meilisearch, type Index } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPracticeDocument, type PublishedPracticeCard } from '@coop/search/practice-document';
import { PRACTICES_INDEX, PRACTICES_SETTINGS, type PracticeSearchDocument } from '@coop/search/practices-index';
import type { Service } from '../stack/process.ts';
import { startMeilisearch } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { throwawaySettings } from '../stack/test-settings.ts';

const lombardia = { name: 'Lombardia' };
const card = (
  overrides: Partial<PublishedPracticeCard> & Pick<PublishedPracticeCard, 'documentId' | 'title'>,
): PublishedPracticeCard => ({
  slug: overrides.documentId,
  description: '',
  innovationElements: '',
  evaluation: '',
  city: 'Milano',
  startYear: 2023,
  publishedAt: '2026-01-15T10:00:00.000Z',
  impactEvaluation: false,
  intentPartnershipAbsent: true,
  economicPartnershipAbsent: true,
  organisation: {
    name: 'Navigli Insieme',
    slug: 'navigli-insieme',
    organisationType: 'Cooperativa sociale di tipo A',
    latitude: 45.45,
    longitude: 9.17,
  },
  province: { name: 'Milano', code: 'MI', latitude: 45.4642, longitude: 9.19, region: lombardia },
  innovationArea: { name: 'Co-produzione e generazione di valore nei territori' },
  intentPartners: [],
  economicPartners: [],
  fundingSources: [{ name: 'Proprie' }],
  ...overrides,
});

const CARDS: PublishedPracticeCard[] = [
  card({
    documentId: 'orti',
    title: 'Orti condivisi di quartiere',
    description: 'Una cooperativa sociale coltiva orti con i residenti della città: perché il verde è di tutti.',
    intentPartners: [{ name: 'PA e EE.LL.' }],
  }),
  card({
    documentId: 'tavolo',
    title: 'Tavolo permanente con il Comune',
    description: 'Co-progettazione dei servizi domiciliari con la pubblica amministrazione.',
    innovationArea: { name: 'Co-progettazione con la Pubblica Amministrazione' },
    organisation: {
      name: 'Terre del Mincio',
      slug: 'terre-del-mincio',
      organisationType: 'Cooperativa sociale di tipo B',
      latitude: null,
      longitude: null,
    },
    province: { name: 'Mantova', code: 'MN', latitude: 45.1564, longitude: 10.7914, region: lombardia },
    economicPartners: [{ name: 'Soggetti profit' }],
  }),
  card({
    documentId: 'centro',
    title: 'Centro diurno aperto',
    description: 'Attività per anziani soli e le loro famiglie.',
    province: {
      name: 'Bologna',
      code: 'BO',
      latitude: 44.4949,
      longitude: 11.3426,
      region: { name: 'Emilia-Romagna' },
    },
    organisation: {
      name: 'La Tessitura',
      slug: 'la-tessitura',
      organisationType: 'Cooperativa sociale di tipo B',
      latitude: 44.4949,
      longitude: 11.3426,
    },
  }),
  card({
    documentId: 'lavoro',
    title: 'Laboratorio di falegnameria',
    description: 'Inserimento lavorativo di persone con disabilità.',
    innovationArea: { name: 'Co-progettazione con la Pubblica Amministrazione' },
  }),
];

describe('the practices index: Italian search, facets and geography on a real Meilisearch', () => {
  let settings: StackSettings;
  let meilisearch: Service | undefined;
  let index: Index<PracticeSearchDocument>;
  const ids = async (query: string, options: Record<string, unknown> = {}): Promise<string[]> =>
    (await index.search(query, options)).hits.map((hit) => hit.id).sort();

  beforeAll(async () => {
    // A generated key may start with "-": Meilisearch must not read it as an option.
    settings = resolveSettings(
      await throwawaySettings({ MEILI_MASTER_KEY: '-Chiave_di_prova-che-inizia-con-un-trattino' }),
    );
    meilisearch = await startMeilisearch(settings);
    const client = new Meilisearch({ host: settings.meilisearch.url, apiKey: settings.meilisearch.masterKey });
    const uid = `${PRACTICES_INDEX}-${Date.now()}`;
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    index = client.index<PracticeSearchDocument>(uid);
    await index.updateSettings(PRACTICES_SETTINGS).waitTask();
    await index.addDocuments(CARDS.map(toPracticeDocument)).waitTask();
  });

  afterAll(async () => {
    await meilisearch?.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  it('finds a card through typos', async () => {
    expect(await ids('cooperatva socale')).toEqual(['orti']);
  });

  it('folds accents', async () => {
    expect(await ids('citta perche')).toEqual(['orti']);
  });

  it('knows the sector’s synonyms', async () => {
    expect(await ids('PA')).toContain('tavolo');
    expect(await ids('disabili')).toEqual(['lavoro']);
    expect(await ids('terza età')).toEqual(['centro']);
  });

  it('counts facets and filters by them', async () => {
    const { facetDistribution } = await index.search('', { facets: ['innovationArea', 'region', 'partnershipKinds'] });
    expect(facetDistribution?.innovationArea).toEqual({
      'Co-produzione e generazione di valore nei territori': 2,
      'Co-progettazione con la Pubblica Amministrazione': 2,
    });
    expect(facetDistribution?.region).toEqual({ Lombardia: 3, 'Emilia-Romagna': 1 });
    expect(facetDistribution?.partnershipKinds).toEqual({
      'Partnership di intenti': 1,
      'Partnership economica': 1,
      'Nessuna partnership': 2,
    });
    expect(await ids('', { filter: 'region = "Emilia-Romagna"' })).toEqual(['centro']);
  });

  it('places cards at their organisation, or at their province’s capital, and searches by radius', async () => {
    expect(await ids('', { filter: '_geoRadius(45.4642, 9.19, 20000)' })).toEqual(['lavoro', 'orti']);
    expect(await ids('', { filter: '_geoRadius(45.1564, 10.7914, 5000)' })).toEqual(['tavolo']);
  });
});
