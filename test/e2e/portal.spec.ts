import { expect, keepScreenshot, portal, test } from './portal-fixtures.ts';

test('the public reads the portal home page in Italian', async ({ page }) => {
  await page.goto(portal());

  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cooperative sociali in rete');
  await expect(page.getByRole('link', { name: 'Vai al contenuto' })).toBeAttached();
  await expect(page.getByRole('navigation', { name: 'Principale' }).getByRole('link')).toHaveText([
    'Pratiche e mappa',
    'Ambiti di innovazione',
    'Consorzi e territori',
    'Osservatorio',
    'Dati aperti',
    'Richiedi le tue credenziali',
  ]);
  await expect(page.getByRole('heading', { name: 'Ultime pratiche pubblicate' })).toBeVisible();
  await keepScreenshot(page, 'portal-home');
});

test('a visitor reads an innovation area with its definition and its practices', async ({ page }) => {
  await page.goto(portal('/aree'));
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(6);
  await page.getByRole('link', { name: 'Co-progettazione con la Pubblica Amministrazione' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Co-progettazione con la Pubblica Amministrazione');
  await expect(page.getByRole('heading', { name: 'Definizione' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /pratich[ae] pubblicat[ae]$/ })).toBeVisible();
  const practices = page.locator('.practice-list > li');
  expect(await practices.count()).toBeGreaterThan(0);
  await keepScreenshot(page, 'portal-area');
});

test('a visitor downloads the open data and reads the statistics', async ({ page, request }) => {
  await page.goto(portal('/dati'));
  await expect(page.getByText('CC BY 4.0').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /formato CSV/ })).toHaveAttribute('href', '/dati/pratiche.csv');

  const csv = await request.get(portal('/dati/pratiche.csv'));
  expect(csv.headers()['content-type']).toContain('text/csv');
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toContain('titolo,ambito,organizzazione');

  const json = (await (await request.get(portal('/dati/pratiche.json'))).json()) as {
    pratiche: unknown[];
    licenza: string;
  };
  expect(json.licenza).toContain('creativecommons.org/licenses/by/4.0');
  const geojson = (await (await request.get(portal('/dati/pratiche.geojson'))).json()) as {
    type: string;
    features: { geometry: { type: string; coordinates: number[] } }[];
  };
  expect(geojson.type).toBe('FeatureCollection');
  expect(geojson.features.length).toBe(json.pratiche.length);
  expect(geojson.features[0]?.geometry.type).toBe('Point');

  await page.goto(portal('/dati/statistiche'));
  await expect(page.getByRole('img', { name: /Pratiche per ambito di innovazione/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Pratiche per regione/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Pratiche per tipo di partnership/ })).toBeVisible();
  await keepScreenshot(page, 'portal-statistics');
});

test('an unknown practice answers 404 in Italian', async ({ page }) => {
  const response = await page.goto(portal('/pratiche/non-esiste-questa-pratica'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La pratica non esiste o non è più pubblicata');
});

test('an unknown area, consortium or address answers 404 in Italian too', async ({ page }) => {
  for (const [path, heading] of [
    ['/aree/ambito-inesistente', 'L’ambito non esiste o non è più pubblicato'],
    ['/consorzi/consorzio-inesistente', 'Il consorzio non esiste o non è più pubblicato'],
    ['/indirizzo-inesistente', 'La pagina non esiste o non è più pubblicata'],
  ] as const) {
    const response = await page.goto(portal(path));
    expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
});
