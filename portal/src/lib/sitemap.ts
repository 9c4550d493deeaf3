/** The sitemap (sitemaps.org 0.9) of every public page of the portal. */
import { listConsortia, listInnovationAreas, listOrganisations, listPracticeCards } from './cms.ts';
import { DATASETS } from './datasets.ts';
import { getPublishedReports } from './open-data-changes.ts';

export type SitemapEntry = { path: string; lastModified?: string | null };

const FIXED = [
  '/',
  '/pratiche',
  '/aree',
  '/consorzi',
  '/organizzazioni',
  '/osservatorio',
  '/dati',
  '/dati/statistiche',
  '/avvisi',
  '/registrazione',
  '/privacy',
];

export const sitemapEntries = async (): Promise<SitemapEntry[]> => {
  const [cards, areas, organisations, consortia, reports] = await Promise.all([
    listPracticeCards(),
    listInnovationAreas(),
    listOrganisations(),
    listConsortia(),
    getPublishedReports(),
  ]);
  return [
    ...FIXED.map((path) => ({ path })),
    ...DATASETS.map((dataset) => ({ path: `/dati/dizionario/${dataset.id}` })),
    ...areas.map((area) => ({ path: `/aree/${area.slug}` })),
    ...cards.map((card) => ({ path: `/pratiche/${card.slug}`, lastModified: card.publishedAt })),
    ...organisations.map((organisation) => ({ path: `/organizzazioni/${organisation.slug}` })),
    ...consortia.map((consortium) => ({ path: `/consorzi/${consortium.slug}` })),
    ...reports.map((report) => ({
      path: `/organizzazioni/${report.organisationSlug}/bilanci/${report.year}`,
      lastModified: report.changedAt,
    })),
  ];
};

const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export const sitemapXml = (portalUrl: string, entries: SitemapEntry[]): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...entries.map(
      (entry) =>
        `  <url><loc>${escapeXml(`${portalUrl}${entry.path}`)}</loc>${entry.lastModified ? `<lastmod>${new Date(entry.lastModified).toISOString()}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
