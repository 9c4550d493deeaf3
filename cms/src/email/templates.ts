import type { OutgoingEmail } from './outbox';

const escape = (text: string): string =>
  text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char] ?? char);

const signature = 'Lo staff della rete\nPiattaforma Cooperative sociali in rete';

/** An e-mail in plain text and in simple HTML with the same paragraphs. */
const message = (to: string, subject: string, paragraphs: string[]): OutgoingEmail => {
  const text = [...paragraphs, signature].join('\n\n');
  const html = [...paragraphs, signature]
    .map(
      (paragraph) =>
        `<p>${escape(paragraph)
          .replace(/\n/g, '<br>')
          .replace(/(https?:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`,
    )
    .join('\n');
  return { to, subject, text, html: `<!doctype html><html lang="it"><body>${html}</body></html>` };
};

export const registrationReceived = (to: string, contactName: string, organisationName: string): OutgoingEmail =>
  message(to, `Richiesta di credenziali ricevuta: ${organisationName}`, [
    `Gentile ${contactName},`,
    `abbiamo ricevuto la richiesta di credenziali per ${organisationName}, che indica lei come Responsabile per la piattaforma.`,
    'Lo staff della rete verificherà i dati inseriti. Se la richiesta sarà approvata, riceverà a questo indirizzo il nome utente e il collegamento per impostare la password.',
    'Se non ha inviato lei questa richiesta, può ignorare questo messaggio.',
  ]);

export const registrationApproved = (
  to: string,
  contactName: string,
  organisationName: string,
  registrationLink: string,
): OutgoingEmail =>
  message(to, `Credenziali di accesso per ${organisationName}`, [
    `Gentile ${contactName},`,
    `la richiesta di credenziali per ${organisationName} è stata approvata.`,
    `Nome utente: ${to}`,
    `Per impostare la password e accedere, apra questo collegamento:\n${registrationLink}`,
    'Al primo accesso le chiediamo di ricontrollare e confermare l’anagrafica dell’organizzazione; poi potrà creare gli utenti Operatore e Lettore.',
  ]);

export const registrationRejected = (
  to: string,
  contactName: string,
  organisationName: string,
  reason: string,
): OutgoingEmail =>
  message(to, `Richiesta di credenziali non approvata: ${organisationName}`, [
    `Gentile ${contactName},`,
    `la richiesta di credenziali per ${organisationName} non è stata approvata, per questo motivo:`,
    reason,
    'Può inviare una nuova richiesta con i dati corretti, oppure rispondere a questo messaggio.',
  ]);

export const accountInvitation = (
  to: string,
  firstname: string,
  organisationName: string,
  role: string,
  invitedBy: string,
  registrationLink: string,
): OutgoingEmail =>
  message(to, `Il suo account ${role} per ${organisationName}`, [
    `Gentile ${firstname},`,
    `${invitedBy} le ha creato un account ${role} per ${organisationName} sulla piattaforma.`,
    `Nome utente: ${to}`,
    `Per impostare la password e accedere, apra questo collegamento:\n${registrationLink}`,
  ]);

export const cardSubmitted = (
  to: string,
  cardTitle: string,
  organisationName: string,
  adminLink: string,
): OutgoingEmail =>
  message(to, `Nuova scheda da rivedere: ${cardTitle}`, [
    `${organisationName} ha inviato alla redazione la scheda «${cardTitle}».`,
    `La trovate qui:\n${adminLink}`,
  ]);

const CARD_OUTCOME: Record<string, string> = {
  'Da rivedere': 'la redazione chiede alcune modifiche alla scheda',
  Selezionata: 'la redazione ha selezionato la scheda per la Mappa delle pratiche innovative',
  Pubblicata: 'la scheda è pubblicata sul portale',
};

export const cardOutcome = (
  to: string,
  cardTitle: string,
  stage: string,
  comment: string | null,
  adminLink: string,
): OutgoingEmail =>
  message(to, `Scheda «${cardTitle}»: ${stage.toLowerCase()}`, [
    `Buongiorno,`,
    `${CARD_OUTCOME[stage] ?? `la scheda è passata allo stato «${stage}»`}: «${cardTitle}».`,
    ...(comment ? [`Commento della redazione:\n${comment}`] : []),
    `La scheda:\n${adminLink}`,
  ]);
