import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SOCIAL_REPORT } from '../access/content-types';
import { approvalDateProblem, checkDeposit } from '../domain/social-report/deposit';
import type { Transition } from '../domain/workflow';

export type ReportTransitionInput = {
  approvalDate?: unknown;
  depositDate?: unknown;
  depositProtocol?: unknown;
};

type StoredReport = {
  year: number;
  approvalDate: string | null;
  controlAttestation: { noControlBody: boolean | null; date: string | null; file: { id: number } | null } | null;
};

export const ATTESTATION_MISSING =
  'Prima dell’approvazione va allegata l’attestazione di conformità dell’organo di controllo, con la data e il nome dell’organo (o registrato che l’organizzazione non ne ha, dove la legge lo consente): riquadro «Completezza (linee guida)»';

/** The control body's attestation is there: a PDF with its date, or the record that there is no such body. */
export const hasAttestation = (attestation: StoredReport['controlAttestation']): boolean =>
  attestation !== null &&
  (attestation.noControlBody === true || (attestation.file !== null && attestation.date !== null));

/**
 * What a report's move writes besides its stage, once its preconditions hold: the approval needs
 * the control body's attestation first and a plausible date; the deposit its date and protocol
 * number. Throws a ValidationError naming the field otherwise.
 */
export const reportTransitionData = async (
  strapi: Core.Strapi,
  documentId: string,
  transition: Pick<Transition<string>, 'requiresApprovalDate' | 'requiresDeposit'>,
  input: ReportTransitionInput,
): Promise<Record<string, unknown>> => {
  // Withdrawing from the portal also goes back to "Depositato": it keeps the deposit as recorded.
  if (!transition.requiresApprovalDate && !transition.requiresDeposit) return {};
  const report = (await strapi.documents(SOCIAL_REPORT).findOne({
    documentId,
    fields: ['year', 'approvalDate'],
    populate: { controlAttestation: { populate: { file: { fields: ['id'] } } } },
  } as never)) as unknown as StoredReport | null;
  if (!report) throw new errors.NotFoundError('Bilancio sociale non trovato');

  if (transition.requiresApprovalDate) {
    if (!hasAttestation(report.controlAttestation)) throw new errors.ValidationError(ATTESTATION_MISSING);
    const attestationDate = report.controlAttestation?.noControlBody ? null : (report.controlAttestation?.date ?? null);
    const problem = approvalDateProblem(input.approvalDate, report.year, attestationDate);
    if (problem) throw new errors.ValidationError(problem);
    return { approvalDate: input.approvalDate };
  }
  const deposit = checkDeposit(input, report.approvalDate);
  if (!deposit.ok) throw new errors.ValidationError(deposit.message);
  return { depositDate: deposit.depositDate, depositProtocol: deposit.depositProtocol };
};
