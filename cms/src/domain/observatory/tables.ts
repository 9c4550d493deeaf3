import { ORGANISATION_TYPES, type OrganisationType } from '@coop/report-templates/organisation';
import { PRIVATE_CONTRIBUTION_KINDS } from '@coop/report-templates/social-report/indicators';
import type { ReportFacts } from './facts';
import { INDICATORS, REVENUE_KINDS, indicator, type Unit } from './indicators';

/** Below this many organisations a figure is not shown: it would be (nearly) one organisation's own. */
export const MIN_GROUP = 3;

export type SuppressionReason = 'small-group' | 'difference' | 'complementary';

export const SUPPRESSION_NOTES: Record<SuppressionReason, string> = {
  'small-group': `Dato non mostrato: meno di ${MIN_GROUP} organizzazioni nel gruppo`,
  difference: `Dato non mostrato: per differenza con un gruppo più ampio si ricaverebbe il dato di meno di ${MIN_GROUP} organizzazioni`,
  complementary: `Dato non mostrato: con il totale della tabella permetterebbe di ricavare un dato nascosto`,
};

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

export type ProvinceInfo = { code: string; name: string; region: { slug: string; name: string } | null };
export type Geography = { provinces: Map<string, ProvinceInfo>; regions: { slug: string; name: string }[] };

/** What the visitor asked for: one year, and optionally a region, a province and a type. */
export type Selection = { year: number; region: string | null; province: string | null; type: OrganisationType | null };

/** Where a group is: all of Italy, a region (or no region given), a province (or none given). */
type Place =
  { level: 'country' } | { level: 'region'; slug: string | null } | { level: 'province'; code: string | null };
type Group = { year: number; place: Place; type: OrganisationType | null };

const NO_PLACE = '—';
const placeKey = (place: Place): string =>
  place.level === 'country'
    ? 'IT'
    : place.level === 'region'
      ? `r:${place.slug ?? NO_PLACE}`
      : `p:${place.code ?? NO_PLACE}`;
const groupKey = (group: Group): string => `${group.year}|${placeKey(group.place)}|${group.type ?? '*'}`;

type Stats = { members: ReportFacts[]; contributors: Map<string, ReportFacts[]> };

/**
 * The observatory's arithmetic over the facts of published reports: groups (a year, a place, a
 * type), their figures, and which figures must not be shown. A figure is hidden when fewer than
 * three organisations make it; when a group that contains it (its region, Italy, all types, or
 * both) differs from it by one or two organisations, since the difference would be theirs; and,
 * in a table whose rows add up to its total, while the hidden rows together hold one or two
 * organisations, one more row is hidden (otherwise total minus shown rows gives them away).
 */
export class Observatory {
  private readonly byYear = new Map<number, ReportFacts[]>();
  private readonly stats = new Map<string, Stats>();

  constructor(
    facts: ReportFacts[],
    private readonly geography: Geography,
  ) {
    for (const row of facts) this.byYear.set(row.year, [...(this.byYear.get(row.year) ?? []), row]);
  }

  get years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  regionOf(provinceCode: string | null): string | null {
    return provinceCode ? (this.geography.provinces.get(provinceCode)?.region?.slug ?? null) : null;
  }

  private inPlace(facts: ReportFacts, place: Place): boolean {
    if (place.level === 'country') return true;
    if (place.level === 'province') return facts.provinceCode === place.code;
    return this.regionOf(facts.provinceCode) === place.slug;
  }

  private statsOf(group: Group): Stats {
    const key = groupKey(group);
    const known = this.stats.get(key);
    if (known) return known;
    const members = (this.byYear.get(group.year) ?? []).filter(
      (facts) => this.inPlace(facts, group.place) && (group.type === null || facts.organisationType === group.type),
    );
    const stats: Stats = { members, contributors: new Map() };
    this.stats.set(key, stats);
    return stats;
  }

  private contributorsOf(group: Group, key: string): ReportFacts[] {
    const stats = this.statsOf(group);
    let found = stats.contributors.get(key);
    if (!found) {
      found = stats.members.filter(indicator(key).contributes);
      stats.contributors.set(key, found);
    }
    return found;
  }

  /** The groups that contain this one: wider places, all types, and both. */
  private ancestorsOf(group: Group): Group[] {
    const places: Place[] = [group.place];
    if (group.place.level === 'province') {
      places.push({ level: 'region', slug: this.regionOf(group.place.code) }, { level: 'country' });
    } else if (group.place.level === 'region') places.push({ level: 'country' });
    const types = group.type === null ? [null] : [group.type, null];
    return places
      .flatMap((place) => types.map((type) => ({ year: group.year, place, type })))
      .filter((candidate) => groupKey(candidate) !== groupKey(group));
  }

