/**
 * The map's search: every result of a catalogue search on the map, at any number of results.
 * Meilisearch counts the results per grid cell of the view (facets on the cells each practice
 * carries, filtered to the view's area), so the answer stays small: clusters where results are
 * many, single markers where they are few (fetched for the view, or for the nearly empty cells).
 */
import { cachedAnswer } from './cache/index.ts';
import { SEARCH_TAG } from './cache/tags.ts';
import {
  ITALY,
  areaFilter,
  cellAttribute,
  cellCounts,
  cellLevel,
  clustersOf,
  fitView,
  occupiedBounds,
  queryArea,
  viewBounds,
  type Bounds,
  type MapRequest,
} from './map-cells.ts';
import {
  mapSearchKey,
  mapState,
  toFilter,
  type CatalogueState,
  type MapCellList,
  type MapData,
  type MapPoint,
} from './catalogue-state.ts';
import { PRACTICES_INDEX, multiSearch, type SearchQuery, type SearchResponse } from './search.ts';
import { SearchUnavailableError } from './errors.ts';
import { searchQuery } from './search-query.ts';

/** Up to this many results in view are single markers (the browser groups close ones itself). */
const POINTS_LIMIT = 300;
/** Cells with this few results show their markers rather than a cluster. */
const FEW = 3;
/** The level whose occupied cells give the extent of all results, to fit the map to them. */
const EXTENT_LEVEL = 9;
const CELL_LIST_LIMIT = 20;
const POINT_ATTRIBUTES = ['slug', 'title', 'organisationName', 'province', '_geo'];

const toPoints = (hits: SearchResponse['hits']): MapPoint[] =>
  hits.flatMap((hit) =>
    hit._geo && hit.slug
      ? [
          {
            slug: hit.slug,
            title: hit.title ?? '',
            organisationName: hit.organisationName ?? '',
            province: hit.province ?? null,
            lat: hit._geo.lat,
            lng: hit._geo.lng,
          },
        ]
      : [],
  );

const ask = async (queries: SearchQuery[]): Promise<SearchResponse[]> => {
  const results = await multiSearch(queries);
  if (results.length !== queries.length)
    throw new SearchUnavailableError('Meilisearch answered fewer results than queries');
  return results;
};

const sum = (distribution: Record<string, number> | undefined): number =>
  Object.values(distribution ?? {}).reduce((total, count) => total + count, 0);

/** Clusters and markers of the results in an area, from the counts of its cells. */
const fromCounts = async (
  state: CatalogueState,
  area: Bounds,
  level: number,
  counted: SearchResponse | undefined,
): Promise<Pick<MapData, 'area' | 'clusters' | 'points'>> => {
  const base = { indexUid: PRACTICES_INDEX, q: searchQuery(state.query) };
  const fine = cellAttribute(level + 1);
  const cells = cellCounts(level, counted?.facetDistribution?.[cellAttribute(level)]);
  const inView = cells.reduce((total, { count }) => total + count, 0);
  if (inView === 0) return { area, clusters: [], points: [] };
  if (inView <= POINTS_LIMIT) {
    const [found] = await ask([
      {
        ...base,
        filter: [...toFilter(state), areaFilter(area)],
        limit: POINTS_LIMIT,
        attributesToRetrieve: POINT_ATTRIBUTES,
      },
    ]);
    return { area, clusters: [], points: toPoints(found?.hits ?? []) };
  }
  const few = cells.filter(({ count }) => count <= FEW);
  const crowded = cells.filter(({ count }) => count > FEW);
  const clusters = clustersOf(crowded, cellCounts(level + 1, counted?.facetDistribution?.[fine]));
  if (few.length === 0) return { area, clusters, points: [] };
  const listed = few.slice(0, POINTS_LIMIT / FEW);
  const keys = listed.map(({ cell }) => JSON.stringify(`${cell.column}.${cell.row}`));
  const [found] = await ask([
    {
      ...base,
      filter: [...toFilter(state), `${cellAttribute(level)} IN [${keys.join(', ')}]`],
      limit: POINTS_LIMIT,
      attributesToRetrieve: POINT_ATTRIBUTES,
    },
  ]);
  // Cells beyond what one query lists stay clusters: every result is still on the map.
  const unlisted = clustersOf(few.slice(listed.length), []);
  return { area, clusters: [...clusters, ...unlisted], points: toPoints(found?.hits ?? []) };
};

