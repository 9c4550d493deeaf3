import type { ConsortiumMembers } from '@coop/report-templates';
import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import { computeIndicators } from '@coop/report-templates/social-report/indicators';

export type MemberReport = { organisationName: string; report: SocialReportContent | null };

/** The figures the social report document shows for a consortium's members. */
export type ConsortiumAggregate = ConsortiumMembers;

/** A consortium's figures gathered from its members' reports of the same year. */
export const aggregateMembers = (memberReports: MemberReport[]): ConsortiumAggregate => {
  const totals = {
    workers: 0,
    volunteers: 0,
    revenues: 0,
    publicContributions: 0,
    privateContributions: 0,
    disadvantagedWorkers: 0,
  };
  for (const { report } of memberReports) {
    if (!report) continue;
    const indicators = computeIndicators(report);
    totals.workers += indicators.workers.total;
    totals.volunteers += indicators.volunteers;
    totals.revenues += indicators.revenues.total;
    totals.publicContributions += indicators.revenues.publicContributions;
    totals.privateContributions += indicators.revenues.privateContributions;
    totals.disadvantagedWorkers += indicators.disadvantaged?.count ?? 0;
  }
  return {
    members: memberReports.map(({ organisationName, report }) => ({
      name: organisationName,
      hasReport: report !== null,
    })),
    ...totals,
  };
};