  /** One figure of a group, hidden where the rule says so. */
  cell(group: Group, key: string): Cell {
    const definition = indicator(key);
    const contributors = this.contributorsOf(group, key);
    const value = contributors.length > 0 || definition.isCountOfReports ? definition.value(contributors) : null;
    const cell: Cell = { value, organisations: contributors.length, suppressed: null };
    if (definition.isCountOfReports) return cell;
    if (contributors.length > 0 && contributors.length < MIN_GROUP) return hide(cell, 'small-group');
    for (const ancestor of this.ancestorsOf(group)) {
      const difference = this.contributorsOf(ancestor, key).length - contributors.length;
      if (difference > 0 && difference < MIN_GROUP) return hide(cell, 'difference');
    }
    return cell;
  }

  /** The group the visitor selected, for another year (the trend), or for a row of a breakdown. */
  groupOf(selection: Selection, year = selection.year): Group {
    const place: Place = selection.province
      ? { level: 'province', code: selection.province }
      : selection.region
        ? { level: 'region', slug: selection.region }
        : { level: 'country' };
    return { year, place, type: selection.type };
  }

  /** Members of a group that contribute to a figure, by organisation: for the complementary rule. */
  contributorIds(group: Group, key: string): Set<string> {
    return new Set(this.contributorsOf(group, key).map((facts) => facts.organisationId));
  }
}

const hide = (cell: Cell, reason: SuppressionReason): Cell => ({ ...cell, value: null, suppressed: reason });

type RowSpec = { key: string; label: string; group: Group; total?: boolean };

/**
 * Hides more rows of a column while the hidden ones together hold one or two organisations:
 * rows that add up to the total would otherwise give them away.
 */
const protectColumn = (
  observatory: Observatory,
  rows: { spec: RowSpec; cells: Record<string, Cell> }[],
  key: string,
  contributorsOf: (spec: RowSpec) => Set<string> = (spec) => observatory.contributorIds(spec.group, key),
): void => {
  const parts = rows.filter((row) => !row.spec.total);
  for (;;) {
    const hidden = new Set<string>();
    for (const row of parts) {
      if (row.cells[key]?.suppressed) for (const id of contributorsOf(row.spec)) hidden.add(id);
    }
    if (hidden.size === 0 || hidden.size >= MIN_GROUP) return;
    const candidate = parts
      .filter((row) => row.cells[key] && !row.cells[key]?.suppressed && contributorsOf(row.spec).size > 0)
      .sort((a, b) => contributorsOf(a.spec).size - contributorsOf(b.spec).size)[0];
    if (!candidate) return;
    candidate.cells[key] = hide(candidate.cells[key]!, 'complementary');
  }
};

const columnsOf = (keys: string[]): Column[] =>
  keys.map((key) => ({ key, label: INDICATORS[key]?.label ?? key, unit: INDICATORS[key]?.unit ?? 'count' }));

const breakdown = (
  observatory: Observatory,
  id: string,
  title: string,
  description: string,
  rowHeader: string,
  specs: RowSpec[],
  keys: string[],
): Table => {
  const rows = specs.map((spec) => ({
    spec,
    cells: Object.fromEntries(keys.map((key) => [key, observatory.cell(spec.group, key)])),
  }));
  for (const key of keys) if (!INDICATORS[key]?.isCountOfReports) protectColumn(observatory, rows, key);
  return {
    id,
    title,
    description,
    rowHeader,
    columns: columnsOf(keys),
    rows: rows.map(({ spec, cells }) => ({
      key: spec.key,
      label: spec.label,
      ...(spec.total ? { total: true } : {}),
      cells,
    })),
  };
};

const OVERVIEW = [
  'organisations',
  'workers',
  'womenShare',
  'volunteers',
  'beneficiariesDirect',
  'beneficiariesIndirect',
  'revenues',
  'publicContributions',
  'privateContributions',
];
const INTEGRATION = [
  'integrationOrganisations',
  'integrationWorkers',
  'disadvantaged',
  'disadvantagedShare',
  'atFloor',
  'belowFloor',
];
const PAY = ['payReported', 'payRatioMean', 'withinCap', 'overCap', 'cap12'];
const TREND = [
  'organisations',
  'workers',
  'womenShare',
  'volunteers',
  'disadvantagedShare',
  'payRatioMean',
  'beneficiariesDirect',
  'revenues',
  'publicContributions',
  'privateContributions',
];

