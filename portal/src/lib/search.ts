/**
 * The catalogue's search: the portal's server asks Meilisearch (index `practices`, documents as
 * `PracticeSearchDocument` in `search/src/practices-index.ts`) with the search-only key. The browser
 * never talks to Meilisearch: it calls `/api/search`, which lands here.
 *
 * Requests go through `node:http` with `accept-encoding: identity` and a kept-alive agent:
 * Meilisearch answers compressed requests on kept-alive connections about 45 ms late (see
 * ENVIRONMENT.md), which is most of an as-you-type budget.
 */
import http from 'node:http';
import https from 'node:https';
import {
  FACETS,
  HITS_PER_PAGE,
  SORTS,
  pageWithin,
  toFilter,
  type CatalogueResult,
  type CatalogueState,
  type FacetKey,
  type FacetValue,
  type HighlightedText,
  type PracticeHit,
} from './catalogue-state.ts';
import { cachedAnswer } from './cache/index.ts';
import { SEARCH_TAG } from './cache/tags.ts';
import { config } from './config.ts';
import { searchQuery } from './search-query.ts';
import { SearchUnavailableError } from './errors.ts';

export const PRACTICES_INDEX = 'practices';

/** Mirrors `PracticeSearchDocument` of `search/src/practices-index.ts` (the fields the portal reads). */
type PracticeDocument = Omit<PracticeHit, 'title' | 'excerpt'> & {
  title: string;
  description: string;
  _geo: { lat: number; lng: number } | null;
};
export type SearchQuery = Record<string, unknown> & { indexUid: string };

export type SearchResponse = {
  hits: (Partial<PracticeDocument> & { _formatted?: Partial<Record<'title' | 'description', string>> })[];
  totalHits?: number;
  totalPages?: number;
  page?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
};

const TIMEOUT_MS = 3_000;
/** Markers Meilisearch puts around matched words; control characters never occur in the texts. */
const PRE = '\u0001';
const POST = '\u0002';

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });

const postJson = (url: URL, key: string, body: unknown): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(
      url,
      {
        method: 'POST',
        agent: secure ? httpsAgent : httpAgent,
        timeout: TIMEOUT_MS,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'accept-encoding': 'identity',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 500) >= 300) {
            reject(new SearchUnavailableError(`Meilisearch answered ${response.statusCode}: ${text.slice(0, 300)}`));
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(new SearchUnavailableError('Meilisearch sent no JSON', { cause: error }));
          }
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    request.on('error', (error) =>
      reject(
        error instanceof SearchUnavailableError
          ? error
          : new SearchUnavailableError('Meilisearch not reachable', { cause: error }),
      ),
    );
    request.end(payload);
  });

export const multiSearch = async (queries: SearchQuery[]): Promise<SearchResponse[]> => {
  const { meiliHost, meiliSearchKey } = config();
  if (!meiliHost || !meiliSearchKey) throw new SearchUnavailableError('MEILI_HOST or MEILI_SEARCH_KEY not set');
  const body = (await postJson(new URL('/multi-search', meiliHost), meiliSearchKey, { queries })) as {
    results?: SearchResponse[];
  };
  if (!Array.isArray(body.results)) throw new SearchUnavailableError('Meilisearch answered without results');
  return body.results;
};

/** Splits a Meilisearch-formatted text into plain and matched parts. */
export const highlighted = (formatted: string | undefined, fallback: string): HighlightedText => {
  const source = formatted ?? fallback;
  const parts: HighlightedText = [];
  for (const [index, piece] of source.split(PRE).entries()) {
    const [matched, rest] = index === 0 ? [null, piece] : (piece.split(POST) as [string, string | undefined]);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest.replaceAll(POST, ''), match: false });
  }
  return parts.length > 0 ? parts : [{ text: fallback, match: false }];
};

const facetValues = (distribution: Record<string, number> | undefined, selected: string[]): FacetValue[] => {
  const values = Object.entries(distribution ?? {}).map(([value, count]) => ({ value, count }));
  for (const value of selected) if (!values.some((entry) => entry.value === value)) values.push({ value, count: 0 });
  return values.sort((a, b) => a.value.localeCompare(b.value, 'it'));
};

