import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validVatNumber } from '../support/tax-codes.ts';
import type { Service } from '../stack/process.ts';
import { startCms } from '../stack/services.ts';
import { repoRoot, resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { adminLogin, type AdminSession, loginAttempt, moveCard } from '../support/admin-api.ts';
import { contentApi, createFullAccessToken, type ContentApi } from '../support/content-api.ts';

type Role = 'staff' | 'curator' | 'responsabile' | 'operatore' | 'lettore' | 'responsabileConsorzio';
type Type =
  | 'organisation'
  | 'practice-card'
  | 'social-report'
  | 'consortium-service'
  | 'innovation-area'
  | 'registration-request';
type Action = 'list' | 'read' | 'create' | 'update' | 'delete' | 'publish' | 'upload' | 'generate';
type Scope = 'own' | 'other';

const UID: Record<Type, string> = {
  organisation: 'api::organisation.organisation',
  'practice-card': 'api::practice-card.practice-card',
  'social-report': 'api::social-report.social-report',
  'consortium-service': 'api::consortium-service.consortium-service',
  'innovation-area': 'api::innovation-area.innovation-area',
  'registration-request': 'api::registration-request.registration-request',
};
/** Content that belongs to no organisation: taxonomies, and requests of organisations not yet registered. */
const UNSCOPED: Type[] = ['innovation-area', 'registration-request'];
const PLURAL: Record<Type, string> = {
  organisation: 'organisations',
  'practice-card': 'practice-cards',
  'social-report': 'social-reports',
  'consortium-service': 'consortium-services',
  'innovation-area': 'innovation-areas',
  'registration-request': 'registration-requests',
};
const OWNER: Partial<Record<Type, string>> = {
  'practice-card': 'organisation',
  'social-report': 'organisation',
  'consortium-service': 'consortium',
};

const accounts = JSON.parse(readFileSync(path.join(repoRoot, 'cms', 'data', 'demo', 'accounts.json'), 'utf8')) as {
  email: string;
  role: string;
  organisationSlug?: string;
}[];
const ACCOUNT: Record<Role, { email: string; own: string; other: string }> = {
  staff: { email: 'staff@demo.piattaforma.local', own: 'navigli-insieme', other: 'terre-del-mincio' },
  curator: { email: 'curatore@demo.piattaforma.local', own: 'navigli-insieme', other: 'terre-del-mincio' },
  responsabile: {
    email: 'responsabile.navigli@demo.piattaforma.local',
    own: 'navigli-insieme',
    other: 'terre-del-mincio',
  },
  operatore: { email: 'operatore.navigli@demo.piattaforma.local', own: 'navigli-insieme', other: 'terre-del-mincio' },
  lettore: { email: 'lettore.navigli@demo.piattaforma.local', own: 'navigli-insieme', other: 'terre-del-mincio' },
  responsabileConsorzio: {
    email: 'responsabile.consorzio@demo.piattaforma.local',
    own: 'consorzio-sociale-light',
    other: 'consorzio-adriatico',
  },
};

/** The organisation a cell is about: for services, a consortium (the user's own, or one that is not). */
const organisationSlug = (role: Role, type: Type, scope: Scope): string | null => {
  if (type !== 'consortium-service') return ACCOUNT[role][scope];
  if (scope === 'other') return 'consorzio-adriatico';
  if (ACCOUNT[role].own.startsWith('consorzio')) return ACCOUNT[role].own;
  return role === 'staff' || role === 'curator' ? 'consorzio-sociale-light' : null;
};

/** The access each role must have: the promise of the platform, written down once. */
const expected = (role: Role, type: Type, action: Action, scope: Scope): boolean => {
  // The social report's document: its own Responsabile, and network staff for everyone.
  if (action === 'generate') return role === 'staff' || (role.startsWith('responsabile') && scope === 'own');
  if (type === 'registration-request') return role === 'staff' && action !== 'create';
  if (type === 'innovation-area') return role === 'staff' || action === 'list' || action === 'read';
  if (role === 'staff') return true;
  if (action === 'upload') return role === 'curator' || (scope === 'own' && role !== 'lettore');
  if (role === 'curator') {
    if (type === 'practice-card') return ['list', 'read', 'update', 'publish'].includes(action);
    return type === 'organisation' && (action === 'list' || action === 'read');
  }
  if (scope === 'other' || action === 'publish') return false;
  const reads = action === 'list' || action === 'read';
  if (role === 'lettore') return reads;
  if (type === 'organisation') return reads || (role !== 'operatore' && action === 'update');
  if (role === 'operatore' && type === 'social-report') return action !== 'delete';
  return true;
};

const cells = (): [Role, Type, Action, Scope][] => {
  const all: [Role, Type, Action, Scope][] = [];
  for (const role of Object.keys(ACCOUNT) as Role[]) {
    for (const type of Object.keys(UID) as Type[]) {
      for (const action of ['list', 'read', 'create', 'update', 'delete', 'publish'] as Action[]) {
        if (action === 'publish' && type !== 'practice-card') continue;
        for (const scope of ['own', 'other'] as Scope[]) {
          // Only a consortium has services of its own; a new organisation belongs to nobody yet.
          if (organisationSlug(role, type, scope) === null) continue;
          if (UNSCOPED.includes(type) && scope === 'other') continue;
          if (type === 'organisation' && action === 'create' && scope === 'other') continue;
          all.push([role, type, action, scope]);
        }
      }
    }
    all.push([role, 'organisation', 'upload', 'own'], [role, 'organisation', 'upload', 'other']);
    all.push([role, 'social-report', 'generate', 'own'], [role, 'social-report', 'generate', 'other']);
  }
  return all;
};

describe('isolation matrix: every role × content type × action × own/other organisation', () => {
  let settings: StackSettings;
  let cms: Service | undefined;
  let api: ContentApi;
  const sessions = new Map<Role, AdminSession>();
  const organisations = new Map<string, string>();
  let references: { province: string; serviceArea: string; area: string; partner: string; funding: string };
  // One report per organisation and year: each organisation counts its own years.
  const reportYears = new Map<string, number>();
  const nextReportYear = (organisation: string): number => {
    const year = reportYears.get(organisation) ?? 2025;
    reportYears.set(organisation, year + 1);
    return year;
  };
  let serial = 1;
  let taxSerial = 1_000_000;
  let foreignFile: number;
  let superAdmin: AdminSession;

  const organisationData = (): Record<string, unknown> => {
    return {
      name: `Cooperativa di prova ${taxSerial}`,
      organisationType: 'Cooperativa sociale di tipo A',
      taxCode: validVatNumber(`${taxSerial++}015`),
      legacoopMember: true,
      platformStatus: 'Attiva',
      address: 'Via Roma, 1',
      postalCode: '20121',
      city: 'Milano',
      province: references.province,
      email: 'prova@coop.example.it',
      responsabile: { fullName: 'Maria Rossi', email: 'maria@coop.example.it', phone: '+39 02 5550 1111' },
    };
  };
  const documentData = (type: Type, organisation: string): Record<string, unknown> => {
    switch (type) {
      case 'organisation':
        return organisationData();
      case 'practice-card':
        return {
          title: `Pratica ${serial++}`,
          organisation,
          innovationArea: references.area,
          intentPartnershipAbsent: true,
          economicPartnershipAbsent: false,
          economicPartners: [references.partner],
          fundingSources: [references.funding],
          description: 'Obiettivi e attività.',
          innovationElements: 'Elementi di innovazione.',
          evaluation: 'Risultati e indicatori.',
          impactEvaluation: false,
          contact: { fullName: 'Anna Neri', email: 'anna@coop.example.it', phone: '+39 02 5550 2222', isPublic: false },
          province: references.province,
        };
      case 'social-report':
        return { organisation, year: nextReportYear(organisation) };
      case 'consortium-service':
        return {
          name: `Servizio ${serial++}`,
          consortium: organisation,
          province: references.province,
          serviceArea: references.serviceArea,
        };
      case 'innovation-area':
        return { name: `Ambito di prova ${serial++}`, definition: 'Definizione di prova.', position: 99 };
      case 'registration-request': {
        const { platformStatus: _status, name, province, ...anagrafica } = organisationData();
        return {
          ...anagrafica,
          organisationName: name,
          province: { connect: [{ documentId: province }] },
          requestStatus: 'In attesa',
        };
      }
    }
  };
  /** A fresh document of an organisation, made through a trusted API token (or the super admin). */
  const fixture = async (type: Type, scope: Scope, role: Role): Promise<string> => {
    if (UNSCOPED.includes(type)) {
      const { data } = await superAdmin.json<{ data: { documentId: string } }>(
        'POST',
        `/content-manager/collection-types/${UID[type]}`,
        documentData(type, ''),
      );
      return data.documentId;
    }
    const organisation = organisations.get(organisationSlug(role, type, scope) ?? '') ?? '';
    if (type === 'organisation') {
      return (await api.json<{ data: { documentId: string } }>('POST', '/organisations', { data: organisationData() }))
        .data.documentId;
    }
    const created = await api.json<{ data: { documentId: string } }>('POST', `/${PLURAL[type]}`, {
      data: documentData(type, organisation),
    });
    return created.data.documentId;
  };
  const ownerDocument = (type: Type, scope: Scope, role: Role): Promise<string> =>
    type === 'organisation'
      ? Promise.resolve(organisations.get(ACCOUNT[role][scope]) ?? '')
      : fixture(type, scope, role);

  /** Performs one cell through the admin API; true when allowed, false when refused. */
  const attempt = async (role: Role, type: Type, action: Action, scope: Scope): Promise<boolean> => {
    const session = sessions.get(role)!;
    const base = `/content-manager/collection-types/${UID[type]}`;
    const outcome = async (response: Response): Promise<boolean> => {
      if (response.ok) return true;
      if ([403, 404].includes(response.status)) return false;
      throw new Error(`${role} ${action} ${type} (${scope}): unexpected ${response.status} ${await response.text()}`);
    };
    switch (action) {
      case 'list': {
        // A filter that tries to reach the document directly must not bring it back either.
        const documentId = await ownerDocument(type, scope, role);
        const response = await session.request(
          'GET',
          `${base}?page=1&pageSize=10&filters[$and][0][documentId][$eq]=${documentId}`,
        );
        if (!response.ok) return outcome(response);
        const { results } = (await response.json()) as { results: { documentId: string }[] };
        return results.some((row) => row.documentId === documentId);
      }
      case 'read':
        return outcome(await session.request('GET', `${base}/${await ownerDocument(type, scope, role)}`));
      case 'create': {
        const organisation = organisations.get(organisationSlug(role, type, scope) ?? '') ?? '';
        const data = documentData(type, organisation);
        const owner = OWNER[type];
        if (owner) data[owner] = { connect: [{ documentId: organisation }] };
        return outcome(await session.request('POST', base, data));
      }
      case 'update': {
        const documentId = await ownerDocument(type, scope, role);
        const change =
          type === 'social-report'
            ? { year: nextReportYear(organisations.get(organisationSlug(role, type, scope) ?? '') ?? '') }
            : type === 'practice-card' || type === 'registration-request'
              ? { city: 'Lodi' }
              : { name: `Nome ${serial++}` };
        return outcome(await session.request('PUT', `${base}/${documentId}`, change));
      }
      case 'delete':
        return outcome(await session.request('DELETE', `${base}/${await fixture(type, scope, role)}`));
      case 'publish': {
        // Publishing is the workflow's last step: the card is first brought to "Selezionata".
        const documentId = await fixture(type, scope, role);
        for (const to of ['Inviata', 'In revisione', 'Selezionata']) {
          await moveCard(superAdmin, documentId, to);
        }
        return outcome(
          await session.request('POST', `/coop/workflow/practice-card/${documentId}`, { to: 'Pubblicata' }),
        );
      }
      case 'generate': {
        // The ODT needs no LibreOffice; an incomplete report is refused for its content, after the access check.
        const documentId = await fixture(type, scope, role);
        const response = await session.request('GET', `/coop/social-reports/${documentId}/document?format=odt`);
        if (response.status === 400) {
          const { error } = (await response.json()) as { error: { details?: { missing?: unknown[] } } };
          return (error.details?.missing?.length ?? 0) > 0;
        }
        return outcome(response);
      }
      case 'upload': {
        if (scope === 'other') return outcome(await session.request('GET', `/upload/files/${foreignFile}`));
        const form = new FormData();
        form.append('files', new Blob(['GIF89a'], { type: 'image/gif' }), 'prova.gif');
        return outcome(await session.request('POST', '/upload', form));
      }
    }
  };

  beforeAll(async () => {
    settings = resolveSettings(await seededSettings());
    cms = await startCms(settings);
    superAdmin = await adminLogin(settings.cms.url, settings.admin.email, settings.admin.password);
    api = contentApi(settings.cms.url, await createFullAccessToken(superAdmin));
    for (const [role, { email }] of Object.entries(ACCOUNT) as [Role, { email: string }][]) {
      expect(accounts.map((account) => account.email)).toContain(email);
      sessions.set(role, await adminLogin(settings.cms.url, email, demoPassword));
    }
    const { data } = await api.json<{ data: { slug: string; documentId: string }[] }>(
      'GET',
      '/organisations?pagination[pageSize]=100',
    );
    for (const organisation of data) organisations.set(organisation.slug, organisation.documentId);
    const first = async (plural: string, query = ''): Promise<string> =>
      (await api.json<{ data: { documentId: string }[] }>('GET', `/${plural}?pagination[pageSize]=1${query}`)).data[0]
        ?.documentId ?? '';
    references = {
      province: await first('provinces', '&filters[code][$eq]=MI'),
      serviceArea: await first('service-areas'),
      area: await first('innovation-areas'),
      partner: await first('partner-categories'),
      funding: await first('funding-sources', '&filters[requiresDetail][$eq]=false'),
    };
    const mincio = await adminLogin(settings.cms.url, 'responsabile.mincio@demo.piattaforma.local', demoPassword);
    const form = new FormData();
    form.append('files', new Blob(['GIF89a'], { type: 'image/gif' }), 'altra-organizzazione.gif');
    foreignFile = (await mincio.json<{ id: number }[]>('POST', '/upload', form))[0]?.id ?? 0;
  });

  afterAll(async () => {
    await cms?.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  it('lets the public read only what is published, without personal data, and write nothing', async () => {
    const publicGet = async <T>(pathname: string): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${settings.cms.url}/api${pathname}`);
      return { status: response.status, body: (await response.json()) as T };
    };
    const readable = [
      'practice-cards',
      'organisations',
      'consortium-services',
      'provinces',
      'regions',
      'innovation-areas',
    ];
    const closed = ['social-reports', 'organisation-users'];
    let cellCount = 0;
    for (const plural of [...readable, ...closed]) {
      expect((await publicGet(`/${plural}`)).status, plural).toBe(readable.includes(plural) ? 200 : 403);
      for (const [method, target] of [
        ['POST', `/${plural}`],
        ['PUT', `/${plural}/x`],
        ['DELETE', `/${plural}/x`],
      ] as const) {
        const response = await fetch(`${settings.cms.url}/api${target}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: method === 'DELETE' ? null : JSON.stringify({ data: { name: 'intruso' } }),
        });
        expect(response.status, `${method} ${target}`).toBe(403);
        cellCount += 1;
      }
      cellCount += 1;
    }

    type Card = {
      publishedAt: string | null;
      contact: { isPublic: boolean } | null;
      organisation: Record<string, unknown>;
    };
    const published = await publicGet<{ data: Card[]; meta: { pagination: { total: number } } }>(
      '/practice-cards?pagination[pageSize]=100',
    );
    // Drafts and populate are the server's choice: a visitor asking for them is refused.
    for (const trick of [
      '/practice-cards?status=draft',
      '/practice-cards?populate[organisation][populate]=users',
      '/organisations?populate=*&filters[platformStatus][$eq]=In attesa',
      '/innovation-areas?populate[practiceCards][populate]=contact',
      '/consortium-services?populate=*',
    ]) {
      expect((await publicGet(trick)).status, trick).toBe(400);
    }
    const drafts = await api.json<{ meta: { pagination: { total: number } } }>(
      'GET',
      '/practice-cards?status=draft&pagination[pageSize]=1',
    );
    expect(published.body.meta.pagination.total).toBeLessThan(drafts.meta.pagination.total);
    for (const card of published.body.data) {
      expect(card.publishedAt).not.toBeNull();
      expect(card.contact === null || card.contact.isPublic).toBe(true);
      for (const field of ['email', 'pec', 'phone', 'responsabile', 'users', 'platformStatus']) {
        expect(card.organisation, field).not.toHaveProperty(field);
      }
    }
    expect(published.body.data.some((card) => card.contact?.isPublic)).toBe(true);

    const activeOrganisations = await publicGet<{ data: Record<string, unknown>[] }>(
      '/organisations?pagination[pageSize]=100',
    );
    expect(activeOrganisations.body.data.map((organisation) => organisation.slug)).not.toContain('laguna-lavoro');
    for (const organisation of activeOrganisations.body.data) {
      for (const field of ['email', 'pec', 'phone', 'responsabile', 'users', 'taxCode']) {
        expect(organisation, field).not.toHaveProperty(field);
      }
    }
    const throughArea = await publicGet<{ data: Record<string, unknown>[] }>('/innovation-areas');
    for (const area of throughArea.body.data) expect(area, 'practiceCards').not.toHaveProperty('practiceCards');
    const throughService = await publicGet<{ data: { consortium: Record<string, unknown> }[] }>(
      '/consortium-services?pagination[pageSize]=100',
    );
    for (const service of throughService.body.data) {
      for (const field of ['email', 'pec', 'phone', 'taxCode', 'responsabile']) {
        expect(service.consortium, field).not.toHaveProperty(field);
      }
    }
    expect((await publicGet('/practice-cards?filters[title][$containsi]=contact')).status).toBe(200);
    for (const probe of [
      '/organisations?filters[email][$contains]=a',
      '/practice-cards?filters[contact][email][$contains]=a',
      '/practice-cards?filters[organisation][phone][$contains]=3',
      '/consortium-services?filters[consortium][taxCode][$startsWith]=0',
      '/organisations?sort=taxCode:asc',
    ]) {
      expect((await publicGet(probe)).status, probe).toBe(400);
    }
    console.log(`Public content API: ${cellCount} cells (8 content types × list, create, update, delete)`);
  });

  it('limits login attempts, sends security headers and answers only the portal across origins', async () => {
    const attempts = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await loginAttempt(settings.cms.url, 'tentativi@example.it', 'Sbagliata-123');
      attempts.push(response.status);
    }
    expect(attempts).toEqual([400, 400, 400, 400, 400, 429]);

    const fromPortal = await fetch(`${settings.cms.url}/api/regions`, { headers: { origin: settings.portal.url } });
    expect(fromPortal.headers.get('access-control-allow-origin')).toBe(settings.portal.url);
    const fromElsewhere = await fetch(`${settings.cms.url}/api/regions`, {
      headers: { origin: 'https://altro.example.com' },
    });
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    for (const header of [
      'content-security-policy',
      'x-frame-options',
      'x-content-type-options',
      'strict-transport-security',
    ]) {
      expect(fromPortal.headers.get(header), header).not.toBeNull();
    }

    const weak = await sessions.get('lettore')!.request('PUT', '/admin/users/me', {
      currentPassword: demoPassword,
      password: 'debole',
    });
    expect(weak.status).toBe(400);
  });

  it('allows and refuses exactly what each role may do', async () => {
    const all = cells();
    const mismatches: string[] = [];
    for (const [role, type, action, scope] of all) {
      const allowed = await attempt(role, type, action, scope);
      if (allowed !== expected(role, type, action, scope)) {
        mismatches.push(
          `${role} ${action} ${type} (${scope}): ${allowed ? 'allowed' : 'refused'}, expected ${allowed ? 'refused' : 'allowed'}`,
        );
      }
    }
    const roles = new Set(all.map(([role]) => role)).size;
    console.log(
      `Isolation matrix: ${all.length} cells (${roles} roles × ${Object.keys(UID).length} content types × ${new Set(all.map(([, , action]) => action)).size} actions × own/other organisation, through the admin API)`,
    );
    expect(mismatches).toEqual([]);
  });
});
