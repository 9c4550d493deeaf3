/**
 * Opening the edit view in Chromium, as a Responsabile does: from the list, until the form's
 * first field and the workflow panel's stage are shown. The social report (the longest form) and
 * a practice card. Run with `npm run bench:edit-view`; target: median ≤ 2 s.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumFlags, chromiumPath } from '../support/chromium.ts';
import { report, withAdminSystem } from './admin-system.ts';

const ROUNDS = 8;
const REPORTS = 'api::social-report.social-report';
const CARDS = 'api::practice-card.practice-card';

const timeOpening = async (page: Page, cmsUrl: string, model: string, firstField: RegExp): Promise<number[]> => {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    await page.goto(`${cmsUrl}/admin/content-manager/collection-types/${model}`);
    const link = page.getByRole('row').nth(1).getByRole('link').first();
    await link.waitFor({ timeout: 60_000 });
    const started = performance.now();
    await link.click();
    await page.getByLabel(firstField).first().waitFor({ timeout: 60_000 });
    await page
      .getByText(/^Stato: /)
      .first()
      .waitFor({ timeout: 60_000 });
    times.push(performance.now() - started);
  }
  return times;
};

await withAdminSystem(async (cmsUrl, password) => {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  try {
    const page = await browser.newPage({ locale: 'it-IT', viewport: { width: 1400, height: 900 } });
    await page.goto(`${cmsUrl}/admin`);
    await page.getByLabel(/e-?mail/i).fill('responsabile.navigli@demo.piattaforma.local');
    await page.getByLabel(/password/i).fill(password);
    await page.getByRole('button', { name: /accedi/i }).click();
    await page.getByRole('navigation').first().waitFor();
    const reports = await timeOpening(page, cmsUrl, REPORTS, /^Anno/);
    const cards = await timeOpening(page, cmsUrl, CARDS, /^Nome progetto/);
    console.log(`Apertura della scheda di modifica in Chromium, ${ROUNDS} volte (dal clic al modulo pronto)`);
    console.log(report('bilancio sociale', reports, 2000));
    console.log(report('scheda pratica', cards, 2000));
  } finally {
    await browser.close();
  }
});
