/**
 * The observatory's data: tables of figures from the published social reports, as the CMS builds
 * them (`GET /api/observatory`), with the small-group rule already applied there: a hidden figure
 * never reaches the portal. This module reads them through the cache and formats them.
 */
import { cachedAnswer } from './cache/index.ts';
import { typeTag } from './cache/tags.ts';
import { config } from './config.ts';
import { CmsUnavailableError } from './errors.ts';

export type Unit = 'count' | 'people' | 'euro' | 'percent' | 'ratio';
export type SuppressionReason = 'small-group' | 'difference' | 'complementary';
export type Cell = { value: number | null; organisations: number; suppressed: SuppressionReason | null };
export type Column = { key: string; label: string; unit: Unit };
export type Row = { key: string; label: string; total?: boolean; cells: Record<string, Cell> };
export type Table = {
  id: string;
  title: string;
  description: string;
  rowHeader: string;
  columns: Column[];
  rows: Row[];
};

export type ObservatoryData = {
  years: number[];
  selection: { year: number; region: string | null; province: string | null; type: string | null } | null;
  options: {
    regions: { slug: string; name: string }[];
    provinces: { code: string; name: string; region: string | null }[];
    types: { slug: string; name: string }[];
  };
  minGroup: number;
  notes: Record<SuppressionReason, string>;
  tables: Table[];
};

/** A selection the CMS refused (an unknown region, a year without reports…), with its message. */
export class InvalidSelectionError extends Error {
  override name = 'InvalidSelectionError';
}

export type Filters = { anno?: string; regione?: string; provincia?: string; tipo?: string };
export const FILTER_NAMES = ['anno', 'regione', 'provincia', 'tipo'] as const;

/** The filters of a page's address: only the four the observatory knows, trimmed, each once. */
export const filtersOf = (url: URL): Filters => {
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = url.searchParams.get(name)?.trim();
    if (value) filters[name] = value.slice(0, 100);
  }
  return filters;
};

export const filterQuery = (filters: Filters): string => {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) query.set(name, filters[name] ?? '');
  const text = query.toString();
  return text ? `?${text}` : '';
};

const TIMEOUT_MS = 8_000;

/** Social reports, organisations and geography make the observatory: a change of any invalidates it. */
const TAGS = ['social-reports', 'organisations', 'provinces', 'regions'].map(typeTag);

export const getObservatory = async (filters: Filters): Promise<ObservatoryData> => {
  const url = `${config().cmsUrl}/api/observatory${filterQuery(filters)}`;
  const answer = await cachedAnswer<ObservatoryData | { invalid: string }>(`cms:${url}`, async () => {
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new CmsUnavailableError(`CMS not reachable at ${url}`, { cause: error });
    }
    const text = await response.text();
    if (response.status === 400) {
      const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? 'Selezione non valida';
      return { value: { invalid: message }, bytes: text.length * 2, tags: TAGS };
    }
    if (!response.ok) throw new CmsUnavailableError(`CMS answered ${response.status} for ${url}`);
    try {
      return { value: (JSON.parse(text) as { data: ObservatoryData }).data, bytes: text.length * 2, tags: TAGS };
    } catch (error) {
      throw new CmsUnavailableError(`CMS sent no JSON for ${url}`, { cause: error });
    }
  });
  if ('invalid' in answer) throw new InvalidSelectionError(answer.invalid);
  return answer;
};

const integer = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 0 });
const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('it-IT', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const ratio = new Intl.NumberFormat('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A figure the Italian way: "1.234", "1.234.567 €", "43,8%", "1:4,2". */
export const formatValue = (value: number, unit: Unit): string => {
  switch (unit) {
    case 'euro':
      return euro.format(value);
    case 'percent':
      return percent.format(value);
    case 'ratio':
      return `1:${ratio.format(value)}`;
    default:
      return integer.format(value);
  }
};

export const SHORT_REASONS: Record<SuppressionReason, string> = {
  'small-group': 'meno di 3 organizzazioni',
  difference: 'si ricaverebbe per differenza',
  complementary: 'protegge un dato nascosto',
};

/** What a cell shows: its figure, "nessun dato", or why it is not shown. */
export const cellText = (cell: Cell | undefined, unit: Unit): string => {
  if (!cell) return '';
  if (cell.suppressed) return `non mostrato: ${SHORT_REASONS[cell.suppressed]}`;
  if (cell.value === null) return 'nessun dato';
  return formatValue(cell.value, unit);
};

/** Column names of the CSV downloads and of the data dictionary. */
export const CSV_NAMES: Record<string, string> = {
  organisations: 'organizzazioni',
  workers: 'lavoratori',
  womenShare: 'quota_donne',
  volunteers: 'volontari',
  beneficiariesDirect: 'beneficiari_diretti',
  beneficiariesIndirect: 'beneficiari_indiretti',
  revenues: 'ricavi_e_proventi_euro',
  publicContributions: 'contributi_pubblici_euro',
  privateContributions: 'contributi_privati_euro',
  integrationOrganisations: 'organizzazioni_con_svantaggiati',
  integrationWorkers: 'lavoratori',
  disadvantaged: 'lavoratori_svantaggiati',
  disadvantagedShare: 'quota_svantaggiati',
  atFloor: 'organizzazioni_almeno_30',
  belowFloor: 'organizzazioni_sotto_30',
  payReported: 'organizzazioni_con_retribuzioni',
  payRatioMean: 'rapporto_medio_retribuzioni',
  withinCap: 'entro_il_limite',
  overCap: 'oltre_il_limite',
  cap12: 'con_limite_1_12',
  amount: 'importo_euro',
  share: 'quota_sul_totale',
};

/** The first column of each table's CSV. */
export const CSV_ROW_NAMES: Record<string, string> = {
  sintesi: 'selezione',
  'per-regione': 'regione',
  'per-provincia': 'provincia',
  'per-tipo': 'tipo_organizzazione',
  'inserimento-lavorativo': 'tipo_organizzazione',
  retribuzioni: 'tipo_organizzazione',
  proventi: 'fonte',
  andamento: 'anno',
};

const csvNumber = (value: number, unit: Unit): string =>
  unit === 'percent'
    ? value.toFixed(4)
    : unit === 'euro'
      ? value.toFixed(2)
      : unit === 'ratio'
        ? value.toFixed(2)
        : String(Math.round(value));

const csvCell = (text: string): string => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * A table as CSV (UTF-8 with BOM, comma, decimal point, one row per line): a hidden figure is an
 * empty field, and the row's `note` says which figures are hidden and why.
 */
export const tableCsv = (table: Table, notes: Record<SuppressionReason, string>): string => {
  const header = [
    CSV_ROW_NAMES[table.id] ?? 'voce',
    ...table.columns.map((column) => CSV_NAMES[column.key] ?? column.key),
    'note',
  ];
  const lines = table.rows.map((row) => {
    const hidden = table.columns.filter((column) => row.cells[column.key]?.suppressed);
    const note = hidden
      .map((column) => `${column.label}: ${notes[row.cells[column.key]?.suppressed ?? 'small-group']}`)
      .join('; ');
    return [
      row.label,
      ...table.columns.map((column) => {
        const cell = row.cells[column.key];
        return cell && !cell.suppressed && cell.value !== null ? csvNumber(cell.value, column.unit) : '';
      }),
      note,
    ]
      .map(csvCell)
      .join(',');
  });
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
};
