import type { Core } from '@strapi/strapi';
import type { OutgoingEmail } from './outbox';

/**
 * The e-mail log never keeps an invitation's token: a stored message says `[riservato]` where the
 * link's token was, and the token is put back only on the way to the SMTP server, read from the
 * account it belongs to (the recipient's). A link already used, or renewed since, gets the
 * account's current token or none.
 */
export const REDACTED_TOKEN = '[riservato]';

const TOKEN_IN_LINK = /(registrationToken=)(?!\[riservato\])[^\s"'<>&]+/g;
const REDACTED_LINK = `registrationToken=${REDACTED_TOKEN}`;

const redact = (text: string): string => text.replace(TOKEN_IN_LINK, `$1${REDACTED_TOKEN}`);

export const hasTokenInClear = (text: string | null | undefined): boolean =>
  typeof text === 'string' && new RegExp(TOKEN_IN_LINK.source).test(text);

/** The message as the log keeps it. */
export const redactTokens = <T extends Pick<OutgoingEmail, 'text' | 'html'>>(email: T): T => ({
  ...email,
  text: redact(email.text),
  ...(email.html ? { html: redact(email.html) } : {}),
});

/** The message as it is sent: the recipient's current registration token back in its link. */
export const restoreTokens = async <T extends OutgoingEmail>(strapi: Core.Strapi, email: T): Promise<T> => {
  if (!email.text.includes(REDACTED_LINK) && !email.html?.includes(REDACTED_LINK)) return email;
  const account = (await strapi.db.query('admin::user').findOne({
    where: { email: email.to.toLowerCase() },
    select: ['registrationToken'],
  })) as { registrationToken: string | null } | null;
  const token = account?.registrationToken;
  if (!token) return email;
  const restore = (text: string): string => text.split(REDACTED_LINK).join(`registrationToken=${token}`);
  return { ...email, text: restore(email.text), ...(email.html ? { html: restore(email.html) } : {}) };
};

/**
 * Links whose token the CMS cannot put back (an alert's confirmation token is stored only as a
 * hash): the message is sent with it, and the log forgets it once the SMTP server has the message.
 */
const SENT_ONCE_TOKEN = /(\/avvisi\/(?:conferma|cancella)\?token=)(?!\[riservato\])[^\s"'<>&]+/g;

const redactSentOnce = (text: string): string => text.replace(SENT_ONCE_TOKEN, `$1${REDACTED_TOKEN}`);

/** What the log keeps of a message once it has been delivered. */
export const redactDelivered = <T extends Pick<OutgoingEmail, 'text'> & { html?: string | null }>(
  email: T,
): { text: string; html?: string } => ({
  text: redactSentOnce(email.text),
  ...(email.html ? { html: redactSentOnce(email.html) } : {}),
});
