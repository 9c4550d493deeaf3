// Social reports in tests: a complete report for a past year, the control body's attestation, and
// moves along the workflow with what each move asks for.
import type { AdminSession } from './admin-api.ts';
import type { ContentApi } from './content-api.ts';

/** Every section, as deep as the report's components go (the content API's populate syntax). */
const SECTIONS_POPULATE = [
  'populate[methodology]=true',
  'populate[generalInfo]=true',
  'populate[governance][populate][memberGroups]=true',
  'populate[governance][populate][bodies][populate][members]=true',
  'populate[governance][populate][stakeholders]=true',
  'populate[people][populate][staff]=true',
  'populate[people][populate][volunteers]=true',
  'populate[workIntegration][populate][disadvantagedWorkers]=true',
  'populate[consortium]=true',
  'populate[activities][populate][beneficiaries]=true',
  'populate[economics][populate][revenues]=true',
  'populate[otherInfo]=true',
  'populate[controlMonitoring]=true',
  'populate[omissions]=true',
  'populate[organisation][fields][0]=documentId',
].join('&');

const SECTIONS = [
  'methodology',
  'generalInfo',
  'governance',
  'people',
  'workIntegration',
  'consortium',
  'activities',
  'economics',
  'otherInfo',
  'controlMonitoring',
  'omissions',
];

const withoutIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, inner]) => [key, withoutIds(inner)]),
    );
  }
  return value;
};

export type StoredReport = { documentId: string; year: number; organisation: { documentId: string } } & Record<
  string,
  unknown
>;

/** A report with every section, through the content API. */
export const reportWithSections = async (api: ContentApi, documentId: string): Promise<StoredReport> =>
  (await api.json<{ data: StoredReport }>('GET', `/social-reports/${documentId}?${SECTIONS_POPULATE}`)).data;

/** A complete report of another year: the same sections, texts and figures as `source`. */
export const copyOfReport = async (api: ContentApi, source: string, year: number): Promise<string> => {
  const report = await reportWithSections(api, source);
  const { data } = await api.json<{ data: { documentId: string } }>('POST', '/social-reports', {
    data: {
      year,
      organisation: report.organisation.documentId,
      ...Object.fromEntries(SECTIONS.map((section) => [section, withoutIds(report[section] ?? null)])),
    },
  });
  return data.documentId;
};

/** A one-page PDF with the given text, as the control body's office would send it. */
export const pdfWith = (text: string): Blob => {
  const content = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([body], { type: 'application/pdf' });
};

/** Attaches the control body's attestation, as the report's side panel does. */
export const attachAttestation = (
  session: AdminSession,
  documentId: string,
  attestation: { bodyName: string; date: string; file?: Blob; fileName?: string },
): Promise<Response> => {
  const form = new FormData();
  form.append('noControlBody', 'false');
  form.append('bodyName', attestation.bodyName);
  form.append('date', attestation.date);
  form.append(
    'file',
    attestation.file ?? pdfWith(`Attestazione di conformita del ${attestation.date}`),
    attestation.fileName ?? 'attestazione.pdf',
  );
  return session.request('POST', `/coop/social-reports/${documentId}/attestation`, form);
};

/** What each move of a report asks for, for a report of `year`: plausible dates and a protocol. */
export const moveInputs = (year: number) => ({
  comment: 'Motivo',
  approvalDate: `${year + 1}-04-30`,
  depositDate: `${year + 1}-05-20`,
  depositProtocol: `MI/${year + 1}/0012345`,
});

/** Moves a report along the workflow; throws when refused. */
export const moveReport = async (session: AdminSession, documentId: string, year: number, to: string) => {
  const response = await session.request('POST', `/coop/workflow/social-report/${documentId}`, {
    to,
    ...moveInputs(year),
  });
  if (!response.ok) throw new Error(`${documentId} → ${to}: ${response.status} ${await response.text()}`);
};

const STAGES = ['In compilazione', 'Confermato', 'Approvato', 'Depositato', 'Pubblicato'];

/**
 * Takes a complete report of `year` from where it is to `stage`; once confirmed it gets the control
 * body's attestation, as it would before going to the assembly.
 */
export const advanceReport = async (
  session: AdminSession,
  documentId: string,
  year: number,
  from: string,
  stage: string,
): Promise<void> => {
  for (const to of STAGES.slice(STAGES.indexOf(from) + 1, STAGES.indexOf(stage) + 1)) {
    await moveReport(session, documentId, year, to);
    if (to === 'Confermato') {
      const attached = await attachAttestation(session, documentId, {
        bodyName: 'Collegio sindacale',
        date: `${year + 1}-04-15`,
      });
      if (!attached.ok) throw new Error(`attestation of ${documentId}: ${attached.status} ${await attached.text()}`);
    }
  }
};
