import { expect, test } from '@playwright/test';
import { signIn } from './sign-in.ts';
import { maildevInbox } from '../support/maildev.ts';
import { cmsUrl, demoPassword, inboxUrl } from './urls.ts';

test('the Responsabile manages the organisation’s users and sees only its own organisation', async ({ page }) => {
  await signIn(page, 'responsabile.navigli@demo.piattaforma.local', demoPassword());
  await page.getByRole('link', { name: 'La mia organizzazione' }).click();

  await expect(page.getByRole('heading', { name: 'Navigli Insieme Cooperativa Sociale' })).toBeVisible();
  await expect(page.getByText('operatore.navigli@demo.piattaforma.local')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confermo che l’anagrafica è corretta' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('my-organisation.png'), fullPage: true });

  await page.goto(`${cmsUrl()}/admin/content-manager/collection-types/api::organisation.organisation`);
  await expect(page.getByRole('link', { name: 'Navigli Insieme Cooperativa Sociale' })).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(2);
});

test('network staff approve a registration request and the credentials reach the Responsabile', async ({
  page,
  request,
}) => {
  const email = `responsabile.${Date.now()}@fiordaliso.example.it`;
  const submitted = await request.post(`${cmsUrl()}/api/registration-requests`, {
    data: {
      data: {
        organisationName: 'Cooperativa Sociale Il Fiordaliso',
        organisationType: 'Cooperativa sociale di tipo A',
        taxCode: '12345678903',
        legacoopMember: true,
        address: 'Via Garibaldi, 8',
        postalCode: '25121',
        city: 'Brescia',
        province: 'BS',
        email: 'info@fiordaliso.example.it',
        responsabile: { fullName: 'Irene Bonetti', email, phone: '+39 030 555 0123' },
        privacyAccepted: true,
      },
    },
  });
  expect(submitted.status()).toBe(201);

  await signIn(page, 'staff@demo.piattaforma.local', demoPassword());
  await page.goto(`${cmsUrl()}/admin/content-manager/collection-types/api::registration-request.registration-request`);
  await page.getByRole('link', { name: 'Cooperativa Sociale Il Fiordaliso' }).click();
  await expect(page.getByText('Verifica', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('registration-review.png'), fullPage: true });
  await page.getByRole('button', { name: 'Approva e invia le credenziali' }).click();
  await expect(page.getByText('Richiesta approvata.')).toBeVisible({ timeout: 30_000 });

  await expect
    .poll(
      async () => {
        const mails = await maildevInbox(inboxUrl()).to(email);
        return mails.some((mail) => mail.subject.startsWith('Credenziali di accesso'));
      },
      { timeout: 30_000 },
    )
    .toBe(true);
});
