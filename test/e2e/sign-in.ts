import { expect, type Page } from '@playwright/test';
import { cmsUrl } from './urls.ts';

/** Signs in to the admin panel as a person does, through its login form. */
export const signIn = async (page: Page, email: string, password: string): Promise<void> => {
  await page.goto(`${cmsUrl()}/admin`);
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /accedi|login/i }).click();
  await expect(page.getByRole('navigation').first()).toBeVisible();
};
