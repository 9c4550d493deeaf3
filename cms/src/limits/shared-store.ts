import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { RATE_LIMIT_TABLE } from '../cluster/tables';
import { createLimiterStore, type LimiterStore } from './store';

const stores = new WeakMap<Core.Strapi, LimiterStore>();

/** The limiter store on the CMS's database, outside any transaction of the request. */
export const limiterStore = (strapi: Core.Strapi): LimiterStore => {
  const existing = stores.get(strapi);
  if (existing) return existing;
  const schema = strapi.db.getSchemaName();
  const store = createLimiterStore({
    raw: (sql, bindings) => strapi.db.connection.raw(sql, bindings as Knex.RawBinding[]),
    dialect: strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite',
    table: schema ? `${schema}.${RATE_LIMIT_TABLE}` : RATE_LIMIT_TABLE,
  });
  stores.set(strapi, store);
  return store;
};

/** Deletes ended counters every minute; returns the function that stops it. */
export const startLimitPruning = (strapi: Core.Strapi): (() => void) => {
  const timer = setInterval(() => {
    limiterStore(strapi)
      .prune()
      .catch((error: unknown) => strapi.log.warn(`Limiti: pulizia dei contatori rimandata (${String(error)})`));
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
};
