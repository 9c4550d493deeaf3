import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ALERT_SUBSCRIPTION, PRACTICE_CARD } from '../access/content-types';
import { WorkerLoop } from '../cluster/worker-loop';
import { ACTIVE_STATUS } from '../domain/organisation-types';
import { alertDigest, type DigestPractice } from '../email/alert-templates';
import { enqueueEmail } from '../email/outbox';
import { ALERT_ITEMS_TABLE, ALERT_QUEUE_TABLE, openDataTable } from '../open-data/tables';
import { alertSettings, digestDelayMs, digestIntervalMs, portalLink, unsubscribeToken } from './settings';
import { ACTIVE, describeCriteria, type StoredSubscription } from './subscriptions';

const BATCH = 20;

type PublicCard = {
  documentId: string;
  slug: string;
  title: string;
  city: string | null;
  innovationArea: { slug: string; name: string } | null;
  province: { name: string; region: { slug: string; name: string } | null } | null;
  organisation: { name: string; platformStatus: string } | null;
};

/** Published cards of active organisations among these, with what an alert needs of them. */
const publicCards = async (strapi: Core.Strapi, documentIds: string[]): Promise<PublicCard[]> => {
  if (documentIds.length === 0) return [];
  const cards = (await strapi.db.query(PRACTICE_CARD).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true } },
    select: ['documentId', 'slug', 'title', 'city'],
    populate: {
      innovationArea: { select: ['slug', 'name'] },
      province: { select: ['name'], populate: { region: { select: ['slug', 'name'] } } },
      organisation: { select: ['name', 'platformStatus'] },
    },
  })) as PublicCard[];
  return cards.filter((card) => card.organisation?.platformStatus === ACTIVE_STATUS);
};

/** A subscription takes a practice of one of its areas (any, if it names none) in one of its regions (any, if none). */
export const matches = (subscription: Pick<StoredSubscription, 'areas' | 'regions'>, card: PublicCard): boolean => {
  const areas = subscription.areas ?? [];
  const regions = subscription.regions ?? [];
  if (areas.length === 0 && regions.length === 0) return false;
  const areaOk = areas.length === 0 || (card.innovationArea !== null && areas.includes(card.innovationArea.slug));
  const regionOk =
    regions.length === 0 || (card.province?.region != null && regions.includes(card.province.region.slug));
  return areaOk && regionOk;
};

/** Takes newly published practices off the queue (one worker each) and files them for the matching subscribers. */
const matchQueued = async (strapi: Core.Strapi): Promise<number> => {
  const queued = (await openDataTable(strapi, ALERT_QUEUE_TABLE)
    .select('card_document_id')
    .orderBy('queued_at')
    .limit(BATCH)) as {
    card_document_id: string;
  }[];
  for (const { card_document_id: cardId } of queued) {
    await strapi.db.transaction(async ({ trx }) => {
      const taken = await openDataTable(strapi, ALERT_QUEUE_TABLE, trx as Knex.Transaction)
        .where({ card_document_id: cardId })
        .delete();
      if (taken === 0) return;
      const [card] = await publicCards(strapi, [cardId]);
      if (!card) return;
      const subscriptions = (await strapi.db.query(ALERT_SUBSCRIPTION).findMany({
        where: { subscriptionStatus: ACTIVE },
        select: ['documentId', 'areas', 'regions'],
      })) as Pick<StoredSubscription, 'documentId' | 'areas' | 'regions'>[];
      const now = Date.now();
      const rows = subscriptions
        .filter((subscription) => matches(subscription, card))
        .map((subscription) => ({
          subscription_document_id: subscription.documentId,
          card_document_id: cardId,
          matched_at: now,
        }));
      for (let start = 0; start < rows.length; start += 200) {
        await openDataTable(strapi, ALERT_ITEMS_TABLE, trx as Knex.Transaction)
          .insert(rows.slice(start, start + 200))
          .onConflict(['subscription_document_id', 'card_document_id'])
          .ignore();
      }
    });
  }
  return queued.length;
};

const placeOf = (card: PublicCard): string | null =>
  [card.city, card.province ? card.province.name : null].filter(Boolean).join(', ') || null;

