import { describe, expect, it } from 'vitest';
import type { OrganisationType } from '@coop/report-templates/organisation';
import { factsOfReport, type ReportFacts } from './facts';
import { Observatory, observatoryTables, type Geography, type Selection, type Table } from './tables';

const A: OrganisationType = 'Cooperativa sociale di tipo A';
const B: OrganisationType = 'Cooperativa sociale di tipo B';
const AB: OrganisationType = 'Cooperativa sociale ad oggetto misto (A+B)';

const lombardia = { slug: 'lombardia', name: 'Lombardia' };
const lazio = { slug: 'lazio', name: 'Lazio' };
const campania = { slug: 'campania', name: 'Campania' };
const geography: Geography = {
  regions: [campania, lazio, lombardia],
  provinces: new Map([
    ['MI', { code: 'MI', name: 'Milano', region: lombardia }],
    ['BG', { code: 'BG', name: 'Bergamo', region: lombardia }],
    ['RM', { code: 'RM', name: 'Roma', region: lazio }],
    ['NA', { code: 'NA', name: 'Napoli', region: campania }],
  ]),
};

const facts = (
  organisationId: string,
  year: number,
  provinceCode: string,
  organisationType: OrganisationType,
  figures: Partial<ReportFacts>,
): ReportFacts => ({
  reportId: `${organisationId}-${year}`,
  organisationId,
  year,
  provinceCode,
  organisationType,
  women: null,
  men: null,
  volunteers: null,
  disadvantaged: null,
  highestPay: null,
  lowestPay: null,
  payCap: 8,
  beneficiariesDirect: null,
  beneficiariesIndirect: null,
  revenues: null,
  ...figures,
});

/** Nine organisations reporting for 2024 (five in Lombardy, three in Lazio, one in Campania), three for 2023. */
const KNOWN: ReportFacts[] = [
  facts('L1', 2024, 'MI', A, {
    women: 10,
    men: 5,
    volunteers: 4,
    beneficiariesDirect: 100,
    beneficiariesIndirect: 200,
    highestPay: 40_000,
    lowestPay: 10_000,
    revenues: { 'Ricavi da enti pubblici': 500_000, 'Contributi pubblici': 20_000, 'Cinque per mille': 1_000 },
  }),
  facts('L2', 2024, 'MI', A, {
    women: 6,
    men: 4,
    volunteers: 2,
    beneficiariesDirect: 50,
    beneficiariesIndirect: 0,
    highestPay: 30_000,
    lowestPay: 10_000,
    revenues: { 'Ricavi da privati': 100_000, 'Contributi privati': 5_000 },
  }),
  facts('L3', 2024, 'BG', B, {
    women: 5,
    men: 15,
    disadvantaged: 8,
    beneficiariesDirect: 20,
    beneficiariesIndirect: 10,
    highestPay: 90_000,
    lowestPay: 10_000,
    revenues: { 'Ricavi da privati': 300_000, 'Donazioni e raccolta fondi': 2_000 },
  }),
  facts('L4', 2024, 'BG', B, {
    women: 2,
    men: 8,
    disadvantaged: 2,
    volunteers: 1,
    beneficiariesDirect: 5,
    beneficiariesIndirect: 5,
    highestPay: 110_000,
    lowestPay: 10_000,
    payCap: 12,
    revenues: { 'Ricavi da enti pubblici': 200_000 },
  }),
  facts('L5', 2024, 'MI', AB, { women: 3, men: 7, disadvantaged: 4, volunteers: 0 }),
  facts('R1', 2024, 'RM', A, {
    women: 8,
    men: 2,
    volunteers: 3,
    beneficiariesDirect: 30,
    beneficiariesIndirect: 0,
    highestPay: 20_000,
    lowestPay: 10_000,
    revenues: { 'Ricavi da enti pubblici': 50_000 },
  }),
  facts('R2', 2024, 'RM', A, {
    women: 4,
    men: 1,
    volunteers: 1,
    beneficiariesDirect: 10,
    beneficiariesIndirect: 0,
    highestPay: 30_000,
    lowestPay: 15_000,
    revenues: { 'Ricavi da enti pubblici': 80_000 },
  }),
  facts('R3', 2024, 'RM', A, {
    women: 2,
    men: 2,
    beneficiariesDirect: 12,
    beneficiariesIndirect: 0,
    revenues: { 'Altri proventi': 7_000, 'Contributi pubblici': 3_000 },
  }),
  facts('N1', 2024, 'NA', B, {
    women: 1,
    men: 4,
    disadvantaged: 2,
    volunteers: 5,
    beneficiariesDirect: 10,
    beneficiariesIndirect: 0,
    highestPay: 25_000,
    lowestPay: 10_000,
    revenues: { 'Contributi pubblici': 1_000 },
  }),
  facts('L1', 2023, 'MI', A, { women: 8, men: 4, volunteers: 3 }),
  facts('L2', 2023, 'MI', A, { women: 5, men: 4 }),
  facts('L3', 2023, 'BG', B, { women: 4, men: 14 }),
];

