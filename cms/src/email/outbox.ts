import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { EMAIL_MESSAGE as UID } from '../access/content-types';
import { instanceName, leaseMs } from '../cluster/role';
import { WorkerLoop } from '../cluster/worker-loop';
import { claimDueEmails, renewClaim } from './claims';
import { redactDelivered, redactTokens, restoreTokens } from './redaction';
import { cmsSettings } from '../settings';
import { emailService, type TransactionHooks } from '../strapi/services';

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

type StoredEmail = OutgoingEmail & {
  id: number;
  documentId: string;
  attempts: number;
  messageId: string | null;
  createdAt: string;
};

const settings = () => {
  const { email } = cmsSettings();
  return {
    intervalMs: email.retryIntervalSeconds * 1000,
    maxBackoffMs: email.retryMaxSeconds * 1000,
    batchSize: email.batchSize,
  };
};

/** Exponential backoff after a failed attempt: 10 s, 20 s, 40 s … up to the maximum. */
export const nextAttemptDelay = (attempts: number, maxBackoffMs: number): number =>
  Math.min(10_000 * 2 ** Math.max(0, attempts - 1), maxBackoffMs);

/** The sender's domain names the Message-IDs, as mail servers expect. */
const messageDomain = (strapi: Core.Strapi): string => {
  const from = String(strapi.config.get('plugin::email.settings.defaultFrom') ?? '');
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1];
  if (domain) return domain.toLowerCase();
  try {
    return new URL(String(strapi.config.get('server.url'))).hostname || 'piattaforma.local';
  } catch {
    return 'piattaforma.local';
  }
};

export const newMessageId = (strapi: Core.Strapi): string => `<${randomUUID()}@${messageDomain(strapi)}>`;

const send = async (strapi: Core.Strapi, stored: StoredEmail, messageId: string): Promise<void> => {
  // The log keeps invitation links without their token: it goes back in only on the way out.
  const email = await restoreTokens(strapi, stored);
  await emailService(strapi).send({
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html ? { html: email.html } : {}),
    // The same on every attempt: a message sent again after a crash is the same message.
    messageId,
    date: new Date(email.createdAt),
  });
};

/**
 * Delivers one claimed message. The claim is renewed just before the SMTP server gets it, so a
 * message another worker took over after this one's lease ran out is not sent from here too.
 */
const deliver = async (strapi: Core.Strapi, email: StoredEmail, token: string): Promise<void> => {
  if (!(await renewClaim(strapi, email.id, token, new Date(Date.now() + leaseMs(strapi))))) return;
  const messageId = email.messageId ?? newMessageId(strapi);
  if (!email.messageId) await strapi.db.query(UID).update({ where: { id: email.id }, data: { messageId } });
  try {
    await send(strapi, email, messageId);
  } catch (error) {
    const attempts = email.attempts + 1;
    await strapi.db.query(UID).update({
      where: { id: email.id, claimToken: token },
      data: {
        attempts,
        lastError: error instanceof Error ? error.message : String(error),
        nextAttemptAt: new Date(Date.now() + nextAttemptDelay(attempts, settings().maxBackoffMs)),
        claimToken: null,
        leaseUntil: null,
      },
    });
    strapi.log.warn(`E-mail ${messageId} to ${email.to} not sent (attempt ${attempts}), will retry: ${String(error)}`);
    return;
  }
  await strapi.db.query(UID).update({
    where: { id: email.id },
    data: {
      ...redactDelivered(email),
      deliveryStatus: 'Inviato',
      sentAt: new Date(),
      attempts: email.attempts + 1,
      lastError: null,
      claimToken: null,
      leaseUntil: null,
      deliveredBy: instanceName(strapi),
    },
  });
};

/** Claims a batch of due messages and delivers them one by one; true when more may be waiting. */
const deliverBatch = async (strapi: Core.Strapi): Promise<boolean> => {
  const { batchSize } = settings();
  const token = `${instanceName(strapi)}/${randomUUID()}`;
  const ids = await claimDueEmails(strapi, token, new Date(Date.now() + leaseMs(strapi)), batchSize);
  if (ids.length === 0) return false;
  const claimed = (await strapi.db.query(UID).findMany({
    where: { id: { $in: ids } },
    orderBy: { nextAttemptAt: 'asc' },
  })) as StoredEmail[];
  for (const email of claimed) await deliver(strapi, email, token);
  return ids.length === batchSize;
};

let outbox: WorkerLoop | undefined;

/**
 * Stores an e-mail; a worker sends it (at once when this process runs one). The message is kept
 * until the SMTP server takes it, so an SMTP failure delays a notification but never loses it
 * nor fails the caller. Called inside a transaction, it is stored with the change or not at all.
 */
export const enqueueEmail = async (strapi: Core.Strapi, email: OutgoingEmail): Promise<void> => {
  await strapi.documents(UID).create({
    data: {
      ...redactTokens(email),
      deliveryStatus: 'In coda',
      attempts: 0,
      nextAttemptAt: new Date().toISOString(),
      messageId: newMessageId(strapi),
    },
  } as never);
  if (strapi.db.inTransaction())
    await strapi.db.transaction(({ onCommit }: TransactionHooks) => {
      onCommit(() => outbox?.wake());
    });
  else outbox?.wake();
};

/** Delivers queued e-mails from this process; returns the function that stops it. */
export const startEmailOutbox = (strapi: Core.Strapi): (() => Promise<void>) => {
  let failing = false;
  const loop = new WorkerLoop(
    () => settings().intervalMs,
    async () => {
      const more = await deliverBatch(strapi);
      if (failing) strapi.log.info('E-mail: coda di nuovo raggiungibile');
      failing = false;
      return more;
    },
    (error) => {
      if (!failing) strapi.log.error(`E-mail outbox: ${String(error)}`);
      failing = true;
    },
  ).start();
  outbox = loop;
  return async () => {
    await loop.stop();
    if (outbox === loop) outbox = undefined;
  };
};
