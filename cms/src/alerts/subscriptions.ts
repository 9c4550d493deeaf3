import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { ALERT_SUBSCRIPTION, EMAIL_MESSAGE, INNOVATION_AREA, REGION } from '../access/content-types';
import { isValidEmail } from '../domain/contact-formats';
import type { FieldError } from '../domain/field-error';
import { refuseIfAny } from '../documents/validation-error';
import { ALERT_SUBJECT_PREFIX, alertConfirmation, criteriaPhrase } from '../email/alert-templates';
import { enqueueEmail } from '../email/outbox';
import { ALERT_ITEMS_TABLE, openDataTable } from '../open-data/tables';
import {
  alertSettings,
  confirmationMs,
  hashToken,
  newConfirmationToken,
  portalLink,
  subscriptionOfToken,
  unsubscribeToken,
} from './settings';
import { textOf } from '@coop/vocabulary/format';

export const PENDING = 'In attesa di conferma';
export const ACTIVE = 'Attiva';

export type StoredSubscription = {
  id: number;
  documentId: string;
  email: string;
  subscriptionStatus: typeof PENDING | typeof ACTIVE;
  areas: string[] | null;
  regions: string[] | null;
  pendingAreas: string[] | null;
  pendingRegions: string[] | null;
  confirmationTokenHash: string | null;
  confirmationExpiresAt: string | null;
  consentAt: string | null;
  confirmedAt: string | null;
  lastDigestAt: string | null;
};

export type SubscriptionInput = {
  email?: unknown;
  areas?: unknown;
  regions?: unknown;
  privacyAccepted?: unknown;
  homepage?: unknown;
};

type Named = { slug: string; name: string };

export const taxonomyNames = async (
  strapi: Core.Strapi,
): Promise<{ areas: Map<string, string>; regions: Map<string, string> }> => {
  const [areas, regions] = await Promise.all([
    strapi.db.query(INNOVATION_AREA).findMany({ select: ['slug', 'name'], orderBy: { position: 'asc' } }) as Promise<
      Named[]
    >,
    strapi.db.query(REGION).findMany({ select: ['slug', 'name'], orderBy: { name: 'asc' } }) as Promise<Named[]>,
  ]);
  return {
    areas: new Map(areas.map((area) => [area.slug, area.name])),
    regions: new Map(regions.map((region) => [region.slug, region.name])),
  };
};

/** "l’ambito «…», in la regione …" for a subscription's slugs, in the words of the e-mails. */
export const describeCriteria = async (strapi: Core.Strapi, areas: string[], regions: string[]): Promise<string> => {
  const names = await taxonomyNames(strapi);
  return criteriaPhrase(
    areas.map((slug) => names.areas.get(slug) ?? slug),
    regions.map((slug) => names.regions.get(slug) ?? slug),
  );
};

const slugList = (value: unknown): string[] | null => {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.every((item) => typeof item === 'string') ? [...new Set(list.map((item) => item.trim()))] : null;
};

/** The subscription as asked, or the fields to correct, each named. */
export const checkSubscription = async (
  strapi: Core.Strapi,
  input: SubscriptionInput,
): Promise<{ email: string; areas: string[]; regions: string[] }> => {
  const fieldErrors: FieldError[] = [];
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
  if (email === '')
    fieldErrors.push({ path: ['email'], message: 'E-mail: indicare l’indirizzo a cui ricevere gli avvisi' });
  else if (email.length > 254) fieldErrors.push({ path: ['email'], message: 'E-mail: al massimo 254 caratteri' });
  else if (!isValidEmail(email))
    fieldErrors.push({ path: ['email'], message: `E-mail: «${email}» non è un indirizzo valido` });

  const names = await taxonomyNames(strapi);
  const areas = slugList(input.areas);
  const regions = slugList(input.regions);
  if (areas === null || areas.some((slug) => !names.areas.has(slug)))
    fieldErrors.push({ path: ['areas'], message: 'Ambiti di innovazione: scegliere tra gli ambiti elencati' });
  if (regions === null || regions.some((slug) => !names.regions.has(slug)))
    fieldErrors.push({ path: ['regions'], message: 'Regioni: scegliere tra le regioni elencate' });
  if (areas && regions && areas.length === 0 && regions.length === 0)
    fieldErrors.push({ path: ['areas'], message: 'Ambiti di innovazione e regioni: sceglierne almeno uno' });
  if (input.privacyAccepted !== true)
    fieldErrors.push({
      path: ['privacyAccepted'],
      message: 'Privacy: occorre acconsentire al trattamento dell’indirizzo e-mail per ricevere gli avvisi',
    });
  refuseIfAny(fieldErrors);
  return { email, areas: areas ?? [], regions: regions ?? [] };
};

