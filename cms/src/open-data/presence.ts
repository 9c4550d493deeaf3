import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { PRACTICE_CARD, SOCIAL_REPORT } from '../access/content-types';
import { factsOfReport } from '../domain/observatory/facts';
import { ACTIVE_STATUS } from '../domain/organisation-types';
import { socialReports } from '../reports/social-report-document';
import {
  ALERT_QUEUE_TABLE,
  OBSERVATORY_FACTS_TABLE,
  PUBLIC_CHANGES_TABLE,
  openDataTable,
  type ChangeKind,
} from './tables';

type Public = { slug: string; title: string; organisationName: string | null };
type ChangeRow = { kind: ChangeKind; document_id: string; present: boolean | number };

/** The published version of a card while its organisation is active; null when the public does not see it. */
const publicPractice = async (strapi: Core.Strapi, documentId: string): Promise<Public | null> => {
  const card = (await strapi.db.query(PRACTICE_CARD).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['slug', 'title'],
    populate: { organisation: { select: ['name', 'platformStatus'] } },
  })) as { slug: string; title: string; organisation: { name: string; platformStatus: string } | null } | null;
  if (!card || card.organisation?.platformStatus !== ACTIVE_STATUS) return null;
  return { slug: card.slug, title: card.title, organisationName: card.organisation.name };
};

type ReportHead = {
  documentId: string;
  year: number;
  stage: string;
  updatedAt: string;
  organisation: {
    documentId: string;
    name: string;
    slug: string;
    platformStatus: string;
    province: { code: string } | null;
  } | null;
};

const reportHead = async (strapi: Core.Strapi, documentId: string): Promise<ReportHead | null> =>
  (await strapi.db.query(SOCIAL_REPORT).findOne({
    where: { documentId },
    select: ['documentId', 'year', 'stage', 'updatedAt'],
    populate: {
      organisation: {
        select: ['documentId', 'name', 'slug', 'platformStatus'],
        populate: { province: { select: ['code'] } },
      },
    },
  })) as ReportHead | null;

const isPublished = (
  head: ReportHead | null,
): head is ReportHead & { organisation: NonNullable<ReportHead['organisation']> } =>
  head?.stage === 'Pubblicato' && head.organisation?.platformStatus === ACTIVE_STATUS;

const changeRow = async (strapi: Core.Strapi, trx: Knex.Transaction, kind: ChangeKind, documentId: string) =>
  (await openDataTable(strapi, PUBLIC_CHANGES_TABLE, trx).where({ kind, document_id: documentId }).first()) as
    ChangeRow | undefined;

/**
 * Records what the public now sees of an item: present (first time or again, with `changed_at` now)
 * or withdrawn (a tombstone, if it was present). Returns true when the item is public for the first time.
 */
const recordPresence = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  kind: ChangeKind,
  documentId: string,
  seen: Public | null,
  now: number,
): Promise<boolean> => {
  const row = await changeRow(strapi, trx, kind, documentId);
  if (seen) {
    const values = {
      slug: seen.slug,
      title: seen.title,
      organisation_name: seen.organisationName,
      present: true,
      changed_at: now,
    };
    if (row)
      await openDataTable(strapi, PUBLIC_CHANGES_TABLE, trx).where({ kind, document_id: documentId }).update(values);
    else {
      await openDataTable(strapi, PUBLIC_CHANGES_TABLE, trx).insert({
        kind,
        document_id: documentId,
        first_public_at: now,
        ...values,
      });
    }
    return !row;
  }
  if (row && Boolean(row.present)) {
    await openDataTable(strapi, PUBLIC_CHANGES_TABLE, trx)
      .where({ kind, document_id: documentId })
      .update({ present: false, changed_at: now });
  }
  return false;
};

/** After a write: a card's presence; a card public for the first time waits for the alerts. */
export const refreshPractice = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  documentId: string,
  now = Date.now(),
): Promise<boolean> => {
  const seen = await publicPractice(strapi, documentId);
  const first = await recordPresence(strapi, trx, 'pratica', documentId, seen, now);
  if (first) {
    await openDataTable(strapi, ALERT_QUEUE_TABLE, trx)
      .insert({ card_document_id: documentId, queued_at: now })
      .onConflict('card_document_id')
      .ignore();
  }
  return first;
};

/** The observatory's facts of a published report, kept in step with it. */
const writeFacts = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  head: ReportHead & { organisation: NonNullable<ReportHead['organisation']> },
) => {
  const report = await socialReports(strapi).findWithSections(head.documentId);
  if (!report) return;
  const facts = factsOfReport(report, head.organisation.documentId, head.organisation.province?.code ?? null);
  const row = {
    report_document_id: head.documentId,
    organisation_document_id: head.organisation.documentId,
    year: head.year,
    facts: JSON.stringify(facts),
    report_updated_at: new Date(head.updatedAt).getTime(),
    written_at: Date.now(),
  };
  await openDataTable(strapi, OBSERVATORY_FACTS_TABLE, trx)
    .insert(row)
    .onConflict('report_document_id')
    .merge(['organisation_document_id', 'year', 'facts', 'report_updated_at', 'written_at']);
};

