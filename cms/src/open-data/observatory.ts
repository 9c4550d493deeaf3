import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ORGANISATION_TYPES } from '@coop/report-templates/organisation';
import { PROVINCE, REGION } from '../access/content-types';
import type { ReportFacts } from '../domain/observatory/facts';
import {
  MIN_GROUP,
  Observatory,
  SUPPRESSION_NOTES,
  TYPE_SLUGS,
  observatoryTables,
  typeSlugOf,
  type Geography,
  type Selection,
} from '../domain/observatory/tables';
import { OBSERVATORY_FACTS_TABLE, openDataTable } from './tables';

const geographyOf = async (strapi: Core.Strapi): Promise<Geography> => {
  const [regions, provinces] = await Promise.all([
    strapi.db.query(REGION).findMany({ select: ['slug', 'name'], orderBy: { name: 'asc' } }) as Promise<
      { slug: string; name: string }[]
    >,
    strapi.db.query(PROVINCE).findMany({
      select: ['code', 'name'],
      populate: { region: { select: ['slug', 'name'] } },
    }) as Promise<{ code: string; name: string; region: { slug: string; name: string } | null }[]>,
  ]);
  return {
    regions: regions.map(({ slug, name }) => ({ slug, name })),
    provinces: new Map(
      provinces.map((province) => [
        province.code,
        {
          code: province.code,
          name: province.name,
          region: province.region ? { slug: province.region.slug, name: province.region.name } : null,
        },
      ]),
    ),
  };
};

const loadFacts = async (strapi: Core.Strapi): Promise<ReportFacts[]> =>
  (await openDataTable(strapi, OBSERVATORY_FACTS_TABLE).select<{ facts: string }[]>('facts')).map(
    (row) => JSON.parse(row.facts) as ReportFacts,
  );

/** Every write of a report's figures sets its row's `written_at`; a removal lowers the count. */
const factsVersion = async (strapi: Core.Strapi): Promise<string> => {
  const row = (await openDataTable(strapi, OBSERVATORY_FACTS_TABLE)
    .count({ rows: '*' })
    .max({ latest: 'written_at' })
    .first()) as { rows: number | string; latest: number | string | null } | undefined;
  return `${String(row?.rows ?? 0)}:${String(row?.latest ?? 0)}`;
};

type Loaded = {
  version: string;
  loadedAt: number;
  facts: ReportFacts[];
  geography: Geography;
  observatory: Observatory;
};
/** Provinces and regions are reference data: read again at most this often. */
const GEOGRAPHY_MS = 60_000;
let loaded: Loaded | null = null;

/**
 * The figures and the arithmetic over them, kept between requests while no report's figures
 * changed (checked with one small query, so every instance of a cluster sees the others' writes):
 * the groups already added up are reused.
 */
const currentObservatory = async (strapi: Core.Strapi): Promise<Loaded> => {
  const version = await factsVersion(strapi);
  if (loaded && loaded.version === version && Date.now() - loaded.loadedAt < GEOGRAPHY_MS) return loaded;
  const [facts, geography] = await Promise.all([loadFacts(strapi), geographyOf(strapi)]);
  loaded = { version, loadedAt: Date.now(), facts, geography, observatory: new Observatory(facts, geography) };
  return loaded;
};

type Query = { anno?: unknown; regione?: unknown; provincia?: unknown; tipo?: unknown };

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * The observatory for what the visitor selected: the tables with the small-group rule already
 * applied here, so a hidden figure never leaves the CMS; and what can be selected.
 */
export const observatoryView = async (strapi: Core.Strapi, query: Query) => {
  const { facts, geography, observatory } = await currentObservatory(strapi);
  const years = observatory.years;

  const yearText = text(query.anno);
  const year = yearText === null ? (years.at(-1) ?? null) : Number(yearText);
  if (yearText !== null && (!Number.isInteger(year) || !years.includes(year as number))) {
    throw new errors.ValidationError(
      `Anno: «${yearText}» non ha bilanci pubblicati${years.length > 0 ? ` (anni disponibili: ${years.join(', ')})` : ''}`,
    );
  }
  const provinceCode = text(query.provincia)?.toUpperCase() ?? null;
  const province = provinceCode ? geography.provinces.get(provinceCode) : null;
  if (provinceCode && !province) throw new errors.ValidationError(`Provincia: sigla «${provinceCode}» sconosciuta`);
  const regionSlug = text(query.regione) ?? province?.region?.slug ?? null;
  if (regionSlug && !geography.regions.some((region) => region.slug === regionSlug)) {
    throw new errors.ValidationError(`Regione: «${regionSlug}» non è una regione italiana`);
  }
  if (province && province.region?.slug !== regionSlug) {
    throw new errors.ValidationError(`Provincia: ${province.name} non è nella regione indicata`);
  }
  const typeSlug = text(query.tipo);
  const type = typeSlug ? (TYPE_SLUGS[typeSlug] ?? null) : null;
  if (typeSlug && !type) {
    throw new errors.ValidationError(
      `Tipo: «${typeSlug}» non è un tipo di organizzazione (valori ammessi: ${Object.keys(TYPE_SLUGS).join(', ')})`,
    );
  }

  const selection: Selection | null =
    year === null ? null : { year, region: regionSlug, province: province?.code ?? null, type };
  // What can be selected: the places and types that have published reports in some year.
  const regionsWithReports = new Set(facts.map((row) => observatory.regionOf(row.provinceCode)).filter(Boolean));
  const provincesWithReports = new Set(facts.map((row) => row.provinceCode).filter(Boolean));
  return {
    years,
    selection: selection && {
      year: selection.year,
      region: selection.region,
      province: selection.province,
      type: typeSlug,
    },
    options: {
      regions: geography.regions.filter((region) => regionsWithReports.has(region.slug)),
      provinces: [...geography.provinces.values()]
        .filter((entry) => provincesWithReports.has(entry.code))
        .map((entry) => ({ code: entry.code, name: entry.name, region: entry.region?.slug ?? null }))
        .sort((a, b) => a.name.localeCompare(b.name, 'it')),
      types: ORGANISATION_TYPES.map((name) => ({ slug: typeSlugOf(name), name })),
    },
    minGroup: MIN_GROUP,
    notes: SUPPRESSION_NOTES,
    tables: selection ? observatoryTables(observatory, selection, geography) : [],
  };
};
