import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PRACTICE_CARD } from '../access/content-types';
import { PUBLIC_CHANGES_TABLE, openDataTable, type ChangeKind } from './tables';

type ChangeRow = {
  kind: ChangeKind;
  document_id: string;
  slug: string;
  title: string;
  organisation_name: string | null;
  present: boolean | number;
  first_public_at: number | string;
  changed_at: number | string;
};

const iso = (ms: number | string): string => new Date(Number(ms)).toISOString();

/** A date (`2026-03-01`) or a moment (`2026-03-01T10:00:00Z`) as ISO 8601 says it; else a 400 naming the parameter. */
export const parseSince = (value: unknown, parameter: string): number => {
  const given = typeof value === 'string' ? value.trim() : '';
  const valid = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(given);
  const at = valid ? Date.parse(given.length === 10 ? `${given}T00:00:00Z` : given.replace(' ', 'T')) : Number.NaN;
  if (!Number.isFinite(at)) {
    throw new errors.ValidationError(
      `${parameter}: «${given}» non è una data ISO 8601 (per esempio 2026-03-01 oppure 2026-03-01T10:00:00Z)`,
    );
  }
  return at;
};

/**
 * What changed in the published practices since a moment: cards published, edited or shown again
 * (also through their organisation or a taxonomy), and the ones withdrawn, as tombstones.
 */
export const practiceChangesSince = async (strapi: Core.Strapi, since: number) => {
  const until = Date.now();
  const rows = (await openDataTable(strapi, PUBLIC_CHANGES_TABLE)
    .where({ kind: 'pratica' })
    .andWhere('changed_at', '>=', since)
    .orderBy('changed_at', 'asc')) as ChangeRow[];
  return {
    since: iso(since),
    until: iso(until),
    changed: rows
      .filter((row) => Boolean(row.present))
      .map((row) => ({ documentId: row.document_id, slug: row.slug, changedAt: iso(row.changed_at) })),
    withdrawn: rows
      .filter((row) => !row.present)
      .map((row) => ({ documentId: row.document_id, slug: row.slug, withdrawnAt: iso(row.changed_at) })),
  };
};

const excerpt = (text: string, length = 300): string =>
  text.length > length ? `${text.slice(0, length - 1).replace(/\s+\S*$/, '')}…` : text;

/** The newest published practices and reports, newest first: what the portal's Atom feed lists. */
export const feedEntries = async (strapi: Core.Strapi, limit: number) => {
  const rows = (await openDataTable(strapi, PUBLIC_CHANGES_TABLE)
    .where({ present: true })
    .orderBy('first_public_at', 'desc')
    .limit(limit)) as ChangeRow[];
  const practiceIds = rows.filter((row) => row.kind === 'pratica').map((row) => row.document_id);
  const cards = (await strapi.db.query(PRACTICE_CARD).findMany({
    where: { documentId: { $in: practiceIds }, publishedAt: { $notNull: true } },
    select: ['documentId', 'description', 'publishedAt'],
    populate: { innovationArea: { select: ['name'] } },
  })) as { documentId: string; description: string; publishedAt: string; innovationArea: { name: string } | null }[];
  const byId = new Map(cards.map((card) => [card.documentId, card]));
  return rows.map((row) => {
    const card = byId.get(row.document_id);
    const [organisationSlug, year] = row.kind === 'bilancio' ? row.slug.split('/') : [];
    return {
      kind: row.kind,
      documentId: row.document_id,
      title: row.kind === 'bilancio' ? `${row.title} di ${row.organisation_name ?? ''}`.trim() : row.title,
      path: row.kind === 'pratica' ? `/pratiche/${row.slug}` : `/organizzazioni/${organisationSlug}/bilanci/${year}`,
      organisationName: row.organisation_name,
      category: row.kind === 'pratica' ? (card?.innovationArea?.name ?? null) : 'Bilancio sociale',
      summary:
        row.kind === 'pratica'
          ? excerpt(card?.description ?? '')
          : `${row.organisation_name ?? ''} ha pubblicato il bilancio sociale ${year ?? ''}.`.trim(),
      publishedAt: iso(row.first_public_at),
      updatedAt: row.kind === 'pratica' && card ? new Date(card.publishedAt).toISOString() : iso(row.changed_at),
    };
  });
};

/** Every published report, for the sitemap. */
export const publishedReportList = async (strapi: Core.Strapi) => {
  const rows = (await openDataTable(strapi, PUBLIC_CHANGES_TABLE)
    .where({ kind: 'bilancio', present: true })
    .orderBy('slug', 'asc')) as ChangeRow[];
  return rows.map((row) => {
    const [organisationSlug = '', year = ''] = row.slug.split('/');
    return {
      organisationSlug,
      organisationName: row.organisation_name,
      year: Number(year),
      publishedAt: iso(row.first_public_at),
      changedAt: iso(row.changed_at),
    };
  });
};
