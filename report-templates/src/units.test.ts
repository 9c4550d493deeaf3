import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatEuro, formatInteger, formatPercent, formatRatio } from './format.ts';
import { toParagraphs } from './rich-text.ts';
import { buildOdt, buildTemplate, TEMPLATE_NAMES } from './template-build.ts';
import { findXmlProblem } from './xml-check.ts';
import { readZip, writeZip } from './zip.ts';
import { computeIndicators } from './social-report/indicators.ts';
import { unfilledItems } from './social-report/mandatory-items.ts';

const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

describe('Italian formatting', () => {
  it('formats euro amounts, integers, percentages, ratios and dates as Italians read them', () => {
    expect(plain(formatEuro(1234567.89))).toBe('1.234.567,89 €');
    expect(formatInteger(1234)).toBe('1.234');
    expect(formatPercent(0.365)).toBe('36,5%');
    expect(formatRatio(48500 / 19800)).toBe('1:2,45');
    expect(formatDate('2025-04-29')).toBe('29 aprile 2025');
    // 23:30 UTC on 31 December is already New Year's Day in Rome.
    expect(formatDate(new Date('2025-12-31T23:30:00Z'))).toBe('1 gennaio 2026');
    expect(formatChange(110, 100)).toBe('+10%');
    expect(formatChange(100, 100)).toBe('invariato');
    expect(formatChange(5, null)).toBe('');
  });
});

describe('long texts', () => {
  it('splits paragraphs and list items and drops Markdown emphasis', () => {
    expect(toParagraphs('Primo\ncapoverso.\n\n- **uno**;\n- due\n\nFine.')).toEqual([
      { text: 'Primo capoverso.', bullet: false },
      { text: 'uno;', bullet: true },
      { text: 'due', bullet: true },
      { text: 'Fine.', bullet: false },
    ]);
  });
});

describe('zip and template packaging', () => {
  it('reads back what it writes, stored and deflated', () => {
    const archive = writeZip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), stored: true },
      { name: 'content.xml', data: Buffer.from('<a>è</a>'.repeat(100)) },
    ]);
    expect(archive.subarray(30, 38).toString()).toBe('mimetype');
    expect(readZip(archive).map((entry) => [entry.name, entry.data.toString()])).toEqual([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<a>è</a>'.repeat(100)],
    ]);
  });

  it('packages every template the same way twice, with mimetype first and stored', async () => {
    for (const name of TEMPLATE_NAMES) {
      const [first, second] = await Promise.all([buildTemplate(name), buildTemplate(name)]);
      expect(first.equals(second)).toBe(true);
      expect(readZip(first).map((entry) => entry.name)).toEqual([
        'mimetype',
        'content.xml',
        'styles.xml',
        'meta.xml',
        'settings.xml',
        'META-INF/manifest.xml',
      ]);
    }
  });

  it('names the first XML problem of a template with its line', () => {
    expect(findXmlProblem('<a>\n<b></a>')).toMatch(/<\/a> alla riga 2 chiude <b>/);
    expect(findXmlProblem('<a x="1">&amp; <b/></a>')).toBeNull();
    expect(() => buildOdt('prova', '<office:document>\n<office:body></office:document>')).toThrow(
      /Modello "prova" non valido: XML non valido/,
    );
  });
});

describe('social report figures', () => {
  it('computes the pay ratio against its cap, the disadvantaged share and contributions apart', () => {
    const indicators = computeIndicators(
      {
        year: 2024,
        people: {
          staff: [{ kind: 'Dipendenti', women: 30, men: 20 }],
          highestGrossPay: '45000',
          lowestGrossPay: 5000,
          payRatioCap: '1:8',
        },
        workIntegration: { disadvantagedWorkers: [{ category: 'Alcolisti', count: 14 }] },
        economics: {
          revenues: [
            { kind: 'Contributi pubblici', amount: 1000 },
            { kind: 'Cinque per mille', amount: '250.5' },
            { kind: 'Ricavi da privati', amount: 3000 },
          ],
        },
      },
      'Cooperativa sociale di tipo B',
    );
    expect(indicators.payRatio).toEqual({ value: 9, cap: 8, exceedsCap: true });
    expect(indicators.disadvantaged).toEqual({ count: 14, share: 0.28, belowMinimum: true });
    expect(indicators.revenues).toMatchObject({
      total: 4250.5,
      publicContributions: 1000,
      privateContributions: 250.5,
    });
  });

  it('lists the mandatory items left empty for the organisation type, with the reason given', () => {
    const items = unfilledItems(
      { year: 2024, omissions: [{ item: 'Volontari', reason: 'Nessun volontario.' }] },
      'Cooperativa sociale di tipo B',
      0,
    );
    expect(items).toHaveLength(20);
    expect(items).toContainEqual({ label: 'Volontari', section: 4, reason: 'Nessun volontario.' });
    expect(items.map((item) => item.label)).toContain('Lavoratori svantaggiati inseriti');
    expect(items.map((item) => item.label)).not.toContain('Organizzazioni associate al consorzio');
  });
});
