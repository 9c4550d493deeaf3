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

/** What the map shows: single markers and clusters with their counts (changes when it zooms). */
const mapPicture = async (page: Page): Promise<string> =>
  [
    await map(page).locator('.map-marker').count(),
    ...(await map(page).locator('.map-cluster span[aria-hidden="true"]').allTextContents()),
  ].join(',');

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

  // Keyboard: Enter on a cluster zooms into it, until single practices show.
  for (let round = 0; round < 6 && (await map(page).locator('.map-marker').count()) === 0; round += 1) {
    const before = await mapPicture(page);
    await map(page).locator('.map-cluster').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => mapPicture(page)).not.toBe(before);
  }
  // Enter on a marker opens its popup, focused on the link to the practice; Escape closes it and
  // gives the focus back to the marker.
  const marker = map(page).locator('.map-marker').first();
  const markerTitle = await marker.getAttribute('title');
  await marker.focus();
  await page.keyboard.press('Enter');
  const popupLink = map(page).locator('.leaflet-popup-content a');
  await expect(popupLink).toBeFocused();
  await expect(popupLink).toHaveText(markerTitle ?? '');
  await expect(popupLink).toHaveAttribute('href', /^\/pratiche\/[a-z0-9-]+$/);
  expect(titles).toContain(markerTitle);
  await page.keyboard.press('Escape');
  await expect(map(page).locator('.leaflet-popup')).toHaveCount(0);
  await expect(map(page).locator(`.map-marker[title="${markerTitle}"]`)).toBeFocused();

  // A link before the map skips it, to the results.
  await page.getByRole('link', { name: 'Salta la mappa' }).focus();
  await expect(page.getByRole('link', { name: 'Salta la mappa' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Risultati', level: 2 })).toBeFocused();

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

  await expect(page).toHaveTitle(/^Ricerca: zqxwvy · Pratiche innovative · /);

  // The link that was focused goes away: the focus moves to the results, not to the page's start.
  await page.getByRole('link', { name: 'Cancella i filtri' }).click();
  await expect(page).toHaveURL(/\/pratiche\?q=zqxwvy$/);
  await expect(page.getByRole('heading', { name: 'Risultati', level: 2 })).toBeFocused();
  await page.getByRole('link', { name: 'Mostra tutte le pratiche' }).click();
  await expect(page).toHaveURL(/\/pratiche$/);
  await expect(resultTitles(page).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Risultati', level: 2 })).toBeFocused();
  await expect(page).toHaveTitle(/^Pratiche innovative · /);
});

test('a filter chip takes its filter away and leaves the focus on the results; the title follows the search', async ({
  page,
}) => {
  await openCatalogue(page, '/pratiche?regione=Lombardia');
  await expect(page).toHaveTitle(/^Ricerca: filtri · Pratiche innovative · /);
  const chip = page.getByRole('link', { name: 'Togli il filtro Regione: Lombardia' });
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/pratiche$/);
  await expect(chip).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Risultati', level: 2 })).toBeFocused();
  await expect(page).toHaveTitle(/^Pratiche innovative · /);

  // The back button brings the filter and its title back.
  await page.goBack();
  await expect(page).toHaveURL(/regione=Lombardia/);
  await expect(page).toHaveTitle(/^Ricerca: filtri · Pratiche innovative · /);
});

test('the impact evaluation counts both choices whichever is chosen', async ({ page }) => {
  await openCatalogue(page);
  const label = (name: string): Locator => page.locator(`label[for="facet-valutazione-${name}"]`);
  const count = async (name: string): Promise<number> =>
    Number((await label(name).locator('.count').textContent())?.replace(/[^\d]/g, ''));
  const planned = await count('si');
  const notPlanned = await count('no');
  expect(planned).toBeGreaterThan(0);
  expect(notPlanned).toBeGreaterThan(0);

  await page.locator('summary', { hasText: 'Valutazione d’impatto' }).click();
  await page.getByRole('radio', { name: /^Prevista/ }).check();
  await expect(page).toHaveURL(/valutazione=si/);
  await settled(page);
  await expect(resultCount(page)).toHaveText(`${planned} pratiche trovate`);
  expect(await count('si')).toBe(planned);
  expect(await count('no')).toBe(notPlanned);
});

test('a failed search hides the results it no longer answers and offers to try again', async ({ page }) => {
  await openCatalogue(page);
  await expect(resultTitles(page).first()).toBeVisible();
  const search = (url: URL): boolean => url.pathname === '/api/search';
  await page.route(search, (route) => route.fulfill({ status: 503, body: '{}' }));
  await page.getByRole('checkbox', { name: /^Lombardia/ }).check();
  await expect(resultCount(page)).toHaveText(/La ricerca non è disponibile/);
  await expect(resultTitles(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pagine dei risultati' })).toHaveCount(0);

  await page.unroute(search);
  await page.getByRole('button', { name: 'Riprova' }).click();
  await settled(page);
  await expect(resultCount(page)).toHaveText(/\d+ pratich[ea] trovat[ae]/);
  await expect(resultTitles(page).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Riprova' })).toHaveCount(0);
  for (const province of await page.locator('ol.results .meta').allTextContents()) {
    expect(province).toMatch(/\((BG|BS|CO|CR|MI|MN|PV|LC|LO|MB|SO|VA)\)/);
  }
});

test('sorting and pages are kept in the URL', async ({ page }) => {
  await openCatalogue(page);
  await page.getByRole('combobox', { name: 'Ordina per' }).selectOption('titolo');
  await expect(page).toHaveURL(/ordine=titolo/);
  await settled(page);
  const titles = await resultTitles(page).allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'it')));

  // The demo data holds more practices than one page: page 2 shows the next ones, in order.
  const pages = page.getByRole('navigation', { name: 'Pagine dei risultati' });
  await pages.getByRole('link', { name: 'Pagina 2' }).click();
  await expect(page).toHaveURL(/ordine=titolo&pagina=2$/);
  await expect(pages.getByRole('link', { name: 'Pagina 2' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'Risultati', level: 2 })).toBeFocused();
  await expect(resultTitles(page).first()).not.toHaveText(titles[0] ?? '');
  const second = await resultTitles(page).allTextContents();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((title) => titles.includes(title))).toEqual([]);
  expect(second[0]!.localeCompare(titles.at(-1)!, 'it')).toBeGreaterThanOrEqual(0);
});

test('a page past the last one shows the last page', async ({ page }) => {
  await openCatalogue(page, '/pratiche?ordine=titolo&pagina=99');
  const pages = page.getByRole('navigation', { name: 'Pagine dei risultati' });
  const current = pages.locator('a[aria-current="page"]');
  const last = Number(await current.textContent());
  expect(last).toBeGreaterThan(1);
  // It is the last page: no later page is offered.
  await expect(pages.getByRole('link', { name: 'Successiva' })).toHaveCount(0);
  await expect(pages.getByRole('link', { name: `Pagina ${last + 1}` })).toHaveCount(0);
  await expect(resultTitles(page).first()).toBeVisible();
  await expect(resultCount(page)).toHaveText(/\d+ pratiche trovate/);
  await expect(pages.getByRole('link', { name: 'Precedente' })).toHaveAttribute(
    'href',
    last - 1 > 1 ? `/pratiche?ordine=titolo&pagina=${last - 1}` : '/pratiche?ordine=titolo',
  );
  // The address says which page is shown.
  await expect(page).toHaveURL(new RegExp(`ordine=titolo&pagina=${last}$`));
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
