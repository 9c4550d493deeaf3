/**
 * Open-data records of organisations and consortium services, and the CSV and GeoJSON of any
 * records: only public fields (no tax code, no person's contact).
 */
import { listConsortia, listConsortiumServices, listOrganisations, listProvinces, type Organisation } from './cms.ts';
import { LICENCE } from './open-data.ts';

type Value = string | number | boolean | null | string[];
export type OpenRecord = Record<string, Value>;

const coordinate = (value: number | string | null | undefined): number | null => {
  const parsed = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isFinite(parsed) ? parsed : null;
};

export const organisationRecords = async (portalUrl: string): Promise<OpenRecord[]> => {
  const [organisations, provinces] = await Promise.all([listOrganisations(), listProvinces()]);
  const capitals = new Map(provinces.map((province) => [province.code, province]));
  return organisations.map((organisation: Organisation) => {
    const capital = organisation.province ? capitals.get(organisation.province.code) : undefined;
    const lat = coordinate(organisation.latitude);
    const lng = coordinate(organisation.longitude);
    const located = lat !== null && lng !== null;
    return {
      slug: organisation.slug,
      url: `${portalUrl}/organizzazioni/${organisation.slug}`,
      nome: organisation.name,
      tipo: organisation.organisationType,
      aderente_legacoop: organisation.legacoopMember,
      indirizzo: organisation.address,
      cap: organisation.postalCode,
      comune: organisation.city,
      provincia: organisation.province?.name ?? null,
      sigla_provincia: organisation.province?.code ?? null,
      regione: organisation.province?.region?.name ?? null,
      sito_web: organisation.website,
      anno_fondazione: organisation.foundedYear,
      descrizione: organisation.description,
      consorzi: (organisation.memberOf ?? []).map((consortium) => consortium.name),
      associate: (organisation.members ?? []).map((member) => member.name),
      latitudine: located ? lat : coordinate(capital?.latitude),
      longitudine: located ? lng : coordinate(capital?.longitude),
    };
  });
};

export const serviceRecords = async (): Promise<OpenRecord[]> => {
  const consortia = await listConsortia();
  const perConsortium = await Promise.all(
    consortia.map(async (consortium) =>
      (await listConsortiumServices(consortium.slug)).map((service) => ({
        consorzio: consortium.name,
        consorzio_slug: consortium.slug,
        servizio: service.name,
        organizzazione: service.memberOrganisation?.name ?? null,
        area_di_servizio: service.serviceArea?.name ?? null,
        provincia: service.province?.name ?? null,
        sigla_provincia: service.province?.code ?? null,
        regione: service.province?.region?.name ?? null,
        latitudine: coordinate(service.province?.latitude),
        longitudine: coordinate(service.province?.longitude),
      })),
    ),
  );
  return perConsortium.flat();
};

const FORMULA_START = /^[=+\-@\t\r]/;
const csvCell = (value: Value): string => {
  const raw = Array.isArray(value) ? value.join('; ') : value === null ? '' : String(value);
  const text = typeof value !== 'number' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV in UTF-8 with a byte order mark, the columns in the dictionary's order. */
export const recordsCsv = (records: OpenRecord[], columns: string[]): string =>
  `\uFEFF${[columns.join(','), ...records.map((record) => columns.map((column) => csvCell(record[column] ?? null)).join(','))].join('\r\n')}\r\n`;

export const recordsGeoJson = (records: OpenRecord[]): unknown => ({
  type: 'FeatureCollection',
  licence: LICENCE.url,
  features: records
    .filter((record) => typeof record.latitudine === 'number' && typeof record.longitudine === 'number')
    .map(({ latitudine, longitudine, ...properties }) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [longitudine, latitudine] },
      properties,
    })),
});
