import type { Core } from '@strapi/strapi';
import { EMAIL_MESSAGE } from '../access/content-types';
import { isPostgres } from '../cluster/role';
import { columnOf, tableOf } from '../cluster/tables';

const QUEUED = 'In coda';

const columns = (strapi: Core.Strapi) => ({
  table: tableOf(strapi, EMAIL_MESSAGE),
  status: columnOf(strapi, EMAIL_MESSAGE, 'deliveryStatus'),
  nextAttemptAt: columnOf(strapi, EMAIL_MESSAGE, 'nextAttemptAt'),
  claimToken: columnOf(strapi, EMAIL_MESSAGE, 'claimToken'),
  leaseUntil: columnOf(strapi, EMAIL_MESSAGE, 'leaseUntil'),
});

/**
 * Claims up to `limit` due messages for one worker until `leaseUntil`: queued, due, and claimed
 * by nobody or by a worker whose lease ran out. On PostgreSQL the rows are locked with
 * `FOR UPDATE SKIP LOCKED`, so workers claiming at the same moment never take the same row;
 * SQLite runs one CMS process, whose claims cannot overlap. Returns the claimed rows' ids.
 */
export const claimDueEmails = async (
  strapi: Core.Strapi,
  token: string,
  leaseUntil: Date,
  limit: number,
): Promise<number[]> => {
  const c = columns(strapi);
  const now = new Date();
  const knex = strapi.db.connection;
  return knex.transaction(async (trx) => {
    const due = trx(c.table)
      .select('id')
      .where(c.status, QUEUED)
      .andWhere(c.nextAttemptAt, '<=', now)
      .andWhere((free) => {
        void free.whereNull(c.leaseUntil).orWhere(c.leaseUntil, '<', now);
      })
      .orderBy(c.nextAttemptAt, 'asc')
      .limit(limit);
    const schema = strapi.db.getSchemaName();
    if (schema) due.withSchema(schema);
    if (isPostgres(strapi)) due.forUpdate().skipLocked();
    const ids = ((await due) as { id: number }[]).map((row) => Number(row.id));
    if (ids.length === 0) return [];
    const update = trx(c.table)
      .whereIn('id', ids)
      .update({ [c.claimToken]: token, [c.leaseUntil]: leaseUntil });
    if (schema) update.withSchema(schema);
    await update;
    return ids;
  });
};

/**
 * Extends this worker's claim on one message just before it is handed to the SMTP server. False
 * when the message is no longer this worker's (another took it over after the lease) or no
 * longer queued: then it must not be sent again from here.
 */
export const renewClaim = async (
  strapi: Core.Strapi,
  id: number,
  token: string,
  leaseUntil: Date,
): Promise<boolean> => {
  const c = columns(strapi);
  const changed = await strapi.db
    .getConnection(c.table)
    .where({ id, [c.claimToken]: token, [c.status]: QUEUED })
    .update({ [c.leaseUntil]: leaseUntil });
  return Number(changed) === 1;
};
