import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { ensureOrganisationFolder } from '../media/organisation-folders';
import { errors } from '@strapi/utils';
import { displayName } from '../access/admin-accounts';
import { SOCIAL_REPORT, WORKFLOW_EVENT } from '../access/content-types';
import {
  BODY_NAME_MAX_LENGTH,
  isIsoDate,
  mayLackControlBody,
  REASON_MAX_LENGTH,
  todayInRome,
} from '../domain/social-report/deposit';
import { isBlank } from '../domain/text-length';
import type { StoredReport } from '../api/social-report/services/social-report';
import { asWorkflow } from '../workflow/context';
import { socialReports } from './social-report-document';
import { uploadService } from '../strapi/services';

/** A file as Strapi's body parser hands it over (formidable). */
export type UploadedFile = {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
};

export type AttestationInput = {
  noControlBody?: unknown;
  bodyName?: unknown;
  date?: unknown;
  reason?: unknown;
};

type AdminUser = { id: number; email: string; firstname?: string | null; lastname?: string | null };

/** Stages in which the attestation may still be attached or replaced: before the assembly approves. */
const OPEN_STAGES = ['In compilazione', 'Confermato'];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 'on';

const isPdf = async (file: UploadedFile): Promise<boolean> => {
  const head = (await readFile(file.filepath)).subarray(0, 1024).toString('latin1');
  return head.includes('%PDF-');
};

const checkedInput = async (report: StoredReport, input: AttestationInput, file: UploadedFile | null) => {
  if (flag(input.noControlBody)) {
    if (!mayLackControlBody(report.organisationType)) {
      throw new errors.ValidationError(
        `Organo di controllo: per una «${report.organisationType}» la legge ne richiede uno (art. 10 d.lgs. 112/2017): allegare la sua attestazione`,
      );
    }
    const reason = text(input.reason);
    if (isBlank(reason)) {
      throw new errors.ValidationError(
        'Motivo: indicare perché l’organizzazione non ha un organo di controllo (per esempio i limiti dell’art. 2477 c.c. non superati)',
      );
    }
    if ([...reason].length > REASON_MAX_LENGTH) {
      throw new errors.ValidationError(`Motivo: al massimo ${REASON_MAX_LENGTH} caratteri`);
    }
    return { noControlBody: true, noControlBodyReason: reason, bodyName: null, date: null } as const;
  }
  const bodyName = text(input.bodyName);
  if (isBlank(bodyName)) {
    throw new errors.ValidationError('Organo di controllo: indicare il nome (per esempio «Collegio sindacale»)');
  }
  if ([...bodyName].length > BODY_NAME_MAX_LENGTH) {
    throw new errors.ValidationError(`Organo di controllo: al massimo ${BODY_NAME_MAX_LENGTH} caratteri`);
  }
  const date = input.date;
  if (!isIsoDate(date)) throw new errors.ValidationError('Data dell’attestazione: indicare la data (AAAA-MM-GG)');
  if (date <= `${report.year}-12-31`) {
    throw new errors.ValidationError(
      `Data dell’attestazione: l’organo di controllo attesta il bilancio ${report.year} dopo la chiusura dell’esercizio`,
    );
  }
  if (date > todayInRome()) throw new errors.ValidationError('Data dell’attestazione: non può essere nel futuro');
  if (!file) throw new errors.ValidationError('File dell’attestazione: allegare l’attestazione in PDF');
  if (!(await isPdf(file))) {
    throw new errors.ValidationError(
      `File dell’attestazione: «${file.originalFilename ?? 'file'}» non è un PDF; allegare l’attestazione in PDF`,
    );
  }
  return { noControlBody: false, noControlBodyReason: null, bodyName, date } as const;
};

/**
 * Records the control body's attestation of conformity (a PDF, its date, the body's name), or
 * that the organisation has none where the law allows it. Only before the approval, and written
 * in the report's history.
 */
export const recordAttestation = async (
  strapi: Core.Strapi,
  documentId: string,
  user: AdminUser,
  input: AttestationInput,
  file: UploadedFile | null,
): Promise<StoredReport['controlAttestation']> => {
  const report = await socialReports(strapi).findWithSections(documentId);
  if (!report?.organisation) throw new errors.NotFoundError('Bilancio sociale non trovato');
  if (!OPEN_STAGES.includes(report.stage)) {
    throw new errors.PolicyError(
      `Il bilancio è «${report.stage}»: l’attestazione si allega prima dell’approvazione dell’assemblea`,
    );
  }
  const checked = await checkedInput(report, input, file);
  const recordedBy = displayName(user);
  let fileId: number | null = null;
  if (!checked.noControlBody && file) {
    const [uploaded] = (await uploadService(strapi).upload(
      {
        data: {
          fileInfo: {
            // In the organisation's own folder, like every file of its documents.
            folder: (await ensureOrganisationFolder(strapi, report.organisation.documentId)).id,
            name: file.originalFilename || `attestazione-${report.year}.pdf`,
            caption: `Attestazione dell’organo di controllo sul bilancio sociale ${report.year} di ${report.organisation.name}`,
          },
        },
        files: Object.assign(file, { mimetype: 'application/pdf' }),
      },
      { user },
    )) as { id: number }[];
    fileId = uploaded?.id ?? null;
  }
  const controlAttestation = { ...checked, recordedBy, file: fileId };
  const comment = checked.noControlBody
    ? `Registrato che l’organizzazione non ha un organo di controllo: ${checked.noControlBodyReason}`
    : `Allegata l’attestazione di conformità: ${checked.bodyName}, ${checked.date}`;
  await strapi.db.transaction(() =>
    asWorkflow(async () => {
      await strapi.documents(SOCIAL_REPORT).update({ documentId, data: { controlAttestation } } as never);
      await strapi.documents(WORKFLOW_EVENT).create({
        data: {
          subjectType: 'Bilancio sociale',
          subjectDocumentId: documentId,
          subjectTitle: report.title ?? null,
          organisation: report.organisation?.documentId,
          fromStage: report.stage,
          toStage: report.stage,
          comment,
          actorName: recordedBy,
          actorEmail: user.email,
        },
      } as never);
    }),
  );
  return (await socialReports(strapi).findWithSections(documentId))?.controlAttestation ?? null;
};
