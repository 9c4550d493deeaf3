import type { Core } from '@strapi/strapi';
import { redactTokens, restoreTokens } from './redaction';

const UID = 'api::email-message.email-message';

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

type StoredEmail = OutgoingEmail & { documentId: string; attempts: number };

const settings = () => ({
  intervalMs: Number(process.env.EMAIL_RETRY_INTERVAL_SECONDS ?? 10) * 1000,
  maxBackoffMs: Number(process.env.EMAIL_RETRY_MAX_SECONDS ?? 900) * 1000,
});

/** Exponential backoff after a failed attempt: 10 s, 20 s, 40 s … up to the maximum. */
export const nextAttemptDelay = (attempts: number, maxBackoffMs: number): number =>
  Math.min(10_000 * 2 ** Math.max(0, attempts - 1), maxBackoffMs);

let delivering: Promise<void> | null = null;

const deliverDue = async (strapi: Core.Strapi): Promise<void> => {
  const due = (await strapi.documents(UID).findMany({
    filters: { deliveryStatus: 'In coda', nextAttemptAt: { $lte: new Date().toISOString() } },
    sort: 'nextAttemptAt:asc',
    limit: 20,
  } as never)) as unknown as StoredEmail[];
  for (const stored of due) {
    const email = await restoreTokens(strapi, stored);
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to: email.to,
          subject: email.subject,
          text: email.text,
          ...(email.html ? { html: email.html } : {}),
        });
      await strapi.documents(UID).update({
        documentId: email.documentId,
        data: {
          deliveryStatus: 'Inviato',
          sentAt: new Date().toISOString(),
          attempts: email.attempts + 1,
          lastError: null,
        },
      } as never);
    } catch (error) {
      const attempts = email.attempts + 1;
      await strapi.documents(UID).update({
        documentId: email.documentId,
        data: {
          attempts,
          lastError: error instanceof Error ? error.message : String(error),
          nextAttemptAt: new Date(Date.now() + nextAttemptDelay(attempts, settings().maxBackoffMs)).toISOString(),
        },
      } as never);
      strapi.log.warn(`E-mail to ${email.to} not sent (attempt ${attempts}), will retry: ${String(error)}`);
    }
  }
};

/** Sends what is due, one run at a time; a run asked for during another follows it. */
export const deliverQueuedEmails = (strapi: Core.Strapi): Promise<void> => {
  delivering = (delivering ?? Promise.resolve())
    .then(() => deliverDue(strapi))
    .catch((error: unknown) => {
      strapi.log.error(`E-mail outbox: ${String(error)}`);
    });
  return delivering;
};

/**
 * Stores an e-mail and tries to send it at once. The message is kept until the SMTP server takes
 * it, so an SMTP failure delays a notification but never loses it nor fails the caller.
 */
export const enqueueEmail = async (strapi: Core.Strapi, email: OutgoingEmail): Promise<void> => {
  await strapi.documents(UID).create({
    data: { ...redactTokens(email), deliveryStatus: 'In coda', attempts: 0, nextAttemptAt: new Date().toISOString() },
  } as never);
  void deliverQueuedEmails(strapi);
};

/** Retries queued e-mails periodically; returns the function that stops it. */
export const startEmailOutbox = (strapi: Core.Strapi): (() => void) => {
  const timer = setInterval(() => void deliverQueuedEmails(strapi), settings().intervalMs);
  timer.unref();
  void deliverQueuedEmails(strapi);
  return () => clearInterval(timer);
};
