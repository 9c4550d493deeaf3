/**
 * The data of the organisation pages (`/organizzazioni/…`): an active organisation with its
 * consortia or members, its published practices and its published social reports, each report as
 * the CMS publishes it. Only what the CMS's public API gives: it decides what is published.
 */
import { getPublicAnswer } from './cms.ts';
import { config } from './config.ts';

type Query = Record<string, string | number>;

/** What an organisation's pages are built from, as the CMS names its changes. */
const SOURCES = ['organisations', 'social-reports', 'practice-cards', 'provinces', 'regions'];

/** A CMS answer, through the portal's cache; null for a 404 (nothing published there). */
const cmsJson = <T>(path: string, query: Query = {}): Promise<T | null> => getPublicAnswer<T>(path, query, SOURCES);

type Page<T> = { data: T[]; meta: { pagination: { pageCount: number } } };

const allPages = async <T>(path: string, query: Query): Promise<T[]> => {
  const rows: T[] = [];
  for (let page = 1; ; page += 1) {
    const body = await cmsJson<Page<T>>(path, { ...query, 'pagination[page]': page, 'pagination[pageSize]': 100 });
    if (!body) return rows;
    rows.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return rows;
  }
};

export type OrganisationLink = { name: string; slug: string; city?: string | null };

export type PublicOrganisation = {
  name: string;
  slug: string;
  organisationType: string;
  legacoopMember: boolean;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  website: string | null;
  foundedYear: number | null;
  description: string | null;
  logo?: {
    url: string;
    alternativeText: string | null;
    width?: number | null;
    height?: number | null;
    formats?: Partial<
      Record<'thumbnail' | 'small' | 'medium' | 'large', { url: string; width: number; height: number }>
    > | null;
  } | null;
  province?: { name: string; code: string; region: { name: string } | null } | null;
  memberOf?: OrganisationLink[];
  members?: OrganisationLink[];
};

export type PublishedPractice = {
  slug: string;
  title: string;
  description: string;
  publishedAt: string;
  innovationArea: { name: string; slug: string } | null;
};

export type PublishedReportSummary = {
  year: number;
  title: string;
  approvalDate: string | null;
  depositDate: string | null;
};

export type OrganisationPage = {
  organisation: PublicOrganisation;
  practices: PublishedPractice[];
  reports: PublishedReportSummary[];
};

export { isConsortium as isConsortiumType } from '@coop/vocabulary/organisation-types';

/** The page of an active organisation; null when there is none by that slug. */
export const getOrganisationPage = async (slug: string): Promise<OrganisationPage | null> => {
  const found = await cmsJson<Page<PublicOrganisation>>('/organisations', {
    'filters[slug][$eq]': slug,
    'pagination[pageSize]': 1,
  });
  const organisation = found?.data[0];
  if (!organisation) return null;
  const [practices, reports] = await Promise.all([
    allPages<PublishedPractice>('/practice-cards', {
      'filters[organisation][slug][$eq]': slug,
      sort: 'publishedAt:desc',
    }),
    cmsJson<{ data: PublishedReportSummary[] }>('/public-social-reports', { organisation: slug }),
  ]);
  return { organisation, practices, reports: reports?.data ?? [] };
};

/** Every active organisation, by name. */
export const listOrganisations = (): Promise<PublicOrganisation[]> =>
  allPages<PublicOrganisation>('/organisations', { sort: 'name:asc' });

type Row = Record<string, string>;
type TextBlock = { title: string; paragraphs: { text: string }[] };
type Fact = { label: string; value: string };

/** A section of the report as the CMS publishes it: the same texts, facts and tables as its PDF. */
export type ReportSection = {
  title: string;
  texts: TextBlock[];
  omitted: { text: string }[];
  facts: Fact[];
} & Record<string, unknown>;

export type ReportChart = {
  chart: {
    title: string;
    categories: string[];
    series: { label: string; colour: string; values: number[] }[];
    layout: 'grouped' | 'stacked';
    unit: 'euro' | 'people';
  };
  alt: string;
};

export type PublishedReport = {
  organisation: {
    name: string;
    slug: string;
    organisationType: string;
    city: string | null;
    province: { name: string; code: string } | null;
    region: string | null;
  };
  year: number;
  title: string;
  approvalDate: string | null;
  depositDate: string | null;
  depositProtocol: string | null;
  previousYear: number | null;
  summary: {
    previousYear: number | null;
    rows: { label: string; current: string; previous: string; change: string }[];
  };
  charts: { workers: ReportChart; revenues: ReportChart };
  attestation:
    { kind: 'attestation'; bodyName: string; date: string } | { kind: 'no-control-body'; reason: string } | null;
  cover: { identity: string; approval: string; deposit: string };
  sections: ReportSection[];
};

/** A published social report of an active organisation; null when it is not (or no longer) published. */
export const getPublishedReport = async (slug: string, year: number): Promise<PublishedReport | null> => {
  if (!Number.isInteger(year)) return null;
  const found = await cmsJson<{ data: PublishedReport }>(`/public-social-reports/${encodeURIComponent(slug)}/${year}`);
  return found?.data ?? null;
};

const reportPath = (slug: string, year: number): string =>
  `${config().cmsPublicUrl}/api/public-social-reports/${encodeURIComponent(slug)}/${year}`;

/** The PDF/A of a published report, as deposited. */
export const reportDocumentUrl = (slug: string, year: number): string => `${reportPath(slug, year)}/document`;

/** The control body's attestation (PDF) of a published report. */
export const reportAttestationUrl = (slug: string, year: number): string => `${reportPath(slug, year)}/attestation`;

/** A media file's address as the browser reaches it. */
export const publicMediaUrl = (url: string): string =>
  /^https?:\/\//.test(url) ? url : `${config().cmsPublicUrl}${url}`;

/** Rows of one of the report's tables, by its name in the section. */
export const tableRows = (section: ReportSection | undefined, name: string): Row[] =>
  Array.isArray(section?.[name]) ? (section[name] as Row[]) : [];
