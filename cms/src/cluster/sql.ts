/** Rows of a `knex.raw` result: an array on SQLite, `{ rows }` on PostgreSQL. */
export const rowsOf = (result: unknown): Record<string, unknown>[] => {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
};

/** Rows a `knex.raw` statement changed: `rowCount` on PostgreSQL, `changes` on SQLite. */
export const changesOf = (result: unknown): number => {
  const value = result as { rowCount?: number; changes?: number } | null;
  return Number(value?.rowCount ?? value?.changes ?? 0);
};
