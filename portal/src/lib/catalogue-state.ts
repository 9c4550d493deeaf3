/**
 * The catalogue's state and its URL: what the visitor searched, refined, sorted and which page.
 * Shared by the server (first render, `/api/search`) and the catalogue island, so a shared link,
 * a reload and the back button all give the same results. Isomorphic: no Node, no DOM.
 */

/** A refinement the visitor can pick values of; `param` is its name in the URL. */
export type FacetKey = 'area' | 'region' | 'province' | 'organisationType' | 'partnership' | 'funding';

export type FacetDefinition = {
  key: FacetKey;
  /** Attribute of the practices index (see `PracticeSearchDocument` in `search/`). */
  attribute: string;
  param: string;
  label: string;
};

export const FACETS: readonly FacetDefinition[] = [
  { key: 'area', attribute: 'innovationArea', param: 'ambito', label: 'Ambito di innovazione' },
  { key: 'region', attribute: 'region', param: 'regione', label: 'Regione' },
  { key: 'province', attribute: 'province', param: 'provincia', label: 'Provincia' },
  { key: 'organisationType', attribute: 'organisationType', param: 'tipo', label: 'Tipo di organizzazione' },
  { key: 'partnership', attribute: 'partnershipKinds', param: 'partnership', label: 'Partnership' },
  { key: 'funding', attribute: 'fundingSources', param: 'finanziamento', label: 'Forme di finanziamento' },
];

export const SORTS = {
  rilevanza: { label: 'Pertinenza', sort: null },
  recenti: { label: 'Più recenti', sort: 'publishedAt:desc' },
  titolo: { label: 'Titolo (A-Z)', sort: 'title:asc' },
  anno: { label: 'Anno di avvio', sort: 'year:desc' },
} as const;

export type SortKey = keyof typeof SORTS;

export type ImpactFilter = 'si' | 'no' | null;

export type CatalogueState = {
  query: string;
  refinements: Record<FacetKey, string[]>;
  /** Impact evaluation planned: yes, no, or either. */
  impact: ImpactFilter;
  /** One organisation's practices (a link from a consortium or practice page). */
  organisation: string | null;
  sort: SortKey;
  page: number;
};

export const HITS_PER_PAGE = 12;

/** What the catalogue says when the search engine does not answer (server and browser alike). */
export const SEARCH_UNAVAILABLE_MESSAGE = 'La ricerca non è disponibile in questo momento. Riprova tra qualche minuto.';

/** The site's name after every page title (as the layout writes it). */
export const SITE_NAME = 'Cooperative sociali in rete';
const MAX_QUERY_LENGTH = 200;
const MAX_VALUES = 30;

export const emptyRefinements = (): Record<FacetKey, string[]> => ({
  area: [],
  region: [],
  province: [],
  organisationType: [],
  partnership: [],
  funding: [],
});

export const emptyState = (): CatalogueState => ({
  query: '',
  refinements: emptyRefinements(),
  impact: null,
  organisation: null,
  sort: 'rilevanza',
  page: 1,
});

const isSortKey = (value: string | null): value is SortKey => value !== null && Object.hasOwn(SORTS, value);

export const parseState = (params: URLSearchParams): CatalogueState => {
  const refinements = emptyRefinements();
  for (const facet of FACETS) {
    refinements[facet.key] = [...new Set(params.getAll(facet.param).map((value) => value.trim()))]
      .filter((value) => value !== '')
      .slice(0, MAX_VALUES);
  }
  const impact = params.get('valutazione');
  const sort = params.get('ordine');
  const page = Number.parseInt(params.get('pagina') ?? '1', 10);
  return {
    query: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    refinements,
    impact: impact === 'si' || impact === 'no' ? impact : null,
    organisation: params.get('organizzazione')?.trim() || null,
    sort: isSortKey(sort) ? sort : 'rilevanza',
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 1000) : 1,
  };
};

/** The state as URL parameters; defaults are left out so URLs stay short. */
export const toParams = (state: CatalogueState): URLSearchParams => {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const facet of FACETS) for (const value of state.refinements[facet.key]) params.append(facet.param, value);
  if (state.impact) params.set('valutazione', state.impact);
  if (state.organisation) params.set('organizzazione', state.organisation);
  if (state.sort !== 'rilevanza') params.set('ordine', state.sort);
  if (state.page > 1) params.set('pagina', String(state.page));
  return params;
};

export const stateUrl = (state: CatalogueState, path = '/pratiche'): string => {
  const search = toParams(state).toString();
  return search ? `${path}?${search}` : path;
};

export const hasRefinements = (state: CatalogueState): boolean =>
  FACETS.some((facet) => state.refinements[facet.key].length > 0) ||
  state.impact !== null ||
  state.organisation !== null;

/** The catalogue's page title: the search when there is one. */
export const catalogueTitle = (state: CatalogueState): string =>
  state.query.trim() !== '' || hasRefinements(state)
    ? `Ricerca: ${state.query.trim() || 'filtri'} · Pratiche innovative`
    : 'Pratiche innovative';

/** The whole document title, for the browser to update after a change in place. */
export const catalogueDocumentTitle = (state: CatalogueState): string => `${catalogueTitle(state)} · ${SITE_NAME}`;

/** A Meilisearch filter value in double quotes. */
const quoted = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The Meilisearch filter of a state: values of one refinement are alternatives (OR), refinements
 * combine (AND). `without` leaves one refinement (or the impact filter) out, for its own counts.
 */
