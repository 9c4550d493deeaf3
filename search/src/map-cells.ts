/**
 * The map's grid: the world in Web Mercator (the projection of the portal's map), cut at level L
 * into 2^L × 2^L cells. Each located practice carries its cell at every level the portal clusters
 * at (`geoCell7` … `geoCell16`), so Meilisearch counts the results per cell of the map's view in
 * one facet query, at any number of results. The portal holds the same arithmetic
 * (`portal/src/lib/map-cells.ts`).
 */

export const MAP_CELL_LEVELS = { min: 7, max: 16 } as const;

/** The index attribute holding a document's cell at a level. */
export const cellAttribute = (level: number): string => `geoCell${level}`;

export const MAP_CELL_ATTRIBUTES: string[] = Array.from(
  { length: MAP_CELL_LEVELS.max - MAP_CELL_LEVELS.min + 1 },
  (_, index) => cellAttribute(MAP_CELL_LEVELS.min + index),
);

const MAX_LATITUDE = 85.05112878;

/** A point in Web Mercator, both coordinates from 0 to 1 (x eastward, y southward). */
export const toMercator = (lat: number, lng: number): { x: number; y: number } => {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return { x: (lng + 180) / 360, y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI) };
};

/** The inverse of `toMercator`. */
export const fromMercator = (x: number, y: number): { lat: number; lng: number } => ({
  lat: (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI,
  lng: x * 360 - 180,
});

/** "x.y": the cell holding the point at a level. */
export const cellKey = (lat: number, lng: number, level: number): string => {
  const { x, y } = toMercator(lat, lng);
  const size = 2 ** level;
  const column = Math.min(size - 1, Math.max(0, Math.floor(x * size)));
  const row = Math.min(size - 1, Math.max(0, Math.floor(y * size)));
  return `${column}.${row}`;
};

/** The cells of a located document, one attribute per level. */
export const mapCells = (geo: { lat: number; lng: number } | null): Record<string, string> =>
  geo
    ? Object.fromEntries(
        MAP_CELL_ATTRIBUTES.map((attribute, index) => [
          attribute,
          cellKey(geo.lat, geo.lng, MAP_CELL_LEVELS.min + index),
        ]),
      )
    : {};
