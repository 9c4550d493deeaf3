import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validVatNumber } from '../support/tax-codes.ts';
import type { Service } from '../stack/process.ts';
import { startCms, startMaildev } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { adminLogin, type AdminSession, loginAttempt } from '../support/admin-api.ts';
import { maildevInbox, type Mail } from '../support/maildev.ts';

type ApiError = { status: number; message: string; details?: { errors?: { path: string[]; message: string }[] } };

const REQUESTS = '/content-manager/collection-types/api::registration-request.registration-request';

describe('registration requests: from the public form to the Responsabile’s first access', () => {
  let settings: StackSettings;
  let cms: Service | undefined;
  let maildev: Service | undefined;
  let staff: AdminSession;
  let serial = 4_000_000;

  const uniqueTaxCode = (): string => validVatNumber(`${serial++}146`);
  const request = (overrides: Record<string, unknown> = {}) => ({
    organisationName: 'Cooperativa Sociale Il Gelso',
    organisationType: 'Cooperativa sociale di tipo B',
    taxCode: uniqueTaxCode(),
    legacoopMember: true,
    address: 'Via dei Mille, 12',
    postalCode: '24121',
    city: 'Bergamo',
    province: 'BG',
    email: 'info@ilgelso.example.it',
    pec: 'ilgelso@pec.example.it',
    responsabile: {
      fullName: 'Elena Ghisleni',
      email: `elena.${serial}@ilgelso.example.it`,
      phone: '+39 035 555 0101',
    },
    privacyAccepted: true,
    ...overrides,
  });
  const submit = (data: Record<string, unknown>): Promise<Response> =>
    fetch(`${settings.cms.url}/api/registration-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
    });
  const mailTo = async (address: string, subject: string): Promise<Mail> =>
    (await maildevInbox(settings.smtp.inboxUrl ?? '').waitFor(address, subject))[0]!;
  const pendingCount = async (): Promise<number> =>
    (await staff.json<{ pagination: { total: number } }>('GET', `${REQUESTS}?page=1&pageSize=1`)).pagination.total;

  beforeAll(async () => {
    settings = resolveSettings(
      await seededSettings({
        EMAIL_RETRY_INTERVAL_SECONDS: '1',
        EMAIL_RETRY_MAX_SECONDS: '1',
        REGISTRATION_RATE_LIMIT_MAX: '12',
      }),
    );
    maildev = await startMaildev(settings);
    cms = await startCms(settings);
    staff = await adminLogin(settings.cms.url, 'staff@demo.piattaforma.local', demoPassword);
  });

  afterAll(async () => {
    await cms?.stop();
    await maildev?.stop();
    if (settings) rmSync(settings.dataDir, { recursive: true, force: true });
  });

  it('stores a valid request as pending and confirms it to the Responsabile by e-mail', async () => {
    const data = request();
    const response = await submit(data);
    expect(response.status).toBe(201);
    const { data: accepted } = (await response.json()) as { data: { documentId: string; message: string } };
    expect(accepted.message).toMatch(/^Richiesta inviata/);

    const mail = await mailTo(data.responsabile.email, 'Richiesta di credenziali ricevuta');
    expect(mail.text).toContain('Gentile Elena Ghisleni');
    const stored = await staff.json<{ data: { requestStatus: string; taxCode: string } }>(
      'GET',
      `${REQUESTS}/${accepted.documentId}`,
    );
    expect(stored.data).toMatchObject({ requestStatus: 'In attesa', taxCode: data.taxCode });
  });

  it('refuses incomplete or wrong data field by field, and stores nothing', async () => {
    const before = await pendingCount();
    const response = await submit(
      request({ organisationName: '', taxCode: '12345678901', email: 'info@', privacyAccepted: false, province: 'XX' }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: ApiError };
    expect(error.details?.errors?.map((item) => item.path[0]).sort()).toEqual(
      ['email', 'organisationName', 'privacyAccepted', 'province', 'province', 'taxCode'].sort(),
    );
    expect(error.details?.errors?.map((item) => item.message)).toContain('Provincia: sigla "XX" sconosciuta');
    expect(await pendingCount()).toBe(before);
  });

  it('refuses a tax code that is already registered or already waiting', async () => {
    const navigli = await staff.json<{ results: { taxCode: string }[] }>(
      'GET',
      '/content-manager/collection-types/api::organisation.organisation?filters[$and][0][slug][$eq]=navigli-insieme',
    );
    const taken =
      'Codice fiscale: per questa organizzazione esiste già un account o una richiesta in verifica. Il suo Responsabile può accedere con le proprie credenziali; altrimenti scrivete alla rete.';
    const registered = await submit(request({ taxCode: navigli.results[0]?.taxCode }));
    expect(((await registered.json()) as { error: ApiError }).error.message).toBe(taken);
    const first = request();
    expect((await submit(first)).status).toBe(201);
    const again = await submit({ ...first });
    expect(((await again.json()) as { error: ApiError }).error.message).toBe(taken);
  });

  it('shows the staff the organisations, requests and accounts sharing a request’s e-mails', async () => {
    const navigli = await staff.json<{ results: { email: string; name: string }[] }>(
      'GET',
      '/content-manager/collection-types/api::organisation.organisation?filters[$and][0][slug][$eq]=navigli-insieme',
    );
    const responsabileEmail = `doppio.${serial}@ilgelso.example.it`;
    const earlier = request({
      responsabile: { fullName: 'Elena Ghisleni', email: responsabileEmail, phone: '+39 035 555 0101' },
    });
    expect((await submit(earlier)).status).toBe(201);
    const data = request({
      organisationName: 'Cooperativa Sociale Il Gelso Due',
      email: navigli.results[0]!.email.toUpperCase(),
      responsabile: { fullName: 'Paolo Operatore', email: responsabileEmail, phone: '+39 035 555 0102' },
    });
    const { data: created } = (await (await submit(data)).json()) as { data: { documentId: string } };
    const { data: duplicates } = await staff.json<{ data: { kind: string; name: string; matches: string }[] }>(
      'GET',
      `/coop/registration-requests/${created.documentId}/duplicates`,
    );
    expect(duplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'Organizzazione', name: navigli.results[0]!.name, matches: 'e-mail' }),
        expect.objectContaining({ kind: 'Richiesta', matches: 'e-mail del Responsabile' }),
      ]),
    );
    expect(duplicates.some((duplicate) => duplicate.name.startsWith('Cooperativa Sociale Il Gelso Due'))).toBe(false);
  });

  it('answers a robot that fills the hidden field as if all went well, and keeps nothing', async () => {
    const before = await pendingCount();
    expect((await submit(request({ homepage: 'http://spam.example.com' }))).status).toBe(201);
    expect(await pendingCount()).toBe(before);
  });

  it('on approval creates the organisation and the Responsabile, who sets a password and sees only that organisation', async () => {
    const data = request({ organisationName: 'Cooperativa Sociale Il Gelso Approvata' });
    const { data: created } = (await (await submit(data)).json()) as { data: { documentId: string } };

    const responsabile = await adminLogin(
      settings.cms.url,
      'responsabile.navigli@demo.piattaforma.local',
      demoPassword,
    );
    expect(
      (await responsabile.request('POST', `/coop/registration-requests/${created.documentId}/approve`)).status,
    ).toBe(403);

    const approved = await staff.json<{ data: { organisation: string } }>(
      'POST',
      `/coop/registration-requests/${created.documentId}/approve`,
    );
    const mail = await mailTo(data.responsabile.email, 'Credenziali di accesso');
    expect(mail.text).toContain(`Nome utente: ${data.responsabile.email}`);
    const token = /registrationToken=(\w+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();

    const registered = await fetch(`${settings.cms.url}/admin/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        registrationToken: token,
        userInfo: { firstname: 'Elena', lastname: 'Ghisleni', password: 'Gelso-Password-2026' },
      }),
    });
    expect(registered.status).toBe(200);
    const newcomer = await adminLogin(settings.cms.url, data.responsabile.email, 'Gelso-Password-2026');
    const organisations = await newcomer.json<{ results: { documentId: string; platformStatus: string }[] }>(
      'GET',
      '/content-manager/collection-types/api::organisation.organisation?page=1&pageSize=50',
    );
    expect(organisations.results).toEqual([
      expect.objectContaining({ documentId: approved.data.organisation, platformStatus: 'Attiva' }),
    ]);
    const stored = await staff.json<{ data: { requestStatus: string; reviewedBy: string } }>(
      'GET',
      `${REQUESTS}/${created.documentId}`,
    );
    expect(stored.data).toMatchObject({ requestStatus: 'Approvata', reviewedBy: 'Chiara Staff di rete' });
  });

  it('on rejection e-mails the reason, and a reviewed request cannot be reviewed again', async () => {
    const data = request({ organisationName: 'Cooperativa Sociale Il Gelso Respinta' });
    const { data: created } = (await (await submit(data)).json()) as { data: { documentId: string } };
    expect((await staff.request('POST', `/coop/registration-requests/${created.documentId}/reject`, {})).status).toBe(
      400,
    );
    await staff.json('POST', `/coop/registration-requests/${created.documentId}/reject`, {
      reason: 'Il codice fiscale indicato appartiene a un’altra cooperativa.',
    });
    const mail = await mailTo(data.responsabile.email, 'non approvata');
    expect(mail.text).toContain('Il codice fiscale indicato appartiene a un’altra cooperativa.');
    const again = await staff.request('POST', `/coop/registration-requests/${created.documentId}/approve`);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: ApiError }).error.message).toBe('La richiesta è già respinta');
  });

  it('keeps the request and delivers its e-mail once the SMTP server is back', async () => {
    await maildev?.stop();
    maildev = undefined;
    const data = request({ organisationName: 'Cooperativa Sociale Senza Posta' });
    expect((await submit(data)).status).toBe(201);
    const queued = await staff.json<{ results: { attempts: number; lastError: string; deliveryStatus: string }[] }>(
      'GET',
      `/content-manager/collection-types/api::email-message.email-message?filters[$and][0][to][$eq]=${encodeURIComponent(data.responsabile.email)}`,
    );
    expect(queued.results[0]).toMatchObject({ deliveryStatus: 'In coda' });

    maildev = await startMaildev(settings);
    await mailTo(data.responsabile.email, 'Richiesta di credenziali ricevuta');
  });

  it('lets the Responsabile confirm the anagrafica and manage only Operatori and Lettori of the own organisation', async () => {
    const responsabile = await adminLogin(
      settings.cms.url,
      'responsabile.navigli@demo.piattaforma.local',
      demoPassword,
    );
    type Overview = {
      organisation: { name: string; anagraficaConfirmedAt: string | null };
      role: string;
      team: { id: number; email: string; role: string }[];
    };
    const { data: overview } = await responsabile.json<{ data: Overview }>('GET', '/coop/my-organisation');
    expect(overview.organisation.name).toBe('Navigli Insieme Cooperativa Sociale');
    expect(overview.team.map((member) => member.role).sort()).toEqual(['Lettore', 'Operatore', 'Responsabile']);
    await responsabile.json('POST', '/coop/my-organisation/confirm');
    expect(
      (await responsabile.json<{ data: Overview }>('GET', '/coop/my-organisation')).data.organisation
        .anagraficaConfirmedAt,
    ).not.toBeNull();

    for (const role of ['Responsabile', 'Staff di rete', 'Super Admin']) {
      const refused = await responsabile.request('POST', '/coop/my-organisation/users', {
        email: 'promosso@navigli.example.it',
        firstname: 'Promosso',
        role,
      });
      expect(refused.status, role).toBe(400);
      expect(((await refused.json()) as { error: ApiError }).error.message).toBe(
        'Ruolo: scegliere Operatore o Lettore',
      );
    }

    await responsabile.json('POST', '/coop/my-organisation/users', {
      email: 'nuova.operatrice@navigli.example.it',
      firstname: 'Sara',
      lastname: 'Colombo',
      role: 'Operatore',
    });
    const invitation = await mailTo('nuova.operatrice@navigli.example.it', 'Il suo account Operatore');
    const registrationToken = /registrationToken=(\w+)/.exec(invitation.text)?.[1];
    const registered = await fetch(`${settings.cms.url}/admin/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        registrationToken,
        userInfo: { firstname: 'Sara', lastname: 'Colombo', password: 'Sara-Password-2026' },
      }),
    });
    expect(registered.status).toBe(200);
    const operatrice = await adminLogin(settings.cms.url, 'nuova.operatrice@navigli.example.it', 'Sara-Password-2026');
    expect((await operatrice.json<{ data: Overview }>('GET', '/coop/my-organisation')).data.role).toBe('Operatore');
    expect(
      (
        await operatrice.request('POST', '/coop/my-organisation/users', {
          email: 'x@navigli.example.it',
          firstname: 'X',
          role: 'Lettore',
        })
      ).status,
    ).toBe(403);

    const lettore = overview.team.find((member) => member.role === 'Lettore')!;
    const canLogIn = async (): Promise<boolean> =>
      (await loginAttempt(settings.cms.url, lettore.email, demoPassword)).ok;
    await responsabile.json('PUT', `/coop/my-organisation/users/${lettore.id}`, { isActive: false });
    expect(await canLogIn()).toBe(false);
    await responsabile.json('PUT', `/coop/my-organisation/users/${lettore.id}`, { isActive: true });
    expect(await canLogIn()).toBe(true);

    const mincio = await adminLogin(settings.cms.url, 'responsabile.mincio@demo.piattaforma.local', demoPassword);
    expect((await mincio.request('PUT', `/coop/my-organisation/users/${lettore.id}`, { isActive: false })).status).toBe(
      404,
    );
    const self = overview.team.find((member) => member.role === 'Responsabile')!;
    expect(
      (await responsabile.request('PUT', `/coop/my-organisation/users/${self.id}`, { isActive: false })).status,
    ).toBe(403);
    expect((await staff.request('GET', '/coop/my-organisation')).status).toBe(403);
  });

  it('limits requests per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 13 && !statuses.includes(429); i += 1) statuses.push((await submit(request())).status);
    expect(statuses.at(-1)).toBe(429);
    const refused = await submit(request());
    expect(((await refused.json()) as { error: ApiError }).error.message).toMatch(
      /^Troppe richieste da questo indirizzo/,
    );

    // The portal forwards each visitor's address; the CMS believes it only with the shared secret.
    const forwarded = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${settings.cms.url}/api/registration-requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7', ...headers },
        body: JSON.stringify({ data: request() }),
      });
    expect((await forwarded({})).status).toBe(429);
    expect((await forwarded({ 'x-portal-secret': 'indovinato' })).status).toBe(429);
    expect((await forwarded({ 'x-portal-secret': settings.env.PORTAL_PROXY_SECRET ?? '' })).status).toBe(201);
  });
});