export const toFilter = (state: CatalogueState, without?: FacetKey | 'impact'): string[] => {
  const clauses: string[] = [];
  for (const facet of FACETS) {
    const values = state.refinements[facet.key];
    if (facet.key === without || values.length === 0) continue;
    clauses.push(values.map((value) => `${facet.attribute} = ${quoted(value)}`).join(' OR '));
  }
  if (state.impact && without !== 'impact')
    clauses.push(`impactEvaluation = ${state.impact === 'si' ? 'true' : 'false'}`);
  if (state.organisation) clauses.push(`organisationSlug = ${quoted(state.organisation)}`);
  return clauses.map((clause) => `(${clause})`);
};

/** A text with the parts that matched the search marked. */
export type HighlightedText = { text: string; match: boolean }[];

export type PracticeHit = {
  id: string;
  slug: string;
  title: HighlightedText;
  excerpt: HighlightedText;
  organisationName: string;
  innovationArea: string;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  region: string | null;
  year: number | null;
};

export type MapPoint = {
  slug: string;
  title: string;
  organisationName: string;
  province: string | null;
  lat: number;
  lng: number;
};

export type FacetValue = { value: string; count: number };

export type CatalogueResult = {
  hits: PracticeHit[];
  total: number;
  page: number;
  totalPages: number;
  facets: Record<FacetKey, FacetValue[]>;
  impactCounts: { si: number; no: number };
  /** Results by province name, for the map's choropleth and its table. */
  provinceCounts: Record<string, number>;
  /** The map's answer when the browser asked for it with the results (`adatta=W,H`). */
  map?: MapData;
};

/** A group of results the map shows as one marker, counted by Meilisearch for the map's view. */
export type MapCluster = {
  lat: number;
  lng: number;
  count: number;
  bounds: { south: number; west: number; north: number; east: number };
  /** `level.column.row` of its cell, to list its practices. */
  cell: string;
};

/** What the map shows of a search: every result, as clusters where they are many, as markers otherwise. */
export type MapData = {
  /** The search (`stateUrl`) the data answers. */
  search: string;
  /** Located results of the whole search (not only those in view). */
  total: number;
  /** The view that fits every result, when the browser asked for it. */
  view: { lat: number; lng: number; zoom: number } | null;
  /** The area answered; with `clusters` empty, `points` are every result in it. */
  area: { south: number; west: number; north: number; east: number } | null;
  clusters: MapCluster[];
  points: MapPoint[];
};

/** What the map shows of a state: every result of the search, whatever its order and page. */
export const mapState = (state: CatalogueState): CatalogueState => ({ ...state, sort: 'rilevanza', page: 1 });

/** The search a map answers, as `MapData.search` names it. */
export const mapSearchKey = (state: CatalogueState): string => stateUrl(mapState(state));

/** The practices of one crowded spot (a cluster at the map's closest zoom). */
export type MapCellList = { total: number; points: MapPoint[] };

export const plainText = (text: HighlightedText): string => text.map((part) => part.text).join('');

/**
 * The page to show of `totalPages`: a page past the last one becomes the last one (an old link,
 * or a search that now finds less); with no results there is only page 1.
 */
export const pageWithin = (page: number, totalPages: number): number =>
  totalPages > 0 ? Math.min(Math.max(page, 1), totalPages) : 1;

/** The page "Precedente" leads to, never past the last one. */
export const previousPage = (page: number, totalPages: number): number => Math.max(1, Math.min(page - 1, totalPages));

/** Pages to offer: the first, the last and two around the current one; `null` marks a gap. */
export const pageNumbers = (current: number, total: number): (number | null)[] => {
  const wanted = [...new Set([1, total, current - 2, current - 1, current, current + 1, current + 2])]
    .filter((page) => page >= 1 && page <= total)
    .sort((a, b) => a - b);
  return wanted.flatMap((page, index) => {
    const previous = wanted[index - 1];
    return previous !== undefined && page - previous > 1 ? [null, page] : [page];
  });
};

/** A refinement in use, as the chip that takes it away shows it. */
export type ActiveFilter = { key: FacetKey | 'impact' | 'organisation'; label: string; value: string };

/** The refinements in use; `organisationName` names the organisation filter when it is known. */
export const activeFilters = (state: CatalogueState, organisationName?: string): ActiveFilter[] => [
  ...FACETS.flatMap((facet) =>
    state.refinements[facet.key].map((value) => ({ key: facet.key, label: facet.label, value })),
  ),
  ...(state.impact
    ? [
        {
          key: 'impact' as const,
          label: 'Valutazione d’impatto',
          value: state.impact === 'si' ? 'prevista' : 'non prevista',
        },
      ]
    : []),
  ...(state.organisation
    ? [{ key: 'organisation' as const, label: 'Organizzazione', value: organisationName ?? state.organisation }]
    : []),
];

/** The state without one refinement in use, from its first page. */
export const withoutFilter = (state: CatalogueState, filter: ActiveFilter): CatalogueState => {
  if (filter.key === 'impact') return { ...state, impact: null, page: 1 };
  if (filter.key === 'organisation') return { ...state, organisation: null, page: 1 };
  const key = filter.key;
  return {
    ...state,
    refinements: { ...state.refinements, [key]: state.refinements[key].filter((value) => value !== filter.value) },
    page: 1,
  };
};
