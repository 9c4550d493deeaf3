import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../stack/process.ts';
import { startCms, startMaildev } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword, testAdmin, testDataController } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { maildevInbox, type Mail } from '../support/maildev.ts';
import { validVatNumber } from '../support/tax-codes.ts';

type Attribute = { type: string; target?: string; relation?: string; private?: boolean };
type ContentType = { uid: string; schema: { draftAndPublish?: boolean; attributes: Record<string, Attribute> } };
type Route = { method: string; path: string; handler: string; config?: { auth?: false | { scope?: string[] } } };
type Row = Record<string, unknown>;
const SYSTEM_ATTRIBUTES: Record<string, Attribute> = {
  documentId: { type: 'string' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  publishedAt: { type: 'datetime' },
  createdBy: { type: 'relation', target: 'admin::user', relation: 'oneToOne' },
  updatedBy: { type: 'relation', target: 'admin::user', relation: 'oneToOne' },
  locale: { type: 'string' },
};

/** Public routes that are no core read of a content type, each attacked by its own test below. */
const CUSTOM_PUBLIC_ROUTES = [
  'GET /api/practice-cards/:idOrSlug/sheet',
  'POST /api/registration-requests',
  'GET /api/privacy-notice',
  'GET /api/public-social-reports',
  'GET /api/public-social-reports/:slug/:year',
  'GET /api/public-social-reports/:slug/:year/document',
  'GET /api/public-social-reports/:slug/:year/attestation',
];

/**
 * The public surface attacked as a visitor on loopback would: every public route of the running
 * CMS with filters, sorts, fields and populate on what it must not reveal; sign-up; registration
 * messages and e-mails; the e-mail log and invitation links.
 */
describe('public surface', () => {
  let settings: StackSettings;
  let cms: Service | undefined;
  let maildev: Service | undefined;
  let admin: AdminSession;
  let staff: AdminSession;
  let serial = 7_000_000;

  const api = async (pathname: string, init: RequestInit = {}): Promise<{ status: number; body: Row }> => {
    const response = await fetch(`${settings.cms.url}${pathname}`, init);
    return { status: response.status, body: ((await response.json().catch(() => ({}))) ?? {}) as Row };
  };
  const mailsTo = (address: string): Promise<Mail[]> => maildevInbox(settings.smtp.inboxUrl ?? '').to(address);
  const waitForMail = async (address: string, subject: string, count = 1): Promise<Mail> =>
    (await maildevInbox(settings.smtp.inboxUrl ?? '').waitFor(address, subject, { count })).at(-1)!;
  const registrationRequest = (overrides: Row = {}): Row => {
    serial += 1;
    return {
      organisationName: 'Cooperativa Sociale La Quercia',
      organisationType: 'Cooperativa sociale di tipo A',
      taxCode: validVatNumber(`${serial}146`),
      address: 'Via Garibaldi, 3',
      postalCode: '24121',
      city: 'Bergamo',
      province: 'BG',
      email: 'info@laquercia.example.it',
      responsabile: {
        fullName: 'Marta Rota',
        email: `marta.${serial}@laquercia.example.it`,
        phone: '+39 035 555 0188',
      },
      privacyAccepted: true,
      ...overrides,
    };
  };
  const submit = (data: Row) =>
    api('/api/registration-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
    });
  const organisationBySlug = async (slug: string) =>
    (
      await admin.json<{ results: Row[] }>(
        'GET',
        `/content-manager/collection-types/api::organisation.organisation?filters[$and][0][slug][$eq]=${slug}`,
      )
    ).results[0]!;

  let types: Map<string, ContentType>;
  let publicRoutes: Route[];
  let draft: { documentId: string; title: string };
  let suspended: Row;
  let pending: Row;

  beforeAll(async () => {
    settings = resolveSettings(
      await seededSettings({
        EMAIL_RETRY_INTERVAL_SECONDS: '1',
        EMAIL_RETRY_MAX_SECONDS: '1',
        REGISTRATION_RATE_LIMIT_MAX: '50',
        // About 17 s: long enough to use a fresh link, short enough to watch one expire.
        INVITATION_VALID_DAYS: '0.0002',
        // About 4 s for a closed request and 9 s for a sent e-mail, checked every 2 s.
        REGISTRATION_RETENTION_DAYS: '0.00005',
        EMAIL_LOG_RETENTION_DAYS: '0.0001',
        RETENTION_INTERVAL_SECONDS: '2',
      }),
    );
    [maildev, cms] = await Promise.all([startMaildev(settings), startCms(settings)]);
    admin = await adminLogin(settings.cms.url, testAdmin.email, testAdmin.password);
    staff = await adminLogin(settings.cms.url, 'staff@demo.piattaforma.local', demoPassword);

    const { data: contentTypes } = await admin.json<{ data: ContentType[] }>(
      'GET',
      '/content-type-builder/content-types',
    );
    types = new Map(contentTypes.map((type) => [type.uid, type]));

    const { routes } = await admin.json<{ routes: Record<string, Route[]> }>('GET', '/users-permissions/routes');
    const { roles } = await admin.json<{ roles: { id: number; type: string }[] }>('GET', '/users-permissions/roles');
    const publicRole = roles.find((role) => role.type === 'public')!;
    const { role } = await admin.json<{
      role: { permissions: Record<string, { controllers: Record<string, Record<string, { enabled: boolean }>> }> };
    }>('GET', `/users-permissions/roles/${publicRole.id}`);
    const enabled = new Set(
      Object.entries(role.permissions).flatMap(([prefix, { controllers }]) =>
        Object.entries(controllers).flatMap(([controller, actions]) =>
          Object.entries(actions)
            .filter(([, action]) => action.enabled)
            .map(([action]) => `${prefix}.${controller}.${action}`),
        ),
      ),
    );
    publicRoutes = Object.values(routes)
      .flat()
      .filter(
        (route) => route.config?.auth === false || (route.config?.auth?.scope ?? []).every((a) => enabled.has(a)),
      );

    const cards = await admin.json<{ results: { documentId: string; title: string; status: string }[] }>(
      'GET',
      '/content-manager/collection-types/api::practice-card.practice-card?page=1&pageSize=100',
    );
    draft = cards.results.find((card) => card.status === 'draft')!;
    expect(draft, 'a card never published').toBeDefined();

    // A member of the consortium, with services, suspended by the network; and an organisation still waiting.
    suspended = await organisationBySlug('il-sentiero');
    expect(
      (
        await staff.request(
          'PUT',
          `/content-manager/collection-types/api::organisation.organisation/${String(suspended.documentId)}`,
          { platformStatus: 'Sospesa' },
        )
      ).status,
    ).toBe(200);
    pending = await organisationBySlug('laguna-lavoro');
    expect(pending.platformStatus).toBe('In attesa');
  });

  afterAll(async () => {
    await cms?.stop();
    await maildev?.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  describe('content API', () => {
    const uidOf = (route: Route): string => route.handler.replace(/\.(find|findOne)$/, '');
    const coreReads = (): Route[] =>
      publicRoutes.filter((route) => /^api::[^.]+\.[^.]+\.(find|findOne)$/.test(route.handler));
    const listOf = (uid: string): Route => coreReads().find((route) => route.handler === `${uid}.find`)!;

    /** Every public document of a type, page after page. */
    const everything = async (path: string): Promise<Row[]> => {
      const rows: Row[] = [];
      for (let page = 1; ; page += 1) {
        const { status, body } = await api(`${path}?pagination[page]=${page}&pagination[pageSize]=100`);
        expect(status, path).toBe(200);
        rows.push(...(body.data as Row[]));
        const { pageCount } = (body.meta as { pagination: { pageCount: number } }).pagination;
        if (page >= pageCount) return rows;
      }
    };

    /** Fields of each public type a visitor is shown (a populated relation counts as shown). */
    const shownFields = new Map<string, Set<string>>();
    const shown = async (uid: string): Promise<Set<string>> => {
      if (!shownFields.has(uid)) {
        const list = coreReads().find((route) => route.handler === `${uid}.find`);
        const rows = list ? await everything(list.path) : [];
        shownFields.set(uid, new Set(rows.flatMap((row) => Object.keys(row))));
      }
      return shownFields.get(uid)!;
    };
    const attributesOf = (uid: string): Record<string, Attribute> => ({
      ...SYSTEM_ATTRIBUTES,
      ...(types.get(uid)?.schema.attributes ?? {}),
    });
    const hidden = async (uid: string): Promise<string[]> => {
      const visible = await shown(uid);
      return Object.keys(attributesOf(uid)).filter((name) => !visible.has(name) && name !== 'id');
    };
    const relationsOf = (uid: string): [string, string][] =>
      Object.entries(attributesOf(uid)).flatMap(([name, attribute]) =>
        attribute.type === 'relation' && attribute.target ? [[name, attribute.target] as [string, string]] : [],
      );

    it('has no public route the attacks below do not cover', () => {
      const unknown = publicRoutes
        .filter((route) => !coreReads().includes(route))
        .map((route) => `${route.method} ${route.path}`)
        .filter((route) => !CUSTOM_PUBLIC_ROUTES.includes(route));
      expect(unknown, 'public routes without an attack in this file').toEqual([]);
      expect(coreReads().every((route) => route.method === 'GET')).toBe(true);
      expect(new Set(coreReads().map(uidOf)).size).toBeGreaterThanOrEqual(9);
      expect(coreReads().map(uidOf)).not.toContain('api::social-report.social-report');
    });

    it('answers 400 to filters, sorts, fields and populate on what a visitor is not shown, on every public route', async () => {
      const probes: string[] = [];
      const expectRefused = (path: string): void => {
        probes.push(path);
      };
      for (const route of coreReads()) {
        const uid = uidOf(route);
        const base = route.path.includes(':id')
          ? route.path.replace(':id', String((await everything(listOf(uid).path))[0]?.documentId))
          : route.path;
        for (const name of await hidden(uid)) {
          expectRefused(`${base}?filters[${name}][$null]=false`);
          expectRefused(`${base}?filters[$or][0][documentId][$null]=false&filters[$or][1][${name}][$null]=true`);
          expectRefused(`${base}?filters[$and][0][$not][${name}][$null]=true`);
          expectRefused(`${base}?sort=${name}:asc`);
          expectRefused(`${base}?sort[${name}]=desc`);
          expectRefused(`${base}?sort[0]=${name}`);
          expectRefused(`${base}?fields[0]=${name}`);
        }
        for (const [relation, target] of relationsOf(uid)) {
          expectRefused(`${base}?populate[${relation}]=*`);
          for (const name of (await hidden(target)).slice(0, 12)) {
            expectRefused(`${base}?filters[${relation}][${name}][$null]=false`);
            expectRefused(`${base}?sort[${relation}][${name}]=asc`);
            expectRefused(`${base}?sort=${relation}.${name}:asc`);
          }
          for (const [inner, innerTarget] of relationsOf(target)) {
            const [name] = await hidden(innerTarget);
            if (name) expectRefused(`${base}?filters[${relation}][${inner}][${name}][$notNull]=true`);
          }
        }
        for (const query of ['populate=*', 'populate[0]=organisation', 'status=draft', '_q=a', 'locale=en']) {
          expectRefused(`${base}?${query}`);
        }
      }
      // A few at a time: the guard is the same for all, the answers are independent.
      const leaks: string[] = [];
      const queue = [...probes];
      await Promise.all(
        Array.from({ length: 6 }, async () => {
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
            const { status } = await api(path);
            if (status !== 400) leaks.push(`${status} ${path}`);
          }
        }),
      );
      console.log(`Public content API: ${probes.length} refused probes on ${coreReads().length} routes`);
      expect(leaks.sort()).toEqual([]);
    });

    it('never matches a draft, nor its editorial stage, through any relation', async () => {
      const oracles: string[] = [];
      const probe = async (path: string): Promise<void> => {
        const { status, body } = await api(path);
        const total = (body.meta as { pagination?: { total: number } } | undefined)?.pagination?.total ?? 0;
        if (status !== 400 && !(status === 200 && total === 0)) oracles.push(`${status} (${total}) ${path}`);
      };
      const CARD = 'api::practice-card.practice-card';
      const title = encodeURIComponent(draft.title);
      const prefix = encodeURIComponent(draft.title.slice(0, 3));
      for (const route of coreReads().filter((candidate) => candidate.handler.endsWith('.find'))) {
        const uid = uidOf(route);
        const paths: string[][] = uid === CARD ? [[]] : [];
        for (const [relation, target] of relationsOf(uid)) {
          if (target === CARD) paths.push([relation]);
          for (const [inner, innerTarget] of relationsOf(target))
            if (innerTarget === CARD) paths.push([relation, inner]);
        }
        for (const path of paths) {
          const at = path.map((part) => `[${part}]`).join('');
          await probe(`${route.path}?filters${at}[title][$eq]=${title}`);
          await probe(
            `${route.path}?filters${at}[title][$startsWith]=${prefix}&filters${at}[documentId][$eq]=${draft.documentId}`,
          );
          await probe(`${route.path}?filters${at}[stage][$eq]=Da%20rivedere`);
          await probe(
            `${route.path}?filters[$or][0]${at}[stage][$eq]=Bozza&filters[$or][1]${at}[publishedAt][$null]=true`,
          );
        }
      }
      expect(oracles).toEqual([]);
      expect((await api(`/api/practice-cards/${draft.documentId}`)).status).toBe(404);
      expect((await api(`/api/practice-cards/${draft.documentId}/sheet`)).status).toBe(404);
    });

    it('refuses the private sort and the draft oracles found by hand', async () => {
      for (const path of [
        `/api/organisations?filters[practiceCards][title][$startsWith]=${encodeURIComponent(draft.title.slice(0, 2))}`,
        '/api/innovation-areas?filters[practiceCards][stage][$eq]=Da%20rivedere',
        '/api/practice-cards?sort[organisation][taxCode]=asc',
        '/api/practice-cards?sort=organisation.taxCode:asc',
        '/api/practice-cards?filters[contact][email][$contains]=a',
        '/api/consortium-services?filters[consortium][taxCode][$startsWith]=0',
      ]) {
        const { status, body } = await api(path);
        expect(status, path).toBe(400);
        expect((body.error as { message: string }).message, path).toMatch(/non consentit/);
      }
    });

    it('shows suspended and pending organisations nowhere', async () => {
      const hiddenOrganisations = [suspended, pending];
      for (const route of coreReads().filter((candidate) => candidate.handler.endsWith('.find'))) {
        const everythingShown = JSON.stringify(await everything(route.path));
        for (const organisation of hiddenOrganisations) {
          for (const value of [organisation.documentId, organisation.name, organisation.address]) {
            expect(everythingShown, `${route.path} shows ${String(value)}`).not.toContain(String(value));
          }
        }
      }
      for (const organisation of hiddenOrganisations) {
        const slug = String(organisation.slug);
        expect((await api(`/api/organisations/${String(organisation.documentId)}`)).status).toBe(404);
        for (const path of [
          `/api/organisations?filters[slug][$eq]=${slug}`,
          `/api/practice-cards?filters[organisation][slug][$eq]=${slug}`,
          `/api/consortium-services?filters[memberOrganisation][slug][$eq]=${slug}`,
        ]) {
          const { body } = await api(path);
          expect((body.meta as { pagination: { total: number } }).pagination.total, path).toBe(0);
        }
      }
      const cards = await admin.json<{ results: { slug: string; status: string }[] }>(
        'GET',
        `/content-manager/collection-types/api::practice-card.practice-card?filters[$and][0][organisation][slug][$eq]=il-sentiero`,
      );
      const publishedCard = cards.results.find((card) => card.status !== 'draft')!;
      expect((await api(`/api/practice-cards/${publishedCard.slug}/sheet?format=odt`)).status).toBe(404);
    });

    it('gives only published reports of active organisations, whatever the request adds', async () => {
      const list = await api('/api/public-social-reports?organisation=navigli-insieme');
      expect(list.status).toBe(200);
      const years = (list.body.data as { year: number }[]).map((report) => report.year).sort();
      expect(years).toContain(2023);
      expect(years).not.toContain(2024);
      for (const trick of [
        '&populate=*',
        '&status=draft',
        '&filters[stage][$eq]=In compilazione',
        '&year=2024',
        '&fields[0]=stage',
      ]) {
        const tricked = await api(`/api/public-social-reports?organisation=navigli-insieme${trick}`);
        expect([200, 400], trick).toContain(tricked.status);
        if (tricked.status === 200) {
          const shown = (tricked.body.data as { year: number }[]).map((report) => report.year).sort();
          expect(shown, trick).toEqual(years);
        }
      }
      expect((await api('/api/public-social-reports?organisation=terre-del-mincio')).body.data).toEqual([]);
      expect((await api(`/api/public-social-reports?organisation=${String(suspended.slug)}`)).status).toBe(404);
      for (const path of [
        '/api/public-social-reports/navigli-insieme/2024',
        '/api/public-social-reports/navigli-insieme/2024/document',
        '/api/public-social-reports/navigli-insieme/2024/attestation',
        '/api/public-social-reports/terre-del-mincio/2024',
        `/api/public-social-reports/${String(suspended.slug)}/2023`,
        '/api/public-social-reports/navigli-insieme/2023abc',
        '/api/public-social-reports/%2e%2e/2023',
      ]) {
        expect((await api(path)).status, path).toBe(404);
      }
      const published = await api('/api/public-social-reports/navigli-insieme/2023?populate=*&status=draft');
      expect(published.status).toBe(200);
      const shown = JSON.stringify(published.body);
      expect(shown).toContain('Navigli Insieme');
      for (const hidden of ['responsabile.navigli@', 'createdBy', 'updatedBy', '"stage"', 'registrationToken']) {
        expect(shown, hidden).not.toContain(hidden);
      }
    });

    it('still answers what the portal asks, within what is public', async () => {
      for (const [path, atLeast] of [
        ['/api/practice-cards?filters[organisation][slug][$eq]=navigli-insieme&sort=publishedAt:desc', 1],
        [
          '/api/practice-cards?filters[innovationArea][slug][$eq]=co-produzione-e-generazione-di-valore-nei-territori',
          1,
        ],
        ['/api/practice-cards?filters[organisation][province][region][slug][$eq]=lombardia&fields[0]=slug', 1],
        ['/api/organisations?filters[organisationType][$startsWith]=Consorzio&sort=name:asc', 2],
        ['/api/consortium-services?filters[consortium][slug][$eq]=consorzio-sociale-light', 10],
        ['/api/provinces?sort=name:asc&pagination[pageSize]=100', 100],
        ['/api/innovation-areas?sort=position:asc', 6],
      ] as const) {
        const { status, body } = await api(path);
        expect(status, path).toBe(200);
        expect((body.data as Row[]).length, path).toBeGreaterThanOrEqual(atLeast);
      }
      const { body } = await api(
        '/api/consortium-services?filters[consortium][slug][$eq]=consorzio-sociale-light&pagination[pageSize]=100',
      );
      const members = (body.data as { memberOrganisation: { slug: string } | null }[]).map(
        (s) => s.memberOrganisation?.slug,
      );
      expect(members).toContain('navigli-insieme');
      expect(members).not.toContain('il-sentiero');
    });
  });

  describe('end-user accounts', () => {
    it('cannot be created, nor used to sign in', async () => {
      const before = await admin.json<{ pagination: { total: number } }>(
        'GET',
        '/content-manager/collection-types/plugin::users-permissions.user?page=1&pageSize=1',
      );
      const signUp = await api('/api/auth/local/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'intruso', email: 'intruso@example.it', password: 'Intruso-2026' }),
      });
      expect(signUp.status).toBeGreaterThanOrEqual(400);
      expect(signUp.status).toBeLessThan(500);
      const after = await admin.json<{ pagination: { total: number } }>(
        'GET',
        '/content-manager/collection-types/plugin::users-permissions.user?page=1&pageSize=1',
      );
      expect(after.pagination.total).toBe(before.pagination.total);
      const advanced = await admin.json<{ settings: { allow_register: boolean } }>(
        'GET',
        '/users-permissions/advanced',
      );
      expect(advanced.settings.allow_register).toBe(false);
      for (const path of ['/api/auth/local', '/api/auth/forgot-password']) {
        const response = await api(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifier: 'intruso@example.it', email: 'intruso@example.it', password: 'x' }),
        });
        expect(response.status, path).toBe(403);
      }
    });
  });

  describe('registration', () => {
    it('refuses web addresses in the free text that e-mails repeat', async () => {
      const data = registrationRequest({
        organisationName: 'Coop https://evil.example/accedi',
        responsabile: { fullName: 'Vai su www.evil.example', email: 'vittima@example.it', phone: '+39 035 555 0101' },
      });
      const { status, body } = await submit(data);
      expect(status).toBe(400);
      const errors = (body.error as { details: { errors: { path: string[]; message: string }[] } }).details.errors;
      expect(errors.map((error) => error.path.join('.')).sort()).toEqual(['organisationName', 'responsabile.fullName']);
      expect(errors.map((error) => error.message)).toContain('Denominazione: non può contenere indirizzi web');
      expect(await mailsTo('vittima@example.it')).toEqual([]);
    });

    it('sends a confirmation with no link in it', async () => {
      const data = registrationRequest({ organisationName: 'Cooperativa evil.example' });
      expect((await submit(data)).status).toBe(201);
      const mail = await waitForMail(
        (data.responsabile as { email: string }).email,
        'Richiesta di credenziali ricevuta',
      );
      expect(mail.html).toContain('Cooperativa evil.example');
      expect(mail.html).not.toContain('<a ');
    });

    it('says a tax code is taken without naming who holds it, registered or pending', async () => {
      const navigli = await organisationBySlug('navigli-insieme');
      const waiting = registrationRequest({ organisationName: 'Cooperativa Sociale In Attesa Segreta' });
      expect((await submit(waiting)).status).toBe(201);
      const messages: string[] = [];
      for (const taxCode of [navigli.taxCode, waiting.taxCode, pending.taxCode]) {
        const { status, body } = await submit(registrationRequest({ taxCode }));
        expect(status).toBe(400);
        messages.push((body.error as { message: string }).message);
      }
      expect(new Set(messages).size).toBe(1);
      expect(messages[0]).toMatch(/^Codice fiscale: /);
      for (const name of [navigli.name, 'In Attesa Segreta', pending.name]) expect(messages[0]).not.toContain(name);
    });

    it('names the data controller from the settings, and the retention periods', async () => {
      const { status, body } = await api('/api/privacy-notice');
      expect(status).toBe(200);
      expect(body.data).toMatchObject({
        controller: {
          name: testDataController.name,
          email: testDataController.email,
          address: testDataController.address,
        },
        retention: { invitationDays: 0.0002, closedRequestDays: 0.00005, sentEmailDays: 0.0001 },
      });
    });

    it('forgets a rejected request and sent e-mails once their periods are over, and keeps pending ones', async () => {
      const REQUESTS = '/content-manager/collection-types/api::registration-request.registration-request';
      const rejected = registrationRequest();
      const waiting = registrationRequest();
      const ids: string[] = [];
      for (const data of [rejected, waiting]) {
        const { body } = await submit(data);
        ids.push((body.data as { documentId: string }).documentId);
      }
      const address = (rejected.responsabile as { email: string }).email;
      await waitForMail(address, 'Richiesta di credenziali ricevuta');
      await staff.json('POST', `/coop/registration-requests/${ids[0]}/reject`, { reason: 'Dati non verificabili.' });
      await waitForMail(address, 'non approvata');
      const logged = async (): Promise<number> =>
        (
          await admin.json<{ results: unknown[] }>(
            'GET',
            `/content-manager/collection-types/api::email-message.email-message?filters[$and][0][to][$eq]=${encodeURIComponent(address)}`,
          )
        ).results.length;
      expect(await logged()).toBeGreaterThan(0);
      await expect
        .poll(async () => (await admin.request('GET', `${REQUESTS}/${ids[0]}`)).status, { timeout: 30_000 })
        .toBe(404);
      await expect.poll(logged, { timeout: 30_000 }).toBe(0);
      expect((await admin.request('GET', `${REQUESTS}/${ids[1]}`)).status).toBe(200);
    });
  });

  describe('invitation links', () => {
    const approve = async (): Promise<{ email: string; token: string }> => {
      const data = registrationRequest({ organisationName: `Cooperativa Sociale Invito ${serial}` });
      const { body } = await submit(data);
      const documentId = (body.data as { documentId: string }).documentId;
      await staff.json('POST', `/coop/registration-requests/${documentId}/approve`);
      const email = (data.responsabile as { email: string }).email;
      const mail = await waitForMail(email, 'Credenziali di accesso');
      return { email, token: /registrationToken=([\w-]+)/.exec(mail.text)![1]! };
    };
    const registrationInfo = (token: string) => api(`/admin/registration-info?registrationToken=${token}`);

    it('are sent with their token, but the e-mail log keeps none', async () => {
      const { email, token } = await approve();
      expect((await registrationInfo(token)).status).toBe(200);
      const logged = await admin.json<{ results: { text: string; html: string }[] }>(
        'GET',
        `/content-manager/collection-types/api::email-message.email-message?filters[$and][0][to][$eq]=${encodeURIComponent(email)}&pageSize=50`,
      );
      const approval = logged.results.find((message) => message.text.includes('registrationToken='))!;
      for (const part of [approval.text, approval.html]) {
        expect(part).not.toContain(token);
        expect(part).toContain('registrationToken=[riservato]');
      }
      const everyMessage = JSON.stringify(
        await admin.json('GET', '/content-manager/collection-types/api::email-message.email-message?pageSize=100'),
      );
      expect(everyMessage).not.toMatch(/registrationToken=(?!\[riservato\])/);
    });

    it('expire: an expired link is refused and the account gets a new one', async () => {
      const { email, token } = await approve();
      // The first answer after expiry renews the link; later ones find the old token gone.
      let refused: { status: number; body: Row } | undefined;
      await expect
        .poll(
          async () => {
            refused = await registrationInfo(token);
            return refused.status;
          },
          { timeout: 45_000, interval: 1_000 },
        )
        .toBe(400);
      expect((refused!.body.error as { message: string }).message).toMatch(/^Questo collegamento è scaduto/);
      const renewed = await waitForMail(email, 'Nuovo collegamento');
      const fresh = /registrationToken=([\w-]+)/.exec(renewed.text)![1]!;
      expect(fresh).not.toBe(token);
      const registered = await api('/admin/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          registrationToken: fresh,
          userInfo: { firstname: 'Marta', lastname: 'Rota', password: 'Quercia-Password-2026' },
        }),
      });
      expect(registered.status).toBe(200);
      expect((await registrationInfo(token)).status).toBe(400);
      await adminLogin(settings.cms.url, email, 'Quercia-Password-2026');
    });
  });
});
