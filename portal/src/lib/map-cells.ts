/**
 * The map's grid and views, in the arithmetic of Leaflet's Web Mercator: a zoom level, the cells
 * Meilisearch counts results in (each located practice carries its cell at levels 7…16, see
 * `search/src/map-cells.ts`), the view that fits a set of results, and clusters made of the cell
 * counts. Isomorphic: the server computes with it, the browser parses what the server sent.
 */
import { MAP_CELL_LEVELS as CELL_LEVELS, cellAttribute, fromMercator, toMercator } from '@coop/search/map-cells';

export { cellAttribute };

export const MAP_ZOOM = { min: 5, max: 13 } as const;
/** Leaflet's zoom steps (`zoomSnap`). */
const ZOOM_STEP = 0.25;
/** A fitted view is never closer than this: a single practice still shows its surroundings. */
const FIT_MAX_ZOOM = 8;
const FIT_PADDING_PX = 32;
const TILE_PX = 256;

export type Bounds = { south: number; west: number; north: number; east: number };
export type MapViewState = { lat: number; lng: number; zoom: number };

/** Italy, shown when there is nothing to fit. */
export const ITALY: Bounds = { south: 36.6, west: 6.6, north: 47.1, east: 18.5 };

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

const toX = (lng: number): number => toMercator(0, lng).x;
const toY = (lat: number): number => toMercator(lat, 0).y;
const toLng = (x: number): number => fromMercator(x, 0).lng;
const toLat = (y: number): number => fromMercator(0, y).lat;

/** The cell level a view at `zoom` clusters at: cells of 64 to 128 pixels. */
export const cellLevel = (zoom: number): number => clamp(Math.floor(zoom) + 2, CELL_LEVELS.min, CELL_LEVELS.max - 1);

export type Cell = { level: number; column: number; row: number };

export const parseCell = (level: number, key: string): Cell | null => {
  const match = /^(\d+)\.(\d+)$/.exec(key);
  if (!match) return null;
  const column = Number(match[1]);
  const row = Number(match[2]);
  const size = 2 ** level;
  return column < size && row < size ? { level, column, row } : null;
};

export const cellBounds = ({ level, column, row }: Cell): Bounds => {
  const size = 2 ** level;
  return {
    west: toLng(column / size),
    east: toLng((column + 1) / size),
    north: toLat(row / size),
    south: toLat((row + 1) / size),
  };
};

/**
 * The area to ask Meilisearch about for a view: one cell more on each side, on cell boundaries,
 * so every cell counted is whole and a small pan asks the same question again.
 */
export const queryArea = (view: Bounds, level: number): Bounds => {
  const size = 2 ** level;
  const west = Math.max(0, Math.floor(toX(view.west) * size) - 1);
  const east = Math.min(size, Math.floor(toX(view.east) * size) + 2);
  const north = Math.max(0, Math.floor(toY(view.north) * size) - 1);
  const south = Math.min(size, Math.floor(toY(view.south) * size) + 2);
  return { west: toLng(west / size), east: toLng(east / size), north: toLat(north / size), south: toLat(south / size) };
};

/** Meilisearch's filter for an area (top right, then bottom left). */
export const areaFilter = (area: Bounds): string =>
  `_geoBoundingBox([${area.north.toFixed(6)}, ${area.east.toFixed(6)}], [${area.south.toFixed(6)}, ${area.west.toFixed(6)}])`;

/** The view Leaflet shows for a centre and zoom in a map of `width` × `height` pixels. */
export const viewBounds = (view: MapViewState, width: number, height: number): Bounds => {
  const scale = TILE_PX * 2 ** view.zoom;
  const x = toX(view.lng);
  const y = toY(view.lat);
  const halfWidth = width / 2 / scale;
  const halfHeight = height / 2 / scale;
  return {
    west: toLng(x - halfWidth),
    east: toLng(x + halfWidth),
    north: toLat(clamp(y - halfHeight, 0, 1)),
    south: toLat(clamp(y + halfHeight, 0, 1)),
  };
};

/** Like Leaflet's `fitBounds` with 32 px of padding, closer than zoom 8 never. */
export const fitView = (bounds: Bounds, width: number, height: number): MapViewState => {
  const x0 = toX(bounds.west);
  const x1 = toX(bounds.east);
  const y0 = toY(bounds.north);
  const y1 = toY(bounds.south);
  const span = (pixels: number, extent: number): number =>
    extent <= 0 ? Number.POSITIVE_INFINITY : Math.log2(Math.max(1, pixels - 2 * FIT_PADDING_PX) / (extent * TILE_PX));
  const exact = Math.min(span(width, x1 - x0), span(height, y1 - y0), FIT_MAX_ZOOM);
  const zoom = clamp(Math.floor(exact / ZOOM_STEP) * ZOOM_STEP, MAP_ZOOM.min, MAP_ZOOM.max);
  return { lat: toLat((y0 + y1) / 2), lng: toLng((x0 + x1) / 2), zoom };
};

