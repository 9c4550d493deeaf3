/** A consortium's presence: its members' services counted by province and service area. */
import type { ConsortiumService } from './cms.ts';

export type ProvincePresence = {
  code: string;
  name: string;
  region: string;
  latitude: number;
  longitude: number;
  /** Services by area name; an area listed twice in a province counts 2. */
  byArea: Map<string, number>;
  /** Names of the member organisations with a service in the province. */
  members: Set<string>;
  total: number;
};

export type PresenceTable = {
  provinces: ProvincePresence[];
  /** Column order: the taxonomy's order, then any area the taxonomy does not list. */
  areas: string[];
  areaTotals: number[];
  total: number;
};

const NO_AREA = 'Non indicata';

export const presenceTable = (services: ConsortiumService[], areaOrder: string[]): PresenceTable => {
  const rows = new Map<string, ProvincePresence>();
  for (const service of services) {
    if (!service.province) continue;
    const row = rows.get(service.province.code) ?? {
      code: service.province.code,
      name: service.province.name,
      region: service.province.region?.name ?? '',
      latitude: Number(service.province.latitude),
      longitude: Number(service.province.longitude),
      byArea: new Map<string, number>(),
      members: new Set<string>(),
      total: 0,
    };
    const area = service.serviceArea?.name ?? NO_AREA;
    row.byArea.set(area, (row.byArea.get(area) ?? 0) + 1);
    if (service.memberOrganisation) row.members.add(service.memberOrganisation.name);
    row.total += 1;
    rows.set(service.province.code, row);
  }
  const provinces = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
  const areas = [...areaOrder];
  for (const row of provinces) for (const area of row.byArea.keys()) if (!areas.includes(area)) areas.push(area);
  return {
    provinces,
    areas,
    areaTotals: areas.map((area) => provinces.reduce((sum, row) => sum + (row.byArea.get(area) ?? 0), 0)),
    total: provinces.reduce((sum, row) => sum + row.total, 0),
  };
};
