import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import { describe, expect, it } from 'vitest';
import { computeCompleteness } from './completeness';
import { NARRATIVE_FIELDS, nextYearStart, ROW_FIGURES, textHash, YEAR_ONLY_FIELDS } from './next-year';

const demo = (
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/social-reports.json'), 'utf8'),
  ) as (SocialReportContent & { organisationSlug: string })[]
).find((report) => report.organisationSlug === 'navigli-insieme' && report.year === 2024)!;
const report2024: SocialReportContent = { ...demo, organisationType: 'Cooperativa sociale di tipo A' };
const context = { consortiumMemberCount: 0 };

const nextYear = (): SocialReportContent & { carried: ReturnType<typeof nextYearStart>['carriedOver'] } => {
  const { sections, carriedOver } = nextYearStart(report2024);
  return {
    ...(sections as Partial<SocialReportContent>),
    year: 2025,
    organisationType: report2024.organisationType,
    carried: carriedOver,
  };
};

describe("next year's report", () => {
  it('keeps the rows and texts but no figure of last year', () => {
    const next = nextYear();
    expect(next.people?.staff?.map((group) => group.kind)).toEqual(
      report2024.people?.staff?.map((group) => group.kind),
    );
    expect(next.people?.staff?.every((group) => group.women === null && group.men === null)).toBe(true);
    expect(next.economics?.revenues?.map((line) => [line.kind, line.description])).toEqual(
      report2024.economics?.revenues?.map((line) => [line.kind, line.description]),
    );
    expect(next.economics?.revenues?.every((line) => line.amount === null)).toBe(true);
    expect(next.people?.highestGrossPay).toBeUndefined();
    expect(next.economics?.totalCosts).toBeUndefined();
    expect(next.controlMonitoring?.attestation).toBeUndefined();
    expect(next.generalInfo?.missionValues).toBe(report2024.generalInfo?.missionValues);
    expect(next.carried.fromYear).toBe(2024);
    expect(next.carried.texts['generalInfo.missionValues']).toEqual({
      hash: textHash(report2024.generalInfo?.missionValues ?? ''),
    });
  });

  it('is far from complete until its figures are entered and its texts updated or confirmed', () => {
    const next = nextYear();
    const started = computeCompleteness(next, { ...context, carriedOver: next.carried });
    expect(started.percentage).toBeLessThan(20);
    const labels = started.missing.map((item) => item.label);
    expect(labels).toEqual(
      expect.arrayContaining(['Missione e valori', 'Lavoratori per tipologia', 'Provenienza delle risorse economiche']),
    );
    expect(started.missing.find((item) => item.label === 'Missione e valori')?.toUpdate).toBe(true);
    expect(started.toUpdate.map((item) => item.path)).toContain('generalInfo.missionValues');
    expect(labels).toContain('Altre attività (da aggiornare)');

    // Edited: no longer "da aggiornare". Confirmed as it is: neither.
    const edited = {
      ...next,
      generalInfo: { ...next.generalInfo, missionValues: `${next.generalInfo?.missionValues} Nel 2025 anche a Pavia.` },
    };
    const carriedOver = {
      ...next.carried,
      texts: {
        ...next.carried.texts,
        'generalInfo.otherActivities': { ...next.carried.texts['generalInfo.otherActivities']!, confirmed: true },
      },
    };
    const after = computeCompleteness(edited, { ...context, carriedOver });
    expect(after.missing.map((item) => item.label)).not.toContain('Missione e valori');
    expect(after.missing.map((item) => item.label)).not.toContain('Altre attività (da aggiornare)');
    expect(after.toUpdate.map((item) => item.path)).not.toContain('generalInfo.missionValues');
  });

  it('is complete once every figure is entered and every text updated or confirmed', () => {
    const next = nextYear();
    const filled: SocialReportContent = {
      ...next,
      governance: { ...next.governance, memberGroups: report2024.governance?.memberGroups ?? [] },
      people: { ...report2024.people },
      activities: { ...next.activities, beneficiaries: report2024.activities?.beneficiaries ?? [] },
      economics: { ...report2024.economics },
    };
    const confirmedAll = {
      ...next.carried,
      texts: Object.fromEntries(
        Object.entries(next.carried.texts).map(([key, value]) => [key, { ...value, confirmed: true }]),
      ),
    };
    expect(computeCompleteness(filled, { ...context, carriedOver: confirmedAll })).toMatchObject({
      percentage: 100,
      missing: [],
      toUpdate: [],
    });
  });
});

describe('the fields next year starts from', () => {
  const componentsDir = path.resolve(import.meta.dirname, '../../components/report');
  const schema = (name: string): Record<string, { type: string; component?: string; repeatable?: boolean }> =>
    (
      JSON.parse(readFileSync(path.join(componentsDir, `${name}.json`), 'utf8')) as {
        attributes: Record<string, { type: string; component?: string; repeatable?: boolean }>;
      }
    ).attributes;
  const SECTIONS: Record<string, string> = {
    methodology: 'methodology',
    generalInfo: 'general-info',
    governance: 'governance',
    people: 'people',
    workIntegration: 'work-integration',
    consortium: 'consortium-data',
    activities: 'activities',
    economics: 'economics',
    otherInfo: 'other-info',
    controlMonitoring: 'control-monitoring',
  };

  it('name every text and figure of the sections: a new field has to be placed on purpose', () => {
    const narrative = new Set(NARRATIVE_FIELDS.map((field) => field.path));
    const unplaced: string[] = [];
    for (const [section, file] of Object.entries(SECTIONS)) {
      for (const [field, attribute] of Object.entries(schema(file))) {
        const where = `${section}.${field}`;
        const yearOnly = (YEAR_ONLY_FIELDS[section] ?? []).includes(field);
        if (['string', 'text', 'richtext'].includes(attribute.type) && !narrative.has(where) && !yearOnly)
          unplaced.push(where);
        if (['integer', 'decimal', 'boolean'].includes(attribute.type) && !yearOnly) unplaced.push(where);
        if (attribute.type === 'component' && attribute.repeatable) {
          const rows = schema(attribute.component!.replace('report.', ''));
          for (const [column, rowAttribute] of Object.entries(rows)) {
            if (['integer', 'decimal'].includes(rowAttribute.type) && !(ROW_FIGURES[where] ?? []).includes(column)) {
              unplaced.push(`${where}.${column}`);
            }
          }
        }
      }
    }
    expect(unplaced).toEqual([]);
  });
});
