import { isConsortium } from '@coop/vocabulary/organisation-types';
import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import { computeIndicators, type Indicators } from '@coop/report-templates/social-report/indicators';
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { computeCompleteness, type Completeness } from '../../../domain/social-report/completeness';
import { figuresByKey } from '../../../domain/social-report/comparison';
import { aggregateMembers, type ConsortiumAggregate } from '../../../domain/social-report/consortium-aggregate';
import { deadlineOf, describeDeadline, type DepositDeadline } from '../../../domain/social-report/deposit';
import {
  narrativeField,
  nextYearStart,
  REPORT_SECTIONS,
  type CarriedOver,
} from '../../../domain/social-report/next-year';
import { REPORT_STAGES_APPROVED, REPORT_STAGES_BEFORE_DEPOSIT, type ReportStage } from '../../../domain/workflow';
import { SOCIAL_REPORT_SECTIONS_POPULATE, SOCIAL_REPORT_UID } from '../../../documents/social-report';
import { asWorkflow } from '../../../workflow/context';

export type StoredAttestation = {
  noControlBody: boolean | null;
  bodyName: string | null;
  date: string | null;
  noControlBodyReason: string | null;
  recordedBy: string | null;
  file: { id: number; name: string; url: string; mime: string; size: number } | null;
};

export type StoredReport = SocialReportContent & {
  documentId: string;
  title: string | null;
  stage: ReportStage;
  approvalDate: string | null;
  depositDate: string | null;
  depositProtocol: string | null;
  carriedOver: CarriedOver | null;
  controlAttestation: StoredAttestation | null;
  updatedAt: string;
  organisation: {
    documentId: string;
    name: string;
    slug: string;
    members: { documentId: string; name: string }[];
  } | null;
};