const subscriptionByEmail = async (strapi: Core.Strapi, email: string): Promise<StoredSubscription | null> =>
  (await strapi.db.query(ALERT_SUBSCRIPTION).findOne({ where: { email } })) as StoredSubscription | null;

/**
 * Stores what was asked and e-mails the link that confirms it (double opt-in). A new or still
 * unconfirmed subscription takes the new choice; an active one keeps its own until the change is
 * confirmed, so nobody changes another's alerts by knowing the address.
 */
export const requestSubscription = async (
  strapi: Core.Strapi,
  wanted: { email: string; areas: string[]; regions: string[] },
): Promise<void> => {
  const { token, hash } = newConfirmationToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + confirmationMs(strapi));
  await strapi.db.transaction(async () => {
    const existing = await subscriptionByEmail(strapi, wanted.email);
    const tokenFields = {
      confirmationTokenHash: hash,
      confirmationExpiresAt: expiresAt.toISOString(),
      consentAt: now.toISOString(),
    };
    let documentId: string;
    const change = existing?.subscriptionStatus === ACTIVE;
    if (!existing) {
      const created = await strapi.documents(ALERT_SUBSCRIPTION).create({
        data: {
          email: wanted.email,
          subscriptionStatus: PENDING,
          areas: wanted.areas,
          regions: wanted.regions,
          ...tokenFields,
        },
      } as never);
      documentId = created.documentId;
    } else {
      documentId = existing.documentId;
      await strapi.documents(ALERT_SUBSCRIPTION).update({
        documentId,
        data: change
          ? { pendingAreas: wanted.areas, pendingRegions: wanted.regions, ...tokenFields }
          : { areas: wanted.areas, regions: wanted.regions, ...tokenFields },
      } as never);
    }
    await enqueueEmail(
      strapi,
      alertConfirmation(
        wanted.email,
        await describeCriteria(strapi, wanted.areas, wanted.regions),
        portalLink(strapi, `/avvisi/conferma?token=${token}`),
        portalLink(strapi, `/avvisi/cancella?token=${unsubscribeToken(strapi, documentId)}`),
        alertSettings(strapi).confirmationDays,
        change,
      ),
    );
  });
};

/** Confirms a subscription (or a change of it) by the token its e-mail carried; returns what it now receives. */
export const confirmSubscription = async (strapi: Core.Strapi, token: unknown): Promise<{ criteria: string }> => {
  const found =
    typeof token === 'string' && token.length > 10 && token.length < 200
      ? ((await strapi.db.query(ALERT_SUBSCRIPTION).findOne({
          where: { confirmationTokenHash: hashToken(token), confirmationExpiresAt: { $gt: new Date().toISOString() } },
        })) as StoredSubscription | null)
      : null;
  if (!found) {
    throw new errors.ValidationError(
      'Conferma: il collegamento non è valido o è scaduto. Ripeti l’iscrizione per ricevere un nuovo collegamento.',
    );
  }
  const change = found.subscriptionStatus === ACTIVE && (found.pendingAreas || found.pendingRegions);
  const areas = change ? (found.pendingAreas ?? []) : (found.areas ?? []);
  const regions = change ? (found.pendingRegions ?? []) : (found.regions ?? []);
  await strapi.documents(ALERT_SUBSCRIPTION).update({
    documentId: found.documentId,
    data: {
      subscriptionStatus: ACTIVE,
      areas,
      regions,
      pendingAreas: null,
      pendingRegions: null,
      confirmationTokenHash: null,
      confirmationExpiresAt: null,
      confirmedAt: new Date().toISOString(),
    },
  } as never);
  return { criteria: await describeCriteria(strapi, areas, regions) };
};