const toHit = (hit: SearchResponse['hits'][number]): PracticeHit => ({
  id: hit.id ?? '',
  slug: hit.slug ?? '',
  title: highlighted(hit._formatted?.title, hit.title ?? ''),
  excerpt: highlighted(hit._formatted?.description, hit.description ?? ''),
  organisationName: hit.organisationName ?? '',
  innovationArea: hit.innovationArea ?? '',
  city: hit.city ?? null,
  province: hit.province ?? null,
  provinceCode: hit.provinceCode ?? null,
  region: hit.region ?? null,
  year: hit.year ?? null,
});

/**
 * One round trip for a catalogue view: the page of results with every facet, and for each
 * refinement in use (the impact evaluation too) its counts without itself (so its other values
 * still show how many results they would add). A page past the last one (an old link, or a search
 * that now finds less) costs one more query, for the last page. The map asks separately
 * (map-search.ts), for the view it shows.
 */
const runSearch = async (state: CatalogueState): Promise<CatalogueResult> => {
  const attributes = FACETS.map((facet) => facet.attribute);
  const sort = SORTS[state.sort].sort;
  const base = { indexUid: PRACTICES_INDEX, q: searchQuery(state.query) };
  const activeFacets = FACETS.filter((facet) => state.refinements[facet.key].length > 0);
  const pageQuery = (page: number): SearchQuery => ({
    ...base,
    filter: toFilter(state),
    facets: [...attributes, 'impactEvaluation'],
    page,
    hitsPerPage: HITS_PER_PAGE,
    ...(sort ? { sort: [sort] } : {}),
    attributesToRetrieve: [
      'id',
      'slug',
      'title',
      'description',
      'organisationName',
      'innovationArea',
      'city',
      'province',
      'provinceCode',
      'region',
      'year',
    ],
    attributesToHighlight: ['title', 'description'],
    attributesToCrop: ['description'],
    cropLength: 40,
    cropMarker: '…',
    highlightPreTag: PRE,
    highlightPostTag: POST,
  });
  const queries: SearchQuery[] = [
    pageQuery(state.page),
    ...(state.impact ? [{ ...base, filter: toFilter(state, 'impact'), facets: ['impactEvaluation'], limit: 0 }] : []),
    ...activeFacets.map((facet) => ({
      ...base,
      filter: toFilter(state, facet.key),
      facets: [facet.attribute],
      limit: 0,
    })),
  ];
  const [first, ...counts] = await multiSearch(queries);
  if (!first) throw new SearchUnavailableError('Meilisearch answered fewer results than queries');
  const impactQuery = state.impact ? counts[0] : undefined;
  const disjunctive = state.impact ? counts.slice(1) : counts;

  const firstTotal = first.totalHits ?? first.estimatedTotalHits ?? first.hits.length;
  const lastPage = first.totalPages ?? Math.ceil(firstTotal / HITS_PER_PAGE);
  let main = first;
  if (lastPage > 0 && state.page > lastPage) {
    const [last] = await multiSearch([pageQuery(lastPage)]);
    if (!last) throw new SearchUnavailableError('Meilisearch answered fewer results than queries');
    main = last;
  }

  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const own = disjunctive[activeFacets.indexOf(facet)];
      const distribution = (own ?? main).facetDistribution?.[facet.attribute];
      return [facet.key, facetValues(distribution, state.refinements[facet.key])];
    }),
  ) as Record<FacetKey, FacetValue[]>;
  const impact = (impactQuery ?? main).facetDistribution?.['impactEvaluation'] ?? {};
  const total = main.totalHits ?? main.estimatedTotalHits ?? main.hits.length;
  const totalPages = main.totalPages ?? Math.ceil(total / HITS_PER_PAGE);
  return {
    hits: main.hits.map(toHit),
    total,
    page: pageWithin(main.page ?? state.page, totalPages),
    totalPages,
    facets,
    impactCounts: { si: impact['true'] ?? 0, no: impact['false'] ?? 0 },
    provinceCounts: main.facetDistribution?.['province'] ?? {},
  };
};

/** A catalogue view, through the portal's cache (invalidated when the index applies changes). */
export const searchPractices = (state: CatalogueState): Promise<CatalogueResult> =>
  cachedAnswer(`search:${JSON.stringify(state)}`, async () => {
    const value = await runSearch(state);
    return { value, bytes: JSON.stringify(value).length * 2, tags: [SEARCH_TAG] };
  });
