import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../stack/process.ts';
import { startCms, startMeilisearch, startPortal } from '../stack/services.ts';
import { resolveSettings, type StackSettings } from '../stack/settings.ts';
import { demoPassword } from '../stack/test-settings.ts';
import { seededSettings } from '../stack/seeded-template.ts';
import { loginAttempt } from '../support/admin-api.ts';
import { DEMO_ACCOUNT } from '../support/demo-accounts.ts';
import { validVatNumber } from '../support/tax-codes.ts';

type ApiError = { error: { status: number; message: string } };

/**
 * Limits on what anyone can ask for, keyed on the real client address. The CMS runs behind a
 * trusted proxy (TRUSTED_PROXIES=127.0.0.1: the test's X-Forwarded-For is what such a proxy
 * would append); the portal trusts no proxy, as by default.
 */
describe('limits per client, per account and per e-mail address', () => {
  let portal: StackSettings;
  let cms: StackSettings;
  const services: Service[] = [];
  let serial = 7_300_000_000;

  const registration = (responsabileEmail: string): Record<string, unknown> => ({
    organisationName: 'Cooperativa Sociale La Quercia',
    organisationType: 'Cooperativa sociale di tipo A',
    taxCode: validVatNumber(String(serial++)),
    address: 'Via Garibaldi 3',
    postalCode: '25121',
    city: 'Brescia',
    province: 'BS',
    email: 'info@laquercia.example.it',
    responsabile: { fullName: 'Anna Ferri', email: responsabileEmail, phone: '030 555 0199' },
    privacyAccepted: true,
  });
  const register = (data: Record<string, unknown>, from: string): Promise<Response> =>
    fetch(`${cms.cms.url}/api/registration-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ data }),
    });
  const login = (email: string, password: string, from: string): Promise<Response> =>
    loginAttempt(cms.cms.url, email, password, { from });
  const messageOf = async (response: Response): Promise<string> => ((await response.json()) as ApiError).error.message;

  beforeAll(async () => {
    const env = await seededSettings({ PRACTICE_SHEET_RATE_LIMIT_MAX: '5', PORTAL_SEARCH_RATE_LIMIT_MAX: '10' });
    portal = resolveSettings(env);
    cms = resolveSettings({ ...env, TRUSTED_PROXIES: '127.0.0.1' });
    services.push(await startMeilisearch(portal));
    services.push(await startCms(cms));
    services.push(await startPortal(portal));
  });

  afterAll(async () => {
    for (const service of services.reverse()) await service.stop();
    if (portal) rmSync(portal.dataDir, { recursive: true, force: true });
  });

  it('portal: a fresh X-Forwarded-For per request does not get past the registration limit', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const data = registration(`spoof.${i}@laquercia.example.it`);
      const responsabile = data.responsabile as Record<string, string>;
      const form = new URLSearchParams({
        organisationName: String(data.organisationName),
        organisationType: String(data.organisationType),
        taxCode: String(data.taxCode),
        address: String(data.address),
        postalCode: String(data.postalCode),
        city: String(data.city),
        province: String(data.province),
        email: String(data.email),
        'responsabile.fullName': responsabile.fullName ?? '',
        'responsabile.email': responsabile.email ?? '',
        'responsabile.phone': responsabile.phone ?? '',
        privacyAccepted: 'si',
      });
      const response = await fetch(`${portal.portal.url}/registrazione`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: portal.portal.url,
          'x-forwarded-for': `203.0.113.${i + 10}`,
        },
        body: form,
      });
      const page = await response.text();
      outcomes.push(
        response.status === 303
          ? 'inviata'
          : /Troppe richieste da questo indirizzo/.test(page)
            ? 'limitata'
            : `${response.status}`,
      );
    }
    expect(outcomes).toEqual(['inviata', 'inviata', 'inviata', 'inviata', 'inviata', 'limitata', 'limitata']);
  });

  it('portal: /api/search answers 429 with an Italian message past the per-visitor limit, whatever X-Forwarded-For says', async () => {
    const search = (from?: string): Promise<Response> =>
      fetch(`${portal.portal.url}/api/search?q=orti`, { headers: from ? { 'x-forwarded-for': from } : {} });
    for (let i = 0; i < 10; i += 1) expect((await search()).status).toBe(200);
    const refused = await search();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /^Troppe ricerche da questo indirizzo: riprovare tra \d+ second[oi]\.$/,
    );
    expect((await search('198.51.100.200')).status).toBe(429);
  });

  it('registration: a Responsabile e-mail address receives at most three requests, from any addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(
        (await register(registration(i % 2 ? 'Bersaglio@Example.it' : 'bersaglio@example.it'), `198.51.100.${i + 1}`))
          .status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await register(registration('bersaglio@example.it'), '198.51.100.9');
    expect(await messageOf(refused)).toMatch(
      /^Troppe richieste per l’indirizzo e-mail di questo Responsabile: riprovare tra \d+ ore$/,
    );
    expect((await register(registration('altro@example.it'), '198.51.100.9')).status).toBe(201);
  });

  it('registration: behind a trusted proxy each client has its own limit, and cannot pick its address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      // What the client wrote is left of what the proxy appended: only the last address counts.
      statuses.push((await register(registration(`cliente.${i}@example.it`), `10.9.9.${i}, 192.0.2.10`)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await register(registration('vicino@example.it'), '192.0.2.11')).status).toBe(201);
  });

  it('admin login: successful logins do not count', async () => {
    for (let i = 0; i < 10; i += 1)
      expect((await login(DEMO_ACCOUNT.curatore, demoPassword, '192.0.2.20')).status).toBe(200);
  });

  it('admin login: five wrong passwords lock that client out of that account, never its owner elsewhere', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await login(DEMO_ACCOUNT.staff, 'Sbagliata-2026', '203.0.113.66')).status).toBe(400);
    const locked = await login(DEMO_ACCOUNT.staff, demoPassword, '203.0.113.66');
    expect(locked.status).toBe(429);
    expect(await messageOf(locked)).toMatch(
      /^Troppi tentativi di accesso non riusciti da questo indirizzo: riprovare tra/,
    );
    expect((await login(DEMO_ACCOUNT.staff, demoPassword, '192.0.2.21')).status).toBe(200);
    // A success clears the account's failures from that client.
    for (let i = 0; i < 4; i += 1)
      expect((await login(DEMO_ACCOUNT.lettore, 'Sbagliata-2026', '192.0.2.22')).status).toBe(400);
    expect((await login(DEMO_ACCOUNT.lettore, demoPassword, '192.0.2.22')).status).toBe(200);
    for (let i = 0; i < 4; i += 1)
      expect((await login(DEMO_ACCOUNT.lettore, 'Sbagliata-2026', '192.0.2.22')).status).toBe(400);
    expect((await login(DEMO_ACCOUNT.lettore, demoPassword, '192.0.2.22')).status).toBe(200);
  });

  it('admin login: one client trying many accounts is stopped after twenty failures', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      statuses.push((await login(`utente.${i}@example.it`, 'Sbagliata-2026', '203.0.113.99')).status);
    }
    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await login(DEMO_ACCOUNT.operatore, demoPassword, '203.0.113.99')).status).toBe(429);
    expect((await login(DEMO_ACCOUNT.operatore, demoPassword, '192.0.2.23')).status).toBe(200);
  });

  it('practice sheet: anonymous renders are limited per client with 429 and an Italian message', async () => {
    const { data } = (await (await fetch(`${cms.cms.url}/api/practice-cards?pagination[pageSize]=1`)).json()) as {
      data: { slug: string }[];
    };
    const sheet = (from: string): Promise<Response> =>
      fetch(`${cms.cms.url}/api/practice-cards/${data[0]?.slug}/sheet?format=odt`, {
        headers: { 'x-forwarded-for': from },
      });
    for (let i = 0; i < 5; i += 1) {
      const response = await sheet('198.51.100.50');
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const refused = await sheet('198.51.100.50');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await messageOf(refused)).toMatch(
      /^Troppe schede pratica richieste da questo indirizzo: riprovare tra \d+ secondi$/,
    );
    expect((await sheet('198.51.100.51')).status).toBe(200);
  });
});
