import { describe, expect, it } from 'vitest';
import type { ConsortiumService } from './cms.ts';
import { presenceTable } from './consortium.ts';

const service = (province: string, area: string | null, member: string): ConsortiumService => ({
  documentId: `${province}-${area}-${member}`,
  name: null,
  memberOrganisation: { name: member, slug: member, city: null },
  province: { name: province, code: province.slice(0, 2).toUpperCase(), latitude: 45, longitude: 9, region: null },
  serviceArea: area ? { name: area, slug: area.toLowerCase() } : null,
});

describe('consortium presence by province and area', () => {
  it('counts repeated areas, keeps the taxonomy order and totals rows and columns', () => {
    const table = presenceTable(
      [
        service('Pavia', 'Minori', 'Ticino Cura'),
        service('Pavia', 'Minori', 'Ticino Cura'),
        service('Pavia', 'Anziani', 'Altra'),
        service('Bergamo', 'Varie', 'Il Sentiero'),
        service('Bergamo', null, 'Il Sentiero'),
      ],
      ['Minori', 'Anziani', 'Varie'],
    );
    expect(table.areas).toEqual(['Minori', 'Anziani', 'Varie', 'Non indicata']);
    expect(table.provinces.map((row) => [row.name, row.total, [...row.members]])).toEqual([
      ['Bergamo', 2, ['Il Sentiero']],
      ['Pavia', 3, ['Ticino Cura', 'Altra']],
    ]);
    expect(table.provinces[1]?.byArea.get('Minori')).toBe(2);
    expect(table.areaTotals).toEqual([2, 1, 1, 1]);
    expect(table.total).toBe(5);
  });
});