/**
 * Sends each subscriber whose practices have waited the delay, and who had no digest within the
 * interval, one digest of them. The digest is recorded with the subscriber's last digest time in
 * one transaction, and that time is only set if it is still the one read: two workers never both send.
 */
const sendDue = async (strapi: Core.Strapi): Promise<number> => {
  const now = Date.now();
  const due = await openDataTable(strapi, ALERT_ITEMS_TABLE)
    .select('subscription_document_id')
    .min({ first: 'matched_at' })
    .groupBy('subscription_document_id')
    .havingRaw<{ subscription_document_id: string }[]>('MIN(matched_at) <= ?', [now - digestDelayMs(strapi)]);
  let sent = 0;
  const notBefore = new Date(now - digestIntervalMs(strapi));
  for (const { subscription_document_id: documentId } of due) {
    const subscription = (await strapi.db.query(ALERT_SUBSCRIPTION).findOne({
      where: { documentId },
    })) as StoredSubscription | null;
    if (
      subscription &&
      subscription.subscriptionStatus === ACTIVE &&
      subscription.lastDigestAt &&
      new Date(subscription.lastDigestAt) > notBefore
    )
      continue;
    await strapi.db.transaction(async ({ trx }) => {
      const items = openDataTable(strapi, ALERT_ITEMS_TABLE, trx as Knex.Transaction);
      const waiting = await items
        .clone()
        .where({ subscription_document_id: documentId })
        .select<{ card_document_id: string }[]>('card_document_id');
      const ids = waiting.map((row) => row.card_document_id);
      if (!subscription || subscription.subscriptionStatus !== ACTIVE) {
        await items.clone().where({ subscription_document_id: documentId }).delete();
        return;
      }
      // Withdrawn meanwhile: not announced.
      const cards = await publicCards(strapi, ids);
      if (cards.length === 0) {
        await items.clone().where({ subscription_document_id: documentId }).whereIn('card_document_id', ids).delete();
        return;
      }
      const { count } = await strapi.db.query(ALERT_SUBSCRIPTION).updateMany({
        where: {
          id: subscription.id,
          $or: [{ lastDigestAt: { $null: true } }, { lastDigestAt: { $lte: notBefore.toISOString() } }],
        },
        data: { lastDigestAt: new Date(now).toISOString() },
      });
      if (count === 0) return;
      const practices: DigestPractice[] = cards
        .sort((a, b) => a.title.localeCompare(b.title, 'it'))
        .map((card) => ({
          title: card.title,
          area: card.innovationArea?.name ?? null,
          organisation: card.organisation?.name ?? null,
          place: placeOf(card),
          url: portalLink(strapi, `/pratiche/${card.slug}`),
        }));
      await enqueueEmail(
        strapi,
        alertDigest(
          subscription.email,
          await describeCriteria(strapi, subscription.areas ?? [], subscription.regions ?? []),
          practices,
          portalLink(strapi, `/avvisi/cancella?token=${unsubscribeToken(strapi, documentId)}`),
        ),
      );
      await items.clone().where({ subscription_document_id: documentId }).whereIn('card_document_id', ids).delete();
      sent += 1;
    });
  }
  return sent;
};

let loop: WorkerLoop | undefined;

/** Wakes this process's digest worker (a practice was published for the first time). */
export const wakeAlertDigests = (): void => loop?.wake();

/** Matches new practices with the subscriptions and sends the digests that are due; returns the function that stops it. */
export const startAlertDigests = (strapi: Core.Strapi): (() => Promise<void>) => {
  let failing = false;
  const worker = new WorkerLoop(
    () => alertSettings(strapi).checkIntervalSeconds * 1000,
    async () => {
      const matched = await matchQueued(strapi);
      await sendDue(strapi);
      failing = false;
      return matched === BATCH;
    },
    (error) => {
      if (!failing) strapi.log.error(`Avvisi delle pratiche: ${String(error)}`);
      failing = true;
    },
  ).start();
  loop = worker;
  return async () => {
    await worker.stop();
    if (loop === worker) loop = undefined;
  };
};
