import { cellKey } from '@coop/search/map-cells';
import { describe, expect, it } from 'vitest';
import {
  cellBounds,
  cellCounts,
  cellLevel,
  clustersOf,
  fitView,
  parseCell,
  parseMapRequest,
  queryArea,
  viewBounds,
} from './map-cells.ts';

const MILAN = { lat: 45.4642, lng: 9.19 };

describe('map cells', () => {
  it('puts a point inside the bounds of its cell, as the index computed it', () => {
    for (const level of [7, 10, 16]) {
      const cell = parseCell(level, cellKey(MILAN.lat, MILAN.lng, level))!;
      const bounds = cellBounds(cell);
      expect(MILAN.lat).toBeGreaterThanOrEqual(bounds.south);
      expect(MILAN.lat).toBeLessThanOrEqual(bounds.north);
      expect(MILAN.lng).toBeGreaterThanOrEqual(bounds.west);
      expect(MILAN.lng).toBeLessThanOrEqual(bounds.east);
    }
  });

  it('clusters at cells of 64 to 128 pixels, and asks about whole cells around the view', () => {
    expect(cellLevel(5)).toBe(7);
    expect(cellLevel(6.75)).toBe(8);
    expect(cellLevel(13)).toBe(15);
    const view = viewBounds({ ...MILAN, zoom: 9 }, 800, 400);
    const area = queryArea(view, cellLevel(9));
    expect(area.west).toBeLessThan(view.west);
    expect(area.north).toBeGreaterThan(view.north);
    // A small pan asks the same question again.
    expect(queryArea(viewBounds({ lat: MILAN.lat, lng: MILAN.lng + 0.0005, zoom: 9 }, 800, 400), 11)).toEqual(area);
  });

  it('fits results like Leaflet, never closer than zoom 8', () => {
    const italy = fitView({ south: 36.6, west: 6.6, north: 47.1, east: 18.5 }, 800, 600);
    expect(italy.zoom).toBeGreaterThanOrEqual(5);
    expect(italy.zoom).toBeLessThan(6.5);
    const one = fitView({ south: MILAN.lat, west: MILAN.lng, north: MILAN.lat, east: MILAN.lng }, 800, 600);
    expect(one.zoom).toBe(8);
    expect(one.lat).toBeCloseTo(MILAN.lat, 6);
  });

  it('places a cluster at the centre of its results, counted by sub-cell', () => {
    const level = 10;
    const cell = parseCell(level, cellKey(MILAN.lat, MILAN.lng, level))!;
    const sub = cellKey(MILAN.lat, MILAN.lng, level + 1);
    const [cluster] = clustersOf(
      cellCounts(level, { [`${cell.column}.${cell.row}`]: 40 }),
      cellCounts(level + 1, { [sub]: 40 }),
    );
    expect(cluster?.count).toBe(40);
    const subBounds = cellBounds(parseCell(level + 1, sub)!);
    expect(cluster!.lat).toBeGreaterThan(subBounds.south);
    expect(cluster!.lat).toBeLessThan(subBounds.north);
    expect(cluster!.bounds).toEqual(subBounds);
  });

  it('reads what the browser asks for, and nothing else', () => {
    expect(parseMapRequest(new URLSearchParams('adatta=800,420'))).toEqual({ kind: 'fit', width: 800, height: 420 });
    expect(parseMapRequest(new URLSearchParams('vista=20,40,8,46,14'))).toMatchObject({ kind: 'view', zoom: 13 });
    expect(parseMapRequest(new URLSearchParams('vista=6,46,8,40,14'))).toBeNull();
    expect(parseMapRequest(new URLSearchParams('cella=15.17000.11800'))).toMatchObject({ kind: 'cell' });
    expect(parseMapRequest(new URLSearchParams('cella=3.1.1'))).toBeNull();
    expect(parseMapRequest(new URLSearchParams(''))).toBeNull();
  });
});
