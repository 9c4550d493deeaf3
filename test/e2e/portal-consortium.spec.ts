import { expect, keepScreenshot, portal, test } from './portal-fixtures.ts';

test('a visitor reads the consortium’s service areas by province', async ({ page }) => {
  await page.goto(portal('/consorzi'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consorzi e territori');
  await page.getByRole('link', { name: 'Consorzio Sociale Light' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consorzio Sociale Light');
  await expect(page.getByRole('img', { name: /Logo di Consorzio Sociale Light/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Servizi di Consorzio Sociale Light per provincia/ })).toBeVisible();

  const table = page.getByRole('table', { name: 'Servizi delle associate per provincia e area di servizio' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Provincia',
    'Minori',
    'Anziani',
    'Disabili',
    'Psichiatria',
    'Riabilitazione',
    'Varie',
    'Totale',
  ]);
  await expect(table.locator('tbody th')).toHaveText([
    'Bergamo (BG)',
    'Brescia (BS)',
    'Como (CO)',
    'Cremona (CR)',
    'Mantova (MN)',
    'Milano (MI)',
    'Pavia (PV)',
  ]);
  // The seed's reading of the consortium's table (DOMAIN.md): Pavia has eight services.
  const pavia = table.getByRole('row', { name: /^Pavia/ });
  await expect(pavia.getByRole('cell')).toHaveText(['2', '2', '2', '–', '1', '1', '8']);
  await expect(table.locator('tfoot td').last()).toHaveText('29');

  await expect(page.getByRole('heading', { name: 'Le associate' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Ticino Cura Cooperativa Sociale' })).toBeVisible();
  await keepScreenshot(page, 'consortium');

  await page.getByRole('link', { name: 'Pratiche di Ticino Cura Cooperativa Sociale' }).click();
  await expect(page).toHaveURL(/\/pratiche\?organizzazione=ticino-cura/);
  await expect(page.getByRole('link', { name: /Togli il filtro Organizzazione/ })).toBeVisible();
});
