import { escapeXml } from './images.ts';

/** What a document says about itself: LibreOffice carries it into the PDF's Info and XMP. */
export type DocumentMetadata = {
  title: string;
  /** The organisation the document is by. */
  author: string;
  subject: string;
  /** The year goes here too, so a search of an archive finds the document by year. */
  keywords: string[];
};

export const DOCUMENT_LANGUAGE = 'it-IT';

/** The ODT's meta.xml for the document: title, author, subject, keywords and the Italian language. */
export const metaXml = (metadata: DocumentMetadata): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" ' +
  'office:version="1.3"><office:meta>' +
  '<meta:generator>coop-platform report-templates</meta:generator>' +
  `<dc:title>${escapeXml(metadata.title)}</dc:title>` +
  `<dc:subject>${escapeXml(metadata.subject)}</dc:subject>` +
  metadata.keywords.map((keyword) => `<meta:keyword>${escapeXml(keyword)}</meta:keyword>`).join('') +
  `<meta:initial-creator>${escapeXml(metadata.author)}</meta:initial-creator>` +
  `<dc:creator>${escapeXml(metadata.author)}</dc:creator>` +
  `<dc:language>${DOCUMENT_LANGUAGE}</dc:language>` +
  '</office:meta></office:document-meta>';
