import { expect, test } from '@playwright/test';
import { signIn } from './sign-in.ts';
import { maildevInbox } from '../support/maildev.ts';
import { expectItalian } from './english.ts';
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
  // Approving creates accounts and sends credentials: it asks first.
  await expect(page.getByRole('heading', { name: 'Approvare la richiesta?' })).toBeVisible();
  await page.getByRole('button', { name: 'Approva', exact: true }).click();
  await expect(page.getByText('Richiesta approvata.')).toBeVisible({ timeout: 30_000 });

  type Mail = Awaited<ReturnType<ReturnType<typeof maildevInbox>['to']>>[number];
  let credentials: Mail | undefined;
  await expect
    .poll(
      async () => {
        const mails = await maildevInbox(inboxUrl()).to(email);
        credentials = mails.find((mail) => mail.subject.startsWith('Credenziali di accesso'));
        return credentials !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  // The e-mail speaks for the network, with its logo, and says whom to contact.
  expect(credentials!.html).toContain('/brand/logo.png');
  expect(credentials!.text).toContain('Piattaforma Cooperative sociali in rete');
  expect(credentials!.text).toMatch(/Per qualsiasi domanda: \S+@\S+/);

  // The invitation opens the network's page for setting the password, in Italian, with no
  // Strapi newsletter or strapi.io terms.
  const invitation = /https?:\/\/\S+registrationToken=\S+/.exec(credentials!.text)![0];
  await page.context().clearCookies();
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(invitation);
  await expect(
    page.getByRole('heading', { name: /Benvenuti nella piattaforma di Cooperative sociali in rete/ }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.locator('img[src="/brand/logo"]').first()).toBeVisible();
  await expect(page.getByText(/newsletter|Strapi/i)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('set-password.png'), fullPage: true });
  await expectItalian(page, 'set password');
});
