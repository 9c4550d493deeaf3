import type { OutgoingEmail } from './outbox';

/**
 * The e-mails of the practice alerts. Every subject starts with the same words, so a subscriber's
 * messages can be found (and deleted with the subscription); every message has the unsubscribe link.
 */
export const ALERT_SUBJECT_PREFIX = 'Avvisi delle pratiche innovative';

const escape = (text: string): string =>
  text.replace(/[<>&"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[char] ?? char);

const signature = 'Lo staff della rete\nPiattaforma Cooperative sociali in rete';

/** One of the platform's own addresses: the only thing shown as a link. */
type Link = { href: string; label?: string };
type Part = string | Link;
type Paragraph = Part | Part[];

const link = (href: string, label?: string): Link => {
  if (!/^https?:\/\//.test(href)) throw new Error(`Not a web address: ${href}`);
  return label ? { href, label } : { href };
};

const partsOf = (paragraph: Paragraph): Part[] => (Array.isArray(paragraph) ? paragraph : [paragraph]);
const asText = (paragraph: Paragraph): string =>
  partsOf(paragraph)
    .map((part) => (typeof part === 'string' ? part : part.label ? `${part.label}: ${part.href}` : part.href))
    .join('');
const asHtml = (paragraph: Paragraph): string =>
  partsOf(paragraph)
    .map((part) =>
      typeof part === 'string'
        ? escape(part).replace(/\n/g, '<br>')
        : `<a href="${escape(part.href)}">${escape(part.label ?? part.href)}</a>`,
    )
    .join('');

const message = (to: string, subject: string, paragraphs: Paragraph[]): OutgoingEmail => {
  const all = [...paragraphs, signature];
  return {
    to,
    subject: `${ALERT_SUBJECT_PREFIX}: ${subject}`,
    text: all.map(asText).join('\n\n'),
    html: `<!doctype html><html lang="it"><body>${all.map((paragraph) => `<p>${asHtml(paragraph)}</p>`).join('\n')}</body></html>`,
  };
};

/** "l’ambito Co-progettazione con la PA e la regione Lombardia". */
export const criteriaPhrase = (areas: string[], regions: string[]): string => {
  const list = (items: string[]): string =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} e ${items.at(-1) ?? ''}`;
  const areaPart =
    areas.length === 0 ? '' : `${areas.length === 1 ? 'l’ambito' : 'gli ambiti'} ${list(areas.map((a) => `«${a}»`))}`;
  const regionPart =
    regions.length === 0 ? '' : `${regions.length === 1 ? 'la regione' : 'le regioni'} ${list(regions)}`;
  if (areaPart && regionPart) return `${areaPart}, in ${regionPart}`;
  return areaPart || `tutti gli ambiti, in ${regionPart}`;
};

const unsubscribeParagraph = (unsubscribeLink: string): Paragraph => [
  'Per non ricevere più questi messaggi, cancelli l’iscrizione (il suo indirizzo sarà eliminato):\n',
  link(unsubscribeLink),
];

export const alertConfirmation = (
  to: string,
  criteria: string,
  confirmLink: string,
  unsubscribeLink: string,
  validDays: number,
  change: boolean,
): OutgoingEmail =>
  message(to, change ? 'conferma la modifica' : 'conferma l’iscrizione', [
    'Buongiorno,',
    change
      ? `abbiamo ricevuto una richiesta di modificare gli avvisi di questo indirizzo: riceverebbe le nuove pratiche innovative per ${criteria}.`
      : `abbiamo ricevuto una richiesta di ricevere a questo indirizzo le nuove pratiche innovative pubblicate per ${criteria}.`,
    ['Per confermare, apra questo collegamento e prema «Conferma»:\n', link(confirmLink)],
    `Il collegamento vale ${validDays.toLocaleString('it-IT', { maximumFractionDigits: 4 })} ${validDays === 1 ? 'giorno' : 'giorni'}. Se non ha chiesto lei l’iscrizione, ignori questo messaggio: senza conferma l’indirizzo sarà cancellato.`,
    'Riceverà al massimo un messaggio al giorno, solo quando ci sono pratiche nuove.',
    unsubscribeParagraph(unsubscribeLink),
  ]);

export type DigestPractice = {
  title: string;
  area: string | null;
  organisation: string | null;
  place: string | null;
  url: string;
};

export const alertDigest = (
  to: string,
  criteria: string,
  practices: DigestPractice[],
  unsubscribeLink: string,
): OutgoingEmail =>
  message(
    to,
    practices.length === 1 ? `una nuova pratica: ${practices[0]?.title ?? ''}` : `${practices.length} nuove pratiche`,
    [
      'Buongiorno,',
      `${practices.length === 1 ? 'è stata pubblicata una nuova pratica' : `sono state pubblicate ${practices.length} nuove pratiche`} per ${criteria}:`,
      ...practices.map((practice): Paragraph => [
        `«${practice.title}»${practice.organisation ? ` — ${practice.organisation}` : ''}${practice.place ? `, ${practice.place}` : ''}${practice.area ? `\nAmbito: ${practice.area}` : ''}\n`,
        link(practice.url),
      ]),
      unsubscribeParagraph(unsubscribeLink),
    ],
  );
