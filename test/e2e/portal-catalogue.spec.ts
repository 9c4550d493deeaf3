import type { Locator, Page } from '@playwright/test';
import { expect, keepScreenshot, portal, searchIndexReady, test } from './portal-fixtures.ts';

test.beforeAll(searchIndexReady);

const AREA = 'Pratiche organizzative per il potenziamento della partecipazione dei soci';

const resultTitles = (page: Page): Locator => page.locator('ol.results h3');
const resultCount = (page: Page): Locator => page.locator('.result-count');
const map = (page: Page): Locator => page.getByTestId('practice-map');

/** The catalogue is interactive once React has hydrated it. */
const openCatalogue = async (page: Page, path = '/pratiche'): Promise<void> => {
  await page.goto(portal(path));
  await expect(page.locator('.catalogue[data-hydrated="true"]')).toBeAttached();
};

/** Waits until the catalogue has the answer to the last change. */
const settled = async (page: Page): Promise<void> => {
  await expect(page.locator('.catalogue[data-loading="false"]')).toBeAttached();
};

/** How many practices the map shows: single markers plus the practices inside clusters. */
const practicesOnMap = async (page: Page): Promise<number> => {
  const markers = await map(page).locator('.map-marker').count();
  const clusters = await map(page).locator('.map-cluster span[aria-hidden="true"]').allTextContents();
  return markers + clusters.reduce((sum, count) => sum + Number(count), 0);
};

test('a visitor searches with a typo, filters by area and region, sees the same practices on the map and in the list, opens one', async ({
  page,
}) => {
  await openCatalogue(page);
  await expect(resultCount(page)).toHaveText(/\d+ pratiche trovate/);

  // A typo ("asemblee" for "assemblee") still finds the practice.
  await page.getByRole('searchbox', { name: 'Cerca una pratica' }).pressSequentially('asemblee', { delay: 40 });
  await expect(page).toHaveURL(/\?q=asemblee/);
  await settled(page);
  await expect(resultTitles(page).filter({ hasText: 'Assemblee di valle' })).toHaveCount(1);

  await page.getByRole('checkbox', { name: new RegExp(`^${AREA}`) }).check();
  await expect(page).toHaveURL(/ambito=/);
  await page.getByRole('checkbox', { name: /^Lombardia/ }).check();
  await expect(page).toHaveURL(/regione=Lombardia/);
  await settled(page);
  await expect(page.getByRole('link', { name: 'Togli il filtro Regione: Lombardia' })).toBeVisible();

  const titles = await resultTitles(page).allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles).toContain('Assemblee di valle: la governance che va incontro ai soci');
  await expect(resultCount(page)).toHaveText(
    titles.length === 1 ? '1 pratica trovata' : `${titles.length} pratiche trovate`,
  );
  for (const province of await page.locator('ol.results .meta').allTextContents()) {
    expect(province).toMatch(/\((BG|BS|CO|CR|MI|MN|PV|LC|LO|MB|SO|VA)\)/);
  }

  // The map shows the same practices as the list, and nothing else.
  await expect(map(page)).toHaveAttribute('data-points', String(titles.length));
  await expect.poll(() => practicesOnMap(page), { timeout: 10_000 }).toBe(titles.length);
  for (const title of await map(page)
    .locator('.map-marker')
    .evaluateAll((icons) => icons.map((icon) => icon.getAttribute('title')))) {
    expect(titles).toContain(title);
  }
  await keepScreenshot(page, 'catalogue-filtered');

  // Keyboard: a marker (or cluster) is focusable and opens with Enter.
  const firstMarker = map(page).locator('.map-marker, .map-cluster').first();
  await firstMarker.focus();
  await page.keyboard.press('Enter');
  if (
    (await map(page).locator('.map-marker').count()) > 0 &&
    (await firstMarker.getAttribute('class'))?.includes('map-marker')
  ) {
    await expect(map(page).locator('.leaflet-popup-content a')).toBeFocused();
  }

  // The shared URL gives the same results, rendered by the server.
  const shared = page.url();
  const other = await page.context().newPage();
  await other.goto(shared);
  await expect(other.locator('ol.results h3')).toHaveText(titles);
  await other.close();

  // The back button takes the last refinement away.
  await page.goBack();
  await expect(page).not.toHaveURL(/regione=/);
  await settled(page);
  await expect(page.getByRole('checkbox', { name: /^Lombardia/ })).not.toBeChecked();
  await page.goForward();
  await expect(page.getByRole('checkbox', { name: /^Lombardia/ })).toBeChecked();

  await resultTitles(page).filter({ hasText: 'Assemblee di valle' }).getByRole('link').click();
  await expect(page).toHaveURL(/\/pratiche\/assemblee-di-valle$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Assemblee di valle: la governance che va incontro ai soci',
  );
  await keepScreenshot(page, 'practice-page');

  // The practice's sheet, rendered by the CMS from its template.
  const sheetUrl = await page.getByRole('link', { name: 'Scarica la scheda della pratica (PDF)' }).getAttribute('href');
  const sheet = await page.request.get(sheetUrl ?? '');
  expect(sheet.status()).toBe(200);
  expect(sheet.headers()['content-type']).toBe('application/pdf');
  expect((await sheet.body()).subarray(0, 5).toString()).toBe('%PDF-');
});

test('a search with no results says so and offers to clear the filters', async ({ page }) => {
  await openCatalogue(page, '/pratiche?regione=Toscana');
  await page.getByRole('searchbox', { name: 'Cerca una pratica' }).fill('zqxwvy');
  await expect(page.getByText(/Nessuna pratica corrisponde a «zqxwvy» con i filtri scelti/)).toBeVisible();
  await expect(resultCount(page)).toHaveText('Nessuna pratica trovata');
  await expect(map(page)).toHaveAttribute('data-points', '0');
  await keepScreenshot(page, 'catalogue-empty');

  await page.getByRole('link', { name: 'Cancella i filtri' }).click();
  await expect(page).toHaveURL(/\/pratiche\?q=zqxwvy$/);
  await page.getByRole('link', { name: 'Mostra tutte le pratiche' }).click();
  await expect(page).toHaveURL(/\/pratiche$/);
  await expect(resultTitles(page).first()).toBeVisible();
});

test('sorting and pages are kept in the URL', async ({ page }) => {
  await openCatalogue(page);
  await page.getByRole('combobox', { name: 'Ordina per' }).selectOption('titolo');
  await expect(page).toHaveURL(/ordine=titolo/);
  await settled(page);
  const titles = await resultTitles(page).allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'it')));

  const next = page.getByRole('navigation', { name: 'Pagine dei risultati' }).getByRole('link', { name: 'Pagina 2' });
  if ((await next.count()) > 0) {
    await next.click();
    await expect(page).toHaveURL(/pagina=2/);
    await expect(page.getByRole('link', { name: 'Pagina 2' })).toHaveAttribute('aria-current', 'page');
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the catalogue still searches and filters with a plain form', async ({ page }) => {
    await page.goto(portal('/pratiche?q=orti'));
    await expect(resultTitles(page).first()).toBeVisible();
    await page.getByRole('checkbox', { name: /^Piemonte/ }).check();
    await page.getByRole('button', { name: 'Applica i filtri' }).click();
    await expect(page).toHaveURL(/regione=Piemonte/);
    await expect(resultTitles(page).filter({ hasText: 'Orti condivisi' })).toHaveCount(1);
  });
});
