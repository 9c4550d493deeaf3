import { isConsortium } from '@coop/report-templates/organisation';
import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import { computeIndicators, type Indicators } from '@coop/report-templates/social-report/indicators';
import { factories, type Core } from '@strapi/strapi';
import { computeCompleteness, type Completeness } from '../../../domain/social-report/completeness';
import { aggregateMembers, type ConsortiumAggregate } from '../../../domain/social-report/consortium-aggregate';
import { SOCIAL_REPORT_SECTIONS_POPULATE, SOCIAL_REPORT_UID } from '../../../documents/social-report';

type StoredReport = SocialReportContent & {
  documentId: string;
  organisation: { documentId: string; name: string; members: { documentId: string; name: string }[] } | null;
};

/** Drops the database ids of components, so a copy creates new ones. */
const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id' && key !== '__component')
        .map(([key, inner]) => [key, withoutIds(inner)]),
    );
  }
  return value;
};

const SECTIONS = Object.keys(SOCIAL_REPORT_SECTIONS_POPULATE);

export default factories.createCoreService(SOCIAL_REPORT_UID, ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The report with every section and its organisation, or null. */
  async findWithSections(documentId: string): Promise<StoredReport | null> {
    return (await strapi.documents(SOCIAL_REPORT_UID).findOne({
      documentId,
      populate: {
        ...SOCIAL_REPORT_SECTIONS_POPULATE,
        organisation: { fields: ['documentId', 'name'], populate: { members: { fields: ['documentId', 'name'] } } },
      },
    } as never)) as unknown as StoredReport | null;
  },

  /** A consortium's members with their reports of the same year, gathered into one set of figures. */
  async consortiumAggregate(report: StoredReport): Promise<ConsortiumAggregate> {
    const members = report.organisation?.members ?? [];
    const memberReports = await Promise.all(
      members.map(async (member) => {
        const found = await strapi.documents(SOCIAL_REPORT_UID).findFirst({
          filters: { year: report.year, organisation: { documentId: member.documentId } },
          populate: SOCIAL_REPORT_SECTIONS_POPULATE,
        } as never);
        return { organisationName: member.name, report: (found as unknown as StoredReport | null) ?? null };
      }),
    );
    return aggregateMembers(memberReports);
  },

  /** Which mandatory items are missing and the derived figures: for the admin and for report generation. */
  async completeness(
    documentId: string,
  ): Promise<(Completeness & { indicators: Indicators; consortium: ConsortiumAggregate | null }) | null> {
    const report = await this.findWithSections(documentId);
    return report ? this.completenessOf(report) : null;
  },

  /** The same, for a report already loaded with its sections. */
  async completenessOf(
    report: StoredReport,
  ): Promise<Completeness & { indicators: Indicators; consortium: ConsortiumAggregate | null }> {
    return {
      ...computeCompleteness(report, { consortiumMemberCount: report.organisation?.members.length ?? 0 }),
      indicators: computeIndicators(report),
      consortium: isConsortium(report.organisationType) ? await this.consortiumAggregate(report) : null,
    };
  },

  /** Starts next year's report of the same organisation from this one's data. */
  async startNextYear(documentId: string): Promise<{ documentId: string; year: number }> {
    const report = await this.findWithSections(documentId);
    if (!report?.organisation) throw new Error(`Social report ${documentId} not found`);
    const year = report.year + 1;
    const sections = Object.fromEntries(
      SECTIONS.filter((section) => section !== 'omissions').map((section) => [
        section,
        withoutIds(report[section as keyof StoredReport]),
      ]),
    );
    const created = await strapi.documents(SOCIAL_REPORT_UID).create({
      data: { ...sections, year, organisation: report.organisation.documentId },
    } as never);
    return { documentId: created.documentId, year };
  },
}));
