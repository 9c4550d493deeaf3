import { execFileSync } from 'node:child_process';
import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { expect, keepScreenshot, portal, test } from './portal-fixtures.ts';
import { cmsUrl, demoPassword } from './urls.ts';

// Within a minute, as the issue promises (pages are rendered on request; a CDN keeps them 60 s at most).
const WITHIN_A_MINUTE = { timeout: 60_000, intervals: [250, 500, 1000, 2000] };
const SECTIONS = [
  '1. Metodologia adottata per la redazione del bilancio sociale',
  "2. Informazioni generali sull'ente",
  '3. Struttura, governo e amministrazione',
  "4. Persone che operano per l'ente",
  '5. Obiettivi e attività',
  '6. Situazione economico-finanziaria',
  '7. Altre informazioni',
  "8. Monitoraggio svolto dall'organo di controllo",
];

const responsabile = (): Promise<AdminSession> =>
  adminLogin(cmsUrl(), 'responsabile.navigli@demo.piattaforma.local', demoPassword());

const reportOf = async (session: AdminSession, year: number): Promise<string> => {
  const { results } = await session.json<{ results: { documentId: string }[] }>(
    'GET',
    `/content-manager/collection-types/api::social-report.social-report?filters[year][$eq]=${year}`,
  );
  if (!results[0]) throw new Error(`Navigli Insieme has no ${year} report`);
  return results[0].documentId;
};

const move = async (session: AdminSession, documentId: string, body: Record<string, unknown>): Promise<void> => {
  const response = await session.request('POST', `/coop/workflow/social-report/${documentId}`, body);
  expect(response.status, await response.clone().text()).toBe(200);
};

test('an organisation has its public page: type, place, consortium, practices and published reports', async ({
  page,
}) => {
  const response = await page.goto(portal('/organizzazioni/navigli-insieme'));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Navigli Insieme Cooperativa Sociale');
  await expect(page.getByText('Cooperativa sociale di tipo A', { exact: false }).first()).toBeVisible();
  await expect(page.getByText(/Milano \(MI\), Lombardia/)).toBeVisible();

  const consortia = page.getByRole('region', { name: 'Consorzi di appartenenza' });
  await expect(consortia.getByRole('link', { name: 'Consorzio Sociale Light' })).toHaveAttribute(
    'href',
    '/organizzazioni/consorzio-sociale-light',
  );
  const practices = page.getByRole('region', { name: 'Pratiche innovative pubblicate' });
  expect(await practices.getByRole('heading', { level: 3 }).count()).toBeGreaterThan(0);
  const reports = page.getByRole('region', { name: 'Bilanci sociali pubblicati' });
  await expect(reports.getByRole('link', { name: 'Bilancio sociale 2023', exact: true })).toHaveAttribute(
    'href',
    '/organizzazioni/navigli-insieme/bilanci/2023',
  );
  // 2024 is still being written: not on the portal.
  await expect(reports.getByRole('link', { name: /2024/ })).toHaveCount(0);
  await expect(reports.getByRole('link', { name: 'PDF/A del bilancio sociale 2023' })).toHaveAttribute(
    'href',
    /\/api\/public-social-reports\/navigli-insieme\/2023\/document$/,
  );
  await keepScreenshot(page, 'organisation-page');

  // A practice of the organisation links its page.
  const firstPractice = practices.getByRole('heading', { level: 3 }).first().getByRole('link');
  await firstPractice.click();
  await page.getByRole('link', { name: 'Scheda dell’organizzazione, con i bilanci sociali' }).click();
  await expect(page).toHaveURL(/\/organizzazioni\/navigli-insieme$/);

  // A consortium shows its members.
  await page.goto(portal('/organizzazioni/consorzio-sociale-light'));
  const members = page.getByRole('region', { name: 'Organizzazioni associate' });
  await expect(members.getByRole('link', { name: 'Navigli Insieme Cooperativa Sociale' })).toBeVisible();
});

test('a published social report reads as a web page: eight sections, key figures beside last year, charts with tables, its PDF/A', async ({
  page,
  request,
}) => {
  const response = await page.goto(portal('/organizzazioni/navigli-insieme/bilanci/2023'));
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bilancio sociale 2023');
  for (const title of SECTIONS) await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(page.getByText('Approvato dall’assemblea dei soci il 26 aprile 2024')).toBeVisible();
  await expect(page.getByText(/protocollo n\. MI\/2024\/0048213/)).toBeVisible();

  const summary = page.getByRole('region', { name: 'Dati in sintesi' });
  await expect(summary.getByRole('row', { name: /^Lavoratori 98/ })).toBeVisible();
  // Two charts, each drawn with its figures as a table.
  const charts = page.locator('figure.report-chart');
  await expect(charts).toHaveCount(2);
  for (const chart of await charts.all()) {
    await expect(chart.getByRole('img')).toBeVisible();
    expect(await chart.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
  }
  await expect(
    page.getByRole('link', { name: /Scarica l’attestazione di conformità di Collegio sindacale/ }),
  ).toBeVisible();
  await keepScreenshot(page, 'social-report-page');

  const pdfLink = page.getByRole('link', { name: 'Scarica il bilancio sociale 2023 (PDF/A)' }).first();
  const pdf = await request.get((await pdfLink.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  const xmp = execFileSync('pdfinfo', ['-meta', '-'], { input: await pdf.body() }).toString();
  expect(xmp).toContain('<pdfaid:part>1</pdfaid:part>');
  expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
});

test('never shows a report of another organisation, not published or of another year', async ({ page }) => {
  for (const path of [
    '/organizzazioni/terre-del-mincio/bilanci/2024',
    '/organizzazioni/navigli-insieme/bilanci/2024',
    '/organizzazioni/navigli-insieme/bilanci/2022',
    '/organizzazioni/non-esiste',
  ]) {
    const response = await page.goto(portal(path));
    expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
  }
  await expect(page.getByRole('heading', { level: 1 })).toContainText('non esiste');
  await page.goto(portal('/organizzazioni/terre-del-mincio'));
  await expect(page.getByText('Nessun bilancio sociale pubblicato sulla piattaforma.')).toBeVisible();
});

test('a withdrawn report leaves the portal, page and PDF, within a minute', async ({ page, request }) => {
  const session = await responsabile();
  const report2023 = await reportOf(session, 2023);
  await move(session, report2023, { to: 'Depositato', comment: 'Ritirato per correggere i beneficiari' });
  try {
    await expect
      .poll(
        async () => (await page.goto(portal('/organizzazioni/navigli-insieme/bilanci/2023')))?.status(),
        WITHIN_A_MINUTE,
      )
      .toBe(404);
    await expect
      .poll(
        async () => (await request.get(`${cmsUrl()}/api/public-social-reports/navigli-insieme/2023/document`)).status(),
        WITHIN_A_MINUTE,
      )
      .toBe(404);
    await page.goto(portal('/organizzazioni/navigli-insieme'));
    await expect(page.getByText('Nessun bilancio sociale pubblicato sulla piattaforma.')).toBeVisible();
  } finally {
    // Published again, as the demo has it, for the other suites.
    await move(session, report2023, { to: 'Pubblicato' });
  }
  const back = await page.goto(portal('/organizzazioni/navigli-insieme/bilanci/2023'));
  expect(back?.status()).toBe(200);
});