const select = (selection: Partial<Selection> = {}): Table[] =>
  observatoryTables(
    new Observatory(KNOWN, geography),
    { year: 2024, region: null, province: null, type: null, ...selection },
    geography,
  );
const table = (tables: Table[], id: string): Table => {
  const found = tables.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};
const cell = (tables: Table[], id: string, row: string, column: string) => {
  const found = table(tables, id).rows.find((candidate) => candidate.key === row)?.cells[column];
  if (!found) throw new Error(`no cell ${id}/${row}/${column}`);
  return found;
};
const value = (tables: Table[], id: string, row: string, column: string): number | null =>
  cell(tables, id, row, column).value;
const reason = (tables: Table[], id: string, row: string, column: string) => cell(tables, id, row, column).suppressed;

describe('observatory tables', () => {
  const italy = select();

  it('adds up every figure of the published reports of a year', () => {
    expect(value(italy, 'sintesi', 'totale', 'organisations')).toBe(9);
    expect(value(italy, 'sintesi', 'totale', 'workers')).toBe(89);
    expect(value(italy, 'sintesi', 'totale', 'womenShare')).toBeCloseTo(41 / 89, 10);
    // L3 and R3 give no volunteers: seven organisations make the figure.
    expect(cell(italy, 'sintesi', 'totale', 'volunteers')).toEqual({ value: 16, organisations: 7, suppressed: null });
    expect(value(italy, 'sintesi', 'totale', 'beneficiariesDirect')).toBe(237);
    expect(value(italy, 'sintesi', 'totale', 'revenues')).toBe(1_269_000);
    expect(value(italy, 'sintesi', 'totale', 'publicContributions')).toBe(24_000);
    expect(value(italy, 'sintesi', 'totale', 'privateContributions')).toBe(8_000);
  });

  it('gives the disadvantaged workers of tipo B and A+B against the 30% floor', () => {
    expect(value(italy, 'inserimento-lavorativo', 'totale', 'integrationOrganisations')).toBe(4);
    expect(value(italy, 'inserimento-lavorativo', 'totale', 'integrationWorkers')).toBe(45);
    expect(value(italy, 'inserimento-lavorativo', 'totale', 'disadvantaged')).toBe(16);
    expect(value(italy, 'inserimento-lavorativo', 'totale', 'disadvantagedShare')).toBeCloseTo(16 / 45, 10);
    expect(value(italy, 'inserimento-lavorativo', 'totale', 'atFloor')).toBe(3);
    expect(value(italy, 'inserimento-lavorativo', 'totale', 'belowFloor')).toBe(1);
    // A+B is one cooperative; tipo B would give it away by difference with the total.
    expect(reason(italy, 'inserimento-lavorativo', 'tipo-a-b', 'disadvantaged')).toBe('small-group');
    expect(reason(italy, 'inserimento-lavorativo', 'tipo-b', 'disadvantaged')).toBe('difference');
    expect(value(italy, 'inserimento-lavorativo', 'tipo-b', 'disadvantaged')).toBeNull();
  });

  it('compares each pay ratio with the cap the organisation declares', () => {
    expect(value(italy, 'retribuzioni', 'totale', 'payReported')).toBe(7);
    expect(value(italy, 'retribuzioni', 'totale', 'payRatioMean')).toBeCloseTo((4 + 3 + 9 + 11 + 2 + 2.5 + 2) / 7, 10);
    // L3 at 1:9 exceeds 1:8; L4 at 1:11 is within its 1:12.
    expect(value(italy, 'retribuzioni', 'totale', 'overCap')).toBe(1);
    expect(value(italy, 'retribuzioni', 'totale', 'withinCap')).toBe(6);
    expect(value(italy, 'retribuzioni', 'totale', 'cap12')).toBe(1);
    expect(value(italy, 'retribuzioni', 'tipo-a', 'payRatioMean')).toBeCloseTo(2.75, 10);
    expect(value(italy, 'retribuzioni', 'tipo-b', 'payRatioMean')).toBeCloseTo(7.5, 10);
  });

  it('splits revenues by source, with public and private contributions apart', () => {
    expect(value(italy, 'proventi', 'Ricavi da enti pubblici', 'amount')).toBe(830_000);
    expect(value(italy, 'proventi', 'Ricavi da enti pubblici', 'share')).toBeCloseTo(830_000 / 1_269_000, 10);
    expect(value(italy, 'proventi', 'Contributi pubblici', 'amount')).toBe(24_000);
    expect(value(italy, 'proventi', 'contributi-privati', 'amount')).toBe(8_000);
    expect(value(italy, 'proventi', 'totale', 'amount')).toBe(1_269_000);
    for (const kind of ['Ricavi da privati', 'Contributi privati', 'Cinque per mille', 'Donazioni e raccolta fondi']) {
      expect(reason(italy, 'proventi', kind, 'amount'), kind).toBe('small-group');
      expect(value(italy, 'proventi', kind, 'share'), kind).toBeNull();
    }
    expect(cell(italy, 'proventi', 'Altri proventi', 'amount')).toMatchObject({
      value: null,
      suppressed: 'small-group',
    });
  });

  it('shows the same selection in every year', () => {
    const trend = table(italy, 'andamento');
    expect(trend.rows.map((row) => row.key)).toEqual(['2023', '2024']);
    expect(value(italy, 'andamento', '2023', 'organisations')).toBe(3);
    expect(value(italy, 'andamento', '2023', 'workers')).toBe(39);
    expect(value(italy, 'andamento', '2023', 'womenShare')).toBeCloseTo(17 / 39, 10);
    expect(reason(italy, 'andamento', '2023', 'volunteers')).toBe('small-group');
    expect(value(italy, 'andamento', '2024', 'workers')).toBe(89);
  });

  it('hides a region of one organisation, and one more region so the total does not give it away', () => {
    expect(value(italy, 'per-regione', 'lombardia', 'workers')).toBe(65);
    expect(value(italy, 'per-regione', 'lombardia', 'womenShare')).toBeCloseTo(26 / 65, 10);
    expect(reason(italy, 'per-regione', 'campania', 'workers')).toBe('small-group');
    expect(reason(italy, 'per-regione', 'lazio', 'workers')).toBe('complementary');
    expect(value(italy, 'per-regione', 'lazio', 'workers')).toBeNull();
    // The count of organisations that published is never hidden: the reports are public.
    expect(value(italy, 'per-regione', 'campania', 'organisations')).toBe(1);
    expect(value(italy, 'per-regione', 'totale', 'workers')).toBe(89);
  });

  it('hides a province that differs from its region by fewer than three organisations', () => {
    // Milano has three of Lombardy's five: the other two (Bergamo) would be Lombardy minus Milano.
    expect(reason(italy, 'per-provincia', 'MI', 'workers')).toBe('difference');
    expect(reason(italy, 'per-provincia', 'BG', 'workers')).toBe('small-group');
  });

  it('applies the rule to the filtered selection as well', () => {
    const lombardy = select({ region: 'lombardia' });
    expect(value(lombardy, 'sintesi', 'totale', 'workers')).toBe(65);
    expect(table(lombardy, 'per-provincia').rows.map((row) => row.key)).toEqual(['BG', 'MI', 'totale']);
    expect(lombardy.some((candidate) => candidate.id === 'per-regione')).toBe(false);

    const typeA = select({ type: A });
    expect(value(typeA, 'sintesi', 'totale', 'organisations')).toBe(5);
    expect(value(typeA, 'sintesi', 'totale', 'workers')).toBe(44);
    // Lazio's three of tipo A against the five of tipo A in Italy: the other two would show.
    expect(reason(typeA, 'per-regione', 'lazio', 'workers')).toBe('difference');
    expect(reason(typeA, 'per-regione', 'lombardia', 'workers')).toBe('small-group');

    const campaniaOnly = select({ region: 'campania' });
    expect(value(campaniaOnly, 'sintesi', 'totale', 'organisations')).toBe(1);
    expect(reason(campaniaOnly, 'sintesi', 'totale', 'workers')).toBe('small-group');
  });

  it('never lets a hidden figure out: every hidden cell has no value', () => {
    for (const selection of [{}, { region: 'lombardia' }, { province: 'RM', region: 'lazio' }, { type: B }]) {
      for (const found of select(selection)) {
        for (const row of found.rows) {
          for (const [column, hidden] of Object.entries(row.cells)) {
            if (hidden.suppressed) expect(hidden.value, `${found.id}/${row.key}/${column}`).toBeNull();
            if (hidden.value !== null && column !== 'organisations' && !column.endsWith('Organisations')) {
              const key = column;
              if (!['payReported'].includes(key))
                expect(hidden.organisations === 0 || hidden.organisations >= 3).toBe(true);
            }
          }
        }
      }
    }
  });
});

