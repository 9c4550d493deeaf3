import { ConversionError } from './errors.ts';

/** PDF output: PDF/A-1b (what the Registro delle imprese accepts), PDF/A-2b, or plain PDF. */
export type PdfProfile = '1b' | '2b' | 'off';

export const PDF_PROFILES: readonly PdfProfile[] = ['1b', '2b', 'off'];

export const isPdfProfile = (value: unknown): value is PdfProfile => PDF_PROFILES.includes(value as PdfProfile);

/** A configured profile; empty means the default, PDF/A-1b. */
export const pdfProfileOf = (value: string | undefined): PdfProfile => {
  const profile = (value ?? '').trim().toLowerCase() || '1b';
  if (!isPdfProfile(profile)) {
    throw new ConversionError(
      'CONVERSION_FAILED',
      `Profilo PDF "${value}" non previsto (REPORT_PDFA): scegliere tra 1b, 2b e off`,
    );
  }
  return profile;
};

const PART: Record<PdfProfile, number> = { '1b': 1, '2b': 2, off: 0 };

/**
 * LibreOffice's PDF export options (its FilterData): the PDF/A part, tagged structure for screen
 * readers (PDF/A-1 forces it anyway), bookmarks from the headings, every font embedded.
 * PDF/A also makes LibreOffice leave out transparency; pictures arrive without an alpha channel.
 */
export const pdfExportOptions = (profile: PdfProfile): Record<string, boolean | number> => ({
  SelectPdfVersion: PART[profile],
  UseTaggedPDF: true,
  ExportBookmarks: true,
  EmbedStandardFonts: true,
  DisplayPDFDocumentTitle: true,
  ExportFormFields: false,
  ExportNotes: false,
});

const CONFORMANCE = /<pdfaid:conformance>([AB])<\/pdfaid:conformance>/;
const PART_CLAIM = /<pdfaid:part>(\d)<\/pdfaid:part>/;

/**
 * The PDF/A claim of a converted document, checked and stated as asked. LibreOffice 7.4 labels
 * every PDF/A-1 it writes as level A (accessible); level A includes every requirement of level B,
 * so the file is also PDF/A-1b and says so, the level asked for. The XMP packet is uncompressed and
 * the label one byte long, so it is rewritten in place without moving any object.
 */
export const declarePdfA = (pdf: Buffer, profile: PdfProfile): Buffer => {
  if (profile === 'off') return pdf;
  const xmpStart = pdf.indexOf('<x:xmpmeta');
  const xmpEnd = xmpStart < 0 ? -1 : pdf.indexOf('</x:xmpmeta>', xmpStart);
  const xmp = xmpEnd < 0 ? '' : pdf.subarray(xmpStart, xmpEnd).toString('latin1');
  const part = PART_CLAIM.exec(xmp)?.[1];
  const conformance = CONFORMANCE.exec(xmp);
  if (part !== String(PART[profile]) || !conformance) {
    throw new ConversionError(
      'CONVERSION_FAILED',
      `LibreOffice non ha prodotto un PDF/A-${profile} (metadati XMP: parte ${part ?? 'assente'})`,
    );
  }
  if (conformance[1] === 'B') return pdf;
  const at = xmpStart + (conformance.index ?? 0) + '<pdfaid:conformance>'.length;
  const declared = Buffer.from(pdf);
  declared.write('B', at, 'latin1');
  return declared;
};
