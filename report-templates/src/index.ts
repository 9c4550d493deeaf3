/**
 * Documents of the platform rendered from plain data: the social report, the practice card and the
 * catalogue of selected practices, as ODT, PDF or DOCX.
 */
export { closeEngine as closeRenderer, type OutputFormat, type RendererOptions } from './engine.ts';
export { isPdfProfile, PDF_PROFILES, type PdfProfile } from './pdfa.ts';
export { RenderQueueFullError, type RenderPriority } from './render-queue.ts';
export type { BarChart, BarSeries } from './charts.ts';
export {
  ConversionError,
  InvalidDataError,
  InvalidImageError,
  LibreOfficeUnavailableError,
  ReportRenderError,
  TemplateError,
  type DataProblem,
  type RenderErrorCode,
} from './errors.ts';
export type { ImageAsset } from './images.ts';
export { ORGANISATION_TYPES, type OrganisationProfile, type OrganisationType } from './organisation.ts';
export { renderPracticeCatalogue, renderPracticeSheet, type PracticeOptions } from './practice/render-practice.ts';
export type { InnovationArea, Partnership, PracticeCatalogue, PracticeSheet } from './practice/types.ts';
export { safeFileName, type RenderedDocument } from './render.ts';
export { renderSocialReport, type SocialReportOptions } from './social-report/render-social-report.ts';
export type { BodyMember, SocialReportContent } from './social-report/content.ts';
export type { ConsortiumMembers, ControlAttestation, SocialReportDocument } from './social-report/types.ts';
export { summaryFigures, type SummaryFigure } from './social-report/summary.ts';
export {
  DRAFT_MARK,
  socialReportCharts,
  socialReportView,
  type ReportChart,
  type SocialReportView,
} from './social-report/view.ts';