/** The query counting the results per cell (and sub-cell) of an area. */
const cellsQuery = (state: CatalogueState, area: Bounds, level: number): SearchQuery => ({
  indexUid: PRACTICES_INDEX,
  q: searchQuery(state.query),
  filter: [...toFilter(state), areaFilter(area)],
  facets: [cellAttribute(level), cellAttribute(level + 1)],
  limit: 0,
});

/**
 * A view the visitor moved to: the whole search's count and the view's cells in one round trip,
 * markers in a second when there are few. Fitted to all results: their extent first, then the
 * same for the fitted view; when they are few, their markers straight away.
 */
const runMapSearch = async (
  state: CatalogueState,
  request: Exclude<MapRequest, { kind: 'cell' }>,
): Promise<MapData> => {
  const extentQuery: SearchQuery = {
    indexUid: PRACTICES_INDEX,
    q: searchQuery(state.query),
    filter: toFilter(state),
    facets: [cellAttribute(EXTENT_LEVEL)],
    limit: 0,
  };
  const search = mapSearchKey(state);
  if (request.kind === 'view') {
    const level = cellLevel(request.zoom);
    const area = queryArea(request.bounds, level);
    const [extent, counted] = await ask([extentQuery, cellsQuery(state, area, level)]);
    const total = sum(extent?.facetDistribution?.[cellAttribute(EXTENT_LEVEL)]);
    return { search, total, view: null, ...(await fromCounts(state, area, level, counted)) };
  }
  const [extent] = await ask([extentQuery]);
  const distribution = extent?.facetDistribution?.[cellAttribute(EXTENT_LEVEL)];
  const total = sum(distribution);
  const view = fitView(occupiedBounds(cellCounts(EXTENT_LEVEL, distribution)) ?? ITALY, request.width, request.height);
  const level = cellLevel(view.zoom);
  const area = queryArea(viewBounds(view, request.width, request.height), level);
  if (total === 0) return { search, total, view, area, clusters: [], points: [] };
  if (total <= POINTS_LIMIT) {
    // Few results: all of them are in the fitted view, as markers.
    const [found] = await ask([
      { ...extentQuery, facets: [], limit: POINTS_LIMIT, attributesToRetrieve: POINT_ATTRIBUTES },
    ]);
    return { search, total, view, area, clusters: [], points: toPoints(found?.hits ?? []) };
  }
  const [counted] = await ask([cellsQuery(state, area, level)]);
  return { search, total, view, ...(await fromCounts(state, area, level, counted)) };
};

const requestKey = (request: Exclude<MapRequest, { kind: 'cell' }>): string => {
  if (request.kind === 'fit') return `fit:${request.width}x${request.height}`;
  const level = cellLevel(request.zoom);
  const area = queryArea(request.bounds, level);
  return `view:${level}:${[area.south, area.west, area.north, area.east].map((value) => value.toFixed(6)).join(',')}`;
};

/** The map for a search: fitted to every result, or for the view the visitor moved to. */
export const searchMap = (state: CatalogueState, request: Exclude<MapRequest, { kind: 'cell' }>): Promise<MapData> =>
  cachedAnswer(`map:${JSON.stringify(mapState(state))}:${requestKey(request)}`, async () => {
    const value = await runMapSearch(mapState(state), request);
    return { value, bytes: JSON.stringify(value).length * 2, tags: [SEARCH_TAG] };
  });

/** The first practices of one cell (a cluster the map cannot split by zooming). */
export const searchMapCell = (
  state: CatalogueState,
  request: Extract<MapRequest, { kind: 'cell' }>,
): Promise<MapCellList> => {
  const { level, column, row } = request.cell;
  return cachedAnswer(`map:${JSON.stringify(mapState(state))}:cell:${level}.${column}.${row}`, async () => {
    const [found] = await ask([
      {
        indexUid: PRACTICES_INDEX,
        q: searchQuery(state.query),
        filter: [...toFilter(state), `${cellAttribute(level)} = ${JSON.stringify(`${column}.${row}`)}`],
        limit: CELL_LIST_LIMIT,
        attributesToRetrieve: POINT_ATTRIBUTES,
      },
    ]);
    const value = { total: found?.estimatedTotalHits ?? found?.totalHits ?? 0, points: toPoints(found?.hits ?? []) };
    return { value, bytes: JSON.stringify(value).length * 2, tags: [SEARCH_TAG] };
  });
};
