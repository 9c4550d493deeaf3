import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import { computeIndicators } from '@coop/report-templates/social-report/indicators';
import {
  MANDATORY_ITEMS,
  SECTION_TITLES,
  type ReportContext,
} from '@coop/report-templates/social-report/mandatory-items';
import type { FieldError } from '../field-error';
import { isBlank } from '../text-length';
import { narrativeField, pendingTexts, withoutPendingTexts, type CarriedOver, type NarrativeField } from './next-year';

/**
 * `toUpdate`: the item is there only as copied from last year's report ("da aggiornare"), not yet
 * edited or confirmed; `path` names that text when it is no mandatory item of its own.
 */
export type MissingItem = { label: string; section: number; sectionTitle: string; toUpdate?: true; path?: string };

/** A text copied from last year, waiting to be edited or confirmed. */
export type TextToUpdate = { path: string; label: string; section: number; sectionTitle: string };

export type Completeness = {
  /** Share of the applicable mandatory items that are filled or omitted with a reason, 0–100. */
  percentage: number;
  missing: MissingItem[];
  /** Items left empty on purpose, with the reason the guidelines require. */
  omitted: (MissingItem & { reason: string })[];
  /** Figures that break a legal threshold: shown, not refused. */
  warnings: string[];
  /** Texts copied from last year's report still "da aggiornare"; each counts as missing. */
  toUpdate: TextToUpdate[];
};

export type CompletenessContext = ReportContext & { carriedOver?: CarriedOver | null };

const formatPercent = (share: number): string =>
  new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 1 }).format(share);

/**
 * Which mandatory items of the guidelines are still missing, used by the admin and by report
 * generation. A text carried over from last year and left as it was counts as missing: a mandatory
 * item whose text it is, or else an item of its own.
 */
export const computeCompleteness = (stored: SocialReportContent, context: CompletenessContext): Completeness => {
  const pending = pendingTexts(stored, context.carriedOver);
  const report = withoutPendingTexts(stored, pending);
  const applicable = MANDATORY_ITEMS.filter((item) => item.appliesTo(report.organisationType));
  const reasons = new Map(
    (report.omissions ?? [])
      .filter((omission) => !isBlank(omission.reason))
      .map((omission) => [omission.item, omission.reason ?? '']),
  );
  const describe = (item: (typeof applicable)[number]): MissingItem => ({
    label: item.label,
    section: item.section,
    sectionTitle: SECTION_TITLES[item.section - 1] ?? '',
  });

  const unfilled = applicable.filter((item) => !item.isFilled(report, context));
  const staleItems = new Set(pending.flatMap((field) => (field.item ? [field.item] : [])));
  const mandatoryMissing = unfilled
    .filter((item) => !reasons.has(item.label))
    .map((item) => ({ ...describe(item), ...(staleItems.has(item.label) ? { toUpdate: true as const } : {}) }));
  const sectionTitle = (section: number): string => SECTION_TITLES[section - 1] ?? '';
  const toUpdate = pending.map((field) => ({
    path: field.path,
    label: field.label,
    section: field.section,
    sectionTitle: sectionTitle(field.section),
  }));
  // A copied text that is no mandatory item of this type counts as an item of its own.
  const applicableLabels = new Set(applicable.map((item) => item.label));
  const isOwnItem = (field: NarrativeField): boolean => !field.item || !applicableLabels.has(field.item);
  const ownItems = pending.filter(isOwnItem).map((field) => ({
    label: `${field.label} (da aggiornare)`,
    section: field.section,
    sectionTitle: sectionTitle(field.section),
    toUpdate: true as const,
    path: field.path,
  }));
  const missing = [...mandatoryMissing, ...ownItems].sort((a, b) => a.section - b.section);
  const omitted = unfilled
    .filter((item) => reasons.has(item.label))
    .map((item) => ({ ...describe(item), reason: reasons.get(item.label) ?? '' }));

  const indicators = computeIndicators(report);
  const warnings: string[] = [];
  if (indicators.payRatio?.exceedsCap) {
    const ratio = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 }).format(indicators.payRatio.value);
    warnings.push(
      `Il rapporto tra retribuzione massima e minima (1:${ratio}) supera il limite di 1:${indicators.payRatio.cap}.`,
    );
  }
  if (indicators.disadvantaged?.belowMinimum) {
    warnings.push(
      `I lavoratori svantaggiati sono il ${formatPercent(indicators.disadvantaged.share)} dei lavoratori: ` +
        'la legge 381/1991 ne richiede almeno il 30%.',
    );
  }

  // Copied texts that are no mandatory item count in the total too, done once edited or confirmed.
  const carriedOwn = Object.keys(context.carriedOver?.texts ?? {}).filter((path) => {
    const field = narrativeField(path);
    return field !== undefined && isOwnItem(field);
  }).length;
  const total = applicable.length + carriedOwn;
  const percentage = total === 0 ? 100 : Math.round(((total - missing.length) / total) * 100);
  return { percentage, missing, omitted, warnings, toUpdate };
};

/** Problems that make a report's data contradictory, refused whenever it is saved. */
export const validateSocialReport = (report: SocialReportContent): FieldError[] => {
  const errors: FieldError[] = [];
  const indicators = computeIndicators(report);
  const highest = report.people?.highestGrossPay;
  const lowest = report.people?.lowestGrossPay;
  if (highest !== null && highest !== undefined && lowest !== null && lowest !== undefined) {
    if (Number(lowest) > Number(highest)) {
      errors.push({
        path: ['people', 'lowestGrossPay'],
        message: 'Retribuzione minima: non può superare la retribuzione massima',
      });
    }
  }
  if (report.people?.payRatioCap === '1:12' && isBlank(report.people.payRatioCapReason)) {
    errors.push({
      path: ['people', 'payRatioCapReason'],
      message: 'Limite 1:12: indicare le specifiche competenze che lo giustificano',
    });
  }
  if (indicators.disadvantaged && indicators.disadvantaged.count > indicators.workers.total) {
    errors.push({
      path: ['workIntegration', 'disadvantagedWorkers'],
      message: `Lavoratori svantaggiati: sono ${indicators.disadvantaged.count}, più dei lavoratori totali (${indicators.workers.total})`,
    });
  }
  const labels = new Set(MANDATORY_ITEMS.map((item) => item.label));
  (report.omissions ?? []).forEach((omission, index) => {
    if (!labels.has(omission.item)) {
      errors.push({ path: ['omissions', index, 'item'], message: `Omissione ${index + 1}: voce sconosciuta` });
    }
    if (isBlank(omission.reason)) {
      errors.push({
        path: ['omissions', index, 'reason'],
        message: `Omissione ${index + 1}: le linee guida chiedono di motivare ogni voce omessa`,
      });
    }
  });
  return errors;
};
