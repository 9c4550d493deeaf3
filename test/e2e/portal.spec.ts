import { expect, test } from '@playwright/test';
import { portalUrl } from './urls.ts';

test('the public reads the portal home page in Italian', async ({ page }) => {
  await page.goto(portalUrl());

  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cooperative sociali in rete');
  await expect(page.getByRole('link', { name: 'Vai al contenuto' })).toBeAttached();
  await page.screenshot({ path: test.info().outputPath('portal-home.png'), fullPage: true });
});
