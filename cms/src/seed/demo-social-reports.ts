import type { Core } from '@strapi/strapi';
import { readDataFile } from './data-files';
import { publishDemoReport, type DemoPublication } from './demo-publication';
import { requireKey } from './upsert';

type DemoSocialReport = { organisationSlug: string; year: number; publication?: DemoPublication } & Record<
  string,
  unknown
>;

/** Complete social reports of the demo cooperatives, skipped where one exists for that year. */
export const seedDemoSocialReports = async (
  strapi: Core.Strapi,
  organisations: Map<string, { documentId: string }>,
) => {
  const uid = 'api::social-report.social-report';
  let created = 0;
  for (const { organisationSlug, publication, ...report } of readDataFile<DemoSocialReport[]>(
    strapi,
    'demo',
    'social-reports.json',
  )) {
    const organisation = requireKey(organisations, organisationSlug, 'organisation').documentId;
    const existing = await strapi.documents(uid).findFirst({
      filters: { year: report.year, organisation: { documentId: organisation } },
      fields: ['documentId'],
    } as never);
    if (existing) continue;
    const stored = (await strapi.documents(uid).create({ data: { ...report, organisation } } as never)) as unknown as {
      documentId: string;
      title: string;
    };
    if (publication) {
      await publishDemoReport(
        strapi,
        { documentId: stored.documentId, year: report.year, title: stored.title, organisation },
        publication,
      );
    }
    created += 1;
  }
  return { created };
};
