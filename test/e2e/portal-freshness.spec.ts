import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { expect, keepScreenshot, portal, test } from './portal-fixtures.ts';
import { cmsUrl, demoPassword } from './urls.ts';

const POLL = { timeout: 30_000, intervals: [250, 500, 1000] };

type ManagedCard = { documentId: string; title: string; slug: string; stage: string };

const CARDS = '/content-manager/collection-types/api::practice-card.practice-card';

const move = async (curator: AdminSession, card: ManagedCard, to: string): Promise<void> => {
  // Withdrawing a card from the portal says why.
  const body = to === 'Archiviata' ? { to, comment: 'Ritirata durante la prova' } : { to };
  const response = await curator.request('POST', `/coop/workflow/practice-card/${card.documentId}`, body);
  expect(response.status, await response.clone().text()).toBe(200);
};

test('a card the Think Tank publishes is on the portal at once, and goes when it is withdrawn', async ({ page }) => {
  const curator = await adminLogin(cmsUrl(), 'curatore@demo.piattaforma.local', demoPassword());
  const { results } = await curator.json<{ results: ManagedCard[] }>(
    'GET',
    `${CARDS}?filters[stage][$eq]=Selezionata&pageSize=1`,
  );
  const card = results[0];
  if (!card) throw new Error('the demo data has no selected card');

  const before = await page.goto(portal(`/pratiche/${card.slug}`));
  expect(before?.status()).toBe(404);

  await move(curator, card, 'Pubblicata');

  // The practice page reads the CMS on request: no rebuild, no wait.
  const published = await page.goto(portal(`/pratiche/${card.slug}`));
  expect(published?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(card.title);

  // The catalogue searches the index, which the CMS keeps in step within moments.
  const catalogueTitles = async (): Promise<string[]> => {
    await page.goto(portal(`/pratiche?q=${encodeURIComponent(card.title)}`));
    return page.locator('ol.results h3').allTextContents();
  };
  await expect.poll(catalogueTitles, POLL).toContain(card.title);
  await keepScreenshot(page, 'freshness-published');

  await move(curator, card, 'Archiviata');
  const withdrawn = await page.goto(portal(`/pratiche/${card.slug}`));
  expect(withdrawn?.status()).toBe(404);
  await expect.poll(catalogueTitles, POLL).not.toContain(card.title);
});
