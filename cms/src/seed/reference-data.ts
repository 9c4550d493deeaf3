import type { Core } from '@strapi/strapi';
import { readDataFile } from './data-files';
import { createMissing, requireKey } from './upsert';

type Region = { istatCode: string; name: string; slug: string };
type Province = {
  istatCode: string;
  code: string;
  name: string;
  slug: string;
  regionIstatCode: string;
  capital: string;
  latitude: number;
  longitude: number;
  kind: string;
};
type Taxonomies = {
  innovationAreas: { name: string; definition: string }[];
  partnerCategories: { name: string }[];
  fundingSources: { name: string; requiresDetail: boolean }[];
  serviceAreas: { name: string }[];
};

const slugify = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export type ReferenceData = {
  provinces: Map<string, { documentId: string }>;
  /** Name and ISTAT code of every province, by sigla. */
  provinceDetails: Map<string, { name: string; istatCode: string }>;
  innovationAreas: Map<string, { documentId: string }>;
  partnerCategories: Map<string, { documentId: string }>;
  fundingSources: Map<string, { documentId: string }>;
  serviceAreas: Map<string, { documentId: string }>;
  created: Record<string, number>;
};

/** Regions, provinces and the taxonomies of the network: reference data every installation needs. */
export const seedReferenceData = async (strapi: Core.Strapi): Promise<ReferenceData> => {
  const regions = await createMissing(
    strapi,
    'api::region.region',
    'istatCode',
    readDataFile<Region[]>(strapi, 'geography', 'regions.json'),
    (region) => region,
  );
  const provinces = await createMissing(
    strapi,
    'api::province.province',
    'code',
    readDataFile<Province[]>(strapi, 'geography', 'provinces.json'),
    ({ regionIstatCode, ...province }) => ({
      ...province,
      region: requireKey(regions.byKey, regionIstatCode, 'region').documentId,
    }),
  );

  const taxonomies = readDataFile<Taxonomies>(strapi, 'taxonomies.json');
  const withOrder = <T extends { name: string }>(items: T[]) =>
    items.map((item, index) => ({ ...item, slug: slugify(item.name), position: index + 1 }));
  const same = <T>(item: T): T => item;
  // Taxonomies are matched by slug, which a rename leaves alone, and looked up by their data file's names.
  const byName = (items: { name: string }[], bySlug: Map<string, { documentId: string }>) =>
    new Map(items.map((item) => [item.name, requireKey(bySlug, slugify(item.name), 'taxonomy term')]));
  const innovationAreas = await createMissing(
    strapi,
    'api::innovation-area.innovation-area',
    'slug',
    withOrder(taxonomies.innovationAreas),
    same,
  );
  const partnerCategories = await createMissing(
    strapi,
    'api::partner-category.partner-category',
    'slug',
    withOrder(taxonomies.partnerCategories),
    same,
  );
  const fundingSources = await createMissing(
    strapi,
    'api::funding-source.funding-source',
    'slug',
    withOrder(taxonomies.fundingSources),
    same,
  );
  const serviceAreas = await createMissing(
    strapi,
    'api::service-area.service-area',
    'slug',
    withOrder(taxonomies.serviceAreas),
    same,
  );

  const provinceRows = (await strapi.documents('api::province.province').findMany({
    fields: ['code', 'name', 'istatCode'],
    limit: 200,
  } as never)) as unknown as { code: string; name: string; istatCode: string }[];

  return {
    provinces: provinces.byKey,
    provinceDetails: new Map(provinceRows.map(({ code, name, istatCode }) => [code, { name, istatCode }])),
    innovationAreas: byName(taxonomies.innovationAreas, innovationAreas.byKey),
    partnerCategories: byName(taxonomies.partnerCategories, partnerCategories.byKey),
    fundingSources: byName(taxonomies.fundingSources, fundingSources.byKey),
    serviceAreas: byName(taxonomies.serviceAreas, serviceAreas.byKey),
    created: {
      regioni: regions.created,
      province: provinces.created,
      'ambiti di innovazione': innovationAreas.created,
      'categorie di partner': partnerCategories.created,
      'forme di finanziamento': fundingSources.created,
      'aree di servizio': serviceAreas.created,
    },
  };
};
