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

/** A Meilisearch filter value in double quotes. */
const quoted = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * The Meilisearch filter of a state: values of one refinement are alternatives (OR), refinements
 * combine (AND). `without` leaves one refinement out, for its own facet counts.
 */
export const toFilter = (state: CatalogueState, without?: FacetKey): string[] => {
  const clauses: string[] = [];
  for (const facet of FACETS) {
    const values = state.refinements[facet.key];
    if (facet.key === without || values.length === 0) continue;
    clauses.push(values.map((value) => `${facet.attribute} = ${quoted(value)}`).join(' OR '));
  }
  if (state.impact) clauses.push(`impactEvaluation = ${state.impact === 'si' ? 'true' : 'false'}`);
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
  /** Every result with a location, for the map (not only the current page). */
  points: MapPoint[];
  /** Results by province name, for the map's choropleth and its table. */
  provinceCounts: Record<string, number>;
};

export const plainText = (text: HighlightedText): string => text.map((part) => part.text).join('');
