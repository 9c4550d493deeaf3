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
import { mapSearchKey, mapState, toFilter, type CatalogueState, type MapCellList, type MapData, type MapPoint } from './catalogue-state.ts';
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
  if (results.length !== queries.length) throw new SearchUnavailableError('Meilisearch answered fewer results than queries');
  return results;
};

const sum = (distribution: Record<string, number> | undefined): number =>
  Object.values(distribution ?? {}).reduce((total, count) => total + count, 0);

/** Clusters and markers of the results in an area, at the cell level of `zoom`. */
const inArea = async (
  state: CatalogueState,
  area: Bounds,
  level: number,
): Promise<Pick<MapData, 'area' | 'clusters' | 'points'>> => {
  const base = { indexUid: PRACTICES_INDEX, q: searchQuery(state.query) };
  const filter = [...toFilter(state), areaFilter(area)];
  const fine = cellAttribute(level + 1);
  const [counted] = await ask([{ ...base, filter, facets: [cellAttribute(level), fine], limit: 0 }]);
  const cells = cellCounts(level, counted?.facetDistribution?.[cellAttribute(level)]);
  const inView = cells.reduce((total, { count }) => total + count, 0);
  if (inView === 0) return { area, clusters: [], points: [] };
  if (inView <= POINTS_LIMIT) {
    const [found] = await ask([{ ...base, filter, limit: POINTS_LIMIT, attributesToRetrieve: POINT_ATTRIBUTES }]);
    return { area, clusters: [], points: toPoints(found?.hits ?? []) };
  }
  const few = cells.filter(({ count }) => count <= FEW);
  const crowded = cells.filter(({ count }) => count > FEW);
  const clusters = clustersOf(crowded, cellCounts(level + 1, counted?.facetDistribution?.[fine]));
  if (few.length === 0) return { area, clusters, points: [] };
  const keys = few.slice(0, POINTS_LIMIT / FEW).map(({ cell }) => JSON.stringify(`${cell.column}.${cell.row}`));
  const [found] = await ask([
    {
      ...base,
      filter: [...toFilter(state), `${cellAttribute(level)} IN [${keys.join(', ')}]`],
      limit: POINTS_LIMIT,
      attributesToRetrieve: POINT_ATTRIBUTES,
    },
  ]);
  // Cells beyond what one query lists stay clusters: every result is still on the map.
  const listed = new Set(few.slice(0, POINTS_LIMIT / FEW).map(({ cell }) => `${level}.${cell.column}.${cell.row}`));
  const unlisted = clustersOf(
    few.filter(({ cell }) => !listed.has(`${level}.${cell.column}.${cell.row}`)),
    [],
  );
  return { area, clusters: [...clusters, ...unlisted], points: toPoints(found?.hits ?? []) };
};

const runMapSearch = async (state: CatalogueState, request: Exclude<MapRequest, { kind: 'cell' }>): Promise<MapData> => {
  const base = { indexUid: PRACTICES_INDEX, q: searchQuery(state.query), filter: toFilter(state), limit: 0 };
  const [extent] = await ask([{ ...base, facets: [cellAttribute(EXTENT_LEVEL)] }]);
  const distribution = extent?.facetDistribution?.[cellAttribute(EXTENT_LEVEL)];
  const total = sum(distribution);
  if (request.kind === 'view') {
    const level = cellLevel(request.zoom);
    return { search: mapSearchKey(state), total, view: null, ...(await inArea(state, queryArea(request.bounds, level), level)) };
  }
  const view = fitView(occupiedBounds(cellCounts(EXTENT_LEVEL, distribution)) ?? ITALY, request.width, request.height);
  const level = cellLevel(view.zoom);
  const area = queryArea(viewBounds(view, request.width, request.height), level);
  return { search: mapSearchKey(state), total, view, ...(total === 0 ? { area, clusters: [], points: [] } : await inArea(state, area, level)) };
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
export const searchMapCell = (state: CatalogueState, request: Extract<MapRequest, { kind: 'cell' }>): Promise<MapCellList> => {
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
