import { isOrganisationType } from '@coop/vocabulary/organisation-types';
import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import type { Core } from '@strapi/strapi';
import type { FieldError } from '../domain/field-error';
import { validateSocialReport } from '../domain/social-report/completeness';
import { refuseIfAny } from './validation-error';
import { validateWrites, type WriteAction, type WriteParams } from './validate-writes';
import { fetchTargets, pendingDocument } from './write-context';

export const SOCIAL_REPORT_UID = 'api::social-report.social-report';
const ORGANISATION_UID = 'api::organisation.organisation';

/** Every section component, populated deeply enough for the rules. */
export const SOCIAL_REPORT_SECTIONS_POPULATE = {
  methodology: true,
  generalInfo: true,
  governance: { populate: { memberGroups: true, bodies: { populate: { members: true } }, stakeholders: true } },
  people: { populate: { staff: true, volunteers: true } },
  workIntegration: { populate: { disadvantagedWorkers: true } },
  consortium: true,
  activities: { populate: { beneficiaries: true } },
  economics: { populate: { revenues: true } },
  otherInfo: true,
  controlMonitoring: true,
  omissions: true,
} as const;

const SECTIONS = Object.keys(SOCIAL_REPORT_SECTIONS_POPULATE) as (keyof typeof SOCIAL_REPORT_SECTIONS_POPULATE)[];

const checkSocialReport = async (strapi: Core.Strapi, params: WriteParams, action: WriteAction): Promise<void> => {
  const data = (params.data ??= {});
  const pending = await pendingDocument(strapi, SOCIAL_REPORT_UID, params, {
    organisation: { fields: ['documentId'] },
    ...SOCIAL_REPORT_SECTIONS_POPULATE,
  });
  const [organisationId] = await pending.relation('organisation');
  const errors: FieldError[] = [];
  const year = Number(pending.value('year'));

  const [organisation] = await fetchTargets<{ name: string; organisationType: string }>(
    strapi,
    ORGANISATION_UID,
    organisationId ? [organisationId] : [],
    ['name', 'organisationType'],
  );
  if (!organisation) {
    errors.push({
      path: ['organisation'],
      message: "Organizzazione: ogni bilancio sociale appartiene a un'organizzazione",
    });
  } else {
    // The report takes its organisation's type: it decides which parts of the form apply.
    data.organisationType = organisation.organisationType;
    data.title = `Bilancio sociale ${year} · ${organisation.name}`;
    const sameYear = (await strapi.db.query(SOCIAL_REPORT_UID).findOne({
      where: {
        year,
        organisation: { documentId: organisation.documentId },
        // A copy is a new report: the source's own year counts against it.
        ...(action === 'update' && params.documentId ? { documentId: { $ne: params.documentId } } : {}),
      },
      select: ['id'],
    })) as { id: number } | null;
    if (sameYear) {
      errors.push({
        path: ['year'],
        message: `Anno: ${organisation.name} ha già un bilancio sociale per il ${year}`,
      });
    }
  }

  const report = {
    year,
    organisationType: isOrganisationType(organisation?.organisationType) ? organisation.organisationType : null,
    ...Object.fromEntries(SECTIONS.map((section) => [section, pending.value(section) ?? null])),
  } as SocialReportContent;
  refuseIfAny([...errors, ...validateSocialReport(report)]);
};

/** Social reports: one per organisation and year, consistent figures, the organisation's type. */
export const socialReportMiddleware = validateWrites(SOCIAL_REPORT_UID, checkSocialReport);
