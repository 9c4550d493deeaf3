import { expect, test, type Page } from '@playwright/test';
import { expectItalian } from './english.ts';
import { signIn } from './sign-in.ts';
import { cmsUrl, demoPassword } from './urls.ts';

const CARDS = 'api::practice-card.practice-card';
const REPORTS = 'api::social-report.social-report';
const REQUESTS = 'api::registration-request.registration-request';
const collection = (uid: string): string => `/admin/content-manager/collection-types/${uid}`;
const NETWORK = 'Cooperative sociali in rete';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** Waits until the screen has stopped loading: the panel's requests answered, no spinner left. */
const settled = async (page: Page): Promise<void> => {
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Caricamento…')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
};

type Step = { name: string; open: (page: Page) => Promise<void> };

const visit = (path: string, ready: (page: Page) => Promise<void>) => async (page: Page) => {
  await page.goto(`${cmsUrl()}${path}`);
  await ready(page);
};
const heading = (name: string | RegExp) => async (page: Page) =>
  expect(page.getByRole('heading', { name }).first()).toBeVisible({ timeout: 60_000 });
const firstRow = (panel: string) => async (page: Page) => {
  await expect(page.getByRole('row').nth(1)).toBeVisible({ timeout: 60_000 });
  await page.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByText(panel, { exact: true }).first()).toBeVisible({ timeout: 60_000 });
};

/** Walks a person's screens: each in Italian with the network's name, each kept as a screenshot. */
const walk = async (page: Page, who: string, steps: Step[]): Promise<void> => {
  for (const step of steps) {
    await step.open(page);
    await settled(page);
    await expect(page).toHaveTitle(new RegExp(`${NETWORK}$`));
    await shot(page, `${who}-${step.name}`);
    await expectItalian(page, `${who}: ${step.name}`);
  }
};

const home: Step = { name: 'home', open: visit('/admin', heading(/^Ciao /)) };
const profile: Step = { name: 'profile', open: visit('/admin/me', heading(/./)) };

test.describe.configure({ timeout: 240_000 });

test('the login page carries the network’s name, logo and favicon, in Italian', async ({ page, request }) => {
  await page.goto(`${cmsUrl()}/admin`);
  await expect(page.getByLabel(/e-?mail/i)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: `Benvenuti nella piattaforma di ${NETWORK}` })).toBeVisible();
  await expect(page.locator('img[src="/brand/logo"]').first()).toBeVisible();
  await expect(page).toHaveTitle(NETWORK);
  const favicon = await request.get(`${cmsUrl()}/favicon.ico`);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/x-icon');
  await shot(page, 'login');
  await expectItalian(page, 'login');
});

test('a Responsabile’s screens are in Italian, with no Strapi banner or link', async ({ page }) => {
  await signIn(page, 'responsabile.navigli@demo.piattaforma.local', demoPassword());
  await walk(page, 'responsabile', [
    home,
    { name: 'cards', open: visit(collection(CARDS), heading('Scheda pratica innovativa')) },
    { name: 'card', open: firstRow('Flusso redazionale') },
    { name: 'reports', open: visit(collection(REPORTS), heading('Bilancio sociale')) },
    { name: 'report', open: firstRow('Flusso redazionale') },
    { name: 'my-organisation', open: visit('/admin/my-organisation', heading('Navigli Insieme Cooperativa Sociale')) },
    { name: 'files', open: visit('/admin/plugins/upload', heading(/Libreria dei file/)) },
    profile,
  ]);
});

test('an Operatore’s screens are in Italian', async ({ page }) => {
  await signIn(page, 'operatore.navigli@demo.piattaforma.local', demoPassword());
  await walk(page, 'operatore', [
    home,
    { name: 'cards', open: visit(collection(CARDS), heading('Scheda pratica innovativa')) },
    { name: 'card', open: firstRow('Flusso redazionale') },
  ]);
});

test('a Lettore’s screens are in Italian', async ({ page }) => {
  await signIn(page, 'lettore.navigli@demo.piattaforma.local', demoPassword());
  await walk(page, 'lettore', [
    home,
    { name: 'cards', open: visit(collection(CARDS), heading('Scheda pratica innovativa')) },
  ]);
});

test('a curator’s screens are in Italian', async ({ page }) => {
  await signIn(page, 'curatore@demo.piattaforma.local', demoPassword());
  await walk(page, 'curatore', [
    home,
    { name: 'queue', open: visit('/admin/editorial-queue', heading('Coda redazionale')) },
    { name: 'card', open: firstRow('Flusso redazionale') },
    { name: 'files', open: visit('/admin/plugins/upload', heading(/Libreria dei file/)) },
  ]);
});

test('the network staff’s screens are in Italian', async ({ page }) => {
  await signIn(page, 'staff@demo.piattaforma.local', demoPassword());
  await walk(page, 'staff', [
    home,
    { name: 'registration-requests', open: visit(collection(REQUESTS), heading('Richiesta di credenziali')) },
    { name: 'organisations', open: visit(collection('api::organisation.organisation'), heading('Organizzazione')) },
  ]);
});
