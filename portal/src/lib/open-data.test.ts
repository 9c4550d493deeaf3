import { describe, expect, it } from 'vitest';
import type { PracticeCard, Province } from './cms.ts';
import { partnershipKinds, tally, toCsv, toGeoJson, toRecord } from './open-data.ts';

const card = (overrides: Partial<PracticeCard> = {}): PracticeCard => ({
  documentId: 'abc',
  slug: 'orti-condivisi',
  title: 'Orti condivisi, "in rete"',
  description: 'Riga uno\nriga due',
  innovationElements: 'Elementi',
  evaluation: 'Valutazione',
  impactEvaluation: true,
  intentPartnershipAbsent: false,
  economicPartnershipAbsent: true,
  fundingOtherDetail: null,
  city: 'Torino',
  startYear: 2019,
  publishedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  innovationArea: { name: 'Co-produzione', slug: 'co-produzione', definition: '…' },
  intentPartners: [{ name: 'Cooperative' }, { name: 'PA e EE.LL.' }],
  economicPartners: [],
  fundingSources: [{ name: 'Fondazioni' }],
  contact: { fullName: 'Mario Rossi', email: 'mario@example.it', phone: '011 555' },
  organisation: null,
  province: { name: 'Torino', code: 'TO', region: { name: 'Piemonte' } },
  photos: [],
  ...overrides,
});

const provinces = new Map<string, Province>([
  [
    'TO',
    { name: 'Torino', slug: 'torino', code: 'TO', capital: 'Torino', latitude: 45.07, longitude: 7.68, region: null },
  ],
]);

describe('open data', () => {
  it('locates a card at its province capital when its organisation has no coordinates, and leaves contacts out', () => {
    const record = toRecord(card(), provinces, 'https://portale.example.it');
    expect(record.url).toBe('https://portale.example.it/pratiche/orti-condivisi');
    expect([record.latitudine, record.longitudine]).toEqual([45.07, 7.68]);
    expect(JSON.stringify(record)).not.toContain('mario@example.it');
  });

  it('writes RFC 4180 CSV with a byte order mark, quoting what needs it', () => {
    const csv = toCsv([toRecord(card(), provinces, 'https://p')]);
    expect(csv.startsWith('\uFEFFslug,url,titolo,')).toBe(true);
    expect(csv).toContain('"Orti condivisi, ""in rete"""');
    expect(csv).toContain('"Riga uno\nriga due"');
    expect(csv).toContain('"Cooperative; PA e EE.LL."');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps text that a spreadsheet would run as a formula as text, and numbers as numbers', () => {
    const csv = toCsv([
      toRecord(
        card({ title: '=HYPERLINK("https://esempio.it","clicca")', description: '-2+3', startYear: 2019 }),
        provinces,
        'https://p',
      ),
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""https://esempio.it"",""clicca"")"`);
    expect(csv).toContain(",'-2+3,");
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(csv).toContain(',2019,');
  });

  it('writes GeoJSON points as longitude, latitude', () => {
    const geojson = toGeoJson([toRecord(card(), provinces, 'https://p')]) as {
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(geojson.features[0]?.geometry.coordinates).toEqual([7.68, 45.07]);
    expect(geojson.features[0]?.properties).not.toHaveProperty('latitudine');
  });

  it('counts partnership kinds and tallies in a given order', () => {
    expect(partnershipKinds(card())).toEqual(['Partnership di intenti']);
    expect(partnershipKinds(card({ intentPartners: [] }))).toEqual(['Nessuna partnership']);
    expect(tally(['b', 'a', 'b'], ['a', 'b', 'c'])).toEqual([
      { label: 'a', count: 1 },
      { label: 'b', count: 2 },
      { label: 'c', count: 0 },
    ]);
  });
});
