import { expect, test } from '@playwright/test';
import { adminLogin, moveCard, type AdminSession } from '../support/admin-api.ts';
import { signIn } from './sign-in.ts';
import { cmsUrl, demoPassword } from './urls.ts';

const CARDS = 'api::practice-card.practice-card';
const OPERATORE = 'operatore.navigli@demo.piattaforma.local';
const REQUEST = 'Indicate il comune esatto del servizio.';

type Card = { documentId: string; title: string; stage: string; city: string | null };

const cardOf = async (session: AdminSession, documentId: string): Promise<Card> =>
  (await session.json<{ data: Card }>('GET', `/content-manager/collection-types/${CARDS}/${documentId}`)).data;

/** A card of the Operatore's organisation that the redazione sent back with a request for changes. */
const sentBackCard = async (): Promise<{ operatore: AdminSession; curator: AdminSession; documentId: string }> => {
  const operatore = await adminLogin(cmsUrl(), OPERATORE, demoPassword());
  const curator = await adminLogin(cmsUrl(), 'curatore@demo.piattaforma.local', demoPassword());
  const { results } = await operatore.json<{ results: Card[] }>(
    'GET',
    `/content-manager/collection-types/${CARDS}?page=1&pageSize=10`,
  );
  const source = results.find((card) => card.stage === 'Pubblicata')!;
  const { data } = await operatore.json<{ data: { documentId: string } }>(
    'POST',
    `/content-manager/collection-types/${CARDS}/clone/${source.documentId}`,
    { title: `Sportello di prova ${Date.now()}` },
  );
  await moveCard(operatore, data.documentId, 'Inviata');
  await moveCard(curator, data.documentId, 'In revisione');
  await curator.json('POST', `/coop/workflow/practice-card/${data.documentId}`, {
    to: 'Da rivedere',
    comment: REQUEST,
  });
  return { operatore, curator, documentId: data.documentId };
};

test.describe.configure({ timeout: 180_000 });

test('an Operatore’s unsaved fixes are saved before the card goes back, and a refused save stops the move', async ({
  page,
}) => {
  const { operatore, curator, documentId } = await sentBackCard();
  await signIn(page, OPERATORE, demoPassword());
  await page.goto(`${cmsUrl()}/admin/content-manager/collection-types/${CARDS}/${documentId}`);

  // The curator's request is at the top of the workflow panel, with its comment.
  await expect(page.getByText('La redazione chiede modifiche')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(REQUEST, { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('sent-back.png'), fullPage: true });

  // A save the form refuses (a title over its 150 characters) stops the move: nothing is sent.
  const title = page.getByLabel(/^Nome progetto/);
  const original = await title.inputValue();
  await title.fill('Sportello '.repeat(20));
  await page.getByRole('button', { name: 'Invia di nuovo alla redazione' }).click();
  await expect(page.getByText('Ci sono modifiche non salvate')).toBeVisible();
  await page.getByRole('button', { name: 'Salva e invia di nuovo alla redazione' }).click();
  await expect(page.getByText(/Le modifiche non sono state salvate/)).toBeVisible({ timeout: 30_000 });
  expect((await cardOf(operatore, documentId)).stage).toBe('Da rivedere');
  await page.screenshot({ path: test.info().outputPath('save-refused.png'), fullPage: true });

  // Fixed and not saved: the move saves first, then sends the new version.
  await title.fill(original);
  await page.getByLabel(/^Comune/).fill('Milano (Giambellino)');
  await page.getByRole('button', { name: 'Invia di nuovo alla redazione' }).click();
  await page.getByRole('button', { name: 'Salva e invia di nuovo alla redazione' }).click();
  await expect(page.getByText('Stato: Inviata')).toBeVisible({ timeout: 60_000 });
  const sent = await cardOf(operatore, documentId);
  expect(sent.stage).toBe('Inviata');
  expect(sent.city).toBe('Milano (Giambellino)');

  // Now the redazione has it: read-only for the cooperative, and the banner says so.
  await expect(page.getByText('Sola lettura')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Salva' })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('read-only.png'), fullPage: true });
  // The queue's other journeys count the demo's submitted cards: this one leaves the queue's first stage.
  await moveCard(curator, documentId, 'In revisione');
});
