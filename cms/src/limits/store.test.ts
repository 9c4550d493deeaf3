import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineRateLimitTable, RATE_LIMIT_TABLE } from '../cluster/tables';
import { createLimiterStore, type LimiterStore } from './store';

const rule = { name: 'prova', max: 3, windowSeconds: 60 };

describe('limiter store (SQLite)', () => {
  let db: Knex;
  let store: LimiterStore;

  beforeAll(async () => {
    db = knex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable(RATE_LIMIT_TABLE, defineRateLimitTable);
    store = createLimiterStore({
      raw: (sql, bindings) => db.raw(sql, bindings as Knex.RawBinding[]),
      dialect: 'sqlite',
      table: RATE_LIMIT_TABLE,
    });
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('lets max hits through per window and key, then says how long to wait', async () => {
    const verdicts = [];
    for (const at of [0, 1_000, 2_000, 3_000]) verdicts.push(await store.consume(rule, '203.0.113.7', at));
    expect(verdicts.map((verdict) => verdict.limited)).toEqual([false, false, false, true]);
    expect(verdicts[3]?.retryAfterSeconds).toBe(57);
    expect((await store.consume(rule, '198.51.100.9', 3_000)).limited).toBe(false);
    expect((await store.consume({ ...rule, name: 'altra' }, '203.0.113.7', 3_000)).limited).toBe(false);
    expect((await store.peek(rule, '203.0.113.7', 3_000)).limited).toBe(true);
    expect((await store.consume(rule, '203.0.113.7', 60_000)).hits).toBe(1);
  });

  it('counts every one of concurrent hits', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, () => store.consume({ ...rule, name: 'insieme', max: 10 }, 'x', 5_000)),
    );
    expect(verdicts.filter((verdict) => !verdict.limited)).toHaveLength(10);
    expect(Math.max(...verdicts.map((verdict) => verdict.hits))).toBe(40);
  });

  it('gives hits back and forgets a key on reset', async () => {
    const key = 'conto';
    await store.consume(rule, key, 10_000);
    await store.consume(rule, key, 10_000);
    await store.refund(rule, key, 10_000);
    expect((await store.peek(rule, key, 10_000)).hits).toBe(1);
    await store.reset(rule, key);
    expect((await store.peek(rule, key, 10_000)).hits).toBe(0);
  });

  it('prunes the counters of ended windows and keeps the others', async () => {
    await store.prune(Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < 100; i += 1) await store.consume(rule, `visitatore-${i}`, 100_000);
    await store.consume({ ...rule, windowSeconds: 3600 }, 'lungo', 100_000);
    expect(await store.size()).toBe(101);
    expect(await store.prune(160_000)).toBe(100);
    expect(await store.size()).toBe(1);
  });
});
