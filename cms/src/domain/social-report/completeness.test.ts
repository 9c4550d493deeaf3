import type { SocialReportContent } from '@coop/report-templates/social-report/content';
import { computeIndicators } from '@coop/report-templates/social-report/indicators';
import { MANDATORY_ITEMS } from '@coop/report-templates/social-report/mandatory-items';
import { describe, expect, it } from 'vitest';
import { computeCompleteness, validateSocialReport } from './completeness';

const TYPE_A = 'Cooperativa sociale di tipo A';
const TYPE_B = 'Cooperativa sociale di tipo B';

const complete: SocialReportContent = {
  year: 2024,
  organisationType: TYPE_A,
  methodology: { standards: 'Linee guida DM 4 luglio 2019' },
  generalInfo: {
    legalForm: 'Cooperativa sociale',
    registeredOffice: 'Milano',
    territorialAreas: 'Milano e provincia',
    missionValues: 'Cura delle persone',
    statutoryActivities: 'Servizi socio-sanitari',
  },
  governance: {
    memberGroups: [{ kind: 'Soci lavoratori', count: 40 }],
    bodies: [{ kind: 'Consiglio di amministrazione', members: [] }],
    stakeholders: [{ name: 'Comune di Milano', category: 'Esterno' }],
    workerUserInvolvement: 'Assemblee e focus group',
  },
  people: {
    staff: [{ kind: 'Dipendenti a tempo indeterminato', women: 30, men: 10 }],
    volunteers: [{ kind: 'Volontari soci', count: 5 }],
    collectiveAgreement: 'CCNL cooperative sociali',
    highestGrossPay: 40000,
    lowestGrossPay: '20000.00',
  },
  activities: {
    actions: 'Assistenza domiciliare',
    beneficiaries: [{ category: 'Anziani', direct: 300 }],
    objectives: 'Raggiunti',
    risks: 'Turnover',
  },
  economics: {
    revenues: [
      { kind: 'Ricavi da enti pubblici', amount: 1_000_000 },
      { kind: 'Contributi pubblici', amount: 50_000 },
      { kind: 'Contributi privati', amount: '20000.5' },
      { kind: 'Donazioni e raccolta fondi', amount: 4_500 },
    ],
  },
  otherInfo: { disputes: 'Nessuno', approvalMeetings: 'Assemblea del 28 aprile 2025' },
  controlMonitoring: { monitoring: 'Verifiche trimestrali', attestation: 'Conforme' },
};

const context = { consortiumMemberCount: 0 };

describe('computeCompleteness', () => {
  it('is complete when every mandatory item for the type is filled', () => {
    expect(computeCompleteness(complete, context)).toEqual({
      percentage: 100,
      missing: [],
      omitted: [],
      warnings: [],
      toUpdate: [],
    });
  });

  it('lists what is missing with its section, and counts an omission with a reason as addressed', () => {
    const report = { ...complete, otherInfo: { approvalMeetings: 'Assemblea' }, methodology: null };
    const result = computeCompleteness(report, context);
    expect(result.missing).toEqual([
      {
        label: 'Standard di rendicontazione adottati',
        section: 1,
        sectionTitle: 'Metodologia adottata per la redazione del bilancio sociale',
      },
      { label: 'Contenziosi e controversie', section: 7, sectionTitle: 'Altre informazioni' },
    ]);
    const applicable = MANDATORY_ITEMS.filter((item) => item.appliesTo(TYPE_A)).length;
    expect(result.percentage).toBe(Math.round(((applicable - 2) / applicable) * 100));

    const withReason = computeCompleteness(
      { ...report, omissions: [{ item: 'Contenziosi e controversie', reason: 'Nessun contenzioso da segnalare' }] },
      context,
    );
    expect(withReason.missing.map((item) => item.label)).toEqual(['Standard di rendicontazione adottati']);
    expect(withReason.omitted).toEqual([
      expect.objectContaining({ label: 'Contenziosi e controversie', reason: 'Nessun contenzioso da segnalare' }),
    ]);
  });

  it('asks a tipo B for its disadvantaged workers and warns below 30%', () => {
    const typeB = { ...complete, organisationType: TYPE_B } as const;
    expect(computeCompleteness(typeB, context).missing.map((item) => item.label)).toEqual([
      'Lavoratori svantaggiati inseriti',
    ]);
    const atThreshold = { ...typeB, workIntegration: { disadvantagedWorkers: [{ category: 'Alcolisti', count: 12 }] } };
    expect(computeCompleteness(atThreshold, context)).toMatchObject({ missing: [], warnings: [] });
    const below = { ...typeB, workIntegration: { disadvantagedWorkers: [{ category: 'Alcolisti', count: 11 }] } };
    expect(computeCompleteness(below, context).warnings).toEqual([
      'I lavoratori svantaggiati sono il 27,5% dei lavoratori: la legge 381/1991 ne richiede almeno il 30%.',
    ]);
  });

  it('asks a consortium for its members and aggregated data', () => {
    const consortium = { ...complete, organisationType: 'Consorzio di cooperative sociali' } as const;
    expect(computeCompleteness(consortium, context).missing.map((item) => item.label)).toEqual([
      'Organizzazioni associate al consorzio',
      'Dati aggregati delle associate',
    ]);
    expect(
      computeCompleteness(
        { ...consortium, consortium: { aggregationNotes: 'Dati delle 7 associate' } },
        { consortiumMemberCount: 7 },
      ).missing,
    ).toEqual([]);
  });

  it('warns when the pay ratio exceeds its legal cap', () => {
    const report = { ...complete, people: { ...complete.people, highestGrossPay: 180_001, lowestGrossPay: 20_000 } };
    expect(computeCompleteness(report, context).warnings).toEqual([
      'Il rapporto tra retribuzione massima e minima (1:9) supera il limite di 1:8.',
    ]);
  });
});

describe('computeIndicators', () => {
  it('totals workers and keeps public and private contributions apart', () => {
    const indicators = computeIndicators(complete);
    expect(indicators.workers).toEqual({ women: 30, men: 10, total: 40 });
    expect(indicators.payRatio).toEqual({ value: 2, cap: 8, exceedsCap: false });
    expect(indicators.revenues.total).toBeCloseTo(1_074_500.5);
    expect(indicators.revenues.publicContributions).toBe(50_000);
    expect(indicators.revenues.privateContributions).toBeCloseTo(24_500.5);
  });
});

describe('validateSocialReport', () => {
  it('refuses a lowest pay above the highest and an unexplained 1:12 cap', () => {
    const report = {
      ...complete,
      people: { ...complete.people, highestGrossPay: 20_000, lowestGrossPay: 30_000, payRatioCap: '1:12' as const },
    };
    expect(validateSocialReport(report).map((error) => error.message)).toEqual([
      'Retribuzione minima: non può superare la retribuzione massima',
      'Limite 1:12: indicare le specifiche competenze che lo giustificano',
    ]);
  });

  it('wants a reason for every omission', () => {
    const report = { ...complete, omissions: [{ item: 'Volontari', reason: '' }] };
    expect(validateSocialReport(report)).toEqual([
      {
        path: ['omissions', 0, 'reason'],
        message: 'Omissione 1: le linee guida chiedono di motivare ogni voce omessa',
      },
    ]);
  });
});
