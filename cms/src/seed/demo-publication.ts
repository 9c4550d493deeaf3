import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { SOCIAL_REPORT, WORKFLOW_EVENT } from '../access/content-types';
import { asWorkflow } from '../workflow/context';
import { uploadService } from '../strapi/services';

/** A demo report's way to the portal: attestation, approval, deposit, publication. */
export type DemoPublication = {
  attestation: { bodyName: string; date: string; text: string[] };
  approvalDate: string;
  depositDate: string;
  depositProtocol: string;
};

const escapePdf = (text: string): string => text.replace(/[\\()]/g, (char) => `\\${char}`);

/** A one-page PDF of text lines (Helvetica, WinAnsi), as a control body's office would send it. */
export const textPdf = (lines: string[]): Buffer => {
  const content = ['BT /F1 11 Tf 14 TL 60 780 Td', ...lines.map((line) => `(${escapePdf(line)}) Tj T*`), 'ET'].join(
    '\n',
  );
  const stream = Buffer.from(content, 'latin1');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
};

const STAGES = ['In compilazione', 'Confermato', 'Approvato', 'Depositato', 'Pubblicato'];

/**
 * Takes a seeded report the whole way to the portal, as its Responsabile would have: the control
 * body's attestation, the assembly's approval, the deposit and the publication, each in its history.
 */
export const publishDemoReport = async (
  strapi: Core.Strapi,
  report: { documentId: string; year: number; title: string; organisation: string },
  publication: DemoPublication,
): Promise<void> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-attestation-'));
  try {
    const filepath = path.join(dir, `attestazione-organo-di-controllo-${report.year}.pdf`);
    writeFileSync(filepath, textPdf(publication.attestation.text));
    const [file] = (await uploadService(strapi).upload({
      data: {
        fileInfo: { name: path.basename(filepath), caption: `Attestazione sul bilancio sociale ${report.year}` },
      },
      files: {
        filepath,
        originalFilename: path.basename(filepath),
        mimetype: 'application/pdf',
        size: statSync(filepath).size,
      },
    })) as { id: number }[];
    await asWorkflow(async () => {
      await strapi.documents(SOCIAL_REPORT).update({
        documentId: report.documentId,
        data: {
          stage: 'Pubblicato',
          approvalDate: publication.approvalDate,
          depositDate: publication.depositDate,
          depositProtocol: publication.depositProtocol,
          controlAttestation: {
            noControlBody: false,
            bodyName: publication.attestation.bodyName,
            date: publication.attestation.date,
            file: file?.id ?? null,
            recordedBy: 'Dati dimostrativi',
          },
        },
      } as never);
      for (const [index, toStage] of STAGES.slice(1).entries()) {
        await strapi.documents(WORKFLOW_EVENT).create({
          data: {
            subjectType: 'Bilancio sociale',
            subjectDocumentId: report.documentId,
            subjectTitle: report.title,
            organisation: report.organisation,
            fromStage: STAGES[index],
            toStage,
            comment: toStage === 'Approvato' ? `Approvato dall’assemblea il ${publication.approvalDate}` : null,
            actorName: 'Dati dimostrativi',
            actorEmail: 'demo@piattaforma.local',
          },
        } as never);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
