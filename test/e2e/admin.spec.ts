import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './sign-in.ts';
import { adminCredentials, cmsUrl } from './urls.ts';

const signInAsNetworkAdmin = (page: Page): Promise<void> => {
  const { email, password } = adminCredentials();
  return signIn(page, email, password);
};

const collection = (uid: string): string => `${cmsUrl()}/admin/content-manager/collection-types/${uid}`;

test('the network staff sign in to the admin panel, in Italian', async ({ page }) => {
  await signInAsNetworkAdmin(page);
  await expect(page).toHaveURL(/\/admin(\/)?$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  // The home page lists every social report still to deposit, with its deadline and the days left.
  const deadlines = page.getByTestId('deposit-deadlines');
  await expect(deadlines).toContainText('Bilancio sociale 2024 · Terre del Mincio Cooperativa Sociale');
  await expect(deadlines).toContainText(/deposito entro il 30 giugno 2025: (mancano \d+ giorni|scaduta da \d+ giorni)/);
  await page.screenshot({ path: test.info().outputPath('admin-home.png'), fullPage: true });
});

test('practice cards are listed and edited with the survey form’s Italian labels, hints and limits', async ({
  page,
}) => {
  await signInAsNetworkAdmin(page);
  await page.goto(collection('api::practice-card.practice-card'));
  const headers = page.getByRole('row').first();
  for (const header of ['Nome progetto', 'Cooperativa proponente', 'Ambito di innovazione', 'Ultima modifica']) {
    await expect(headers).toContainText(header);
  }
  await page.getByRole('row').nth(1).getByRole('link').first().click();

  await expect(page.getByLabel(/^Breve descrizione/)).toBeVisible();
  await expect(
    page.getByText(/Obiettivi, target di riferimento.*\(massimo 2000 caratteri; accenti ed emoji contano uno\)/),
  ).toBeVisible();
  await expect(page.getByText('È prevista una valutazione di impatto?')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('practice-card-edit.png'), fullPage: true });
});

test('a social report shows how complete it is against the guidelines', async ({ page }) => {
  // The whole report's form is heavy, and its PDF may be LibreOffice's first conversion.
  test.slow();
  await signInAsNetworkAdmin(page);
  await page.goto(collection('api::social-report.social-report'));
  await page.getByRole('link', { name: 'Bilancio sociale 2024 · Terre del Mincio Cooperativa Sociale' }).click();

  // The edit form of a whole report is heavy: its side panels come after every section has rendered.
  await expect(page.getByText('Completezza (linee guida)')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('Voci obbligatorie: 100%')).toBeVisible();
  // The bar says its value to screen readers and is drawn full, from the left.
  const bar = page.getByRole('progressbar', { name: 'Voci obbligatorie: 100%' });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(bar).toHaveAttribute('aria-valuemin', '0');
  await expect(bar).toHaveAttribute('aria-valuemax', '100');
  const [barBox, fillBox] = [await bar.boundingBox(), await page.getByTestId('completeness-bar-fill').boundingBox()];
  expect(fillBox?.x).toBeCloseTo(barBox?.x ?? -1, 0);
  expect(fillBox?.width).toBeCloseTo(barBox?.width ?? -1, 0);
  await expect(page.getByText('Tutte le voci obbligatorie sono compilate o motivate.')).toBeVisible();
  await expect(page.getByText('1. Metodologia adottata', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('social-report-edit.png'), fullPage: true });

  // The same panel generates the document to deposit.
  await expect(page.getByText('Scarica il bilancio sociale')).toBeVisible();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'PDF/A', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^bilancio-sociale-2024-terre-del-mincio.*\.pdf$/);
  const saved = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
});

test("next year's report is started only when confirmed, with last year's figures beside its empty fields", async ({
  page,
}) => {
  // Two whole reports' forms open one after the other.
  test.slow();
  await signInAsNetworkAdmin(page);
  await page.goto(collection('api::social-report.social-report'));
  await page.getByRole('link', { name: 'Bilancio sociale 2024 · Terre del Mincio Cooperativa Sociale' }).click();
  await expect(page.getByText('Completezza (linee guida)')).toBeVisible({ timeout: 90_000 });

  await page.getByRole('button', { name: 'Inizia il bilancio dell’anno successivo' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Iniziare il bilancio sociale 2025?');
  await expect(dialog).toContainText('I dati numerici non vengono copiati');
  await dialog.getByRole('button', { name: 'Annulla' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('button', { name: 'Inizia il bilancio dell’anno successivo' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Inizia il bilancio 2025' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText('2025', { timeout: 30_000 });
  await expect(page.getByText('Completezza (linee guida)')).toBeVisible({ timeout: 90_000 });
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(30);
  await expect(page.getByText(/^Da aggiornare \(\d+\)$/)).toBeVisible();
  // Last year's figure shows beside the field; the field itself is empty.
  const comparison = page.locator('[data-testid="comparison-people.highestGrossPay"]');
  await expect(comparison).toContainText(/^2024: [\d.,]+$/);
  await page.screenshot({ path: test.info().outputPath('social-report-next-year.png'), fullPage: true });
});