/** After a write: a report's presence on the portal and its figures in the observatory. */
export const refreshReport = async (
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  documentId: string,
  now = Date.now(),
): Promise<void> => {
  const head = await reportHead(strapi, documentId);
  if (isPublished(head)) {
    await writeFacts(strapi, trx, head);
    await recordPresence(
      strapi,
      trx,
      'bilancio',
      documentId,
      {
        slug: `${head.organisation.slug}/${head.year}`,
        title: `Bilancio sociale ${head.year}`,
        organisationName: head.organisation.name,
      },
      now,
    );
    return;
  }
  await openDataTable(strapi, OBSERVATORY_FACTS_TABLE, trx).where({ report_document_id: documentId }).delete();
  await recordPresence(strapi, trx, 'bilancio', documentId, null, now);
};

/** Cards and reports of an organisation (its presence decides theirs). */
export const itemsOfOrganisation = async (strapi: Core.Strapi, documentId: string) => {
  const [cards, reports] = await Promise.all([
    strapi.db.query(PRACTICE_CARD).findMany({ where: { organisation: { documentId } }, select: ['documentId'] }),
    strapi.db.query(SOCIAL_REPORT).findMany({ where: { organisation: { documentId } }, select: ['documentId'] }),
  ]);
  return {
    practices: (cards as { documentId: string }[]).map((card) => card.documentId),
    reports: (reports as { documentId: string }[]).map((report) => report.documentId),
  };
};

/**
 * At start: every public card and report has its row, every row that says present still is, and
 * every published report has its current facts. Brings the open data in step with data written
 * before this code existed (or by hand); nothing found here is new to the alerts.
 */
export const reconcileOpenData = async (strapi: Core.Strapi): Promise<{ practices: number; reports: number }> => {
  const trxRun = <T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.transaction(async ({ trx }) => work(trx as Knex.Transaction)) as Promise<T>;
  const published = (await strapi.db.query(PRACTICE_CARD).findMany({
    where: { publishedAt: { $notNull: true }, organisation: { platformStatus: ACTIVE_STATUS } },
    select: ['documentId', 'publishedAt'],
  })) as { documentId: string; publishedAt: string }[];
  const rows = await openDataTable(strapi, PUBLIC_CHANGES_TABLE).select<ChangeRow[]>('kind', 'document_id', 'present');
  const known = new Map(rows.map((row) => [`${row.kind}:${row.document_id}`, Boolean(row.present)]));
  let practices = 0;
  const publicCards = new Set(published.map((card) => card.documentId));
  for (const card of published) {
    if (known.get(`pratica:${card.documentId}`) === true) continue;
    practices += 1;
    await trxRun(async (trx) => {
      // Already public before the log existed: recorded without alerting anyone.
      if (!known.has(`pratica:${card.documentId}`)) {
        const seen = await publicPractice(strapi, card.documentId);
        if (seen) {
          const at = new Date(card.publishedAt).getTime();
          await openDataTable(strapi, PUBLIC_CHANGES_TABLE, trx).insert({
            kind: 'pratica',
            document_id: card.documentId,
            slug: seen.slug,
            title: seen.title,
            organisation_name: seen.organisationName,
            present: true,
            first_public_at: at,
            changed_at: at,
          });
        }
      } else await refreshPractice(strapi, trx, card.documentId);
    });
  }
  for (const row of rows) {
    if (row.kind === 'pratica' && Boolean(row.present) && !publicCards.has(row.document_id)) {
      practices += 1;
      await trxRun((trx) => refreshPractice(strapi, trx, row.document_id));
    }
  }

  const reportHeads = (await strapi.db.query(SOCIAL_REPORT).findMany({
    where: { stage: 'Pubblicato' },
    select: ['documentId', 'updatedAt'],
  })) as { documentId: string; updatedAt: string }[];
  const facts = await openDataTable(strapi, OBSERVATORY_FACTS_TABLE).select<
    { report_document_id: string; report_updated_at: number | string }[]
  >('report_document_id', 'report_updated_at');
  const factsAt = new Map(facts.map((row) => [row.report_document_id, Number(row.report_updated_at)]));
  const candidates = new Set<string>();
  for (const head of reportHeads) {
    if (
      factsAt.get(head.documentId) !== new Date(head.updatedAt).getTime() ||
      known.get(`bilancio:${head.documentId}`) !== true
    )
      candidates.add(head.documentId);
  }
  const publishedReports = new Set(reportHeads.map((head) => head.documentId));
  for (const id of factsAt.keys()) if (!publishedReports.has(id)) candidates.add(id);
  for (const row of rows)
    if (row.kind === 'bilancio' && Boolean(row.present) && !publishedReports.has(row.document_id))
      candidates.add(row.document_id);
  for (const id of candidates) await trxRun((trx) => refreshReport(strapi, trx, id));
  return { practices, reports: candidates.size };
};
