import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, portal, searchIndexReady, test } from './portal-fixtures.ts';

test.beforeAll(searchIndexReady);

/** One page of every type the portal has. */
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/pratiche' },
  { name: 'catalogue, searched and filtered', path: '/pratiche?q=soci&regione=Lombardia' },
  { name: 'catalogue, no results', path: '/pratiche?q=zqxwvy&regione=Toscana' },
  { name: 'practice', path: '/pratiche/assemblee-di-valle' },
  { name: 'innovation areas', path: '/aree' },
  { name: 'innovation area', path: '/aree/co-progettazione-con-la-pubblica-amministrazione' },
  { name: 'consortia', path: '/consorzi' },
  { name: 'consortium', path: '/consorzi/consorzio-sociale-light' },
  { name: 'registration form', path: '/registrazione' },
  { name: 'registration sent', path: '/registrazione/inviata' },
  { name: 'open data', path: '/dati' },
  { name: 'statistics', path: '/dati/statistiche' },
  { name: 'data dictionary', path: '/dati/dizionario/organizzazioni' },
  { name: 'observatory', path: '/osservatorio' },
  { name: 'observatory, filtered', path: '/osservatorio?anno=2023&regione=lombardia&tipo=tipo-a' },
  { name: 'alerts form', path: '/avvisi' },
  { name: 'organisations', path: '/organizzazioni' },
  { name: 'organisation', path: '/organizzazioni/navigli-insieme' },
  { name: 'consortium organisation', path: '/organizzazioni/consorzio-sociale-light' },
  { name: 'published social report', path: '/organizzazioni/navigli-insieme/bilanci/2023' },
  { name: 'social report not published', path: '/organizzazioni/navigli-insieme/bilanci/2024' },
  { name: 'not found', path: '/pratiche/non-esiste' },
];

/** Leaflet has loaded, drawn the provinces and the results (the catalogue's heaviest moment). */
const mapDrawn = async (page: Page): Promise<void> => {
  if (!page.url().includes('/pratiche') || page.url().match(/\/pratiche\/[^?]/)) return;
  await expect(page.locator('.leaflet-overlay-pane canvas').first()).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('[data-testid="practice-map"]:not([data-search=""])')).toBeAttached({ timeout: 15_000 });
};

test.describe('accessibility (axe-core, WCAG 2.2 AA and best practices)', () => {
  for (const { name, path } of PAGES) {
    test(`${name}: no violations`, async ({ page }) => {
      await page.goto(portal(path));
      await mapDrawn(page);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      }));
      expect(summary).toEqual([]);
    });
  }

  test('registration form with server errors: no violations', async ({ page }) => {
    await page.goto(portal('/registrazione'));
    await page.getByRole('button', { name: 'Invia richiesta' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  test('catalogue with a map popup open: no violations', async ({ page }) => {
    await page.goto(portal('/pratiche?regione=Toscana'));
    await mapDrawn(page);
    await page.locator('.map-marker').first().click();
    await expect(page.locator('.leaflet-popup-content a')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});

/** Gzipped bytes of every script the page loaded (static, island and lazily imported chunks). */
const javascriptShipped = async (page: Page, path: string): Promise<{ files: string[]; gzipBytes: number }> => {
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) {
      scripts.set(response.url(), response.body());
    }
  });
  await page.goto(portal(path));
  await mapDrawn(page);
  await page.waitForLoadState('networkidle');
  let gzipBytes = 0;
  for (const body of scripts.values()) gzipBytes += gzipSync(await body, { level: 9 }).length;
  // Inline scripts count too.
  const inline = await page.locator('script:not([src])').allTextContents();
  gzipBytes += inline.reduce((sum, text) => sum + gzipSync(Buffer.from(text), { level: 9 }).length, 0);
  return { files: [...scripts.keys()], gzipBytes };
};

test.describe('JavaScript budget', () => {
  test('a practice page ships at most 50 KB of gzipped JavaScript', async ({ page }) => {
    const { files, gzipBytes } = await javascriptShipped(page, '/pratiche/assemblee-di-valle');
    test
      .info()
      .annotations.push({ type: 'js-gzip-bytes', description: `practice: ${gzipBytes} (${files.length} files)` });
    console.log(`practice page: ${gzipBytes} bytes of gzipped JavaScript in ${files.length} files`);
    expect(gzipBytes).toBeLessThanOrEqual(50 * 1024);
  });

  test('the catalogue with its map ships at most 200 KB of gzipped JavaScript', async ({ page }) => {
    const { files, gzipBytes } = await javascriptShipped(page, '/pratiche');
    test
      .info()
      .annotations.push({ type: 'js-gzip-bytes', description: `catalogue: ${gzipBytes} (${files.length} files)` });
    console.log(`catalogue page: ${gzipBytes} bytes of gzipped JavaScript in ${files.length} files`);
    expect(files.some((file) => file.includes('leaflet'))).toBe(true);
    expect(gzipBytes).toBeLessThanOrEqual(200 * 1024);
  });
});