/** A report with every section, its workflow records and its organisation. */
export const REPORT_POPULATE = {
  ...SOCIAL_REPORT_SECTIONS_POPULATE,
  controlAttestation: { populate: { file: { fields: ['id', 'name', 'url', 'mime', 'size'] } } },
  organisation: { fields: ['documentId', 'name', 'slug'], populate: { members: { fields: ['documentId', 'name'] } } },
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

const withDescription = (deadline: DepositDeadline) => ({ ...deadline, description: describeDeadline(deadline) });

export type ReportCompleteness = Completeness & {
  indicators: Indicators;
  consortium: ConsortiumAggregate | null;
  /** The deposit deadline, for a report not yet deposited. */
  deposit: (DepositDeadline & { description: string }) | null;
  year: number;
  stage: ReportStage;
  /** The control body's attestation as recorded, for the panel. */
  attestation: StoredAttestation | null;
};

export default factories.createCoreService(SOCIAL_REPORT_UID, ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The report with every section and its organisation, or null. */
  async findWithSections(documentId: string): Promise<StoredReport | null> {
    return (await strapi.documents(SOCIAL_REPORT_UID).findOne({
      documentId,
      populate: REPORT_POPULATE,
    } as never)) as unknown as StoredReport | null;
  },

  /** The same organisation's report of another year, or null. */
  async reportOfYear(organisation: string, year: number): Promise<StoredReport | null> {
    return (await strapi.documents(SOCIAL_REPORT_UID).findFirst({
      filters: { year, organisation: { documentId: organisation } },
      populate: REPORT_POPULATE,
    } as never)) as unknown as StoredReport | null;
  },

  /**
   * A consortium's members with their reports of the same year, gathered into one set of figures.
   * `approvedOnly`: only reports their assemblies approved count (what a document may show).
   */
  async consortiumAggregate(
    report: StoredReport,
    options: { approvedOnly?: boolean } = {},
  ): Promise<ConsortiumAggregate> {
    const members = report.organisation?.members ?? [];
    const memberReports = await Promise.all(
      members.map(async (member) => {
        const found = (await strapi.documents(SOCIAL_REPORT_UID).findFirst({
          filters: {
            year: report.year,
            organisation: { documentId: member.documentId },
            ...(options.approvedOnly ? { stage: { $in: REPORT_STAGES_APPROVED } } : {}),
          },
          populate: SOCIAL_REPORT_SECTIONS_POPULATE,
        } as never)) as unknown as StoredReport | null;
        return { organisationName: member.name, report: found ?? null };
      }),
    );
    return aggregateMembers(memberReports);
  },

  /** Which mandatory items are missing and the derived figures: for the admin and for report generation. */
  async completeness(documentId: string): Promise<ReportCompleteness | null> {
    const report = await this.findWithSections(documentId);
    return report ? this.completenessOf(report) : null;
  },

  /** The same, for a report already loaded with its sections. */
  async completenessOf(report: StoredReport): Promise<ReportCompleteness> {
    return {
      ...computeCompleteness(report, {
        consortiumMemberCount: report.organisation?.members.length ?? 0,
        carriedOver: report.carriedOver,
      }),
      indicators: computeIndicators(report),
      consortium: isConsortium(report.organisationType) ? await this.consortiumAggregate(report) : null,
      deposit: REPORT_STAGES_BEFORE_DEPOSIT.includes(report.stage) ? withDescription(deadlineOf(report.year)) : null,
      year: report.year,
      stage: report.stage,
      attestation: report.controlAttestation ?? null,
    };
  },

  /**
   * Starts next year's report of the same organisation from this one: its sections, rows and
   * texts, no figures (they stay last year's, shown beside each field), every text marked
   * "da aggiornare".
   */
  async startNextYear(documentId: string): Promise<{ documentId: string; year: number }> {
    const report = await this.findWithSections(documentId);
    if (!report?.organisation) throw new errors.NotFoundError('Bilancio sociale non trovato');
    const year = report.year + 1;
    const { sections, carriedOver } = nextYearStart(withoutIds(report) as StoredReport);
    // The record of copied texts is the workflow's own field: nobody writes it by hand.
    const created = await asWorkflow(() =>
      strapi.documents(SOCIAL_REPORT_UID).create({
        data: {
          ...sections,
          year,
          organisation: report.organisation?.documentId,
          stage: 'In compilazione',
          carriedOver,
        },
      } as never),
    );
    return { documentId: created.documentId, year };
  },

  /** Confirms a text copied from last year as still true: it no longer counts as "da aggiornare". */
  async confirmCarriedText(documentId: string, path: string): Promise<void> {
    const report = await this.findWithSections(documentId);
    if (!report) throw new errors.NotFoundError('Bilancio sociale non trovato');
    if (report.stage !== 'In compilazione') {
      throw new errors.PolicyError(
        `Il bilancio è «${report.stage}»: resta in sola lettura finché il Responsabile non lo riapre`,
      );
    }
    const carried = report.carriedOver?.texts?.[path];
    const field = narrativeField(path);
    if (!report.carriedOver || !carried || !field) {
      throw new errors.ValidationError('Testo da aggiornare: questo testo non è stato copiato dall’anno precedente');
    }
    const carriedOver: CarriedOver = {
      ...report.carriedOver,
      texts: { ...report.carriedOver.texts, [path]: { ...carried, confirmed: true } },
    };
    await asWorkflow(() => strapi.documents(SOCIAL_REPORT_UID).update({ documentId, data: { carriedOver } } as never));
  },

  /** Last year's figures of the same organisation, by field, for the comparison beside each field. */
  async comparison(documentId: string): Promise<{ year: number; figures: Record<string, number> } | null> {
    const report = await this.findWithSections(documentId);
    if (!report?.organisation) return null;
    const previous = await this.reportOfYear(report.organisation.documentId, report.year - 1);
    if (!previous) return null;
    // The sections only: the workflow's records are no figures to compare with.
    const sections = Object.fromEntries(REPORT_SECTIONS.map((name) => [name, previous[name] ?? null]));
    return { year: previous.year, figures: figuresByKey(sections) };
  },
}));
