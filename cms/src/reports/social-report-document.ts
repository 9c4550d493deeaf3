import type { Core } from '@strapi/strapi';
import type { OrganisationProfile, SocialReportContent, SocialReportDocument } from '@coop/report-templates';
import { errors } from '@strapi/utils';
import { ORGANISATION, SOCIAL_REPORT } from '../access/content-types';
import { SOCIAL_REPORT_SECTIONS_POPULATE } from '../documents/social-report';
import { imageAsset, type StoredImage } from './images';

type StoredOrganisation = Omit<OrganisationProfile, 'logo' | 'province' | 'region'> & {
  documentId: string;
  logo: StoredImage;
  province: { code: string; region: { name: string } | null } | null;
};

type StoredReport = SocialReportContent & {
  documentId: string;
  approvalDate: string | null;
  depositDate: string | null;
  organisation: { documentId: string } | null;
};

type SocialReportService = {
  findWithSections: (documentId: string) => Promise<unknown>;
  completenessOf: (report: unknown) => Promise<{
    missing: { label: string; sectionTitle: string }[];
    consortium: SocialReportDocument['consortium'];
  }>;
};

const reports = (strapi: Core.Strapi) => strapi.service(SOCIAL_REPORT) as unknown as SocialReportService;

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

/**
 * Everything the social report document needs, from the CMS: the report, its organisation with
 * the logo, last year's report for the comparison and, for a consortium, its members' figures.
 * Refuses a report whose mandatory items are missing without a reason, listing them.
 */
export const socialReportDocument = async (
  strapi: Core.Strapi,
  documentId: string,
): Promise<SocialReportDocument | null> => {
  const report = (await reports(strapi).findWithSections(documentId)) as StoredReport | null;
  if (!report?.organisation) return null;
  const { missing, consortium } = await reports(strapi).completenessOf(report);
  if (missing.length > 0) {
    throw new errors.ValidationError(
      `Il bilancio sociale non si può generare: ${missing.length === 1 ? 'manca una voce obbligatoria' : `mancano ${missing.length} voci obbligatorie`} senza la motivazione dell'omissione: ${missing.map((item) => `${item.label} (${item.sectionTitle})`).join('; ')}`,
      { missing },
    );
  }
  const previousYear = (await strapi.documents(SOCIAL_REPORT).findFirst({
    filters: { year: report.year - 1, organisation: { documentId: report.organisation.documentId } },
    populate: SOCIAL_REPORT_SECTIONS_POPULATE,
  } as never)) as unknown as SocialReportContent | null;
  return {
    organisation: await organisationProfile(strapi, report.organisation.documentId),
    report,
    previousYear,
    consortium,
    approvalDate: report.approvalDate,
    depositDate: report.depositDate,
  };
};
