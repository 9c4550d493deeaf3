import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../stack/process.ts';
import { startCms } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { adminLogin, moveCard, type AdminSession } from '../support/admin-api.ts';
import { cmsState, stateDifferences, type CmsState } from '../support/cms-state.ts';
import { DEMO_ACCOUNT } from '../support/demo-accounts.ts';
import { gifOfSize } from '../support/images.ts';

const PC = 'api::practice-card.practice-card';
const SR = 'api::social-report.social-report';
const ORG = 'api::organisation.organisation';
const CS = 'api::consortium-service.consortium-service';
const CM = '/content-manager/collection-types';

type Who = 'operatore' | 'responsabile' | 'lettore' | 'consorzio' | 'curatore' | 'staff' | 'super';
type Surface = {
  routes: { key: string; access: string; roles?: string[]; covers?: string }[];
  unreviewed: string[];
  stale: string[];
};
/** What a cell must end with: refused (403/404, or 400 where the request itself is wrong), nothing changed. */
type Outcome = 'refused' | 'bad-request';
type Cell = {
  family: string;
  name: string;
  who: Who[];
  method: string;
  path: string | (() => string);
  body?: unknown;
  expect?: Outcome;
};

describe('admin surface: every route reviewed, every path into another organisation refused', () => {
  let settings: StackSettings;
  let cms: Service | undefined;
  const sessions = new Map<Who, AdminSession>();
  /** Every request an account of B (or a curator) made: method and path, for the route coverage check. */
  const exercised: { method: string; path: string }[] = [];
  const orgs = new Map<string, string>();
  /** Database ids of organisations, by document id: the admin's relation inputs use them. */
  const orgIds = new Map<string, number>();
  let surface: Surface;
  let state: () => CmsState;
  const ref = { province: '', area: '', area2: '', partner: '', funding: '', serviceArea: '' };
  // A = terre-del-mincio, B = navigli-insieme; A′ = consorzio-adriatico, B′ = consorzio-sociale-light.
  const a = { draft: '', published: '', sent: '', report2024: '', report2025: '', file: 0, folder: 0, subfolder: 0 };
  const a2 = { service: '' };
  const b = { draft: '', report: '', report2024: '', file: 0, folder: 0, subfolder: 0, userOfA: 0 };
  const b2 = { service: '' };
  let cellCount = 0;

  const session = (who: Who): AdminSession => {
    const found = sessions.get(who);
    if (!found) throw new Error(`no session for ${who}`);
    return found;
  };
  const recording = (inner: AdminSession): AdminSession => {
    const request: AdminSession['request'] = (method, target, body) => {
      exercised.push({ method, path: target.split('?')[0] ?? target });
      return inner.request(method, target, body);
    };
    const json = async <T>(method: string, target: string, body?: unknown): Promise<T> => {
      const response = await request(method, target, body);
      if (!response.ok) throw new Error(`${method} ${target}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    return { ...inner, request, json };
  };
  const cardData = (organisation: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    title: `Pratica di prova ${Math.random().toString(36).slice(2, 8)}`,
    organisation,
    innovationArea: ref.area,
    intentPartnershipAbsent: true,
    economicPartnershipAbsent: true,
    fundingSources: [ref.funding],
    description: 'Obiettivi e attività.',
    innovationElements: 'Elementi di innovazione.',
    evaluation: 'Risultati e indicatori.',
    impactEvaluation: false,
    contact: { fullName: 'Anna Neri', email: 'anna@coop.example.it', phone: '+39 02 5550 2222', isPublic: false },
    province: ref.province,
    ...extra,
  });
  const gifForm = (name: string, fileInfo?: Record<string, unknown>): FormData => {
    const form = new FormData();
    form.append('files', gifOfSize(200), name);
    if (fileInfo) form.append('fileInfo', JSON.stringify(fileInfo));
    return form;
  };
  const created = async (who: Who, uid: string, data: Record<string, unknown>): Promise<string> =>
    (await session(who).json<{ data: { documentId: string } }>('POST', `${CM}/${uid}`, data)).data.documentId;
  const upload = async (who: Who, name: string, fileInfo?: Record<string, unknown>) => {
    const [file] = await session(who).json<{ id: number; folderPath: string; url: string }[]>(
      'POST',
      '/upload',
      gifForm(name, fileInfo),
    );
    if (!file) throw new Error('upload returned nothing');
    return file;
  };
  const rootFolderOf = async (who: Who): Promise<number> => {
    const { data } = await session(who).json<{ data: { id: number; parent: unknown }[] }>(
      'GET',
      '/upload/folders?filters[$and][0][parent][id][$null]=true',
    );
    expect(data).toHaveLength(1);
    return data[0]?.id ?? 0;
  };

  beforeAll(async () => {
    settings = resolveSettings(await seededSettings());
    cms = await startCms(settings);
    const databaseFile = settings.env.DATABASE_FILENAME ?? '';
    const uploadsDir = path.join(settings.cms.publicDir, 'uploads');
    state = () => cmsState(databaseFile, uploadsDir);

    sessions.set('super', await adminLogin(settings.cms.url, settings.admin.email, settings.admin.password));
    const accounts: [Who, string][] = [
      ['operatore', DEMO_ACCOUNT.operatore],
      ['responsabile', DEMO_ACCOUNT.responsabile],
      ['lettore', DEMO_ACCOUNT.lettore],
      ['consorzio', 'responsabile.consorzio@demo.piattaforma.local'],
      ['curatore', DEMO_ACCOUNT.curatore],
      ['staff', DEMO_ACCOUNT.staff],
    ];
    for (const [who, email] of accounts) {
      const signedIn = await adminLogin(settings.cms.url, email, demoPassword);
      sessions.set(who, who === 'staff' ? signedIn : recording(signedIn));
    }
    const mincio = await adminLogin(settings.cms.url, DEMO_ACCOUNT.altraCooperativa, demoPassword);
    const superAdmin = session('super');

    const list = async (uid: string, query = ''): Promise<Record<string, unknown>[]> =>
      (await superAdmin.json<{ results: Record<string, unknown>[] }>('GET', `${CM}/${uid}?page=1&pageSize=100${query}`))
        .results;
    for (const row of await list(ORG)) {
      orgs.set(String(row.slug), String(row.documentId));
      orgIds.set(String(row.documentId), Number(row.id));
    }
    const first = async (uid: string, query = ''): Promise<string> => String((await list(uid, query))[0]?.documentId);
    ref.province = await first('api::province.province', '&filters[code][$eq]=MI');
    const areas = await list('api::innovation-area.innovation-area');
    ref.area = String(areas[0]?.documentId);
    ref.area2 = String(areas[1]?.documentId);
    ref.partner = await first('api::partner-category.partner-category');
    ref.funding = await first('api::funding-source.funding-source', '&filters[requiresDetail][$eq]=false');
    ref.serviceArea = await first('api::service-area.service-area');
    const bySlug = async (slug: string): Promise<string> => first(PC, `&filters[slug][$eq]=${slug}`);
    a.published = await bySlug('corte-sociale-curtatone');
    a.sent = await bySlug('filiera-zucca-mantovana');
    a.report2024 = await first(SR, `&filters[organisation][slug][$eq]=terre-del-mincio`);

    // A's own work, made by A's Responsabile through the same routes.
    const fileA = await (async () => {
      const [file] = await mincio.json<{ id: number; folderPath: string }[]>('POST', '/upload', gifForm('di-a.gif'));
      return file!;
    })();
    a.file = fileA.id;
    const { data: foldersA } = await mincio.json<{ data: { id: number }[] }>(
      'GET',
      '/upload/folders?filters[$and][0][parent][id][$null]=true',
    );
    a.folder = foldersA[0]?.id ?? 0;
    a.subfolder = (
      await mincio.json<{ data: { id: number } }>('POST', '/upload/folders', { name: 'Foto di A', parent: null })
    ).data.id;
    a.draft = (
      await mincio.json<{ data: { documentId: string } }>(
        'POST',
        `${CM}/${PC}`,
        cardData(orgs.get('terre-del-mincio')!, { photos: [{ image: a.file, alt: 'Foto di A' }] }),
      )
    ).data.documentId;
    a.report2025 = (
      await mincio.json<{ data: { documentId: string } }>('POST', `${CM}/${SR}`, { year: 2025 })
    ).data.documentId;
    const invited = await mincio.json<{ data: { id: number } }>('POST', '/coop/my-organisation/users', {
      email: 'operatore.mincio@coop.example.it',
      firstname: 'Ada',
      lastname: 'Mincio',
      role: 'Operatore',
    });
    b.userOfA = invited.data.id;
    a2.service = (
      await superAdmin.json<{ data: { documentId: string } }>('POST', `${CM}/${CS}`, {
        name: 'Servizio di A′',
        consortium: orgs.get('consorzio-adriatico'),
        province: ref.province,
        serviceArea: ref.serviceArea,
      })
    ).data.documentId;

    // B's own work.
    const fileB = await upload('operatore', 'di-b.gif');
    b.file = fileB.id;
    b.folder = await rootFolderOf('operatore');
    b.subfolder = (
      await session('operatore').json<{ data: { id: number } }>('POST', '/upload/folders', { name: 'Foto di B' })
    ).data.id;
    b.draft = await created('operatore', PC, cardData(orgs.get('navigli-insieme')!));
    b.report = await created('responsabile', SR, { year: 2026 });
    b.report2024 = await first(SR, `&filters[organisation][slug][$eq]=navigli-insieme&filters[year][$eq]=2024`);
    b2.service = await first(CS, `&filters[consortium][slug][$eq]=consorzio-sociale-light`);

    surface = (await superAdmin.json<{ data: Surface }>('GET', '/coop/security/surface')).data;
  });

  afterAll(async () => {
    await cms?.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  const A = (): string => orgs.get('terre-del-mincio')!;
  const B = (): string => orgs.get('navigli-insieme')!;
  const A2 = (): string => orgs.get('consorzio-adriatico')!;
  const EDITORS: Who[] = ['operatore', 'responsabile'];
  const ORG_ROLES: Who[] = ['operatore', 'responsabile', 'lettore'];

  /** Attacks of B's accounts on A's data: each must be refused, and leave everything as it was. */
  const attacks = (): Cell[] => [
    // Documents through the Content Manager.
    ...[
      ['A’s draft card', () => `${CM}/${PC}/${a.draft}`],
      ['A’s published card', () => `${CM}/${PC}/${a.published}?status=published`],
      ['A’s report', () => `${CM}/${SR}/${a.report2024}`],
      ['A’s organisation', () => `${CM}/${ORG}/${A()}`],
      ['A′’s service', () => `${CM}/${CS}/${a2.service}`],
      ['A’s draft card’s draft relations', () => `${CM}/${PC}/${a.draft}/actions/countDraftRelations`],
      ['A’s draft card’s translation jobs', () => `/i18n/ai-localization-jobs/collection-types/${PC}/${a.draft}`],
      ['A’s draft card’s preview', () => `/content-manager/preview/url/${PC}?documentId=${a.draft}`],
      ['A’s report’s preview', () => `/content-manager/preview/url/${SR}?documentId=${a.report2024}`],
    ].map(([name, target]) => ({
      family: 'documents',
      name: `read ${name as string}`,
      who: ORG_ROLES,
      method: 'GET',
      path: target as () => string,
    })),
    ...[
      ['A’s draft card', () => `${CM}/${PC}/${a.draft}`, { title: 'Presa da B' }],
      ['A’s published card', () => `${CM}/${PC}/${a.published}`, { title: 'Presa da B' }],
      ['A’s report', () => `${CM}/${SR}/${a.report2025}`, { year: 2031 }],
      ['A’s organisation', () => `${CM}/${ORG}/${A()}`, { phone: '+39 02 0000000' }],
      ['A′’s service', () => `${CM}/${CS}/${a2.service}`, { name: 'Preso da B' }],
    ].map(([name, target, body]) => ({
      family: 'documents',
      name: `update ${name as string}`,
      who: [...ORG_ROLES, 'consorzio'] satisfies Who[],
      method: 'PUT',
      path: target as () => string,
      body,
    })),
    ...[
      ['A’s draft card', () => `${CM}/${PC}/${a.draft}`],
      ['A’s published card', () => `${CM}/${PC}/${a.published}`],
      ['A’s report', () => `${CM}/${SR}/${a.report2025}`],
      ['A’s organisation', () => `${CM}/${ORG}/${A()}`],
      ['A′’s service', () => `${CM}/${CS}/${a2.service}`],
    ].map(([name, target]) => ({
      family: 'documents',
      name: `delete ${name as string}`,
      who: [...EDITORS, 'consorzio'] satisfies Who[],
      method: 'DELETE',
      path: target as () => string,
    })),
    {
      family: 'documents',
      name: 'bulk-delete A’s draft with B’s',
      who: EDITORS,
      method: 'POST',
      path: `${CM}/${PC}/actions/bulkDelete`,
      body: () => ({ documentIds: [b.draft, a.draft] }),
    },
    {
      family: 'documents',
      name: 'discard A’s published card’s draft',
      who: EDITORS,
      method: 'POST',
      path: () => `${CM}/${PC}/${a.published}/actions/discard`,
    },
    ...['publish', 'unpublish'].map((action) => ({
      family: 'documents',
      name: `${action} A’s card`,
      who: EDITORS,
      method: 'POST',
      path: () => `${CM}/${PC}/${a.published}/actions/${action}`,
    })),
    {
      family: 'documents',
      name: 'create and publish a card in A',
      who: EDITORS,
      method: 'POST',
      path: `${CM}/${PC}/actions/publish`,
      body: () => cardData(A()),
    },
    ...[
      ['shorthand', () => A()],
      ['connect', () => ({ connect: [{ documentId: A() }] })],
      ['set', () => ({ set: [{ documentId: A() }] })],
    ].map(([name, owner]) => ({
      family: 'relations',
      name: `create a card in A (${name as string})`,
      who: EDITORS,
      method: 'POST',
      path: `${CM}/${PC}`,
      body: () => cardData('', { organisation: (owner as () => unknown)() }),
    })),
    {
      family: 'relations',
      name: 'create a card in B and A at once',
      who: [...EDITORS, 'staff'],
      method: 'POST',
      path: `${CM}/${PC}`,
      body: () => cardData('', { organisation: { connect: [{ documentId: B() }, { documentId: A() }] } }),
      expect: 'bad-request',
    },
    {
      family: 'relations',
      name: 'create a card with two innovation areas',
      who: [...EDITORS, 'staff', 'super'],
      method: 'POST',
      path: `${CM}/${PC}`,
      body: () => cardData(B(), { innovationArea: { connect: [{ documentId: ref.area }, { documentId: ref.area2 }] } }),
      expect: 'bad-request',
    },
    {
      family: 'relations',
      name: 'create a report in A',
      who: EDITORS,
      method: 'POST',
      path: `${CM}/${SR}`,
      body: () => ({ year: 2032, organisation: { connect: [{ documentId: A() }] } }),
    },
    {
      family: 'relations',
      name: 'create a service in A′',
      who: ['consorzio'],
      method: 'POST',
      path: `${CM}/${CS}`,
      body: () => ({
        name: 'Servizio in A′',
        consortium: { connect: [{ documentId: A2() }] },
        province: ref.province,
        serviceArea: ref.serviceArea,
      }),
    },
    ...[
      ['connect A', () => ({ connect: [{ documentId: A() }] })],
      ['set A', () => ({ set: [{ documentId: A() }] })],
      ['shorthand A', () => A()],
      ['shorthand list [A]', () => [A()]],
      ['connect A by database id', () => ({ connect: [{ id: orgIds.get(A()) }] })],
      ['disconnect B', () => ({ disconnect: [{ documentId: B() }] })],
      ['null', () => null],
    ].map(([name, owner]) => ({
      family: 'relations',
      name: `move B’s card: organisation ${name as string}`,
      who: EDITORS,
      method: 'PUT',
      path: () => `${CM}/${PC}/${b.draft}`,
      body: () => ({ organisation: (owner as () => unknown)() }),
    })),
    {
      family: 'relations',
      name: 'move B’s card: organisation connect B and A',
      who: [...EDITORS, 'staff'],
      method: 'PUT',
      path: () => `${CM}/${PC}/${b.draft}`,
      body: () => ({ organisation: { connect: [{ documentId: B() }, { documentId: A() }] } }),
      expect: 'bad-request',
    },
    {
      family: 'relations',
      name: 'move B’s card: the curator reassigns it to A',
      who: ['curatore'],
      method: 'PUT',
      path: () => `${CM}/${PC}/${b.draft}`,
      body: () => ({ organisation: { connect: [{ documentId: A() }] } }),
    },
    ...[
      ['connect A', () => ({ connect: [{ documentId: A() }] })],
      ['set A', () => ({ set: [{ documentId: A() }] })],
    ].map(([name, owner]) => ({
      family: 'relations',
      name: `move B’s report: organisation ${name as string}`,
      who: EDITORS,
      method: 'PUT',
      path: () => `${CM}/${SR}/${b.report}`,
      body: () => ({ organisation: (owner as () => unknown)() }),
    })),
    {
      family: 'relations',
      name: 'move B′’s service to A′',
      who: ['consorzio'],
      method: 'PUT',
      path: () => `${CM}/${CS}/${b2.service}`,
      body: () => ({ consortium: { connect: [{ documentId: A2() }] } }),
    },
    // Relation pickers.
    ...[
      ['A’s card’s organisation', () => `/content-manager/relations/${PC}/${a.draft}/organisation`],
      ['A’s cards through A’s organisation', () => `/content-manager/relations/${ORG}/${A()}/practiceCards`],
      ['A’s reports through A’s organisation', () => `/content-manager/relations/${ORG}/${A()}/socialReports`],
      ['a photo component by id', () => `/content-manager/relations/media.photo/1/image`],
      ['the workflow history', () => `/content-manager/relations/api::workflow-event.workflow-event/organisation`],
    ].map(([name, target]) => ({
      family: 'relations',
      name: `relation picker: ${name as string}`,
      who: ORG_ROLES,
      method: 'GET',
      path: target as () => string,
    })),
    // Copies.
    ...[
      ['A’s draft', () => `${CM}/${PC}/clone/${a.draft}`, () => ({})],
      ['A’s draft into B', () => `${CM}/${PC}/clone/${a.draft}`, () => ({ organisation: B() })],
      [
        'A’s draft into B (connect)',
        () => `${CM}/${PC}/clone/${a.draft}`,
        () => ({ organisation: { connect: [{ documentId: B() }] } }),
      ],
      ['A’s draft as Selezionata', () => `${CM}/${PC}/clone/${a.draft}`, () => ({ stage: 'Selezionata' })],
      ['A’s published card', () => `${CM}/${PC}/clone/${a.published}`, () => ({ slug: 'copia-di-a' })],
      ['A’s report', () => `${CM}/${SR}/clone/${a.report2024}`, () => ({ year: 2030 })],
      [
        'A’s report into B',
        () => `${CM}/${SR}/clone/${a.report2024}`,
        () => ({ year: 2031, organisation: { connect: [{ documentId: B() }] } }),
      ],
    ].map(([name, target, body]) => ({
      family: 'clone',
      name: `clone ${name as string}`,
      who: EDITORS,
      method: 'POST',
      path: target as () => string,
      body: body as () => unknown,
    })),
    ...[
      ['A’s draft', () => `${CM}/${PC}/auto-clone/${a.draft}`],
      ['A’s report', () => `${CM}/${SR}/auto-clone/${a.report2024}`],
    ].map(([name, target]) => ({
      family: 'clone',
      name: `auto-clone ${name as string}`,
      who: EDITORS,
      method: 'POST',
      path: target as () => string,
      body: {},
    })),
    {
      family: 'clone',
      name: 'clone A′’s service',
      who: ['consorzio'],
      method: 'POST',
      path: () => `${CM}/${CS}/clone/${a2.service}`,
      body: {},
    },
    {
      family: 'clone',
      name: 'a curator clones a card',
      who: ['curatore'],
      method: 'POST',
      path: () => `${CM}/${PC}/clone/${a.draft}`,
      body: {},
    },
    // Oracles.
    {
      family: 'counts',
      name: 'count A’s draft relations by id',
      who: ORG_ROLES,
      method: 'GET',
      path: () => `${CM}/${PC}/actions/countManyEntriesDraftRelations?documentIds[0]=${a.draft}`,
    },
    {
      family: 'counts',
      name: 'the count of every document',
      who: ORG_ROLES,
      method: 'GET',
      path: '/content-manager/homepage/count-documents',
    },
    ...['check-availability', 'generate'].map((action) => ({
      family: 'counts',
      name: `slug ${action}`,
      who: ORG_ROLES,
      method: 'POST',
      path: `/content-manager/uid/${action}`,
      body: { contentTypeUID: PC, field: 'slug', value: 'filiera-zucca-mantovana', data: { title: 'Filiera' } },
    })),
    // Files and folders.
    ...[
      ['read A’s file', 'GET', () => `/upload/files/${a.file}`, undefined],
      ['rename A’s file', 'PUT', () => `/upload/files/${a.file}`, () => ({ fileInfo: { name: 'preso.gif' } })],
      ['move A’s file into B', 'PUT', () => `/upload/files/${a.file}`, () => ({ fileInfo: { folder: b.folder } })],
      ['move B’s file into A', 'PUT', () => `/upload/files/${b.file}`, () => ({ fileInfo: { folder: a.folder } })],
      ['replace A’s file', 'POST', () => `/upload/files/${a.file}/replace`, () => gifForm('sostituto.gif')],
      ['replace A’s file (upload with id)', 'POST', () => `/upload?id=${a.file}`, () => gifForm('sostituto.gif')],
      ['delete A’s file', 'DELETE', () => `/upload/files/${a.file}`, undefined],
      ['bulk-delete A’s file', 'POST', '/upload/actions/bulk-delete', () => ({ fileIds: [b.file, a.file] })],
      ['bulk-delete A’s folder', 'POST', '/upload/actions/bulk-delete', () => ({ folderIds: [a.subfolder] })],
      ['bulk-delete A’s top folder', 'POST', '/upload/actions/bulk-delete', () => ({ folderIds: [a.folder] })],
      ['bulk-delete B’s own top folder', 'POST', '/upload/actions/bulk-delete', () => ({ folderIds: [b.folder] })],
      [
        'bulk-move A’s file into B',
        'POST',
        '/upload/actions/bulk-move',
        () => ({ fileIds: [a.file], destinationFolderId: b.folder }),
      ],
      [
        'bulk-move B’s file into A',
        'POST',
        '/upload/actions/bulk-move',
        () => ({ fileIds: [b.file], destinationFolderId: a.folder }),
      ],
      [
        'bulk-move A’s folder into B',
        'POST',
        '/upload/actions/bulk-move',
        () => ({ folderIds: [a.subfolder], destinationFolderId: b.folder }),
      ],
      [
        'bulk-update A’s file',
        'POST',
        '/upload/actions/bulk-update',
        () => ({ updates: [{ id: a.file, fileInfo: { name: 'preso.gif' } }] }),
      ],
      ['read A’s folder', 'GET', () => `/upload/folders/${a.folder}`, undefined],
      ['read A’s subfolder', 'GET', () => `/upload/folders/${a.subfolder}`, undefined],
      ['rename A’s folder', 'PUT', () => `/upload/folders/${a.subfolder}`, () => ({ name: 'Presa da B' })],
      ['rename A’s top folder', 'PUT', () => `/upload/folders/${a.folder}`, () => ({ name: 'Presa da B' })],
      ['rename B’s own top folder', 'PUT', () => `/upload/folders/${b.folder}`, () => ({ name: 'Altro nome' })],
      [
        'move B’s folder into A',
        'PUT',
        () => `/upload/folders/${b.subfolder}`,
        () => ({ name: 'Foto di B', parent: a.folder }),
      ],
      ['create a folder in A', 'POST', '/upload/folders', () => ({ name: 'Intrusa', parent: a.folder })],
      ['upload into A’s folder', 'POST', '/upload', () => gifForm('intruso.gif', { folder: a.folder })],
      ['upload one file into A’s folder', 'POST', '/upload/files', () => gifForm('intruso.gif', { folder: a.folder })],
      [
        'fetch a URL into the library',
        'POST',
        '/upload/actions/upload-from-urls',
        () => ({ urls: ['http://0.0.0.0:1080/api/email'] }),
      ],
    ].map(([name, method, target, body]) => ({
      family: 'media',
      name: name as string,
      who: [...EDITORS, 'lettore'] satisfies Who[],
      method: method as string,
      path: target as string | (() => string),
      ...(body ? { body: body as () => unknown } : {}),
    })),
    ...[
      ['a card photo', () => `${CM}/${PC}/${b.draft}`, () => ({ photos: [{ image: a.file, alt: 'Foto presa' }] })],
      ['a new card’s photo', () => `${CM}/${PC}`, () => cardData(B(), { photos: [{ image: a.file, alt: 'Foto' }] })],
      ['the organisation’s logo', () => `${CM}/${ORG}/${B()}`, () => ({ logo: a.file })],
    ].map(([name, target, body]) => ({
      family: 'media',
      name: `attach A’s file as ${name as string}`,
      who: EDITORS,
      method: (name as string).includes('new') ? 'POST' : 'PUT',
      path: target as () => string,
      body: body as () => unknown,
    })),
    // The platform's own admin API.
    ...[
      ['A’s card’s workflow', 'GET', () => `/coop/workflow/practice-card/${a.draft}`, undefined],
      ['A’s report’s workflow', 'GET', () => `/coop/workflow/social-report/${a.report2024}`, undefined],
      ['send A’s card', 'POST', () => `/coop/workflow/practice-card/${a.draft}`, { to: 'Inviata' }],
      ['confirm A’s report', 'POST', () => `/coop/workflow/social-report/${a.report2025}`, { to: 'Confermato' }],
      ['A’s report’s completeness', 'GET', () => `/coop/social-reports/${a.report2024}/completeness`, undefined],
      ['A’s report’s next year', 'POST', () => `/coop/social-reports/${a.report2024}/next-year`, {}],
      ['A’s report’s document', 'GET', () => `/coop/social-reports/${a.report2024}/document?format=odt`, undefined],
      ['A’s report’s comparison', 'GET', () => `/coop/social-reports/${a.report2025}/comparison`, undefined],
      [
        'confirm a text of A’s report',
        'POST',
        () => `/coop/social-reports/${a.report2025}/carried-texts/confirm`,
        { path: 'methodology.standards' },
      ],
      [
        'record that A has no control body',
        'POST',
        () => `/coop/social-reports/${a.report2025}/attestation`,
        { noControlBody: true, noControlBodyReason: 'Non previsto dallo statuto' },
      ],
      ['disable A’s operatore', 'PUT', () => `/coop/my-organisation/users/${b.userOfA}`, { isActive: false }],
      ['the editorial queue', 'GET', '/coop/workflow-queue', undefined],
      ['the catalogue', 'GET', '/coop/practice-catalogue?format=odt', undefined],
      ['approve a registration', 'POST', '/coop/registration-requests/x/approve', {}],
      ['the route inventory', 'GET', '/coop/security/surface', undefined],
    ].map(([name, method, target, body]) => ({
      family: (name as string).includes('workflow') || (name as string).startsWith('send') ? 'workflow' : 'coop',
      name: name as string,
      who: ORG_ROLES,
      method: method as string,
      path: target as string | (() => string),
      ...(body ? { body } : {}),
    })),
    // The network's pages.
    ...[
      ['list the admin accounts', 'GET', '/admin/users'],
      ['read the roles', 'GET', '/admin/roles'],
      ['create an API token', 'POST', '/admin/api-tokens'],
      ['read the webhooks', 'GET', '/admin/webhooks'],
      ['read the e-mail settings', 'GET', '/email/settings'],
      ['read the public role', 'GET', '/users-permissions/roles'],
      ['read the schema', 'GET', '/content-type-builder/schema'],
      ['the key statistics', 'GET', '/admin/homepage/key-statistics'],
    ].map(([name, method, target]) => ({
      family: 'network',
      name: name as string,
      who: [...ORG_ROLES, 'curatore'] satisfies Who[],
      method: method as string,
      path: target as string,
      ...(method === 'POST' ? { body: { name: 'x', type: 'full-access' } } : {}),
    })),
  ];

  const resolve = <T>(value: T | (() => T)): T => (typeof value === 'function' ? (value as () => T)() : value);

  it('refuses every attack of B’s accounts on A’s data and leaves everything as it was', async () => {
    const failures: string[] = [];
    let before = state();
    for (const cell of attacks()) {
      for (const who of cell.who) {
        const target = resolve(cell.path);
        const body = resolve(cell.body);
        const response = await session(who).request(cell.method, target, body);
        const text = await response.text();
        const allowed = cell.expect === 'bad-request' ? [400] : [403, 404, ...(cell.method === 'GET' ? [] : [400])];
        if (!allowed.includes(response.status)) {
          failures.push(`${who} ${cell.name}: ${response.status} ${text.slice(0, 160)}`);
        }
        const after = state();
        const changed = stateDifferences(before, after);
        if (changed.length > 0) failures.push(`${who} ${cell.name}: changed ${changed.join(', ')}`);
        before = after;
        cellCount += 1;
      }
    }
    console.log(`Adversarial suite: ${cellCount} attack cells, each refused with everything unchanged`);
    expect(failures).toEqual([]);
  });

  it('shows B’s accounts only B’s documents, files and folders in lists and pickers', async () => {
    const ids = (rows: { documentId?: string; id?: number }[]) => rows.map((row) => row.documentId ?? row.id);
    for (const who of ORG_ROLES) {
      const picker = await session(who).json<{ results: { documentId: string }[] }>(
        'GET',
        `/content-manager/relations/${PC}/organisation?pageSize=100`,
      );
      expect(ids(picker.results), `${who}: organisations to pick`).toEqual([B()]);
      const recent = await session(who).json<{ data: { documentId: string }[] }>(
        'GET',
        '/content-manager/homepage/recent-documents?action=update',
      );
      for (const documentId of [a.draft, a.published, a.sent, a.report2024, a.report2025, A()]) {
        expect(ids(recent.data), `${who}: recent documents`).not.toContain(documentId);
      }
    }
    const accounts = await session('responsabile').json<{ results: { documentId: string }[] }>(
      'GET',
      `/content-manager/relations/${ORG}/users?pageSize=100`,
    );
    const ownAccounts = await session('super').json<{ results: { documentId: string }[] }>(
      'GET',
      `${CM}/api::organisation-user.organisation-user?page=1&pageSize=100&filters[organisation][slug][$eq]=navigli-insieme`,
    );
    expect(ids(accounts.results).sort()).toEqual(ids(ownAccounts.results).sort());

    for (const who of EDITORS) {
      const files = await session(who).json<{ results: { id: number; folderPath: string }[] }>(
        'GET',
        '/upload/files?page=1&pageSize=100',
      );
      expect(files.results.map((file) => file.id)).toContain(b.file);
      expect(files.results.map((file) => file.id)).not.toContain(a.file);
      const folders = await session(who).json<{ data: { id: number }[] }>('GET', '/upload/folders');
      expect(folders.data.map((folder) => folder.id).sort()).toEqual([b.folder, b.subfolder].sort());
      const structure = await session(who).json<{ data: { id: number; children: { id: number }[] }[] }>(
        'GET',
        '/upload/folder-structure',
      );
      expect(structure.data.map((folder) => folder.id)).toEqual([b.folder]);
      expect(structure.data[0]?.children.map((folder) => folder.id)).toEqual([b.subfolder]);
    }
    // Network staff and curators keep the whole library.
    for (const who of ['staff', 'curatore'] as Who[]) {
      const files = await session(who).json<{ results: { id: number }[] }>('GET', '/upload/files?page=1&pageSize=200');
      expect(files.results.map((file) => file.id)).toEqual(expect.arrayContaining([a.file, b.file]));
    }
    const all = await session('staff').json<{ data: { id: number }[] }>('GET', '/upload/folder-structure');
    expect(all.data.map((folder) => folder.id)).toEqual(expect.arrayContaining([a.folder, b.folder]));
  });

  it('lets B’s accounts do their own work: files in B’s folder, cards, copies that start over', async () => {
    const operatore = session('operatore');
    // An upload lands in B's folder whatever it names, and is attached to B's card.
    const photo = await upload('operatore', 'foto-di-b.gif');
    const inSubfolder = await upload('operatore', 'in-cartella.gif', { folder: b.subfolder });
    const { data: folder } = await operatore.json<{ data: { path: string } }>('GET', `/upload/folders/${b.folder}`);
    expect(photo.folderPath).toBe(folder.path);
    expect(inSubfolder.folderPath.startsWith(`${folder.path}/`)).toBe(true);
    const card = await created('operatore', PC, cardData('', { photos: [{ image: photo.id, alt: 'Foto di B' }] }));
    const stored = await operatore.json<{ data: { organisation: { count: number }; stage: string } }>(
      'GET',
      `${CM}/${PC}/${card}`,
    );
    expect(stored.data.stage).toBe('Bozza');
    await operatore.json('PUT', `${CM}/${PC}/${card}`, { title: 'Pratica di B, corretta' });
    await operatore.json('POST', '/upload/actions/bulk-move', {
      fileIds: [inSubfolder.id],
      destinationFolderId: b.folder,
    });

    // A copy of B's own card starts over as Bozza with a new address, whatever the request says.
    const copy = await operatore.json<{ data: { documentId: string; stage: string; slug?: string } }>(
      'POST',
      `${CM}/${PC}/clone/${card}`,
      { stage: 'Selezionata', organisation: { connect: [{ documentId: A() }] } },
    );
    const copied = await session('super').json<{ data: { stage: string; slug: string } }>(
      'GET',
      `${CM}/${PC}/${copy.data.documentId}`,
    );
    const source = await session('super').json<{ data: { slug: string } }>('GET', `${CM}/${PC}/${card}`);
    expect(copied.data.stage).toBe('Bozza');
    expect(copied.data.slug).not.toBe(source.data.slug);
    const copyOwner = await session('super').json<{ results: { documentId: string }[] }>(
      'GET',
      `/content-manager/relations/${PC}/${copy.data.documentId}/organisation`,
    );
    expect(copyOwner.results.map((row) => row.documentId)).toEqual([B()]);
    const history = await session('super').json<{ data: { history: unknown[] } }>(
      'GET',
      `/coop/workflow/practice-card/${copy.data.documentId}`,
    );
    expect(history.data.history).toEqual([]);

    // A copy of a report is a new report: the one-per-year rule holds, and it starts being compiled.
    const sameYear = await session('responsabile').request('POST', `${CM}/${SR}/clone/${b.report}`, {});
    expect(sameYear.status).toBe(400);
    expect(await sameYear.text()).toContain('Anno');
    const nextYear = await session('responsabile').json<{ data: { documentId: string } }>(
      'POST',
      `${CM}/${SR}/clone/${b.report}`,
      { year: 2027, stage: 'Depositato', approvalDate: '2027-04-30', depositDate: '2027-05-15' },
    );
    const report = await session('super').json<{
      data: { stage: string; approvalDate: string | null; depositDate: string | null; year: number };
    }>('GET', `${CM}/${SR}/${nextYear.data.documentId}`);
    expect(report.data).toMatchObject({ stage: 'In compilazione', approvalDate: null, depositDate: null, year: 2027 });
    await session('responsabile').json('DELETE', `${CM}/${SR}/${nextYear.data.documentId}`);

    // Deleting B's own draft card removes its photo from the library and the disk, unless another
    // document (here the copy, until it goes too) still shows it; each deletion is recorded.
    const { url } = await operatore.json<{ url: string }>('GET', `/upload/files/${photo.id}`);
    await operatore.json('DELETE', `${CM}/${PC}/${copy.data.documentId}`);
    expect((await fetch(`${settings.cms.url}${url}`)).status).toBe(200);
    await operatore.json('DELETE', `${CM}/${PC}/${card}`);
    expect((await fetch(`${settings.cms.url}${url}`)).status).toBe(404);
    expect((await session('staff').request('GET', `/upload/files/${photo.id}`)).status).toBe(404);
    const events = await session('super').json<{
      results: { subjectDocumentId: string; toStage: string; actorEmail: string; fromStage: string }[];
    }>('GET', `${CM}/api::workflow-event.workflow-event?page=1&pageSize=100&sort=createdAt:desc`);
    expect(events.results).toContainEqual(
      expect.objectContaining({
        subjectDocumentId: card,
        fromStage: 'Bozza',
        toStage: 'Eliminato',
        actorEmail: DEMO_ACCOUNT.operatore,
      }),
    );
  });

  it('deletes only what the workflow allows: cards in Bozza, reports never confirmed', async () => {
    const operatore = session('operatore');
    const responsabile = session('responsabile');
    const sent = await created('operatore', PC, cardData(''));
    await moveCard(operatore, sent, 'Inviata');
    const published = await session('super').json<{ results: { documentId: string }[] }>(
      'GET',
      `${CM}/${PC}?page=1&pageSize=1&filters[slug][$eq]=isole-di-turno`,
    );
    const isole = published.results[0]?.documentId ?? '';
    // B's complete 2024 report, confirmed and then reopened.
    const confirmedReport = b.report2024;
    await responsabile.json('POST', `/coop/workflow/social-report/${confirmedReport}`, { to: 'Confermato' });

    let before = state();
    const refusedDeletes: [AdminSession, string][] = [
      [operatore, `${CM}/${PC}/${sent}`],
      [responsabile, `${CM}/${PC}/${sent}`],
      [operatore, `${CM}/${PC}/${isole}`],
      [responsabile, `${CM}/${PC}/${isole}`],
      [responsabile, `${CM}/${SR}/${confirmedReport}`],
    ];
    for (const [who, target] of refusedDeletes) {
      const response = await who.request('DELETE', target);
      expect(response.status, target).toBe(403);
      expect(stateDifferences(before, state())).toEqual([]);
      cellCount += 1;
    }
    const bulk = await operatore.request('POST', `${CM}/${PC}/actions/bulkDelete`, { documentIds: [sent, isole] });
    expect(bulk.status).toBe(403);
    expect(stateDifferences(before, state())).toEqual([]);
    // Reopened, the report is being compiled again, but it was confirmed once: it stays.
    await responsabile.json('POST', `/coop/workflow/social-report/${confirmedReport}`, {
      to: 'In compilazione',
      comment: 'Correggiamo i ricavi',
    });
    before = state();
    expect((await responsabile.request('DELETE', `${CM}/${SR}/${confirmedReport}`)).status).toBe(403);
    expect(stateDifferences(before, state())).toEqual([]);
    cellCount += 2;

    // Network staff may delete a published card: the deletion is recorded and its photos go.
    const full = await session('super').json<{ data: { photos: { image: { url: string } }[] } }>(
      'GET',
      `${CM}/${PC}/${isole}`,
    );
    const photoUrls = full.data.photos.map((photo) => photo.image.url);
    expect(photoUrls.length).toBeGreaterThan(0);
    await session('staff').json('DELETE', `${CM}/${PC}/${isole}`);
    for (const url of photoUrls) expect((await fetch(`${settings.cms.url}${url}`)).status).toBe(404);
    const events = await session('super').json<{ results: { subjectDocumentId: string; actorEmail: string }[] }>(
      'GET',
      `${CM}/api::workflow-event.workflow-event?page=1&pageSize=100&filters[toStage][$eq]=Eliminato`,
    );
    expect(events.results).toContainEqual(
      expect.objectContaining({ subjectDocumentId: isole, actorEmail: DEMO_ACCOUNT.staff }),
    );
  });

  it('answers every role’s own panel, media and workflow calls', async () => {
    const consortiumCard = await created('operatore', PC, cardData(''));
    const ownFile = await upload('operatore', 'da-sostituire.gif');
    const discardable = (
      await session('super').json<{ results: { documentId: string }[] }>(
        'GET',
        `${CM}/${PC}?page=1&pageSize=1&filters[slug][$eq]=con-te-app-caregiver`,
      )
    ).results[0]?.documentId;
    const own: [Who, string, string, unknown?][] = [
      ['operatore', 'GET', '/admin/users/me'],
      ['operatore', 'PUT', '/admin/users/me', { firstname: 'Paolo' }],
      ['operatore', 'GET', '/admin/users/me/permissions'],
      ['operatore', 'GET', '/admin/users/me/sessions'],
      ['operatore', 'POST', '/admin/permissions/check', { permissions: [{ action: 'plugin::upload.read' }] }],
      ['operatore', 'GET', '/admin/information'],
      ['operatore', 'GET', '/admin/guided-tour-meta'],
      ['operatore', 'GET', '/admin/homepage/layout'],
      ['operatore', 'GET', '/i18n/locales'],
      ['operatore', 'GET', '/i18n/settings'],
      ['operatore', 'GET', '/content-manager/init'],
      ['operatore', 'GET', '/content-manager/content-types'],
      ['operatore', 'GET', '/content-manager/content-types-settings'],
      ['operatore', 'GET', '/content-manager/components'],
      ['operatore', 'GET', `/content-manager/content-types/${PC}/configuration`],
      ['operatore', 'GET', '/content-manager/components/media.photo/configuration'],
      ['operatore', 'GET', `${CM}/${PC}?page=1&pageSize=10`],
      ['operatore', 'GET', `${CM}/${PC}/${consortiumCard}/actions/countDraftRelations`],
      ['operatore', 'GET', `/content-manager/relations/${PC}/${consortiumCard}/innovationArea`],
      ['responsabile', 'POST', `${CM}/${PC}/${discardable}/actions/discard`],
      ['operatore', 'GET', '/upload/configuration'],
      ['operatore', 'GET', `/upload/files/${ownFile.id}`],
      ['operatore', 'PUT', `/upload/files/${ownFile.id}`, { fileInfo: { alternativeText: 'Una foto' } }],
      ['operatore', 'POST', `/upload/files/${ownFile.id}/replace`, gifForm('sostituita.gif')],
      ['operatore', 'POST', `/upload?id=${ownFile.id}`, gifForm('sostituita-ancora.gif')],
      ['operatore', 'POST', '/upload/files', gifForm('singola.gif')],
      [
        'operatore',
        'POST',
        '/upload/actions/bulk-update',
        { updates: [{ id: ownFile.id, fileInfo: { caption: 'Didascalia' } }] },
      ],
      ['operatore', 'PUT', `/upload/folders/${b.subfolder}`, { name: 'Foto di B, 2026' }],
      ['operatore', 'GET', `/upload/folders/${b.subfolder}`],
      ['operatore', 'DELETE', `/upload/files/${ownFile.id}`],
      ['responsabile', 'GET', '/coop/my-organisation'],
      ['responsabile', 'POST', '/coop/my-organisation/confirm', {}],
      ['lettore', 'GET', `/coop/workflow/practice-card/${b.draft}`],
      ['lettore', 'GET', `/coop/social-reports/${b.report}/completeness`],
      ['lettore', 'GET', `/coop/social-reports/${b.report}/comparison`],
      ['responsabile', 'GET', '/coop/social-report-deadlines'],
      ['responsabile', 'GET', `/coop/social-reports/${b.report2024}/document?format=odt`],
      ['curatore', 'GET', '/coop/workflow-queue'],
      ['curatore', 'GET', '/coop/practice-catalogue?format=odt'],
      [
        'curatore',
        'POST',
        '/content-manager/uid/generate',
        { contentTypeUID: PC, field: 'slug', data: { title: 'Nuova' } },
      ],
      [
        'curatore',
        'POST',
        '/content-manager/uid/check-availability',
        { contentTypeUID: PC, field: 'slug', value: 'nuova-pratica' },
      ],
    ];
    const failures: string[] = [];
    // About B's own card, the edit view's questions get an answer (a job or preview may not exist).
    // About B's own card, the edit view's questions get Strapi's own answer, as network staff get it.
    for (const target of [
      `/i18n/ai-localization-jobs/collection-types/${PC}/${consortiumCard}`,
      `/content-manager/preview/url/${PC}?documentId=${consortiumCard}`,
      '/admin/ai-feature-config',
    ]) {
      const response = await session('operatore').request('GET', target);
      const staffAnswer = await session('staff').request('GET', target);
      if (response.status !== staffAnswer.status) {
        failures.push(`operatore GET ${target}: ${response.status}, network staff ${staffAnswer.status}`);
      }
      cellCount += 1;
    }
    const settingsRead = await session('operatore').request('GET', '/upload/settings');
    expect(await settingsRead.text(), 'past the surface, Strapi’s own permission decides').toContain('Policy Failed');
    for (const [who, method, target, body] of own) {
      const response = await session(who).request(method, target, body);
      if (!response.ok)
        failures.push(`${who} ${method} ${target}: ${response.status} ${(await response.text()).slice(0, 160)}`);
      cellCount += 1;
    }
    expect(failures).toEqual([]);
    const fileEvents = await session('super').json<{ results: Record<string, unknown>[] }>(
      'GET',
      `${CM}/api::workflow-event.workflow-event?page=1&pageSize=10&filters[subjectType][$eq]=File&filters[subjectDocumentId][$eq]=${ownFile.id}`,
    );
    expect(fileEvents.results, 'the file’s deletion is in the history').toEqual([
      expect.objectContaining({ toStage: 'Eliminato', actorEmail: DEMO_ACCOUNT.operatore }),
    ]);

    const invited = await session('responsabile').json<{ data: { id: number } }>(
      'POST',
      '/coop/my-organisation/users',
      {
        email: 'lettrice.due@navigli.example.it',
        firstname: 'Elena',
        lastname: 'Lettrice',
        role: 'Lettore',
      },
    );
    await session('responsabile').json('PUT', `/coop/my-organisation/users/${invited.data.id}`, { isActive: false });
    const next = await session('operatore').request('POST', `/coop/social-reports/${b.report}/next-year`, {
      confirmed: true,
    });
    expect(next.status).toBe(201);
    // The Responsabile attaches B's attestation: the PDF lands in B's folder and the report points at it.
    const attestation = new FormData();
    attestation.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'attestazione.pdf');
    attestation.append('bodyName', 'Collegio sindacale');
    attestation.append('date', '2025-04-10');
    const attached = await session('responsabile').request(
      'POST',
      `/coop/social-reports/${b.report2024}/attestation`,
      attestation,
    );
    expect(attached.status, await attached.clone().text()).toBe(200);
    const { data: recorded } = (await attached.json()) as { data: { file: { id: number } | number | null } };
    const attestationFile = typeof recorded.file === 'object' ? recorded.file?.id : recorded.file;
    const { folderPath } = await session('responsabile').json<{ folderPath: string }>(
      'GET',
      `/upload/files/${attestationFile}`,
    );
    const { data: ownFolder } = await session('responsabile').json<{ data: { path: string } }>(
      'GET',
      `/upload/folders/${b.folder}`,
    );
    expect(folderPath, 'the attestation is filed in B’s folder').toBe(ownFolder.path);
    const confirm = await session('operatore').request(
      'POST',
      `/coop/social-reports/${b.report}/carried-texts/confirm`,
      { path: 'methodology.standards' },
    );
    expect(confirm.status).toBeLessThan(500);
    expect(confirm.status).not.toBe(403);
    const auto = await session('responsabile').request('POST', `${CM}/${SR}/auto-clone/${b.report}`, {});
    expect(auto.status, 'a copy of the same year is refused by the one-report-per-year rule').toBe(400);
    await session('operatore')
      .json('POST', `${CM}/${PC}/auto-clone/${b.draft}`, {})
      .catch(() => undefined);
    const folder = await session('operatore').json<{ data: { id: number } }>('POST', '/upload/folders', {
      name: 'Da eliminare',
    });
    await session('operatore').json('POST', '/upload/actions/bulk-delete', { folderIds: [folder.data.id] });
    cellCount += 6;

    // The account's own sessions: revoking them is the account's own business.
    const spare = recording(await adminLogin(settings.cms.url, DEMO_ACCOUNT.lettore, demoPassword));
    expect((await spare.request('DELETE', '/admin/users/me/sessions/non-esiste')).status).toBe(404);
    expect((await spare.request('PUT', '/admin/homepage/layout', { widgets: [] })).status).toBeLessThan(500);
    expect((await spare.request('DELETE', '/admin/users/me/sessions?keepCurrent=true')).ok).toBe(true);
    cellCount += 3;
  });

  it('has every served route on the reviewed table, refuses what it does not allow, and attacks what it allows', async () => {
    expect(surface.unreviewed, 'routes no one has reviewed: add them to cms/src/access/admin-surface.ts').toEqual([]);
    expect(surface.stale, 'routes the table lists that the CMS no longer serves').toEqual([]);
    const placeholder: Record<string, string> = {
      model: PC,
      uid: PC,
      contentType: PC,
      kind: 'practice-card',
      documentId: a.draft,
      sourceId: a.draft,
      targetField: 'organisation',
      idOrSlug: 'corte-sociale-curtatone',
    };
    const concrete = (pattern: string): string =>
      pattern
        .replace(/:(\w+)\*?/g, (_, name: string) => placeholder[name] ?? '1')
        .replace('(.*)', 'x')
        .replace('((?!uploads/).+)', 'robots.txt');
    const failures: string[] = [];
    const roleOf: Record<string, string> = {
      operatore: 'Operatore',
      responsabile: 'Responsabile',
      lettore: 'Lettore',
      curatore: 'Curatore',
    };
    for (const route of surface.routes) {
      const [method = 'GET', pattern = ''] = route.key.split(' ');
      if (method === 'ALL') continue;
      const refusedTo =
        route.access === 'staff' || route.access === 'off'
          ? Object.keys(roleOf)
          : route.access === 'allowed'
            ? Object.keys(roleOf).filter((who) => !route.roles?.includes(roleOf[who] ?? ''))
            : route.access === 'content-api'
              ? ['operatore']
              : [];
      for (const who of refusedTo) {
        const target = concrete(pattern);
        const body = method === 'GET' ? undefined : {};
        const response = await session(who as Who).request(method, target, body);
        if (route.access === 'content-api') {
          // An admin session counts for nothing on the content API: the answer is the anonymous one.
          const anonymous = await fetch(`${settings.cms.url}${target}`, {
            method,
            ...(body ? { headers: { 'content-type': 'application/json' }, body: '{}' } : {}),
          });
          if (response.status !== anonymous.status && response.status !== 401)
            failures.push(`${who} ${route.key}: ${response.status}, anonymous ${anonymous.status}`);
        } else if (![401, 403].includes(response.status)) {
          failures.push(`${who} ${route.key}: ${response.status}`);
        }
        cellCount += 1;
      }
      // Only public routes answer without a session.
      if (route.access !== 'public' && route.access !== 'content-api') {
        const anonymous = await fetch(`${settings.cms.url}${concrete(pattern)}`, { method });
        if (![401, 403].includes(anonymous.status)) failures.push(`anonymous ${route.key}: ${anonymous.status}`);
        cellCount += 1;
      }
    }
    expect(failures).toEqual([]);

    // Every route the table allows an organisation's account or a curator has been called above.
    const matches = (pattern: string, target: string): boolean =>
      new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`).test(target);
    const allowedRoutes = surface.routes.filter((route) => route.access === 'allowed');
    const unexercised = allowedRoutes
      .filter(
        (route) =>
          !exercised.some(
            (request) =>
              route.key.startsWith(`${request.method} `) &&
              matches(route.key.slice(request.method.length + 1), request.path),
          ),
      )
      .map((route) => `${route.key} (${route.covers})`);
    expect(unexercised, 'allowed routes no test calls').toEqual([]);
    console.log(
      `Route inventory: ${surface.routes.length} routes, ${allowedRoutes.length} allowed to organisation accounts or curators; ${cellCount} cells in this file`,
    );
  });
});