export const TYPE_SLUGS: Record<string, OrganisationType> = {
  'tipo-a': 'Cooperativa sociale di tipo A',
  'tipo-b': 'Cooperativa sociale di tipo B',
  'tipo-a-b': 'Cooperativa sociale ad oggetto misto (A+B)',
  'consorzio-cooperative-sociali': 'Consorzio di cooperative sociali',
  'consorzio-imprese-sociali': 'Consorzio di imprese sociali cooperative',
  'impresa-sociale': 'Impresa sociale cooperativa',
};
export const typeSlugOf = (type: OrganisationType): string =>
  Object.entries(TYPE_SLUGS).find(([, name]) => name === type)?.[0] ?? '';

/** Every table of the observatory for a selection, with the small-group rule applied. */
export const observatoryTables = (observatory: Observatory, selection: Selection, geography: Geography): Table[] => {
  const selected = observatory.groupOf(selection);
  const total: RowSpec = { key: 'totale', label: 'Totale della selezione', group: selected, total: true };
  const tables: Table[] = [];

  tables.push(
    breakdown(
      observatory,
      'sintesi',
      'Dati in sintesi',
      `Le organizzazioni che hanno pubblicato il bilancio sociale ${selection.year} e i loro dati, sommati.`,
      'Selezione',
      [{ ...total, total: false }],
      OVERVIEW,
    ),
  );

  const regionRows: RowSpec[] = [
    ...geography.regions.map((region) => ({
      key: region.slug,
      label: region.name,
      group: { ...selected, place: { level: 'region' as const, slug: region.slug } },
    })),
    {
      key: 'non-indicata',
      label: 'Regione non indicata',
      group: { ...selected, place: { level: 'region' as const, slug: null } },
    },
  ];
  const provinceRows: RowSpec[] = [
    ...[...geography.provinces.values()]
      .filter((province) => !selection.region || province.region?.slug === selection.region)
      .sort((a, b) => a.name.localeCompare(b.name, 'it'))
      .map((province) => ({
        key: province.code,
        label: `${province.name} (${province.code})`,
        group: { ...selected, place: { level: 'province' as const, code: province.code } },
      })),
    ...(selection.region
      ? []
      : [
          {
            key: 'non-indicata',
            label: 'Provincia non indicata',
            group: { ...selected, place: { level: 'province' as const, code: null } },
          },
        ]),
  ];
  const typeRows = (types: readonly OrganisationType[]): RowSpec[] =>
    types.map((type) => ({ key: typeSlugOf(type), label: type, group: { ...selected, type } }));
  const withMembers = (rows: RowSpec[]): RowSpec[] =>
    rows.filter((row) => (observatory.cell(row.group, 'organisations').value ?? 0) > 0);

  if (!selection.region && !selection.province) {
    tables.push(
      breakdown(
        observatory,
        'per-regione',
        'Per regione',
        'Le regioni in cui ha sede almeno un’organizzazione della selezione.',
        'Regione',
        [...withMembers(regionRows), total],
        OVERVIEW,
      ),
    );
  }
  if (!selection.province) {
    tables.push(
      breakdown(
        observatory,
        'per-provincia',
        'Per provincia',
        'Le province in cui ha sede almeno un’organizzazione della selezione.',
        'Provincia',
        [...withMembers(provinceRows), total],
        OVERVIEW,
      ),
    );
  }
  if (!selection.type) {
    tables.push(
      breakdown(
        observatory,
        'per-tipo',
        'Per tipo di organizzazione',
        'I sei tipi di organizzazione della rete.',
        'Tipo di organizzazione',
        [...withMembers(typeRows(ORGANISATION_TYPES)), total],
        OVERVIEW,
      ),
    );
  }

  const integrationTypes = ORGANISATION_TYPES.filter(
    (type) =>
      (type === 'Cooperativa sociale di tipo B' || type === 'Cooperativa sociale ad oggetto misto (A+B)') &&
      (!selection.type || selection.type === type),
  );
  tables.push(
    breakdown(
      observatory,
      'inserimento-lavorativo',
      'Inserimento lavorativo: cooperative di tipo B e A+B',
      'I lavoratori svantaggiati devono essere almeno il 30% dei lavoratori (L. 381/1991, art. 4). La quota è calcolata sui lavoratori delle cooperative che li indicano.',
      'Tipo di organizzazione',
      [...typeRows(integrationTypes), ...(selection.type ? [] : [{ ...total, label: 'Tipo B e A+B' }])],
      INTEGRATION,
    ),
  );

  tables.push(
    breakdown(
      observatory,
      'retribuzioni',
      'Rapporto tra retribuzione lorda massima e minima',
      'Il limite è 1:8, oppure 1:12 dove servono competenze specifiche (art. 13 d.lgs. 112/2017): ogni organizzazione è confrontata con il limite che indica.',
      'Tipo di organizzazione',
      [
        ...withMembers(typeRows(selection.type ? [selection.type] : ORGANISATION_TYPES)),
        ...(selection.type ? [] : [total]),
      ],
      PAY,
    ),
  );

  tables.push(revenueTable(observatory, selected, selection.year));
  tables.push(trendTable(observatory, selection));
  return tables;
};

