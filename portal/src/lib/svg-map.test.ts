import { describe, expect, it } from 'vitest';
import provinces from '../data/province.json';
import { provinceMap } from './svg-map.ts';

describe('offline province shapes', () => {
  it('has today’s 107 provinces with ISTAT sigle, names and regions, Sardinia mended', () => {
    const features = (provinces as { features: { properties: { code: string; name: string; region: string } }[] })
      .features;
    expect(features).toHaveLength(107);
    const codes = features.map((feature) => feature.properties.code);
    expect(codes).toContain('SU');
    for (const old of ['CI', 'VS', 'OG', 'OT']) expect(codes).not.toContain(old);
    expect(features.find((feature) => feature.properties.code === 'BA')?.properties).toMatchObject({
      name: 'Bari',
      region: 'Puglia',
    });
  });

  it('frames a map on the given provinces and draws their neighbours', () => {
    const map = provinceMap(['MI', 'PV']);
    const codes = map.provinces.map((province) => province.code);
    expect(codes).toEqual(expect.arrayContaining(['MI', 'PV', 'LO', 'NO']));
    expect(codes).not.toContain('PA');
    for (const province of map.provinces) expect(province.path).toMatch(/^M[\d.-]+,[\d.-]+L/);
    const [x, y] = map.project(9.19, 45.46);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(map.width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(map.height);
  });
});
