import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres } from '../stack/postgres.ts';
import type { Service } from '../stack/process.ts';
import { startCms } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { testAdmin, throwawaySettings } from '../stack/test-settings.ts';
import { adminLogin, type AdminSession, moveCard } from '../support/admin-api.ts';
import { contentApi, countOf, createFullAccessToken, type ContentApi } from '../support/content-api.ts';
import { gifOfSize } from '../support/images.ts';

type Database = { name: string; start: () => Promise<{ env: Record<string, string>; stop: () => Promise<void> }> };

const databases: Database[] = [
  { name: 'SQLite', start: () => Promise.resolve({ env: {}, stop: async () => {} }) },
  {
    name: 'PostgreSQL',
    start: async () => {
      const postgres = await startThrowawayPostgres();
      return { env: postgres.env, stop: postgres.stop };
    },
  },
];

const SEEDED = {
  regions: 20,
  provinces: 107,
  'innovation-areas': 6,
  'partner-categories': 6,
  'funding-sources': 7,
  'service-areas': 6,
  organisations: 17,
  'social-reports': 3,
  'consortium-services': 29,
} as const;

const PRACTICE_CARD = 'api::practice-card.practice-card';

describe.each(databases)('data model, validation and demo data on $name', (database) => {
  let stopDatabase: () => Promise<void>;
  let settings: StackSettings;
  let cms: Service | undefined;
  let admin: AdminSession;
  let api: ContentApi;
  const ids: Record<string, string> = {};

  const documentIdBy = async (plural: string, field: string, value: string): Promise<string> => {
    const { data } = await api.json<{ data: { documentId: string }[] }>(
      'GET',
      `/${plural}?filters[${field}][$eq]=${encodeURIComponent(value)}&status=draft`,
    );
    const documentId = data[0]?.documentId;
    if (!documentId) throw new Error(`no ${plural} with ${field} = ${value}`);
    return documentId;
  };

  beforeAll(async () => {
    const started = await database.start();
    stopDatabase = started.stop;
    settings = resolveSettings(await throwawaySettings(started.env));
    cms = await startCms(settings);
    admin = await adminLogin(settings.cms.url, testAdmin.email, testAdmin.password);
    api = contentApi(settings.cms.url, await createFullAccessToken(admin));

    ids.navigli = await documentIdBy('organisations', 'slug', 'navigli-insieme');
    ids.terreDelMincio = await documentIdBy('organisations', 'slug', 'terre-del-mincio');
    ids.area = await documentIdBy('innovation-areas', 'name', 'Co-progettazione con la Pubblica Amministrazione');
    ids.pa = await documentIdBy('partner-categories', 'name', 'PA e EE.LL.');
    ids.universities = await documentIdBy('partner-categories', 'name', 'Università, Centri di ricerca');
    ids.own = await documentIdBy('funding-sources', 'name', 'Proprie');
    ids.other = await documentIdBy('funding-sources', 'name', 'Altre');
    ids.milano = await documentIdBy('provinces', 'code', 'MI');
  });

  afterAll(async () => {
    await cms?.stop();
    await stopDatabase?.();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  describe('demo data', () => {
    it('seeds geography, taxonomies, organisations, practice cards, reports and the consortium presence', async () => {
      for (const [plural, count] of Object.entries(SEEDED)) expect(await countOf(api, plural), plural).toBe(count);
      expect(await countOf(api, 'practice-cards', '&status=draft')).toBe(42);
      expect(await countOf(api, 'practice-cards')).toBe(20);

      const { data: areas } = await api.json<{ data: { name: string; definition: string }[] }>(
        'GET',
        '/innovation-areas?sort=position',
      );
      expect(areas[0]).toEqual(
        expect.objectContaining({
          name: 'Pratiche organizzative per il potenziamento della partecipazione dei soci',
          definition: expect.stringContaining('partecipazione dei soci alla vita della cooperativa') as unknown,
        }),
      );
      const milano = await api.json<{ data: { code: string; istatCode: string; region: { name: string } } }>(
        'GET',
        `/provinces/${ids.milano}?populate=region`,
      );
      expect(milano.data).toMatchObject({ code: 'MI', istatCode: '015', region: { name: 'Lombardia' } });
    });

    it('gives the consortium its members in its seven Lombardy provinces and its services by area', async () => {
      const { data } = await api.json<{ data: { members: { province: { code: string } }[] }[] }>(
        'GET',
        '/organisations?filters[slug][$eq]=consorzio-sociale-light&populate[members][populate]=province',
      );
      expect(data[0]?.members.map((member) => member.province.code).sort()).toEqual(
        ['BG', 'BS', 'CO', 'CR', 'MI', 'MN', 'PV'].sort(),
      );
      const { data: pavia } = await api.json<{ data: { serviceArea: { name: string } }[] }>(
        'GET',
        '/consortium-services?filters[province][code][$eq]=PV&populate=serviceArea&pagination[pageSize]=50',
      );
      expect(pavia.map((service) => service.serviceArea.name).sort()).toEqual(
        ['Anziani', 'Anziani', 'Disabili', 'Disabili', 'Minori', 'Minori', 'Riabilitazione', 'Varie'].sort(),
      );
    });

    it('generates logos and photos with alternative text, and valid tax codes', async () => {
      const { data } = await api.json<{ data: { taxCode: string; logo: { mime: string; alternativeText: string } }[] }>(
        'GET',
        '/organisations?populate=logo&pagination[pageSize]=100',
      );
      for (const organisation of data) {
        expect(organisation.logo.mime).toBe('image/png');
        expect(organisation.logo.alternativeText).toMatch(/^Logo di /);
        expect(organisation.taxCode).toMatch(/^\d{11}$/);
      }
      const cards = await api.json<{ data: { photos: { alt: string; image: { mime: string } }[] }[] }>(
        'GET',
        '/practice-cards?populate[photos][populate]=image&pagination[pageSize]=100&status=draft',
      );
      const photos = cards.data.flatMap((card) => card.photos);
      expect(photos.length).toBeGreaterThan(20);
      for (const photo of photos) {
        expect(photo.image.mime).toBe('image/jpeg');
        expect(photo.alt.length).toBeGreaterThan(10);
      }
    });

    it('keeps the same data when the seed runs again at the next start', async () => {
      const before = await Promise.all(Object.keys(SEEDED).map((plural) => countOf(api, plural)));
      const drafts = await countOf(api, 'practice-cards', '&status=draft');
      await cms?.stop();
      cms = await startCms(settings);

      expect(await Promise.all(Object.keys(SEEDED).map((plural) => countOf(api, plural)))).toEqual(before);
      expect(await countOf(api, 'practice-cards', '&status=draft')).toBe(drafts);
      expect(readFileSync(cms.logFile, 'utf8')).toContain('Seed: nulla da creare');
    });
  });

  describe('practice cards', () => {
    let cardId: string;
    const contact = {
      fullName: 'Anna Neri',
      email: 'anna.neri@example.it',
      phone: '+39 02 5550 1234',
      isPublic: false,
    };

    const draft = async (): Promise<Record<string, unknown>> =>
      (await api.json<{ data: Record<string, unknown> }>('GET', `/practice-cards/${cardId}?status=draft&populate=*`))
        .data;

    beforeAll(async () => {
      const created = await api.json<{ data: { documentId: string; publishedAt: string | null } }>(
        'POST',
        '/practice-cards?status=published',
        {
          data: {
            title: 'Tavolo di co-progettazione dei servizi domiciliari',
            organisation: ids.navigli,
            innovationArea: ids.area,
            intentPartnershipAbsent: false,
            intentPartners: [ids.pa],
            economicPartnershipAbsent: true,
            economicPartners: [],
            fundingSources: [ids.own],
            description: 'Obiettivi, target e attività del progetto.',
            innovationElements: 'Un tavolo permanente con il Comune.',
            evaluation: 'Primo anno: 12 incontri, 3 servizi riprogettati.',
            impactEvaluation: true,
            contact,
            province: ids.milano,
            city: 'Milano',
            startYear: 2024,
          },
        },
      );
      cardId = created.data.documentId;
      expect(created.data.publishedAt).toBeNull();
    });

    it('stays a draft when created through REST, even when asked to publish', async () => {
      expect((await api.request('GET', `/practice-cards/${cardId}`)).status).toBe(404);
      expect((await draft()).title).toBe('Tavolo di co-progettazione dei servizi domiciliari');
    });

    type Rule = {
      rule: string;
      accepted: () => Record<string, unknown>;
      refused: () => Record<string, unknown>;
      message: string;
      path: string[];
    };
    const atLimit = (max: number): string => `${'è'.repeat(max - 2)}👩‍👩‍👧😀`;
    const rules: Rule[] = [
      {
        rule: 'description ≤ 2000 characters',
        accepted: () => ({ description: atLimit(2000) }),
        refused: () => ({ description: `${atLimit(2000)}à` }),
        message: 'Breve descrizione: massimo 2000 caratteri (ora sono 2001)',
        path: ['description'],
      },
      {
        rule: 'innovation elements ≤ 1500 characters',
        accepted: () => ({ innovationElements: `  ${atLimit(1500)}  ` }),
        refused: () => ({ innovationElements: `${atLimit(1500)}😀` }),
        message: 'Elementi di innovazione: massimo 1500 caratteri (ora sono 1501)',
        path: ['innovationElements'],
      },
      {
        rule: 'evaluation ≤ 1500 characters',
        accepted: () => ({ evaluation: atLimit(1500) }),
        refused: () => ({ evaluation: `${atLimit(1500)}e\u0301` }),
        message: 'Valutazione: massimo 1500 caratteri (ora sono 1501)',
        path: ['evaluation'],
      },
      {
        rule: 'project name ≤ 150 characters',
        accepted: () => ({ title: 'P'.repeat(150) }),
        refused: () => ({ title: 'P'.repeat(151) }),
        message: 'Nome progetto: massimo 150 caratteri (ora sono 151)',
        path: ['title'],
      },
      {
        rule: 'partnership of intent: "non presente" or partners, never both',
        accepted: () => ({ intentPartnershipAbsent: true, intentPartners: [] }),
        refused: () => ({ intentPartnershipAbsent: true, intentPartners: [ids.pa] }),
        message: 'Partnership di intenti: indicare "Non presente" oppure le categorie di partner, non entrambi',
        path: ['intentPartners'],
      },
      {
        rule: 'economic partnership: "non presente" or partners, never both',
        accepted: () => ({ economicPartnershipAbsent: false, economicPartners: [ids.universities] }),
        refused: () => ({ economicPartnershipAbsent: true }),
        message: 'Partnership economica: indicare "Non presente" oppure le categorie di partner, non entrambi',
        path: ['economicPartners'],
      },
      {
        rule: '"Altre" funding requires its text',
        accepted: () => ({ fundingSources: [ids.own, ids.other], fundingOtherDetail: 'Crowdfunding civico' }),
        refused: () => ({ fundingOtherDetail: ' ' }),
        message: 'Forme di finanziamento: con "Altre" va specificato quale finanziamento',
        path: ['fundingOtherDetail'],
      },
      {
        rule: 'contact e-mail',
        accepted: () => ({ contact: { ...contact, email: 'a.neri@coop.example.it' } }),
        refused: () => ({ contact: { ...contact, email: 'a.neri@coop' } }),
        message: 'Referente del progetto › E-mail: indirizzo e-mail non valido',
        path: ['contact', 'email'],
      },
      {
        rule: 'contact phone',
        accepted: () => ({ contact: { ...contact, phone: '0376 555123' } }),
        refused: () => ({ contact: { ...contact, phone: '55512' } }),
        message: 'Referente del progetto: numero di telefono non valido (solo cifre, spazi e +, almeno 6 cifre)',
        path: ['contact', 'phone'],
      },
    ];

    it.each(rules)('enforces $rule: accepted at the limit, refused past it, nothing changed', async (rule) => {
      const accepted = await api.request('PUT', `/practice-cards/${cardId}`, { data: rule.accepted() });
      expect(accepted.status, await accepted.clone().text()).toBe(200);
      const stored = await draft();

      const error = await api.refused('PUT', `/practice-cards/${cardId}`, { data: rule.refused() });
      expect(error.status).toBe(400);
      expect(error.message).toBe(rule.message);
      expect(error.details?.errors?.[0]?.path).toEqual(rule.path);
      expect(await draft()).toEqual(stored);
    });

    it('takes only images of at most 5 MB as photos, each with alternative text', async () => {
      const photoAtLimit = await api.upload(gifOfSize(5 * 1024 * 1024), 'al-limite.gif');
      const photoPastLimit = await api.upload(gifOfSize(5 * 1024 * 1024 + 1024), 'oltre-il-limite.gif');
      // A text file never reaches the library; a PDF does, and is still no photo.
      const refusedText = await api.request(
        'POST',
        '/upload',
        (() => {
          const form = new FormData();
          form.append('files', new Blob(['verbale'], { type: 'text/plain' }), 'verbale.txt');
          return form;
        })(),
      );
      expect(refusedText.status).toBe(400);
      const text = await api.upload(new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'verbale.pdf');

      const accepted = await api.request('PUT', `/practice-cards/${cardId}`, {
        data: { photos: [{ image: photoAtLimit.id, alt: 'Il tavolo di co-progettazione riunito in Comune' }] },
      });
      expect(accepted.status, await accepted.clone().text()).toBe(200);
      const stored = await draft();

      const tooBig = await api.refused('PUT', `/practice-cards/${cardId}`, {
        data: { photos: [{ image: photoPastLimit.id, alt: 'Foto troppo pesante' }] },
      });
      expect(tooBig.message).toBe('Foto 1: "oltre-il-limite.gif" pesa 5121 KB, il massimo è 5120 KB (5 MB)');
      const notImage = await api.refused('PUT', `/practice-cards/${cardId}`, {
        data: { photos: [{ image: text.id, alt: 'Verbale' }] },
      });
      expect(notImage.message).toBe('Foto 1: "verbale.pdf" non è un\'immagine (sono ammessi JPEG, PNG, WebP, GIF)');
      const noAlt = await api.refused('PUT', `/practice-cards/${cardId}`, {
        data: { photos: [{ image: photoAtLimit.id, alt: '' }] },
      });
      expect(noAlt.message).toBe('Foto 1: testo alternativo obbligatorio (descrive la foto a chi non la vede)');
      expect(await draft()).toEqual(stored);
    });

    it('belongs to exactly one organisation', async () => {
      const error = await api.refused('POST', '/practice-cards', { data: { title: 'Senza organizzazione' } });
      expect(error.message).toBe("Organizzazione: ogni scheda appartiene a un'organizzazione");
    });

    it('refuses the same rules through the admin panel', async () => {
      const response = await admin.request('PUT', `/content-manager/collection-types/${PRACTICE_CARD}/${cardId}`, {
        description: `${atLimit(2000)}!`,
      });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).toBe('Breve descrizione: massimo 2000 caratteri (ora sono 2001)');
    });

    it('goes to the redazione only when complete, and shows on the public API once published', async () => {
      const incomplete = await api.json<{ data: { documentId: string } }>('POST', '/practice-cards', {
        data: { title: 'Appena iniziata', organisation: ids.navigli },
      });
      const refused = await admin.request('POST', `/coop/workflow/practice-card/${incomplete.data.documentId}`, {
        to: 'Inviata',
      });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
        'Breve descrizione: campo obbligatorio',
      );
      const direct = await admin.request(
        'POST',
        `/content-manager/collection-types/${PRACTICE_CARD}/${cardId}/actions/publish`,
        {},
      );
      expect(direct.status).toBe(403);

      for (const to of ['Inviata', 'In revisione', 'Selezionata', 'Pubblicata']) {
        await moveCard(admin, cardId, to);
      }
      expect((await api.request('GET', `/practice-cards/${cardId}`)).status).toBe(200);
    });
  });

  describe('organisations', () => {
    const organisation = (overrides: Record<string, unknown> = {}) => ({
      data: {
        name: 'Cooperativa Sociale La Prova',
        organisationType: 'Cooperativa sociale di tipo A',
        taxCode: '12345678903',
        legacoopMember: true,
        platformStatus: 'In attesa',
        address: 'Via Roma, 1',
        postalCode: '20121',
        city: 'Milano',
        province: ids.milano,
        email: 'info@laprova.example.it',
        responsabile: { fullName: 'Marco Bianchi', email: 'marco@laprova.example.it', phone: '+39 02 5550 9999' },
        ...overrides,
      },
    });

    it('refuses bad anagrafica data with a message naming the field, and stores nothing', async () => {
      const before = await countOf(api, 'organisations');
      const navigli = await api.json<{ data: { taxCode: string; name: string } }>(
        'GET',
        `/organisations/${ids.navigli}`,
      );
      const cases: [Record<string, unknown>, string][] = [
        [
          { taxCode: '12345678901' },
          'Codice fiscale: non valido (11 cifre per un ente, 16 caratteri per una persona; controllare le cifre)',
        ],
        [{ taxCode: navigli.data.taxCode }, `Codice fiscale: è già registrato per "${navigli.data.name}"`],
        [{ vatNumber: '12345678900' }, 'Partita IVA: non valida (11 cifre con la cifra di controllo)'],
        [{ postalCode: '2012' }, 'CAP: deve avere 5 cifre'],
        [{ name: 'C'.repeat(201) }, 'Denominazione: massimo 200 caratteri (ora sono 201)'],
        [
          { organisationType: 'Cooperativa sociale di tipo C' },
          expect.stringMatching(/^Tipologia: scegliere uno tra: Cooperativa sociale di tipo A/),
        ],
        [{ members: [ids.terreDelMincio] }, 'Organizzazioni associate: solo un consorzio ha associate'],
        [
          { responsabile: { fullName: 'Marco Bianchi', email: 'marco@', phone: '+39 02 5550 9999' } },
          'Responsabile per la piattaforma › E-mail: indirizzo e-mail non valido',
        ],
        [{ website: 'laprova' }, 'Sito web: indirizzo non valido (es. https://www.cooperativa.it)'],
      ];
      for (const [overrides, message] of cases) {
        const error = await api.refused('POST', '/organisations', organisation(overrides));
        expect(error.message, JSON.stringify(overrides)).toEqual(message);
      }
      expect(await countOf(api, 'organisations')).toBe(before);
    });

    it('accepts valid data at the limits: a 200-character name and a checked tax code', async () => {
      const created = await api.json<{ data: { taxCode: string; name: string } }>(
        'POST',
        '/organisations',
        organisation({ name: 'C'.repeat(200), taxCode: '123 456 789 03', vatNumber: '12345678903' }),
      );
      expect(created.data).toMatchObject({ taxCode: '12345678903', name: 'C'.repeat(200) });
    });
  });

  describe('social reports', () => {
    it('allows one report per organisation and year', async () => {
      const error = await api.refused('POST', '/social-reports', { data: { organisation: ids.navigli, year: 2024 } });
      expect(error.message).toBe('Anno: Navigli Insieme Cooperativa Sociale ha già un bilancio sociale per il 2024');
      expect(error.details?.errors?.[0]?.path).toEqual(['year']);
    });

    it("takes its organisation's type and tells what is missing, work integration included for a tipo B", async () => {
      const created = await api.json<{ data: { documentId: string; organisationType: string } }>(
        'POST',
        '/social-reports',
        {
          data: { organisation: ids.terreDelMincio, year: 2025, organisationType: 'Cooperativa sociale di tipo A' },
        },
      );
      expect(created.data.organisationType).toBe('Cooperativa sociale di tipo B');

      const { data } = await admin.json<{ data: { percentage: number; missing: { label: string }[] } }>(
        'GET',
        `/coop/social-reports/${created.data.documentId}/completeness`,
      );
      expect(data.percentage).toBe(0);
      expect(data.missing.map((item) => item.label)).toEqual(
        expect.arrayContaining(['Standard di rendicontazione adottati', 'Lavoratori svantaggiati inseriti']),
      );
    });

    it('finds the seeded reports complete, with their figures', async () => {
      const reportId = await documentIdBy('social-reports', 'organisation][slug', 'terre-del-mincio');
      const { data } = await admin.json<{
        data: { percentage: number; missing: unknown[]; indicators: { disadvantaged: { share: number } } };
      }>('GET', `/coop/social-reports/${reportId}/completeness`);
      expect(data.percentage).toBe(100);
      expect(data.missing).toEqual([]);
      expect(data.indicators.disadvantaged.share).toBeGreaterThanOrEqual(0.3);
    });

    it('starts a new report from the previous year', async () => {
      const { data: reports } = await api.json<{ data: { documentId: string; year: number }[] }>(
        'GET',
        '/social-reports?filters[organisation][slug][$eq]=navigli-insieme&sort=year:desc',
      );
      const latest = reports[0];
      const next = await admin.json<{ data: { documentId: string; year: number } }>(
        'POST',
        `/coop/social-reports/${latest?.documentId}/next-year`,
        { confirmed: true },
      );
      expect(next.data.year).toBe((latest?.year ?? 0) + 1);
      const populate = 'populate[people][populate]=staff';
      const [previous, started] = await Promise.all(
        [latest?.documentId, next.data.documentId].map((id) =>
          api.json<{ data: { people: { staff: { kind: string; women: number; men: number }[] } } }>(
            'GET',
            `/social-reports/${id}?${populate}`,
          ),
        ),
      );
      // The rows come over; their figures stay last year's, for comparison only.
      expect(started!.data.people.staff.map(({ kind, women, men }) => ({ kind, women, men }))).toEqual(
        previous!.data.people.staff.map(({ kind }) => ({ kind, women: null, men: null })),
      );
    });

    it("gathers a consortium's figures from its members' reports of the same year", async () => {
      const consortium = await documentIdBy('organisations', 'slug', 'consorzio-sociale-light');
      const created = await api.json<{ data: { documentId: string } }>('POST', '/social-reports', {
        data: { organisation: consortium, year: 2024 },
      });
      const { data } = await admin.json<{
        data: {
          missing: { label: string }[];
          consortium: { members: { name: string; hasReport: boolean }[]; workers: number };
        };
      }>('GET', `/coop/social-reports/${created.data.documentId}/completeness`);
      expect(data.consortium.members).toHaveLength(7);
      expect(
        data.consortium.members
          .filter((member) => member.hasReport)
          .map((member) => member.name)
          .sort(),
      ).toEqual(['Navigli Insieme Cooperativa Sociale', 'Terre del Mincio Cooperativa Sociale']);
      expect(data.consortium.workers).toBe(108 + 52);
      expect(data.missing.map((item) => item.label)).toContain('Dati aggregati delle associate');
      expect(data.missing.map((item) => item.label)).not.toContain('Organizzazioni associate al consorzio');
    });

    it('refuses figures that contradict each other', async () => {
      const reportId = await documentIdBy('social-reports', 'organisation][slug', 'terre-del-mincio');
      const error = await api.refused('PUT', `/social-reports/${reportId}`, {
        data: { people: { highestGrossPay: 30000, lowestGrossPay: 30001, payRatioCap: '1:8' } },
      });
      expect(error.message).toBe('Retribuzione minima: non può superare la retribuzione massima');
      const early = await api.refused('POST', '/social-reports', { data: { organisation: ids.navigli, year: 2018 } });
      expect(early.message).toBe('Anno di riferimento: minimo 2019');
    });
  });

  describe('consortium presence', () => {
    it('belongs to a consortium', async () => {
      const serviceArea = await documentIdBy('service-areas', 'name', 'Minori');
      const error = await api.refused('POST', '/consortium-services', {
        data: { name: 'Servizio', consortium: ids.navigli, province: ids.milano, serviceArea },
      });
      expect(error.message).toBe('Consorzio: scegliere un consorzio');
    });
  });
});