/** Revenues by source: the seven kinds add up to the total, and the private contributions to their subtotal. */
const revenueTable = (observatory: Observatory, group: Group, year: number): Table => {
  const kindKey = (kind: string): string => `revenue:${kind}`;
  const rows = [
    ...REVENUE_KINDS.map((kind) => ({ key: kind, label: kind, indicator: kindKey(kind) })),
    { key: 'contributi-pubblici', label: 'di cui contributi pubblici', indicator: 'publicContributions' },
    {
      key: 'contributi-privati',
      label: 'di cui contributi privati (con 5 per mille e donazioni)',
      indicator: 'privateContributions',
    },
    { key: 'totale', label: 'Totale ricavi e proventi', indicator: 'revenues', total: true },
  ].map((row) => ({
    spec: { key: row.key, label: row.label, group, ...(row.total ? { total: true } : {}) },
    indicator: row.indicator,
    cell: observatory.cell(group, row.indicator),
  }));
  // The complementary rule over the kinds (they add up to the total) and over the private ones (to their subtotal).
  const protect = (members: typeof rows): void => {
    const view = members.map((row) => ({ spec: { ...row.spec, key: row.indicator }, cells: { amount: row.cell } }));
    protectColumn(observatory, view, 'amount', (spec) => observatory.contributorIds(group, spec.key));
    view.forEach((entry, index) => {
      members[index]!.cell = entry.cells.amount!;
    });
  };
  protect(rows.filter((row) => row.indicator.startsWith('revenue:')));
  protect(rows.filter((row) => PRIVATE_CONTRIBUTION_KINDS.some((kind) => row.indicator === kindKey(kind))));
  const totalCell = rows.find((row) => row.indicator === 'revenues')?.cell;
  return {
    id: 'proventi',
    title: 'Ricavi e proventi per fonte',
    description: `Da dove vengono le risorse delle organizzazioni della selezione nel ${year}, con i contributi pubblici e privati distinti come chiedono le linee guida.`,
    rowHeader: 'Fonte',
    columns: [
      { key: 'amount', label: 'Importo', unit: 'euro' },
      { key: 'share', label: 'Quota sul totale', unit: 'percent' },
      { key: 'organisations', label: 'Organizzazioni che la indicano', unit: 'count' },
    ],
    rows: rows.map((row) => ({
      key: row.spec.key,
      label: row.spec.label,
      ...(row.spec.total ? { total: true } : {}),
      cells: {
        amount: row.cell,
        share: shareCell(row.cell, totalCell),
        organisations: { value: row.cell.organisations, organisations: row.cell.organisations, suppressed: null },
      },
    })),
  };
};

/** A part's share of the total; hidden with the part, and with the total (a share of a hidden total gives it away). */
const shareCell = (part: Cell, total: Cell | undefined): Cell => {
  const reason = part.suppressed ?? (part.value !== null ? (total?.suppressed ?? null) : null);
  const whole = total?.value ?? null;
  return {
    value: reason || part.value === null || whole === null || whole <= 0 ? null : part.value / whole,
    organisations: part.organisations,
    suppressed: reason,
  };
};

/** The same selection in every year that has published reports. */
const trendTable = (observatory: Observatory, selection: Selection): Table => {
  const rows = observatory.years.map((year) => {
    const group = observatory.groupOf(selection, year);
    return {
      key: String(year),
      label: String(year),
      cells: Object.fromEntries(TREND.map((key) => [key, observatory.cell(group, key)])),
    };
  });
  return {
    id: 'andamento',
    title: 'Andamento negli anni',
    description: 'La stessa selezione (regione, provincia, tipo) in ogni anno con bilanci pubblicati.',
    rowHeader: 'Anno',
    columns: columnsOf(TREND),
    rows,
  };
};
