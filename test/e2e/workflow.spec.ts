import { expect, test } from '@playwright/test';
import { signIn } from './sign-in.ts';
import { demoPassword } from './urls.ts';

test('a curator takes a submitted card from the queue into review', async ({ page }) => {
  await signIn(page, 'curatore@demo.piattaforma.local', demoPassword());
  await page.getByRole('link', { name: 'Coda redazionale' }).click();
  await expect(page.getByRole('heading', { name: 'Coda redazionale' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Inviata\s*4$/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('editorial-queue.png'), fullPage: true });

  const first = page.getByRole('row').nth(1).getByRole('link');
  const title = (await first.textContent()) ?? '';
  await first.click();
  await expect(page.getByText('Flusso redazionale')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Stato: Inviata')).toBeVisible();
  await page.getByRole('button', { name: 'Prendi in revisione' }).click();
  await expect(page.getByText('Stato: In revisione')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Luca Think Tank: Inviata → In revisione/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('workflow-panel.png'), fullPage: true });
  expect(title.length).toBeGreaterThan(5);
});
