import type { OutgoingEmail } from './outbox';

const escape = (text: string): string =>
  text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char] ?? char);

/** The network the e-mails speak for (`NETWORK_*`): set once at start, from `config/brand.ts`. */
export type EmailBrand = {
  name: string;
  contactEmail: string;
  /** Absolute address of the logo as PNG (many mail clients show no SVG); null for none. */
  logoUrl: string | null;
  primaryColor: string;
};

let brand: EmailBrand = {
  name: 'Cooperative sociali in rete',
  contactEmail: 'segreteria@piattaforma.local',
  logoUrl: null,
  primaryColor: '#8c1d40',
};

export const setEmailBrand = (next: EmailBrand): void => {
  brand = next;
};

const signature = (): string =>
  `Lo staff della rete\nPiattaforma ${brand.name}\nPer qualsiasi domanda: ${brand.contactEmail}`;

/** The network's name and logo above the message, on its colour. */
const header = (): string =>
  `<div style="background:${escape(brand.primaryColor)};color:#ffffff;padding:12px 16px;font-family:sans-serif">${
    brand.logoUrl
      ? `<img src="${escape(brand.logoUrl)}" alt="" height="40" style="vertical-align:middle;margin-right:12px">`
      : ''
  }<strong style="vertical-align:middle">${escape(brand.name)}</strong></div>`;

/** An address of the platform itself: the only thing an e-mail shows as a link. */
type Link = { href: string };
/** Free text (never a link, whatever it contains) or one of the platform's own links. */
type Part = string | Link;
type Paragraph = Part | Part[];

const link = (href: string): Link => {
  if (!/^https?:\/\//.test(href)) throw new Error(`Not a web address: ${href}`);
  return { href };
};

/** "7 giorni", "1 giorno", "0,5 giorni". */
export const days = (count: number): string =>
  `${count.toLocaleString('it-IT', { maximumFractionDigits: 4 })} ${count === 1 ? 'giorno' : 'giorni'}`;

/** How long an invitation link works, said next to it. */
const validity = (validDays: number | undefined): string[] =>
  validDays === undefined
    ? []
    : [`Il collegamento vale ${days(validDays)}; se scade, aprendolo ne riceverà uno nuovo.`];

const partsOf = (paragraph: Paragraph): Part[] => (Array.isArray(paragraph) ? paragraph : [paragraph]);

const asText = (paragraph: Paragraph): string =>
  partsOf(paragraph)
    .map((part) => (typeof part === 'string' ? part : part.href))
    .join('');

const asHtml = (paragraph: Paragraph): string =>
  partsOf(paragraph)
    .map((part) =>
      typeof part === 'string'
        ? escape(part).replace(/\n/g, '<br>')
        : `<a href="${escape(part.href)}">${escape(part.href)}</a>`,
    )
    .join('');

/**
 * An e-mail in plain text and in simple HTML with the same paragraphs. What people typed is
 * escaped and stays text: only the platform's own links (`link(...)`) become anchors.
 */
const message = (to: string, subject: string, paragraphs: Paragraph[]): OutgoingEmail => {
  const all = [...paragraphs, signature()];
  const text = all.map(asText).join('\n\n');
  const html = all.map((paragraph) => `<p>${asHtml(paragraph)}</p>`).join('\n');
  return {
    to,
    subject,
    text,
    html: `<!doctype html><html lang="it"><body>${header()}<div style="font-family:sans-serif;padding:0 16px">${html}</div></body></html>`,
  };
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
  validDays?: number,
): OutgoingEmail =>
  message(to, `Credenziali di accesso per ${organisationName}`, [
    `Gentile ${contactName},`,
    `la richiesta di credenziali per ${organisationName} è stata approvata.`,
    `Nome utente: ${to}`,
    ['Per impostare la password e accedere, apra questo collegamento:\n', link(registrationLink)],
    ...validity(validDays),
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
  validDays?: number,
): OutgoingEmail =>
  message(to, `Il suo account ${role} per ${organisationName}`, [
    `Gentile ${firstname},`,
    `${invitedBy} le ha creato un account ${role} per ${organisationName} sulla piattaforma.`,
    `Nome utente: ${to}`,
    ['Per impostare la password e accedere, apra questo collegamento:\n', link(registrationLink)],
    ...validity(validDays),
  ]);

export const invitationRenewed = (
  to: string,
  firstname: string,
  registrationLink: string,
  validDays: number,
): OutgoingEmail =>
  message(to, 'Nuovo collegamento per impostare la password', [
    firstname ? `Gentile ${firstname},` : 'Buongiorno,',
    'il collegamento che ha aperto per impostare la password era scaduto: ecco quello nuovo, che sostituisce i precedenti.',
    `Nome utente: ${to}`,
    ['Per impostare la password e accedere, apra questo collegamento:\n', link(registrationLink)],
    ...validity(validDays),
    'Se non ha aperto lei il collegamento, può ignorare questo messaggio.',
  ]);

export const cardSubmitted = (
  to: string,
  cardTitle: string,
  organisationName: string,
  adminLink: string,
): OutgoingEmail =>
  message(to, `Nuova scheda da rivedere: ${cardTitle}`, [
    `${organisationName} ha inviato alla redazione la scheda «${cardTitle}».`,
    ['La trovate qui:\n', link(adminLink)],
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
    ['La scheda:\n', link(adminLink)],
  ]);
