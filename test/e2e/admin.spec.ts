import { expect, test } from '@playwright/test';
import { adminCredentials, cmsUrl } from './urls.ts';

test('the network staff sign in to the admin panel', async ({ page }) => {
  const { email, password } = adminCredentials();
  await page.goto(`${cmsUrl()}/admin`);

  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /accedi|login/i }).click();

  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page).toHaveURL(/\/admin(\/)?$/);
  await page.screenshot({ path: test.info().outputPath('admin-home.png'), fullPage: true });
});