describe('facts of a report', () => {
  it('adds up the tables and leaves out what the report does not give', () => {
    const found = factsOfReport(
      {
        documentId: 'r1',
        year: 2024,
        organisationType: B,
        people: {
          staff: [
            { kind: 'Dipendenti a tempo indeterminato', women: 4, men: 6 },
            { kind: 'Collaboratori', women: 1, men: null },
          ],
          volunteers: [],
          highestGrossPay: '45000.00',
          lowestGrossPay: 15000,
          payRatioCap: '1:12',
        },
        workIntegration: {
          disadvantaged: undefined,
          disadvantagedWorkers: [{ category: 'Alcolisti', count: 3 }],
        } as never,
        activities: { beneficiaries: [{ category: 'Famiglie', direct: 12, indirect: null }] },
        economics: {
          revenues: [
            { kind: 'Ricavi da privati', amount: '1000.50' },
            { kind: 'Ricavi da privati', amount: 500 },
            { kind: 'Cinque per mille', amount: null },
          ],
        },
      },
      'org',
      'MI',
    );
    expect(found).toMatchObject({
      women: 5,
      men: 6,
      volunteers: null,
      disadvantaged: 3,
      highestPay: 45_000,
      lowestPay: 15_000,
      payCap: 12,
      beneficiariesDirect: 12,
      beneficiariesIndirect: 0,
      revenues: { 'Ricavi da privati': 1500.5, 'Cinque per mille': 0 },
    });
    expect(factsOfReport({ documentId: 'r2', year: 2024, organisationType: A }, 'org', null)).toMatchObject({
      women: null,
      disadvantaged: null,
      revenues: null,
      beneficiariesDirect: null,
    });
  });
});
