import { maildevInbox } from '../support/maildev.ts';
import { validVatNumber } from '../support/tax-codes.ts';
import { expect, keepScreenshot, portal, test } from './portal-fixtures.ts';
import { inboxUrl } from './urls.ts';

test('a visitor submits a registration request, corrects the refused fields and gets the confirmation e-mail', async ({
  page,
}) => {
  const stamp = String(Date.now()).slice(-9);
  const taxCode = validVatNumber(`0${stamp}`);
  const email = `responsabile.${stamp}@girasole.example.it`;

  await page.goto(portal('/registrazione'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Richiedi le tue credenziali');

  await page.getByLabel('Denominazione').fill('Cooperativa Sociale Il Girasole');
  await page.getByLabel('Tipologia').selectOption('Cooperativa sociale di tipo B');
  await page.getByLabel('Codice fiscale').fill('12345');
  await page.getByLabel('Aderente a Legacoop').check();
  await page.getByLabel('Indirizzo').fill('Via dei Mille, 12');
  await page.getByLabel('CAP').fill('2010');
  await page.getByLabel('Comune', { exact: false }).first().fill('Monza');
  await page.getByLabel('Provincia').selectOption('MB');
  await page.getByLabel('E-mail dell’organizzazione').fill('info@girasole.example.it');
  await page.getByLabel('Nome e cognome').fill('Lucia Ferri');
  await page.getByLabel('E-mail del Responsabile').fill(email);
  await page.getByLabel('Telefono del Responsabile').fill('+39 039 555 0142');
  await page.getByRole('button', { name: 'Invia richiesta' }).click();

  // Refused by the CMS: each message next to its field, a summary on top, nothing typed lost.
  await expect(page.getByRole('alert')).toContainText('La richiesta non è stata inviata');
  await expect(page.locator('#campo-taxCode-error')).toContainText('Codice fiscale');
  await expect(page.getByLabel('Codice fiscale')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#campo-postalCode-error')).toContainText('CAP');
  await expect(page.locator('#campo-privacyAccepted-error')).toContainText('Privacy');
  await expect(page.getByLabel('Denominazione')).toHaveValue('Cooperativa Sociale Il Girasole');
  await expect(page.getByLabel('Tipologia')).toHaveValue('Cooperativa sociale di tipo B');
  await expect(page.getByLabel('Provincia')).toHaveValue('MB');
  await expect(page.getByLabel('Aderente a Legacoop')).toBeChecked();
  await expect(page.getByLabel('E-mail del Responsabile')).toHaveValue(email);
  await keepScreenshot(page, 'registration-errors');

  await page.getByRole('link', { name: /Codice fiscale/ }).click();
  await expect(page.getByLabel('Codice fiscale')).toBeFocused();
  await page.getByLabel('Codice fiscale').fill(taxCode);
  await page.getByLabel('CAP').fill('20900');
  await page.getByLabel(/Acconsento al trattamento dei dati/).check();
  await page.getByRole('button', { name: 'Invia richiesta' }).click();

  await expect(page).toHaveURL(/\/registrazione\/inviata$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Richiesta inviata');
  await keepScreenshot(page, 'registration-sent');

  await expect
    .poll(
      async () => {
        return (await maildevInbox(inboxUrl()).to(email)).map((mail) => mail.subject);
      },
      { timeout: 30_000 },
    )
    .toHaveLength(1);
});
