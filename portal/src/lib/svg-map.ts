/**
 * Province maps drawn on the server as SVG (zero JavaScript): the same offline shapes as the
 * Leaflet map, projected with an equirectangular projection corrected for latitude, which is
 * accurate enough at the scale of Italy or one of its regions.
 */
import provinces from '../data/province.json';

type Position = number[];
type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
type ProvinceShape = {
  properties: { code: string; name: string; slug: string; region: string };
  geometry: Geometry;
};

const shapes = (provinces as { features: ProvinceShape[] }).features;

export type MapProvince = { code: string; name: string; region: string; path: string; centre: [number, number] };

export type SvgMap = {
  width: number;
  height: number;
  provinces: MapProvince[];
  project: (lng: number, lat: number) => [number, number];
};

const polygonsOf = (geometry: Geometry): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

type Box = { west: number; east: number; south: number; north: number };

const boxOf = (shapeList: ProvinceShape[]): Box => {
  const box = { west: Infinity, east: -Infinity, south: Infinity, north: -Infinity };
  for (const shape of shapeList)
    for (const polygon of polygonsOf(shape.geometry))
      for (const [lng = 0, lat = 0] of polygon[0] ?? []) {
        box.west = Math.min(box.west, lng);
        box.east = Math.max(box.east, lng);
        box.south = Math.min(box.south, lat);
        box.north = Math.max(box.north, lat);
      }
  return box;
};

const intersects = (a: Box, b: Box): boolean =>
  a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;

/** Drops points within a pixel of the last one kept: invisible, and half the bytes. */
const thin = (points: [number, number][]): [number, number][] => {
  const kept: [number, number][] = [];
  for (const point of points) {
    const last = kept.at(-1);
    if (!last || Math.abs(point[0] - last[0]) + Math.abs(point[1] - last[1]) >= 1) kept.push(point);
  }
  return kept;
};

/**
 * A map framed on the given provinces (by sigla; all of Italy when none), with a margin, showing
 * every province that falls in the frame.
 */
export const provinceMap = (focusCodes: string[], width = 640, margin = 0.08): SvgMap => {
  const focus = focusCodes.length > 0 ? shapes.filter((shape) => focusCodes.includes(shape.properties.code)) : shapes;
  const inner = boxOf(focus.length > 0 ? focus : shapes);
  const padLng = (inner.east - inner.west) * margin + 0.05;
  const padLat = (inner.north - inner.south) * margin + 0.05;
  const frame = {
    west: inner.west - padLng,
    east: inner.east + padLng,
    south: inner.south - padLat,
    north: inner.north + padLat,
  };
  const stretch = Math.cos((((frame.north + frame.south) / 2) * Math.PI) / 180);
  const scale = width / ((frame.east - frame.west) * stretch);
  const height = Math.round((frame.north - frame.south) * scale);
  const project = (lng: number, lat: number): [number, number] => [
    Math.round((lng - frame.west) * stretch * scale * 10) / 10,
    Math.round((frame.north - lat) * scale * 10) / 10,
  ];
  const visible = shapes.filter((shape) => intersects(boxOf([shape]), frame));
  return {
    width,
    height,
    project,
    provinces: visible.map((shape) => {
      const box = boxOf([shape]);
      const path = polygonsOf(shape.geometry)
        .flatMap((polygon) =>
          polygon.map(
            (ring) =>
              `M${thin(ring.map(([lng = 0, lat = 0]) => project(lng, lat)))
                .map((point) => point.join(','))
                .join('L')}Z`,
          ),
        )
        .join('');
      return {
        code: shape.properties.code,
        name: shape.properties.name,
        region: shape.properties.region,
        path,
        centre: project((box.west + box.east) / 2, (box.south + box.north) / 2),
      };
    }),
  };
};
