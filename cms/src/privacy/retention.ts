import type { Core } from '@strapi/strapi';
import { EMAIL_MESSAGE, REGISTRATION_REQUEST } from '../access/content-types';
import { purgeUnconfirmedSubscriptions } from '../alerts/subscriptions';
import { hasTokenInClear, redactTokens } from '../email/redaction';
import { daysBefore, privacySettings } from './settings';

/**
 * Deletes what the privacy notice says is kept no longer: registration requests closed for longer
 * than the period (rejected, or approved for an organisation no longer on the platform), and sent
 * e-mails older than theirs. Queued e-mails and pending requests stay.
 */
export const purgeExpiredRecords = async (
  strapi: Core.Strapi,
  now = Date.now(),
): Promise<{ requests: number; emails: number; subscriptions: number }> => {
  const { retention } = privacySettings(strapi);
  const closedBefore = daysBefore(retention.closedRequestDays, now).toISOString();
  const closed = (await strapi.db.query(REGISTRATION_REQUEST).findMany({
    where: {
      reviewedAt: { $lt: closedBefore },
      $or: [{ requestStatus: 'Respinta' }, { requestStatus: 'Approvata', organisation: { id: { $null: true } } }],
    },
    select: ['documentId'],
  })) as { documentId: string }[];
  // Through the Document Service, so the Responsabile's contact (a component) goes too.
  for (const { documentId } of closed) await strapi.documents(REGISTRATION_REQUEST).delete({ documentId } as never);
  const emails = await strapi.db.query(EMAIL_MESSAGE).deleteMany({
    where: { deliveryStatus: 'Inviato', sentAt: { $lt: daysBefore(retention.sentEmailDays, now).toISOString() } },
  });
  const subscriptions = await purgeUnconfirmedSubscriptions(strapi, now);
  return { requests: closed.length, emails: emails.count, subscriptions };
};

/** Messages stored before tokens were redacted lose them (the outbox restores a queued one's on sending). */
export const redactStoredTokens = async (strapi: Core.Strapi): Promise<number> => {
  const stored = (await strapi.db.query(EMAIL_MESSAGE).findMany({
    where: { text: { $contains: 'registrationToken=' } },
    select: ['id', 'text', 'html'],
  })) as { id: number; text: string; html: string | null }[];
  const inClear = stored.filter((email) => hasTokenInClear(email.text) || hasTokenInClear(email.html));
  for (const email of inClear) {
    const { text, html } = redactTokens({ text: email.text, html: email.html ?? undefined });
    await strapi.db.query(EMAIL_MESSAGE).update({ where: { id: email.id }, data: { text, html: html ?? null } });
  }
  return inClear.length;
};

/** At start and then every `RETENTION_INTERVAL_SECONDS` (an hour); returns the function that stops it. */
export const startRetention = (strapi: Core.Strapi): (() => void) => {
  let running = false;
  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      const purged = await purgeExpiredRecords(strapi);
      if (purged.requests + purged.emails + purged.subscriptions > 0) {
        strapi.log.info(
          `Retention: deleted ${purged.requests} registration requests, ${purged.emails} sent e-mails, ${purged.subscriptions} unconfirmed alert subscriptions`,
        );
      }
    } catch (error) {
      strapi.log.error(`Retention: ${String(error)}`);
    } finally {
      running = false;
    }
  };
  void redactStoredTokens(strapi)
    .catch((error: unknown) => strapi.log.error(`E-mail log redaction: ${String(error)}`))
    .then(run);
  const timer = setInterval(() => void run(), privacySettings(strapi).purgeIntervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
};
