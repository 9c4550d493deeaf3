import { expect, test, type Page } from '@playwright/test';
import { signIn } from './sign-in.ts';
import { cmsUrl, demoPassword } from './urls.ts';

const CARDS = 'api::practice-card.practice-card';
const ORGANISATIONS = 'api::organisation.organisation';
const collection = (uid: string): string => `${cmsUrl()}/admin/content-manager/collection-types/${uid}`;

/**
 * Answers the panel asks for and does without: the home page prefetches the network's counts for
 * everyone (refused, and their widgets hidden), Strapi keeps its upload settings to the network,
 * and this edition has no AI translation or preview (the admin-surface suite checks that these
 * answers are Strapi's own, as network staff get them).
 */
const TOLERATED = [
  /^403 GET \/content-manager\/homepage\/count-documents$/,
  /^403 GET \/admin\/homepage\/key-statistics$/,
  /^403 GET \/upload\/settings$/,
  /^404 GET \/admin\/ai-feature-config$/,
  /^404 GET \/i18n\/ai-localization-jobs\/collection-types\/[^/]+\/[^/]+$/,
  /^404 GET \/content-manager\/preview\/url\/[^/]+$/,
];

/**
 * The CMS's refusals while a person works: with the surface allow-list in place the panel must
 * not call a route it refuses to that role (each would be an error on screen or a broken view).
 */
const watchRefusals = (page: Page): string[] => {
  const refusals: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    const seen = `${response.status()} ${response.request().method()} ${url.pathname}`;
    if (
      url.origin === new URL(cmsUrl()).origin &&
      response.status() >= 400 &&
      !TOLERATED.some((pattern) => pattern.test(seen))
    ) {
      refusals.push(seen);
    }
  });
  return refusals;
};

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test.describe.configure({ timeout: 120_000 });

test('an Operatore edits the organisation’s card and finds the organisation’s files, and nothing else', async ({
  page,
}) => {
  const refusals = watchRefusals(page);
  await signIn(page, 'operatore.navigli@demo.piattaforma.local', demoPassword());
  await page.goto(collection(CARDS));
  await expect(page.getByRole('link', { name: /Con te: app/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Terre del Mincio Cooperativa Sociale')).toHaveCount(0);
  await shot(page, 'operatore-cards');

  await page.getByRole('link', { name: /Con te: app/ }).click();
  const city = page.getByLabel(/^Comune/);
  await expect(city).toBeVisible({ timeout: 30_000 });
  await city.fill('Milano (Lorenteggio)');
  const saved = page.waitForResponse(
    (response) => response.request().method() === 'PUT' && response.url().includes(`/collection-types/${CARDS}/`),
  );
  await page.getByRole('button', { name: 'Salva' }).click();
  expect((await saved).status()).toBe(200);
  await shot(page, 'operatore-card-saved');

  await page.goto(`${cmsUrl()}/admin/plugins/upload`);
  await expect(page.getByText('Navigli Insieme Cooperativa Sociale').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Terre del Mincio Cooperativa Sociale')).toHaveCount(0);
  await shot(page, 'operatore-media-library');
  expect(refusals).toEqual([]);
});

test('a Responsabile checks the team, the anagrafica and the social report of the organisation', async ({ page }) => {
  const refusals = watchRefusals(page);
  await signIn(page, 'responsabile.navigli@demo.piattaforma.local', demoPassword());
  await page.getByRole('link', { name: 'La mia organizzazione' }).click();
  await expect(page.getByText('operatore.navigli@demo.piattaforma.local')).toBeVisible({ timeout: 30_000 });

  await page.goto(collection(ORGANISATIONS));
  await expect(page.getByRole('link', { name: 'Navigli Insieme Cooperativa Sociale' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('row')).toHaveCount(2);

  await page.goto(collection('api::social-report.social-report'));
  await page.getByRole('link', { name: 'Bilancio sociale 2024 · Navigli Insieme Cooperativa Sociale' }).click();
  await expect(page.getByText('Completezza (linee guida)')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'responsabile-report');
  expect(refusals).toEqual([]);
});

test('a Lettore reads the organisation’s cards without changing them', async ({ page }) => {
  const refusals = watchRefusals(page);
  await signIn(page, 'lettore.navigli@demo.piattaforma.local', demoPassword());
  await page.goto(collection(CARDS));
  await expect(page.getByRole('link', { name: /Con te: app/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Terre del Mincio Cooperativa Sociale')).toHaveCount(0);
  await page.getByRole('link', { name: /Con te: app/ }).click();
  await expect(page.getByLabel(/^Nome progetto/)).toBeDisabled({ timeout: 30_000 });
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Libreria dei file' })).toHaveCount(0);
  await shot(page, 'lettore-card');
  expect(refusals).toEqual([]);
});

test('a curator opens a card of any organisation and the whole media library', async ({ page }) => {
  const refusals = watchRefusals(page);
  await signIn(page, 'curatore@demo.piattaforma.local', demoPassword());
  await page.getByRole('link', { name: 'Coda redazionale' }).click();
  await expect(page.getByRole('heading', { name: 'Coda redazionale' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('row').nth(1).getByRole('link').click();
  await expect(page.getByText('Flusso redazionale')).toBeVisible({ timeout: 60_000 });
  await shot(page, 'curator-card');

  await page.goto(`${cmsUrl()}/admin/plugins/upload`);
  await expect(page.getByText('Navigli Insieme Cooperativa Sociale').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Terre del Mincio Cooperativa Sociale').first()).toBeVisible();
  expect(refusals).toEqual([]);
});
