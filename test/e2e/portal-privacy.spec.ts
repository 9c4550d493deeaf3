import AxeBuilder from '@axe-core/playwright';
import { testDataController } from '../stack/test-settings.ts';
import { expect, keepScreenshot, portal, test } from './portal-fixtures.ts';

test('the consent of the registration form leads to the privacy notice, which names the controller and the periods', async ({
  page,
  context,
}) => {
  await page.goto(portal('/registrazione'));
  const notice = page.getByRole('link', { name: /informativa sulla privacy/ });
  await expect(notice).toHaveAttribute('href', '/privacy');
  // The notice opens beside the form, so nothing typed is lost.
  await page.getByLabel('Denominazione').fill('Cooperativa Sociale Il Mandorlo');
  const [opened] = await Promise.all([context.waitForEvent('page'), notice.click()]);
  await opened.waitForLoadState();
  await expect(page.getByLabel('Denominazione')).toHaveValue('Cooperativa Sociale Il Mandorlo');

  await expect(opened).toHaveURL(portal('/privacy'));
  await expect(opened.getByRole('heading', { level: 1 })).toHaveText('Informativa sul trattamento dei dati personali');
  const controller = opened.getByRole('region', { name: 'Titolare del trattamento' });
  await expect(controller).toContainText(testDataController.name);
  await expect(controller).toContainText(testDataController.address);
  await expect(controller.getByRole('link', { name: testDataController.email })).toHaveAttribute(
    'href',
    `mailto:${testDataController.email}`,
  );
  const periods = opened.getByRole('region', { name: 'Per quanto tempo' });
  for (const period of ['180 giorni', '90 giorni', '7 giorni']) await expect(periods).toContainText(period);
  await expect(opened.getByRole('region', { name: 'I vostri diritti' })).toContainText('Garante');
  await keepScreenshot(opened, 'privacy-notice');

  const results = await new AxeBuilder({ page: opened }).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
