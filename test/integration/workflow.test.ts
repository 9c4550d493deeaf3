import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../stack/process.ts';
import { startCms, startMaildev } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { DEMO_ACCOUNT, type DemoAccount } from '../support/demo-accounts.ts';
import { contentApi, createFullAccessToken, type ContentApi } from '../support/content-api.ts';
import { maildevInbox, type Mail } from '../support/maildev.ts';
import { advanceReport, attachAttestation, copyOfReport, moveInputs, moveReport } from '../support/social-reports.ts';

describe('editorial workflow', () => {
  let settings: StackSettings;
  let cms: Service | undefined;
  let maildev: Service | undefined;
  let api: ContentApi;
  const sessions = new Map<DemoAccount, AdminSession>();
  const as = (who: DemoAccount): AdminSession => sessions.get(who)!;

  const move = (who: DemoAccount, kind: string, documentId: string, body: Record<string, unknown>): Promise<Response> =>
    as(who).request('POST', `/coop/workflow/${kind}/${documentId}`, body);
  const expectRefused = async (response: Response, status: number, message?: string | RegExp): Promise<void> => {
    expect(response.status).toBe(status);
    if (message) expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  };
  const awaitMail = async (address: string, subject: string): Promise<Mail> =>
    (await maildevInbox(settings.smtp.inboxUrl ?? '').waitFor(address, subject))[0]!;
  const publicTitle = async (documentId: string): Promise<string | null> => {
    const response = await fetch(`${settings.cms.url}/api/practice-cards/${documentId}`);
    return response.ok ? ((await response.json()) as { data: { title: string } }).data.title : null;
  };

  beforeAll(async () => {
    settings = resolveSettings(await seededSettings({ EMAIL_RETRY_INTERVAL_SECONDS: '1' }));
    maildev = await startMaildev(settings);
    cms = await startCms(settings);
    const superAdmin = await adminLogin(settings.cms.url, settings.admin.email, settings.admin.password);
    api = contentApi(settings.cms.url, await createFullAccessToken(superAdmin));
    for (const [who, email] of Object.entries(DEMO_ACCOUNT) as [DemoAccount, string][]) {
      sessions.set(who, await adminLogin(settings.cms.url, email, demoPassword));
    }
  });

  afterAll(async () => {
    await cms?.stop();
    await maildev?.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  it("gives the redazione a queue of every organisation's cards by stage, with counts and filters", async () => {
    type Queue = {
      stage: string;
      counts: Record<string, number>;
      cards: { title: string; organisation: { name: string }; since: string }[];
    };
    const { data: queue } = await as('curatore').json<{ data: Queue }>('GET', '/coop/workflow-queue');
    expect(queue.counts).toEqual({
      Bozza: 5,
      Inviata: 4,
      'In revisione': 4,
      'Da rivedere': 3,
      Selezionata: 3,
      Pubblicata: 20,
      Archiviata: 3,
    });
    expect(queue.stage).toBe('Inviata');
    expect(queue.cards).toHaveLength(4);
    // Oldest waiting first, each with the date it entered the stage.
    const since = queue.cards.map((card) => card.since);
    expect(since.every((date) => !Number.isNaN(Date.parse(date)))).toBe(true);
    expect(since).toEqual([...since].sort());
    expect(new Set(queue.cards.map((card) => card.organisation.name)).size).toBeGreaterThan(1);

    const { data: regions } = await api.json<{ data: { documentId: string }[] }>(
      'GET',
      '/regions?filters[name][$eq]=Lombardia',
    );
    const { data: lombardy } = await as('curatore').json<{ data: Queue }>(
      'GET',
      `/coop/workflow-queue?region=${regions[0]?.documentId}&stage=Pubblicata`,
    );
    const lombardyTotal = await api.json<{ meta: { pagination: { total: number } } }>(
      'GET',
      '/practice-cards?status=draft&filters[province][region][name][$eq]=Lombardia&pagination[pageSize]=1',
    );
    expect(Object.values(lombardy.counts).reduce((sum, count) => sum + count, 0)).toBe(
      lombardyTotal.meta.pagination.total,
    );
    expect(lombardy.cards).toHaveLength(lombardy.counts.Pubblicata ?? -1);

    expect((await as('responsabile').request('GET', '/coop/workflow-queue')).status).toBe(403);
  });

  it('takes a practice card from the cooperative to the portal, each step by whom it belongs to', async () => {
    const { data: seeded } = await api.json<{ data: Record<string, unknown>[] }>(
      'GET',
      '/practice-cards?filters[organisation][slug][$eq]=navigli-insieme&status=draft&populate=*&pagination[pageSize]=1',
    );
    const template = seeded[0]!;
    const relation = (value: unknown) =>
      Array.isArray(value)
        ? value.map((item: { documentId: string }) => item.documentId)
        : (value as { documentId: string } | null)?.documentId;
    const { data: card } = await api.json<{ data: { documentId: string } }>('POST', '/practice-cards', {
      data: {
        title: 'Sportello digitale di quartiere',
        organisation: relation(template.organisation),
        innovationArea: relation(template.innovationArea),
        intentPartnershipAbsent: template.intentPartnershipAbsent,
        intentPartners: relation(template.intentPartners),
        economicPartnershipAbsent: template.economicPartnershipAbsent,
        economicPartners: relation(template.economicPartners),
        fundingSources: relation(template.fundingSources),
        fundingOtherDetail: template.fundingOtherDetail,
        description: template.description,
        innovationElements: template.innovationElements,
        evaluation: template.evaluation,
        impactEvaluation: template.impactEvaluation,
        contact: { fullName: 'Anna Neri', email: 'anna@navigli.example.it', phone: '+39 02 5550 3333', isPublic: true },
        province: relation(template.province),
      },
    });
    const id = card.documentId;
    const card_ = 'practice-card';

    await expectRefused(await move('lettore', card_, id, { to: 'Inviata' }), 403, /spetta alla cooperativa/);
    await expectRefused(await move('altraCooperativa', card_, id, { to: 'Inviata' }), 403);
    await expectRefused(await move('curatore', card_, id, { to: 'Inviata' }), 403, /spetta alla cooperativa/);
    await expectRefused(
      await move('operatore', card_, id, { to: 'Pubblicata' }),
      400,
      'Passaggio non consentito: da «Bozza» a «Pubblicata»',
    );

    expect((await move('operatore', card_, id, { to: 'Inviata' })).status).toBe(200);
    await awaitMail(DEMO_ACCOUNT.curatore, 'Nuova scheda da rivedere: Sportello digitale di quartiere');
    await expectRefused(
      await as('operatore').request('PUT', `/content-manager/collection-types/api::practice-card.practice-card/${id}`, {
        city: 'Rho',
      }),
      403,
      /in mano alla redazione/,
    );
    await expectRefused(await move('operatore', card_, id, { to: 'In revisione' }), 403, /spetta alla redazione/);
    await expectRefused(await move('curatore', card_, id, { to: 'Selezionata' }), 400);

    expect((await move('curatore', card_, id, { to: 'In revisione' })).status).toBe(200);
    await expectRefused(await move('curatore', card_, id, { to: 'Da rivedere' }), 400, /^Commento/);
    expect(
      (await move('curatore', card_, id, { to: 'Da rivedere', comment: 'Aggiungete gli indicatori del primo anno.' }))
        .status,
    ).toBe(200);
    const sentBack = await awaitMail(DEMO_ACCOUNT.responsabile, 'da rivedere');
    expect(sentBack.text).toContain('Aggiungete gli indicatori del primo anno.');

    expect((await move('responsabile', card_, id, { to: 'Inviata' })).status).toBe(200);
    expect((await move('curatore', card_, id, { to: 'In revisione' })).status).toBe(200);
    expect((await move('curatore', card_, id, { to: 'Selezionata' })).status).toBe(200);
    await awaitMail(DEMO_ACCOUNT.operatore, 'selezionata');
    expect(await publicTitle(id)).toBeNull();
    expect((await move('curatore', card_, id, { to: 'Pubblicata' })).status).toBe(200);
    await awaitMail(DEMO_ACCOUNT.responsabile, 'pubblicata');
    expect(await publicTitle(id)).toBe('Sportello digitale di quartiere');

    // The cooperative edits the published card: the public keeps the published version until a curator publishes again.
    const edited = await as('operatore').request(
      'PUT',
      `/content-manager/collection-types/api::practice-card.practice-card/${id}`,
      {
        title: 'Sportello digitale di quartiere 2.0',
      },
    );
    expect(edited.status).toBe(200);
    expect(await publicTitle(id)).toBe('Sportello digitale di quartiere');
    expect((await move('curatore', card_, id, { to: 'Pubblicata' })).status).toBe(200);
    expect(await publicTitle(id)).toBe('Sportello digitale di quartiere 2.0');

    // Withdrawing from the portal says why: the cooperative reads it in the history.
    await expectRefused(await move('curatore', card_, id, { to: 'Archiviata' }), 400, /Commento/);
    expect((await move('curatore', card_, id, { to: 'Archiviata', comment: 'Dati da aggiornare' })).status).toBe(200);
    expect(await publicTitle(id)).toBeNull();

    await expectRefused(
      await as('staff').request(
        'POST',
        `/content-manager/collection-types/api::practice-card.practice-card/${id}/actions/publish`,
        {},
      ),
      403,
      /Flusso redazionale/,
    );
    await expectRefused(
      await as('staff').request('PUT', `/content-manager/collection-types/api::practice-card.practice-card/${id}`, {
        stage: 'Pubblicata',
      }),
      400,
      /^Stato redazionale/,
    );

    const { data: state } = await as('responsabile').json<{
      data: {
        stage: string;
        history: { fromStage: string; toStage: string; actorName: string; comment: string | null }[];
      };
    }>('GET', `/coop/workflow/practice-card/${id}`);
    expect(state.stage).toBe('Archiviata');
    expect(state.history.map((entry) => `${entry.fromStage} → ${entry.toStage}`).reverse()).toEqual([
      'Bozza → Inviata',
      'Inviata → In revisione',
      'In revisione → Da rivedere',
      'Da rivedere → Inviata',
      'Inviata → In revisione',
      'In revisione → Selezionata',
      'Selezionata → Pubblicata',
      'Pubblicata → Pubblicata',
      'Pubblicata → Archiviata',
    ]);
    expect(state.history.find((entry) => entry.toStage === 'Da rivedere')).toMatchObject({
      actorName: 'Luca Think Tank',
      comment: 'Aggiungete gli indicatori del primo anno.',
    });
    const { results: events } = await as('staff').json<{ results: { documentId: string }[] }>(
      'GET',
      '/content-manager/collection-types/api::workflow-event.workflow-event?page=1&pageSize=1',
    );
    await expectRefused(
      await as('staff').request(
        'PUT',
        `/content-manager/collection-types/api::workflow-event.workflow-event/${events[0]?.documentId}`,
        {
          comment: 'riscritto',
        },
      ),
      403,
    );
  });

  it('allows exactly the transitions of the table, to exactly the roles it names, and a refused one changes nothing', async () => {
    const STAGES = ['Bozza', 'Inviata', 'In revisione', 'Da rivedere', 'Selezionata', 'Pubblicata', 'Archiviata'];
    const PATH: Record<string, string[]> = {
      Bozza: [],
      Inviata: ['Inviata'],
      'In revisione': ['Inviata', 'In revisione'],
      'Da rivedere': ['Inviata', 'In revisione', 'Da rivedere'],
      Selezionata: ['Inviata', 'In revisione', 'Selezionata'],
      Pubblicata: ['Inviata', 'In revisione', 'Selezionata', 'Pubblicata'],
      Archiviata: ['Inviata', 'In revisione', 'Selezionata', 'Pubblicata', 'Archiviata'],
    };
    // The table of the issue, written again here so that the test does not trust the code it tests.
    const LEGAL: Record<string, 'cooperative' | 'curator'> = {
      'Bozza→Inviata': 'cooperative',
      'Da rivedere→Inviata': 'cooperative',
      'Inviata→In revisione': 'curator',
      'In revisione→Da rivedere': 'curator',
      'In revisione→Selezionata': 'curator',
      'Selezionata→Pubblicata': 'curator',
      'Pubblicata→Pubblicata': 'curator',
      'Pubblicata→Archiviata': 'curator',
      'Archiviata→Pubblicata': 'curator',
    };
    const MAY: Record<DemoAccount, ('cooperative' | 'curator')[]> = {
      responsabile: ['cooperative'],
      operatore: ['cooperative'],
      lettore: [],
      curatore: ['curator'],
      staff: ['cooperative', 'curator'],
      altraCooperativa: [],
    };
    const { data: template } = await api.json<{ data: Record<string, unknown>[] }>(
      'GET',
      '/practice-cards?filters[organisation][slug][$eq]=navigli-insieme&filters[stage][$eq]=Pubblicata&status=draft&populate=*&pagination[pageSize]=1',
    );
    const source = template[0]!;
    const ids = (value: unknown) =>
      Array.isArray(value)
        ? value.map((item: { documentId: string }) => item.documentId)
        : (value as { documentId: string } | null)?.documentId;
    const cardAt = async (stage: string): Promise<string> => {
      const { data } = await api.json<{ data: { documentId: string } }>('POST', '/practice-cards', {
        data: {
          title: `Scheda in ${stage}`,
          organisation: ids(source.organisation),
          innovationArea: ids(source.innovationArea),
          intentPartnershipAbsent: source.intentPartnershipAbsent,
          intentPartners: ids(source.intentPartners),
          economicPartnershipAbsent: source.economicPartnershipAbsent,
          economicPartners: ids(source.economicPartners),
          fundingSources: ids(source.fundingSources),
          fundingOtherDetail: source.fundingOtherDetail,
          description: source.description,
          innovationElements: source.innovationElements,
          evaluation: source.evaluation,
          impactEvaluation: source.impactEvaluation,
          contact: {
            fullName: 'Anna Neri',
            email: 'anna@navigli.example.it',
            phone: '+39 02 5550 3333',
            isPublic: false,
          },
          province: ids(source.province),
        },
      });
      for (const to of PATH[stage] ?? []) {
        expect((await move('staff', 'practice-card', data.documentId, { to, comment: 'Preparazione' })).status).toBe(
          200,
        );
      }
      return data.documentId;
    };
    const stageOf = async (documentId: string): Promise<string> =>
      (await as('staff').json<{ data: { stage: string } }>('GET', `/coop/workflow/practice-card/${documentId}`)).data
        .stage;

    const mismatches: string[] = [];
    let cells = 0;
    for (const from of STAGES) {
      let card = await cardAt(from);
      for (const to of STAGES) {
        for (const who of Object.keys(MAY) as DemoAccount[]) {
          cells += 1;
          const rule = LEGAL[`${from}→${to}`];
          const expected = rule !== undefined && MAY[who].includes(rule);
          const response = await move(who, 'practice-card', card, { to, comment: 'Motivo del passaggio' });
          const allowed = response.ok;
          if (allowed !== expected) mismatches.push(`${who} ${from} → ${to}: ${response.status}`);
          if (!allowed && ![400, 403].includes(response.status))
            mismatches.push(`${who} ${from} → ${to}: unexpected ${response.status}`);
          if (!allowed && (await stageOf(card)) !== from)
            mismatches.push(`${who} ${from} → ${to}: refused but the stage changed`);
          if (allowed) card = await cardAt(from);
        }
      }
    }
    console.log(`Workflow transitions: ${cells} cells (7 stages × 7 stages × 6 roles)`);
    expect(mismatches).toEqual([]);
  });

  it('moves social reports only as the table says, only by their own Responsabile (or network staff)', async () => {
    const STAGES = ['In compilazione', 'Confermato', 'Approvato', 'Depositato', 'Pubblicato'];
    const LEGAL = new Set([
      'In compilazione→Confermato',
      'Confermato→In compilazione',
      'Confermato→Approvato',
      'Approvato→Depositato',
      'Depositato→Pubblicato',
      'Pubblicato→Depositato',
    ]);
    // Moves that can be made back: after one, the report is put back where it was.
    const BACK: Record<string, string> = {
      'In compilazione→Confermato': 'In compilazione',
      'Confermato→In compilazione': 'Confermato',
      'Depositato→Pubblicato': 'Depositato',
      'Pubblicato→Depositato': 'Pubblicato',
    };
    // The reports here are Terre del Mincio's: its Responsabile is the one called altraCooperativa elsewhere.
    const MAY: Record<DemoAccount, boolean> = {
      altraCooperativa: true,
      staff: true,
      responsabile: false,
      operatore: false,
      lettore: false,
      curatore: false,
    };
    const { data: reports } = await api.json<{ data: { documentId: string }[] }>(
      'GET',
      '/social-reports?filters[organisation][slug][$eq]=terre-del-mincio&sort=year:desc&pagination[pageSize]=1',
    );
    const source = reports[0]!.documentId;
    // Complete reports of past years (an approval is dated after its year and never in the future).
    const pool: { documentId: string; year: number; stage: string }[] = [];
    let nextYear = 2019;
    const reportAt = async (stage: string): Promise<{ documentId: string; year: number }> => {
      const found =
        pool.find((report) => report.stage === stage) ??
        [...pool]
          .filter((report) => STAGES.indexOf(report.stage) < STAGES.indexOf(stage))
          .sort((a, b) => STAGES.indexOf(b.stage) - STAGES.indexOf(a.stage))[0];
      const report = found ?? {
        documentId: await copyOfReport(api, source, nextYear),
        year: nextYear++,
        stage: STAGES[0]!,
      };
      if (!found) pool.push(report);
      await advanceReport(as('staff'), report.documentId, report.year, report.stage, stage);
      report.stage = stage;
      return report;
    };
    const stageOf = async (documentId: string): Promise<string> =>
      (await as('staff').json<{ data: { stage: string } }>('GET', `/coop/workflow/social-report/${documentId}`)).data
        .stage;

    const mismatches: string[] = [];
    let cells = 0;
    for (const from of STAGES) {
      let report = await reportAt(from);
      for (const to of STAGES) {
        for (const who of Object.keys(MAY) as DemoAccount[]) {
          cells += 1;
          const expected = LEGAL.has(`${from}→${to}`) && MAY[who];
          const response = await move(who, 'social-report', report.documentId, { to, ...moveInputs(report.year) });
          if (response.ok !== expected) mismatches.push(`${who} ${from} → ${to}: ${response.status}`);
          if (!response.ok && (await stageOf(report.documentId)) !== from)
            mismatches.push(`${who} ${from} → ${to}: stage changed`);
          if (!response.ok) continue;
          const moved = pool.find((candidate) => candidate.documentId === report.documentId)!;
          moved.stage = to;
          const back = BACK[`${from}→${to}`];
          if (back) await moveReport(as('staff'), report.documentId, report.year, back);
          if (back) moved.stage = back;
          else report = await reportAt(from);
        }
      }
    }
    console.log(`Report workflow transitions: ${cells} cells (5 stages × 5 stages × 6 roles), ${pool.length} reports`);
    expect(mismatches).toEqual([]);
  });

  it('takes a social report from compilation to publication, confirmed by the Responsabile only when complete', async () => {
    const { data: reports } = await api.json<{ data: { documentId: string; year: number }[] }>(
      'GET',
      '/social-reports?filters[organisation][slug][$eq]=navigli-insieme&sort=year:desc',
    );
    const id = reports[0]!.documentId;
    const report = 'social-report';

    await expectRefused(await move('operatore', report, id, { to: 'Confermato' }), 403, /spetta al Responsabile/);
    await expectRefused(await move('curatore', report, id, { to: 'Confermato' }), 403);
    expect((await move('responsabile', report, id, { to: 'Confermato' })).status).toBe(200);
    await expectRefused(
      await as('operatore').request('PUT', `/content-manager/collection-types/api::social-report.social-report/${id}`, {
        year: 2024,
      }),
      403,
      /sola lettura finché il Responsabile non lo riapre/,
    );
    await expectRefused(await move('responsabile', report, id, { to: 'In compilazione' }), 400, /^Commento/);
    expect(
      (await move('responsabile', report, id, { to: 'In compilazione', comment: 'Correggo i volontari.' })).status,
    ).toBe(200);
    expect(
      (
        await as('operatore').request(
          'PUT',
          `/content-manager/collection-types/api::social-report.social-report/${id}`,
          { year: 2024 },
        )
      ).status,
    ).toBe(200);
    expect((await move('responsabile', report, id, { to: 'Confermato' })).status).toBe(200);
    await expectRefused(
      await move('responsabile', report, id, { to: 'Approvato', approvalDate: '2025-04-28' }),
      400,
      /^Prima dell’approvazione va allegata l’attestazione di conformità dell’organo di controllo/,
    );
    expect(
      (await attachAttestation(as('responsabile'), id, { bodyName: 'Collegio sindacale', date: '2025-04-10' })).status,
    ).toBe(200);
    await expectRefused(await move('responsabile', report, id, { to: 'Approvato' }), 400, /^Data di approvazione/);
    expect((await move('responsabile', report, id, { to: 'Approvato', approvalDate: '2025-04-28' })).status).toBe(200);
    await expectRefused(await move('responsabile', report, id, { to: 'Depositato' }), 400, /^Data di deposito/);
    expect(
      (
        await move('responsabile', report, id, {
          to: 'Depositato',
          depositDate: '2025-05-20',
          depositProtocol: 'MI/2025/0012345',
        })
      ).status,
    ).toBe(200);
    expect((await move('responsabile', report, id, { to: 'Pubblicato' })).status).toBe(200);
    const stored = await api.json<{
      data: { stage: string; approvalDate: string; depositDate: string; depositProtocol: string };
    }>('GET', `/social-reports/${id}`);
    expect(stored.data).toMatchObject({
      stage: 'Pubblicato',
      approvalDate: '2025-04-28',
      depositDate: '2025-05-20',
      depositProtocol: 'MI/2025/0012345',
    });

    const { data: empty } = await api.json<{ data: { documentId: string } }>('POST', '/social-reports', {
      data: {
        organisation: (
          await api.json<{ data: { documentId: string }[] }>('GET', '/organisations?filters[slug][$eq]=navigli-insieme')
        ).data[0]?.documentId,
        year: 2030,
      },
    });
    await expectRefused(
      await move('responsabile', report, empty.documentId, { to: 'Confermato' }),
      400,
      /^Il bilancio non si può confermare: mancano «Standard di rendicontazione adottati»/,
    );
  });
});
