import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EMAIL_MESSAGE, SEARCH_SYNC_TASK } from '../access/content-types';
import { isPostgres } from './role';

/** Shared limiter counters: one row per rule and key (hashed), kept until its window ends. */
export const RATE_LIMIT_TABLE = 'coop_rate_limits';
/** Which worker holds each indexed document, until when, and the last request it applied. */
export const SEARCH_CLAIM_TABLE = 'coop_search_claims';

export const tableOf = (strapi: Core.Strapi, uid: string): string =>
  (strapi.db.metadata.get(uid) as { tableName: string }).tableName;

export const columnOf = (strapi: Core.Strapi, uid: string, attribute: string): string => {
  const { attributes } = strapi.db.metadata.get(uid) as {
    attributes: Record<string, { columnName?: string }>;
  };
  return attributes[attribute]?.columnName ?? attribute;
};

export const defineRateLimitTable = (table: Knex.CreateTableBuilder): void => {
  table.string('bucket', 64).primary();
  table.integer('hits').notNullable();
  table.bigInteger('window_ends_at').notNullable().index(`${RATE_LIMIT_TABLE}_ends_idx`);
};

export const defineSearchClaimTable = (table: Knex.CreateTableBuilder): void => {
  table.string('index_uid', 64).notNullable();
  table.string('document_id', 64).notNullable();
  table.string('token', 255).nullable();
  table.bigInteger('lease_until').nullable();
  table.bigInteger('applied_sequence').notNullable().defaultTo(0);
  table.primary(['index_uid', 'document_id']);
};

/**
 * Creates the platform's own tables (Strapi leaves tables it did not create alone) and the
 * indexes the workers' queries need. Runs at every start, under the start-up lock.
 */
export const ensureClusterTables = async (strapi: Core.Strapi): Promise<void> => {
  // A schema builder collects statements: each use needs its own.
  const schema = () => strapi.db.getSchemaConnection();
  if (!(await schema().hasTable(RATE_LIMIT_TABLE))) {
    await schema().createTable(RATE_LIMIT_TABLE, defineRateLimitTable);
  }
  if (!(await schema().hasTable(SEARCH_CLAIM_TABLE))) {
    await schema().createTable(SEARCH_CLAIM_TABLE, defineSearchClaimTable);
  }
  if (isPostgres(strapi)) {
    // The due rows are a handful among every message ever sent: a partial index finds them at once.
    const emails = tableOf(strapi, EMAIL_MESSAGE);
    const status = columnOf(strapi, EMAIL_MESSAGE, 'deliveryStatus');
    const next = columnOf(strapi, EMAIL_MESSAGE, 'nextAttemptAt');
    const tasks = tableOf(strapi, SEARCH_SYNC_TASK);
    const qualified = (table: string): string => {
      const name = strapi.db.getSchemaName();
      return name ? `"${name}"."${table}"` : `"${table}"`;
    };
    await strapi.db.connection.raw(
      `CREATE INDEX IF NOT EXISTS coop_email_due_idx ON ${qualified(emails)} ("${next}") WHERE "${status}" = 'In coda'`,
    );
    await strapi.db.connection.raw(
      `CREATE INDEX IF NOT EXISTS coop_search_task_due_idx ON ${qualified(tasks)} ("${columnOf(strapi, SEARCH_SYNC_TASK, 'nextAttemptAt')}")`,
    );
  }
};