export type CellCount = { cell: Cell; count: number };

/** The bounds of occupied cells (the results' extent, to the precision of the cells). */
export const occupiedBounds = (cells: CellCount[]): Bounds | null => {
  if (cells.length === 0) return null;
  const all = cells.map(({ cell }) => cellBounds(cell));
  return {
    south: Math.min(...all.map((bounds) => bounds.south)),
    west: Math.min(...all.map((bounds) => bounds.west)),
    north: Math.max(...all.map((bounds) => bounds.north)),
    east: Math.max(...all.map((bounds) => bounds.east)),
  };
};

export type Cluster = { lat: number; lng: number; count: number; bounds: Bounds; cell: string };

/**
 * Clusters from the counts per cell and per sub-cell (one level finer): each at the weighted
 * centre of its occupied sub-cells, with their extent for zooming in.
 */
export const clustersOf = (cells: CellCount[], subcells: CellCount[]): Cluster[] => {
  const parts = new Map<string, CellCount[]>();
  for (const sub of subcells) {
    const key = `${Math.floor(sub.cell.column / 2)}.${Math.floor(sub.cell.row / 2)}`;
    parts.set(key, [...(parts.get(key) ?? []), sub]);
  }
  return cells.map(({ cell, count }) => {
    const key = `${cell.column}.${cell.row}`;
    const inside = parts.get(key) ?? [];
    const weight = inside.reduce((sum, part) => sum + part.count, 0);
    const size = 2 ** (cell.level + 1);
    // Without its sub-cells' counts, a cluster sits in the middle of its cell.
    const x =
      weight > 0
        ? inside.reduce((sum, part) => sum + ((part.cell.column + 0.5) / size) * part.count, 0) / weight
        : (cell.column + 0.5) / 2 ** cell.level;
    const y =
      weight > 0
        ? inside.reduce((sum, part) => sum + ((part.cell.row + 0.5) / size) * part.count, 0) / weight
        : (cell.row + 0.5) / 2 ** cell.level;
    return {
      lat: toLat(y),
      lng: toLng(x),
      count,
      bounds: occupiedBounds(inside) ?? cellBounds(cell),
      cell: `${cell.level}.${key}`,
    };
  });
};

/** Counts per cell from a facet distribution. */
export const cellCounts = (level: number, distribution: Record<string, number> | undefined): CellCount[] =>
  Object.entries(distribution ?? {}).flatMap(([key, count]) => {
    const cell = parseCell(level, key);
    return cell ? [{ cell, count }] : [];
  });

/** What the browser asks for: the view that fits every result, or the results in its current view. */
export type MapRequest =
  | { kind: 'fit'; width: number; height: number }
  | { kind: 'view'; zoom: number; bounds: Bounds }
  | { kind: 'cell'; cell: Cell };

const numbers = (value: string | null, count: number): number[] | null => {
  const parts = (value ?? '').split(',').map(Number);
  return parts.length === count && parts.every(Number.isFinite) ? parts : null;
};

/** `adatta=W,H`, `vista=zoom,south,west,north,east` or `cella=level.column.row`; null when none is valid. */
export const parseMapRequest = (params: URLSearchParams): MapRequest | null => {
  const fit = numbers(params.get('adatta'), 2);
  if (fit) {
    const [width = 0, height = 0] = fit;
    return { kind: 'fit', width: clamp(Math.round(width), 100, 4000), height: clamp(Math.round(height), 100, 4000) };
  }
  const view = numbers(params.get('vista'), 5);
  if (view) {
    const [zoom = 0, south = 0, west = 0, north = 0, east = 0] = view;
    if (south >= north || west >= east) return null;
    return {
      kind: 'view',
      zoom: clamp(zoom, MAP_ZOOM.min, MAP_ZOOM.max),
      bounds: {
        south: clamp(south, -85, 85),
        north: clamp(north, -85, 85),
        west: clamp(west, -180, 180),
        east: clamp(east, -180, 180),
      },
    };
  }
  const cell = /^(\d{1,2})\.(\d+\.\d+)$/.exec(params.get('cella') ?? '');
  if (cell) {
    const parsed = parseCell(Number(cell[1]), cell[2] ?? '');
    if (parsed && parsed.level >= CELL_LEVELS.min && parsed.level <= CELL_LEVELS.max)
      return { kind: 'cell', cell: parsed };
  }
  return null;
};

/** The request as URL parameters (the browser's side of `parseMapRequest`). */
export const mapRequestParams = (request: MapRequest): [string, string] => {
  if (request.kind === 'fit') return ['adatta', `${Math.round(request.width)},${Math.round(request.height)}`];
  if (request.kind === 'cell') return ['cella', `${request.cell.level}.${request.cell.column}.${request.cell.row}`];
  const { south, west, north, east } = request.bounds;
  return ['vista', [request.zoom, south, west, north, east].map((value) => Number(value.toFixed(5))).join(',')];
};
