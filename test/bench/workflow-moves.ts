/**
 * Workflow moves as the panel makes them (`POST /coop/workflow/…`, request and answer included):
 * a card sent, taken into review, sent back with a comment and sent again, and a published card
 * withdrawn and published again. Run with `npm run bench:workflow`; target: median ≤ 1 s each.
 */
import { adminLogin, type AdminSession } from '../support/admin-api.ts';
import { report, withAdminSystem } from './admin-system.ts';

const ROUNDS = 10;
const CARDS = 'api::practice-card.practice-card';

const timedMove = async (session: AdminSession, documentId: string, body: Record<string, string>): Promise<number> => {
  const started = performance.now();
  const response = await session.request('POST', `/coop/workflow/practice-card/${documentId}`, body);
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`${documentId} → ${body.to}: ${response.status} ${await response.text()}`);
  return elapsed;
};

await withAdminSystem(async (cmsUrl, password) => {
  const operatore = await adminLogin(cmsUrl, 'operatore.navigli@demo.piattaforma.local', password);
  const curator = await adminLogin(cmsUrl, 'curatore@demo.piattaforma.local', password);
  const { results } = await operatore.json<{ results: { documentId: string; stage: string }[] }>(
    'GET',
    `/content-manager/collection-types/${CARDS}?page=1&pageSize=10`,
  );
  const published = results.find((card) => card.stage === 'Pubblicata')!;
  const { data: draft } = await operatore.json<{ data: { documentId: string } }>(
    'POST',
    `/content-manager/collection-types/${CARDS}/clone/${published.documentId}`,
    { title: `Scheda per la misura ${Date.now()}` },
  );

  const times: Record<string, number[]> = {};
  const record = (label: string, ms: number): void => {
    (times[label] ??= []).push(ms);
  };
  record('Invia alla redazione (cooperativa)', await timedMove(operatore, draft.documentId, { to: 'Inviata' }));
  for (let round = 0; round < ROUNDS; round += 1) {
    record('Prendi in revisione (redazione)', await timedMove(curator, draft.documentId, { to: 'In revisione' }));
    record(
      'Chiedi modifiche (redazione)',
      await timedMove(curator, draft.documentId, { to: 'Da rivedere', comment: 'Aggiungete gli indicatori.' }),
    );
    record('Invia di nuovo (cooperativa)', await timedMove(operatore, draft.documentId, { to: 'Inviata' }));
    record(
      'Ritira dal portale (redazione)',
      await timedMove(curator, published.documentId, { to: 'Archiviata', comment: 'Dati da aggiornare.' }),
    );
    record('Pubblica di nuovo (redazione)', await timedMove(curator, published.documentId, { to: 'Pubblicata' }));
  }
  console.log(`Passaggi del flusso redazionale, ${ROUNDS} giri (richiesta e risposta incluse)`);
  for (const [label, values] of Object.entries(times)) console.log(report(label, values, 1000));
});
