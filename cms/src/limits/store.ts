import { createHash } from 'node:crypto';
import { changesOf, rowsOf } from '../cluster/sql';

/** What the store needs of the database: knex's `raw`, the dialect and where its table is. */
export type LimitDatabase = {
  raw: (sql: string, bindings: readonly unknown[]) => Promise<unknown>;
  dialect: 'postgres' | 'sqlite';
  /** The table, schema-qualified where needed (`schema.table`). */
  table: string;
};

export type LimitRule = {
  /** Tells the counters of different limits apart. */
  name: string;
  max: number;
  windowSeconds: number;
};

export type Verdict = { limited: boolean; hits: number; retryAfterSeconds: number };

/** Keys hold addresses and e-mails: only their hash is stored, and every row has the same size. */
const bucketOf = (rule: LimitRule, key: string): string =>
  createHash('sha256').update(`${rule.name}\n${key}`).digest('hex');

/**
 * Fixed-window counters kept in the database, so that every CMS instance counts against the same
 * limit. Each hit is one atomic upsert: concurrent hits on any instance are all counted. A
 * window starts with its first hit; rows of ended windows are deleted by `prune`.
 */
export const createLimiterStore = (db: LimitDatabase) => {
  const table = db.table;

  const consume = async (rule: LimitRule, key: string, now = Date.now()): Promise<Verdict> => {
    const endsAt = now + rule.windowSeconds * 1000;
    const short = table.split('.').at(-1) ?? table;
    const result = await db.raw(
      `INSERT INTO ?? (bucket, hits, window_ends_at) VALUES (?, 1, ?)
       ON CONFLICT (bucket) DO UPDATE SET
         hits = CASE WHEN ??.window_ends_at <= ? THEN 1 ELSE ??.hits + 1 END,
         window_ends_at = CASE WHEN ??.window_ends_at <= ? THEN excluded.window_ends_at ELSE ??.window_ends_at END
       RETURNING hits, window_ends_at`,
      [table, bucketOf(rule, key), endsAt, short, now, short, short, now, short],
    );
    const [row] = rowsOf(result);
    const hits = Number(row?.hits ?? 1);
    const windowEndsAt = Number(row?.window_ends_at ?? endsAt);
    const limited = hits > rule.max;
    return { limited, hits, retryAfterSeconds: limited ? Math.max(1, Math.ceil((windowEndsAt - now) / 1000)) : 0 };
  };

  /** How the key stands without counting a hit: limited once the window holds `max` hits. */
  const peek = async (rule: LimitRule, key: string, now = Date.now()): Promise<Verdict> => {
    const [row] = rowsOf(
      await db.raw(`SELECT hits, window_ends_at FROM ?? WHERE bucket = ? AND window_ends_at > ?`, [
        table,
        bucketOf(rule, key),
        now,
      ]),
    );
    const hits = Number(row?.hits ?? 0);
    const limited = hits >= rule.max;
    const retryAfterSeconds = limited ? Math.max(1, Math.ceil((Number(row?.window_ends_at) - now) / 1000)) : 0;
    return { limited, hits, retryAfterSeconds };
  };

  /** Gives back one hit (a request that turned out not to count). */
  const refund = async (rule: LimitRule, key: string, now = Date.now()): Promise<void> => {
    await db.raw(`UPDATE ?? SET hits = hits - 1 WHERE bucket = ? AND hits > 0 AND window_ends_at > ?`, [
      table,
      bucketOf(rule, key),
      now,
    ]);
  };

  const reset = async (rule: LimitRule, key: string): Promise<void> => {
    await db.raw(`DELETE FROM ?? WHERE bucket = ?`, [table, bucketOf(rule, key)]);
  };

  /** Deletes the counters of ended windows; returns how many. */
  const prune = async (now = Date.now()): Promise<number> =>
    changesOf(await db.raw(`DELETE FROM ?? WHERE window_ends_at <= ?`, [table, now]));

  const size = async (): Promise<number> => {
    const [row] = rowsOf(await db.raw(`SELECT COUNT(*) AS count FROM ??`, [table]));
    return Number(row?.count ?? 0);
  };

  return { consume, peek, refund, reset, prune, size };
};

export type LimiterStore = ReturnType<typeof createLimiterStore>;
