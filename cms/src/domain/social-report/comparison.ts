/**
 * Last year's figures beside this year's fields in the admin. A figure of a table row is found by
 * the row's kind (its label columns), not by its position: rows may be added or reordered.
 */
export const ROW_KEYS: Record<string, readonly string[]> = {
  'governance.memberGroups': ['kind'],
  'governance.bodies': ['kind', 'name'],
  'people.staff': ['kind'],
  'people.volunteers': ['kind'],
  'workIntegration.disadvantagedWorkers': ['category'],
  'activities.beneficiaries': ['category'],
  'economics.revenues': ['kind', 'description'],
};

type Row = Record<string, unknown>;

/** A label column's value as text; a row's kind is made of strings and numbers only. */
const cellText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

const rowKey = (table: string, row: Row): string =>
  (ROW_KEYS[table] ?? []).map((column) => cellText(row[column]).trim().toLowerCase()).join(' | ');

/** "people.staff[dipendenti a tempo indeterminato].women" for a row's figure; "people.highestGrossPay" otherwise. */
export const figureKey = (
  path: string,
  rowOf: (tablePath: string, index: number) => Row | undefined,
): string | null => {
  const parts = path.split('.');
  if (parts.length === 2) return path;
  if (parts.length === 4 && /^\d+$/.test(parts[2] ?? '')) {
    const table = `${parts[0]}.${parts[1]}`;
    if (!ROW_KEYS[table]) return null;
    const row = rowOf(table, Number(parts[2]));
    return row ? `${table}[${rowKey(table, row)}].${parts[3]}` : null;
  }
  return null;
};

const asNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value)
    ? value
    : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())
      ? Number(value)
      : null;

/** Every figure of a report by its key: what last year's report gives beside this year's fields. */
export const figuresByKey = (report: Record<string, unknown>): Record<string, number> => {
  const figures: Record<string, number> = {};
  for (const [sectionName, section] of Object.entries(report)) {
    if (!section || typeof section !== 'object' || Array.isArray(section)) continue;
    for (const [field, value] of Object.entries(section as Row)) {
      if (field === 'id') continue;
      const table = `${sectionName}.${field}`;
      const number = asNumber(value);
      if (number !== null) figures[table] = number;
      if (!Array.isArray(value) || !ROW_KEYS[table]) continue;
      for (const row of value as Row[]) {
        for (const [column, cell] of Object.entries(row)) {
          const cellNumber = asNumber(cell);
          if (cellNumber !== null && column !== 'id' && !(ROW_KEYS[table] ?? []).includes(column)) {
            figures[`${table}[${rowKey(table, row)}].${column}`] = cellNumber;
          }
        }
      }
    }
  }
  return figures;
};
