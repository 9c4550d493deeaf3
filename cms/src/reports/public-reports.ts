import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  socialReportCharts,
  socialReportView,
  summaryFigures,
  type SocialReportDocument,
} from '@coop/report-templates';
import { ORGANISATION, SOCIAL_REPORT } from '../access/content-types';
import { ACTIVE_STATUS } from '../domain/organisation-types';
import { REPORT_STAGES_PUBLISHED } from '../domain/workflow';
import type { StoredReport } from '../api/social-report/services/social-report';
import { documentOf, socialReports } from './social-report-document';

type PublicOrganisation = {
  documentId: string;
  name: string;
  slug: string;
  organisationType: string;
  city: string | null;
  province: { name: string; code: string; region: { name: string } | null } | null;
};

/** An active organisation as the public sees it, by its slug; null when there is none (or it is not active). */
const activeOrganisation = async (strapi: Core.Strapi, slug: string): Promise<PublicOrganisation | null> =>
  (await strapi.documents(ORGANISATION).findFirst({
    filters: { slug: { $eq: slug }, platformStatus: { $eq: ACTIVE_STATUS } },
    fields: ['documentId', 'name', 'slug', 'organisationType', 'city'],
    populate: { province: { fields: ['name', 'code'], populate: { region: { fields: ['name'] } } } },
  } as never)) as unknown as PublicOrganisation | null;

/** What the public may know of each published report: the year and its dates. */
export const publishedReportsOf = async (strapi: Core.Strapi, slug: string) => {
  const organisation = await activeOrganisation(strapi, slug);
  if (!organisation) return null;
  const rows = (await strapi.documents(SOCIAL_REPORT).findMany({
    filters: { organisation: { documentId: organisation.documentId }, stage: { $in: REPORT_STAGES_PUBLISHED } },
    fields: ['year', 'approvalDate', 'depositDate'],
    sort: 'year:desc',
    limit: 100,
  } as never)) as unknown as { year: number; approvalDate: string | null; depositDate: string | null }[];
  return rows.map((row) => ({
    year: row.year,
    title: `Bilancio sociale ${row.year}`,
    approvalDate: row.approvalDate,
    depositDate: row.depositDate,
  }));
};

/** A published report of an active organisation with what its document shows; null otherwise. */
export const publishedReport = async (
  strapi: Core.Strapi,
  slug: string,
  year: number,
): Promise<{ organisation: PublicOrganisation; report: StoredReport; document: SocialReportDocument } | null> => {
  if (!Number.isInteger(year)) return null;
  const organisation = await activeOrganisation(strapi, slug);
  if (!organisation) return null;
  const report = await socialReports(strapi).reportOfYear(organisation.documentId, year);
  if (!report || !REPORT_STAGES_PUBLISHED.includes(report.stage)) return null;
  return { organisation, report, document: await documentOf(strapi, report) };
};

/** Changes whenever anything the document shows changes (pictures by their bytes). */
export const documentVersion = (document: SocialReportDocument): string =>
  createHash('sha256')
    .update(
      JSON.stringify(document, (_key, value: unknown) =>
        value instanceof Uint8Array ||
        (value && typeof value === 'object' && (value as { type?: string }).type === 'Buffer')
          ? createHash('sha256')
              .update(value instanceof Uint8Array ? value : Buffer.from((value as { data: number[] }).data))
              .digest('hex')
          : value,
      ),
    )
    .digest('hex');

/**
 * The published report as the portal shows it: the same sections, figures and tables as its PDF,
 * the key indicators beside last year's (an approved report of last year only), the charts as data.
 * Built field by field: nothing else of the stored report leaves the CMS.
 */
export const publicReportView = (found: NonNullable<Awaited<ReturnType<typeof publishedReport>>>) => {
  const { organisation, report, document } = found;
  const view = socialReportView(document, new Date());
  const attestation = document.attestation;
  return {
    organisation: {
      name: organisation.name,
      slug: organisation.slug,
      organisationType: organisation.organisationType,
      city: organisation.city,
      province: organisation.province ? { name: organisation.province.name, code: organisation.province.code } : null,
      region: organisation.province?.region?.name ?? null,
    },
    year: report.year,
    title: view.title,
    approvalDate: document.approvalDate ?? null,
    depositDate: document.depositDate ?? null,
    depositProtocol: document.depositProtocol ?? null,
    previousYear: document.previousYear ? document.previousYear.year : null,
    summary: {
      previousYear: document.previousYear ? document.previousYear.year : null,
      rows: view.summary.rows,
      figures: summaryFigures(document.report, document.previousYear),
    },
    charts: socialReportCharts(document),
    attestation:
      attestation?.kind === 'attestation'
        ? { kind: attestation.kind, bodyName: attestation.bodyName, date: attestation.date, hasFile: true }
        : attestation?.kind === 'no-control-body'
          ? { kind: attestation.kind, reason: attestation.reason }
          : null,
    cover: { identity: view.cover.identity, approval: view.cover.approval, deposit: view.cover.deposit },
    sections: [view.s1, view.s2, view.s3, view.s4, view.s5, view.s6, view.s7, view.s8],
  };
};
