import type { Core } from '@strapi/strapi';
import type { ControlAttestation, OrganisationProfile, SocialReportDocument } from '@coop/report-templates';
import { errors } from '@strapi/utils';
import { ORGANISATION, SOCIAL_REPORT } from '../access/content-types';
import { REPORT_STAGES_APPROVED } from '../domain/workflow';
import type { ReportCompleteness, StoredAttestation, StoredReport } from '../api/social-report/services/social-report';
import { imageAsset, type StoredImage } from './images';

type StoredOrganisation = Omit<OrganisationProfile, 'logo' | 'province' | 'region'> & {
  documentId: string;
  logo: StoredImage;
  province: { code: string; region: { name: string } | null } | null;
};

type SocialReportService = {
  findWithSections: (documentId: string) => Promise<StoredReport | null>;
  reportOfYear: (organisation: string, year: number) => Promise<StoredReport | null>;
  completeness: (documentId: string) => Promise<ReportCompleteness | null>;
  completenessOf: (report: StoredReport) => Promise<ReportCompleteness>;
  consortiumAggregate: (
    report: StoredReport,
    options?: { approvedOnly?: boolean },
  ) => Promise<ReportCompleteness['consortium'] & object>;
  confirmCarriedText: (documentId: string, path: string) => Promise<void>;
  comparison: (documentId: string) => Promise<{ year: number; figures: Record<string, number> } | null>;
  startNextYear: (documentId: string) => Promise<{ documentId: string; year: number }>;
};

export const socialReports = (strapi: Core.Strapi) => strapi.service(SOCIAL_REPORT) as unknown as SocialReportService;

const organisationProfile = async (strapi: Core.Strapi, documentId: string): Promise<OrganisationProfile> => {
  const organisation = (await strapi.documents(ORGANISATION).findOne({
    documentId,
    fields: [
      'name',
      'organisationType',
      'taxCode',
      'vatNumber',
      'address',
      'postalCode',
      'city',
      'email',
      'pec',
      'website',
      'foundedYear',
    ],
    populate: { logo: true, province: { fields: ['code'], populate: { region: { fields: ['name'] } } } },
  } as never)) as unknown as StoredOrganisation;
  const { logo, province, documentId: _id, ...profile } = organisation;
  return {
    ...profile,
    province: province?.code ?? null,
    region: province?.region?.name ?? null,
    logo: await imageAsset(strapi, logo, `Logo di ${organisation.name}`),
  };
};

/** The control body's attestation as the document lists it. */
export const attestationOf = (stored: StoredAttestation | null): ControlAttestation | null => {
  if (!stored) return null;
  if (stored.noControlBody) return { kind: 'no-control-body', reason: stored.noControlBodyReason ?? '' };
  if (!stored.file || !stored.date) return null;
  return { kind: 'attestation', bodyName: stored.bodyName ?? '', date: stored.date, fileName: stored.file.name };
};

const isApproved = (report: Pick<StoredReport, 'stage'>): boolean => REPORT_STAGES_APPROVED.includes(report.stage);

/**
 * A report as its document shows it. Only an approved report carries its approval (otherwise the
 * document is a BOZZA) and only a deposited one its deposit; last year's figures are compared
 * only when last year's report was approved too, and a consortium's members count with approved
 * reports only: no draft figure reaches a document.
 */
export const documentOf = async (
  strapi: Core.Strapi,
  report: StoredReport,
  known?: ReportCompleteness,
): Promise<SocialReportDocument> => {
  if (!report.organisation) throw new errors.NotFoundError('Bilancio sociale non trovato');
  const [organisation, previous, completeness] = await Promise.all([
    organisationProfile(strapi, report.organisation.documentId),
    socialReports(strapi).reportOfYear(report.organisation.documentId, report.year - 1),
    known ?? socialReports(strapi).completenessOf(report),
  ]);
  // A consortium's document gathers only what its members' assemblies approved.
  const consortium = completeness.consortium
    ? await socialReports(strapi).consortiumAggregate(report, { approvedOnly: true })
    : null;
  const deposited = report.stage === 'Depositato' || report.stage === 'Pubblicato';
  return {
    organisation,
    report: report,
    previousYear: previous && isApproved(previous) ? previous : null,
    consortium,
    approvalDate: isApproved(report) ? report.approvalDate : null,
    depositDate: deposited ? report.depositDate : null,
    depositProtocol: deposited ? report.depositProtocol : null,
    attestation: attestationOf(report.controlAttestation),
  };
};

/**
 * Everything the social report document needs, from the CMS. Refuses a report whose mandatory
 * items are missing without a reason (texts still as copied from last year count as missing),
 * listing them.
 */
export const socialReportDocument = async (
  strapi: Core.Strapi,
  documentId: string,
): Promise<SocialReportDocument | null> => {
  const report = await socialReports(strapi).findWithSections(documentId);
  if (!report?.organisation) return null;
  const completeness = await socialReports(strapi).completenessOf(report);
  const { missing } = completeness;
  if (missing.length > 0) {
    throw new errors.ValidationError(
      `Il bilancio sociale non si può generare: ${missing.length === 1 ? 'manca una voce obbligatoria' : `mancano ${missing.length} voci obbligatorie`} senza la motivazione dell'omissione: ${missing.map((item) => `${item.label} (${item.sectionTitle})`).join('; ')}`,
      { missing },
    );
  }
  return documentOf(strapi, report, completeness);
};