/** Deletes the subscription the link names (and with it the address); true when there was one. */
export const unsubscribe = async (strapi: Core.Strapi, token: unknown): Promise<boolean> => {
  const documentId = typeof token === 'string' && token.length < 200 ? subscriptionOfToken(strapi, token) : null;
  if (!documentId) {
    throw new errors.ValidationError(
      'Cancellazione: il collegamento non è valido. Usa quello dell’ultima e-mail ricevuta.',
    );
  }
  const found = (await strapi.db.query(ALERT_SUBSCRIPTION).findOne({ where: { documentId }, select: ['id'] })) as {
    id: number;
  } | null;
  if (!found) return false;
  await strapi.documents(ALERT_SUBSCRIPTION).delete({ documentId } as never);
  return true;
};

/**
 * Whoever deletes a subscription (the subscriber, network staff, the retention), the address goes
 * entirely: the practices waiting for its digest and the alerts' e-mails to it in the e-mail log.
 */
export const alertSubscriptionMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ALERT_SUBSCRIPTION || context.action !== 'delete') return next();
    const { documentId } = context.params as { documentId?: string };
    if (!documentId) return next();
    return strapi.db.transaction(async ({ trx }) => {
      const subscription = (await strapi.db.query(ALERT_SUBSCRIPTION).findOne({
        where: { documentId },
        select: ['email'],
      })) as { email: string } | null;
      const result = await next();
      await openDataTable(strapi, ALERT_ITEMS_TABLE, trx as Knex.Transaction)
        .where({ subscription_document_id: documentId })
        .delete();
      if (subscription) {
        await strapi.db.query(EMAIL_MESSAGE).deleteMany({
          where: { to: subscription.email, subject: { $startsWith: ALERT_SUBJECT_PREFIX } },
        });
      }
      return result;
    });
  };

/** Unconfirmed subscriptions past their link's validity are deleted; an unconfirmed change is dropped. */
export const purgeUnconfirmedSubscriptions = async (strapi: Core.Strapi, now = Date.now()): Promise<number> => {
  const expired = (await strapi.db.query(ALERT_SUBSCRIPTION).findMany({
    where: { confirmationExpiresAt: { $lt: new Date(now).toISOString() } },
    select: ['documentId', 'subscriptionStatus'],
  })) as Pick<StoredSubscription, 'documentId' | 'subscriptionStatus'>[];
  let deleted = 0;
  for (const subscription of expired) {
    if (subscription.subscriptionStatus === PENDING) {
      await strapi.documents(ALERT_SUBSCRIPTION).delete({ documentId: subscription.documentId } as never);
      deleted += 1;
    } else {
      await strapi.documents(ALERT_SUBSCRIPTION).update({
        documentId: subscription.documentId,
        data: { pendingAreas: null, pendingRegions: null, confirmationTokenHash: null, confirmationExpiresAt: null },
      } as never);
    }
  }
  return deleted;
};

const csvCell = (value: unknown): string => {
  const text = textOf(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Every subscription as CSV, for network staff only (the route is on the staff list of the surface table). */
export const exportSubscriptions = async (strapi: Core.Strapi): Promise<string> => {
  const names = await taxonomyNames(strapi);
  const rows = (await strapi.db
    .query(ALERT_SUBSCRIPTION)
    .findMany({ orderBy: { email: 'asc' } })) as StoredSubscription[];
  const header = ['email', 'stato', 'ambiti', 'regioni', 'consenso_il', 'confermata_il', 'ultimo_avviso_il'];
  const lines = rows.map((row) =>
    [
      row.email,
      row.subscriptionStatus,
      (row.areas ?? []).map((slug) => names.areas.get(slug) ?? slug).join('; '),
      (row.regions ?? []).map((slug) => names.regions.get(slug) ?? slug).join('; '),
      row.consentAt ?? '',
      row.confirmedAt ?? '',
      row.lastDigestAt ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
};
