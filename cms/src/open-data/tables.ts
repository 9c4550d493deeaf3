import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * What the public could see and since when: one row per practice card and per social report that
 * has ever been public, with whether it still is. A row that is no longer present is the item's
 * tombstone in the open data's changes.
 */
export const PUBLIC_CHANGES_TABLE = 'coop_public_changes';
/** The observatory's figures of each published report (see `domain/observatory/facts.ts`). */
export const OBSERVATORY_FACTS_TABLE = 'coop_observatory_facts';
/** Practices published for the first time, waiting to be matched with the alert subscriptions. */
export const ALERT_QUEUE_TABLE = 'coop_alert_queue';
/** Practices matched with a subscription, waiting for the subscriber's next digest. */
export const ALERT_ITEMS_TABLE = 'coop_alert_items';

export type ChangeKind = 'pratica' | 'bilancio';

const definitions: Record<string, (table: Knex.CreateTableBuilder) => void> = {
  [PUBLIC_CHANGES_TABLE]: (table) => {
    table.string('kind', 16).notNullable();
    table.string('document_id', 64).notNullable();
    table.string('slug', 400).notNullable();
    table.string('title', 400).notNullable();
    table.string('organisation_name', 300).nullable();
    table.boolean('present').notNullable();
    table.bigInteger('first_public_at').notNullable();
    table.bigInteger('changed_at').notNullable().index(`${PUBLIC_CHANGES_TABLE}_changed_idx`);
    table.primary(['kind', 'document_id']);
  },
  [OBSERVATORY_FACTS_TABLE]: (table) => {
    table.string('report_document_id', 64).primary();
    table.string('organisation_document_id', 64).notNullable();
    table.integer('year').notNullable();
    table.text('facts').notNullable();
    table.bigInteger('report_updated_at').notNullable();
    // When the row was last written: with the count, the version of the observatory's figures.
    table.bigInteger('written_at').notNullable().defaultTo(0);
  },
  [ALERT_QUEUE_TABLE]: (table) => {
    table.string('card_document_id', 64).primary();
    table.bigInteger('queued_at').notNullable();
  },
  [ALERT_ITEMS_TABLE]: (table) => {
    table.string('subscription_document_id', 64).notNullable();
    table.string('card_document_id', 64).notNullable();
    table.bigInteger('matched_at').notNullable();
    table.primary(['subscription_document_id', 'card_document_id']);
  },
};

/** Creates the open data's own tables when missing; at every start, under the start-up lock. */
export const ensureOpenDataTables = async (strapi: Core.Strapi): Promise<void> => {
  // A schema builder runs once: a new one for each statement.
  const schema = () => strapi.db.getSchemaConnection();
  for (const [name, define] of Object.entries(definitions)) {
    if (!(await schema().hasTable(name))) await schema().createTable(name, define);
  }
  // Tables made before the observatory kept its version.
  if (!(await schema().hasColumn(OBSERVATORY_FACTS_TABLE, 'written_at'))) {
    await schema().alterTable(OBSERVATORY_FACTS_TABLE, (table) =>
      table.bigInteger('written_at').notNullable().defaultTo(0),
    );
  }
};

/** A query on one of these tables, in the transaction under way if there is one. */
export const openDataTable = (strapi: Core.Strapi, name: string, trx?: Knex.Transaction): Knex.QueryBuilder => {
  const schema = strapi.db.getSchemaName();
  const base = trx ?? strapi.db.connection;
  return schema ? base.withSchema(schema).table(name) : base.table(name);
};
