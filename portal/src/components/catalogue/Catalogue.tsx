/**
 * The catalogue island: search as you type, refinements, sorting, pages, results and map in step.
 * The server renders it with the first results, as a plain GET form with links, so it works
 * before (and without) JavaScript; once hydrated it asks `/api/search` and keeps the state in the
 * URL (typing replaces the history entry, every other change adds one, the back button restores).
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import {
  FACETS,
  SEARCH_UNAVAILABLE_MESSAGE,
  SORTS,
  activeFilters,
  catalogueDocumentTitle,
  emptyState,
  hasRefinements,
  pageNumbers,
  parseState,
  previousPage,
  stateUrl,
  toParams,
  withoutFilter,
  type CatalogueResult,
  type CatalogueState,
  type FacetKey,
  type HighlightedText,
  type MapData,
  type SortKey,
} from '../../lib/catalogue-state.ts';
import { formatNumber, plural, practicesFound } from '../../lib/format.ts';
import PracticeMap, { type MapControl } from './PracticeMap.tsx';
import StateLink from './StateLink.tsx';

export type CatalogueProps = {
  initialState: CatalogueState;
  initialResult: CatalogueResult | null;
  initialError: string | null;
  map: { geoUrl: string; tileUrl: string | null; tileAttribution: string | null };
};

const TYPING_DELAY_MS = 150;
/** The map's input when there are no current results (stable, so the map is not redrawn on every render). */
const NO_COUNTS: Record<string, number> = {};
/** Below this width the catalogue is a phone's: refinements in a drawer, the list or the map. */
const COMPACT_QUERY = '(max-width: 60rem)';

/** Whether the screen is a phone's (false on the server and until hydration). */
const useCompact = (): boolean => {
  const [compact, setCompact] = useState(false);
  useLayoutEffect(() => {
    const query = window.matchMedia(COMPACT_QUERY);
    const update = (): void => setCompact(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return compact;
};

const Highlighted = ({ text }: { text: HighlightedText }): ReactNode =>
  text.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>));

const withPage = (state: CatalogueState, page: number): CatalogueState => ({ ...state, page });

const noSubscription = (): (() => void) => () => undefined;

/** False on the server and while hydrating (the page as the server drew it), true once interactive. */
const useHydrated = (): boolean =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/** The URL of the page the browser is on, as `stateUrl` writes it. */
const currentUrl = (): string => `${window.location.pathname}${window.location.search}`;

export default function Catalogue({ initialState, initialResult, initialError, map }: CatalogueProps): ReactNode {
  const [state, setState] = useState(initialState);
  const [result, setResult] = useState(initialResult);
  const [mapData, setMapData] = useState<MapData | null>(null);
  const [error, setError] = useState(initialError);
  const compact = useCompact();
  /** On a phone, the list or the map. */
  const [view, setView] = useState<'list' | 'map'>('list');
  const drawer = useRef<HTMLDialogElement | null>(null);
  /** The drawer's refinements are drawn only while it is open (nothing to draw for a phone that never opens it). */
  const [drawerOpen, setDrawerOpen] = useState(false);
  const mapControl = useRef<MapControl | null>(null);
  const [loading, setLoading] = useState(false);
  /** The results being fetched bring the map's answer too. */
  const [mapAwaited, setMapAwaited] = useState(false);
  /** The search last sent (not a query still being typed): what the map shows. */
  const [searched, setSearched] = useState(initialState);
  const hydrated = useHydrated();
  const inFlight = useRef<AbortController | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement | null>(null);
  // Refinement groups: the first two and those in use start open, the others fold away.
  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(
    () =>
      new Set([
        'area',
        'region',
        ...FACETS.filter((facet) => initialState.refinements[facet.key].length > 0).map((facet) => facet.key),
        ...(initialState.impact ? ['impact'] : []),
      ]),
  );
  const isOpen = (group: string): boolean => openGroups.has(group);
  const onToggleGroup =
    (group: string) =>
    (event: SyntheticEvent<HTMLDetailsElement>): void => {
      const open = event.currentTarget.open;
      setOpenGroups((groups) => {
        if (groups.has(group) === open) return groups;
        const next = new Set(groups);
        if (open) next.add(group);
        else next.delete(group);
        return next;
      });
    };

  const fetchResults = useCallback(async (next: CatalogueState): Promise<void> => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setLoading(true);
    try {
      const params = toParams(next);
      // A map on screen gets its answer, fitted to the new results, in the same round trip.
      const size = mapControl.current?.fitSize();
      if (size) params.set('adatta', `${size.width},${size.height}`);
      setMapAwaited(size !== null && size !== undefined);
      setSearched(next);
      const response = await fetch(`/api/search?${params.toString()}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (response.status === 429) {
        // Too many searches from this address: the portal says how long to wait.
        const refusal = (await response.json().catch(() => ({}))) as { error?: string };
        setError(refusal.error ?? SEARCH_UNAVAILABLE_MESSAGE);
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const answer = (await response.json()) as CatalogueResult;
      setResult(answer);
      setMapData(answer.map ?? null);
      setError(null);
      if (answer.page !== next.page) {
        // A page past the last one came back as the last one: the state and the URL say so.
        const shown = withPage(next, answer.page);
        if (currentUrl() === stateUrl(next)) window.history.replaceState(null, '', stateUrl(shown));
        setState((current) => (current === next ? shown : current));
      }
    } catch {
      if (controller.signal.aborted) return;
      // The results shown no longer answer the search: they are hidden until a retry succeeds.
      setError(SEARCH_UNAVAILABLE_MESSAGE);
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setLoading(false);
        setMapAwaited(false);
      }
    }
  }, []);

  /** Stops a pending as-you-type search: it would bring back the state it was started from. */
  const cancelTyping = useCallback((): void => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
  }, []);

  const apply = useCallback(
    (next: CatalogueState, history: 'push' | 'replace' = 'push'): void => {
      cancelTyping();
      setState(next);
      document.title = catalogueDocumentTitle(next);
      const url = stateUrl(next);
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      void fetchResults(next);
    },
    [fetchResults, cancelTyping],
  );

  useEffect(() => {
    // The server showed the last page for a page past it: the address says which page is shown.
    if (parseState(new URLSearchParams(window.location.search)).page !== initialState.page) {
      window.history.replaceState(null, '', stateUrl(initialState));
    }
    const onPopState = (): void => {
      cancelTyping();
      const next = parseState(new URLSearchParams(window.location.search));
      setState(next);
      document.title = catalogueDocumentTitle(next);
      void fetchResults(next);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
    // initialState is the server's prop: it does not change after hydration.
  }, [fetchResults, cancelTyping, initialState]);

  const onQueryChange = (query: string): void => {
    const next = { ...state, query, page: 1 };
    setState(next);
    cancelTyping();
    typingTimer.current = setTimeout(() => apply(next, 'replace'), TYPING_DELAY_MS);
  };

  const toggle = (key: FacetKey, value: string, checked: boolean): void => {
    const values = state.refinements[key];
    const nextValues = checked ? [...values, value] : values.filter((existing) => existing !== value);
    apply({ ...state, refinements: { ...state.refinements, [key]: nextValues }, page: 1 });
  };

  /** After a page change the results start again: focus goes to their heading. */
  const focusResults = (): void => resultsHeading.current?.focus();

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    apply({ ...state, page: 1 });
  };

  /** After a failed search: the same search again; the button goes away, focus goes to the results. */
  const onRetry = (): void => {
    focusResults();
    void fetchResults(state);
  };

  /** A real link to the state (it works before hydration and opens in a new tab), applied in place on click. */
  /** Following a link in the results: the new state, then focus on the results it brings. */
  const applyAndFocus = (next: CatalogueState): void => {
    apply(next);
    focusResults();
  };

  const organisationName = result?.hits.find((hit) => hit.organisationName)?.organisationName;
  const active = activeFilters(state, organisationName);
  /** Results that answer the current search (not those of a search that then failed). */
  const current = error ? null : result;
  const clearFilters = { ...emptyState(), query: state.query, sort: state.sort };
  /** A phone's catalogue once interactive: a drawer for refinements, the list or the map. */
  const phone = hydrated && compact;
  const countText = error ? error : result ? practicesFound(result.total) : '';

  const openDrawer = (): void => setDrawerOpen(true);
  const closeDrawer = (): void => drawer.current?.close();
  useEffect(() => {
    if (drawerOpen && drawer.current && !drawer.current.open) drawer.current.showModal();
  }, [drawerOpen]);
  const switchView = (): void => {
    const next = view === 'list' ? 'map' : 'list';
    setView(next);
    // The chosen view starts at its top.
    document.getElementById(next === 'map' ? 'map-heading' : 'results-heading')?.scrollIntoView({ block: 'start' });
  };

  const refinements = (
    <>
      <div className="sort-box">
        <label htmlFor="catalogue-sort">Ordina per</label>
        <select
          id="catalogue-sort"
          name="ordine"
          form="catalogue-form"
          value={state.sort}
          onChange={(event) => apply({ ...state, sort: event.target.value as SortKey, page: 1 })}
        >
          {Object.entries(SORTS).map(([key, sort]) => (
            <option key={key} value={key}>
              {sort.label}
            </option>
          ))}
        </select>
      </div>

      {FACETS.map((facet) => {
        const values = result?.facets[facet.key] ?? [];
        if (values.length === 0) return null;
        return (
          <details key={facet.key} className="facet" open={isOpen(facet.key)} onToggle={onToggleGroup(facet.key)}>
            <summary>
              {facet.label}
              {state.refinements[facet.key].length > 0 ? (
                <span className="count"> ({state.refinements[facet.key].length} scelti)</span>
              ) : null}
            </summary>
            <fieldset>
              <legend className="visually-hidden">{facet.label}</legend>
              <ul className={values.length > 8 ? 'facet-values facet-values--long' : 'facet-values'}>
                {/* A folded group's values are drawn when it opens (the server draws them all, for the form without JavaScript). */}
                {(hydrated && !isOpen(facet.key) ? [] : values).map(({ value, count }) => {
                  const id = `facet-${facet.param}-${value.replace(/[^a-zA-Z0-9]+/g, '-')}`;
                  return (
                    <li key={value}>
                      <input
                        type="checkbox"
                        id={id}
                        name={facet.param}
                        form="catalogue-form"
                        value={value}
                        checked={state.refinements[facet.key].includes(value)}
                        onChange={(event) => toggle(facet.key, value, event.target.checked)}
                      />
                      <label htmlFor={id}>
                        {value} <span className="count">({formatNumber(count)})</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          </details>
        );
      })}
      {result ? (
        <details className="facet" open={isOpen('impact')} onToggle={onToggleGroup('impact')}>
          <summary>Valutazione d’impatto</summary>
          <fieldset>
            <legend className="visually-hidden">Valutazione d’impatto</legend>
            <ul className="facet-values">
              {(
                [
                  [null, 'Indifferente', null],
                  ['si', 'Prevista', result.impactCounts.si],
                  ['no', 'Non prevista', result.impactCounts.no],
                ] as const
              ).map(([value, label, count]) => (
                <li key={label}>
                  <input
                    type="radio"
                    id={`facet-valutazione-${value ?? 'tutte'}`}
                    name="valutazione"
                    form="catalogue-form"
                    value={value ?? ''}
                    checked={state.impact === value}
                    onChange={() => apply({ ...state, impact: value, page: 1 })}
                  />
                  <label htmlFor={`facet-valutazione-${value ?? 'tutte'}`}>
                    {label} {count === null ? null : <span className="count">({formatNumber(count)})</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </details>
      ) : null}
    </>
  );

  return (
    <div
      className="catalogue"
      data-hydrated={hydrated ? 'true' : 'false'}
      data-loading={loading ? 'true' : 'false'}
      data-layout={phone ? 'phone' : 'wide'}
      data-view={view}
    >
      <form
        id="catalogue-form"
        className="catalogue-search"
        method="get"
        action="/pratiche"
        role="search"
        aria-label="Cerca nel catalogo"
        onSubmit={onSubmit}
      >
        <div className="search-box">
          <label htmlFor="catalogue-q">Cerca una pratica</label>
          <div className="search-row">
            <input
              id="catalogue-q"
              name="q"
              type="search"
              value={state.query}
              autoComplete="off"
              enterKeyHint="search"
              placeholder="Parole chiave, cooperativa, luogo…"
              onChange={(event) => onQueryChange(event.target.value)}
            />
            <button type="submit">Cerca</button>
          </div>
        </div>
        {state.organisation ? <input type="hidden" name="organizzazione" value={state.organisation} /> : null}

        <div className="catalogue-toolbar">
          <p className="result-count" role="status" aria-live="polite" aria-atomic="true">
            {countText}
            {loading ? <span className="visually-hidden"> (aggiornamento in corso)</span> : null}
          </p>
          {phone ? (
            <div className="toolbar-actions">
              <button type="button" className="secondary" aria-haspopup="dialog" onClick={openDrawer}>
                Filtri{active.length > 0 ? ` (${active.length})` : ''}
              </button>
              <button type="button" className="secondary" onClick={switchView}>
                {view === 'list' ? 'Mostra la mappa' : 'Mostra l’elenco'}
              </button>
            </div>
          ) : null}
        </div>
      </form>

      {phone ? (
        <dialog
          ref={drawer}
          className="catalogue-filters drawer"
          aria-labelledby="filters-heading"
          onClose={() => setDrawerOpen(false)}
          onClick={(event) => {
            // A tap on the backdrop (outside the drawer's box) closes it.
            if (event.target === event.currentTarget) closeDrawer();
          }}
        >
          <div className="drawer-head">
            <h2 id="filters-heading">Filtri</h2>
            <button type="button" className="secondary" onClick={closeDrawer}>
              Chiudi
            </button>
          </div>
          <div className="drawer-body">{drawerOpen ? refinements : null}</div>
          <div className="drawer-foot">
            <button type="button" onClick={closeDrawer} aria-describedby="drawer-count">
              {error
                ? 'Chiudi'
                : result
                  ? `Mostra ${plural(result.total, 'pratica', 'pratiche')}`
                  : 'Mostra i risultati'}
            </button>
            <p id="drawer-count" className="visually-hidden" aria-live="polite">
              {loading ? 'Aggiornamento in corso' : countText}
            </p>
            {hasRefinements(state) ? (
              <StateLink to={clearFilters} onFollow={apply} className="clear-filters">
                Cancella i filtri
              </StateLink>
            ) : null}
          </div>
        </dialog>
      ) : (
        <div className="catalogue-filters">
          <h2 className="visually-hidden">Filtri</h2>
          {refinements}
          {hydrated ? null : (
            <button type="submit" form="catalogue-form" className="apply-filters">
              Applica i filtri
            </button>
          )}
        </div>
      )}

      <section className="catalogue-results" aria-labelledby="results-heading">
        <h2 id="results-heading" ref={resultsHeading} tabIndex={-1}>
          Risultati
        </h2>
        {error ? (
          <p className="retry">
            {hydrated ? (
              <button type="button" onClick={onRetry} disabled={loading}>
                Riprova
              </button>
            ) : (
              <a href={stateUrl(state)}>Riprova</a>
            )}
          </p>
        ) : null}

        {active.length > 0 ? (
          <div className="active-filters">
            <h3 className="visually-hidden">Filtri attivi</h3>
            <ul>
              {active.map((entry) => (
                <li key={`${entry.key}-${entry.value}`}>
                  <StateLink
                    to={withoutFilter(state, entry)}
                    onFollow={applyAndFocus}
                    className="chip"
                    aria-label={`Togli il filtro ${entry.label}: ${entry.value}`}
                  >
                    {entry.value} <span aria-hidden="true">×</span>
                  </StateLink>
                </li>
              ))}
            </ul>
            <StateLink to={clearFilters} onFollow={applyAndFocus}>
              Cancella tutti i filtri
            </StateLink>
          </div>
        ) : null}

        {current && current.total === 0 ? (
          <div className="empty-results">
            <p>
              Nessuna pratica corrisponde {state.query ? <>a «{state.query}»</> : 'alla ricerca'}
              {hasRefinements(state) ? ' con i filtri scelti' : ''}.
            </p>
            {hasRefinements(state) ? (
              <p>
                <StateLink to={clearFilters} onFollow={applyAndFocus}>
                  Cancella i filtri
                </StateLink>{' '}
                e cerca di nuovo in tutto il catalogo.
              </p>
            ) : null}
            {state.query ? (
              <p>
                <StateLink to={emptyState()} onFollow={applyAndFocus}>
                  Mostra tutte le pratiche
                </StateLink>
              </p>
            ) : null}
          </div>
        ) : null}

        {current && current.hits.length > 0 ? (
          <ol className="results" aria-busy={loading}>
            {current.hits.map((hit) => (
              <li key={hit.id}>
                <article className="practice-card">
                  <h3>
                    <a href={`/pratiche/${encodeURIComponent(hit.slug)}`}>
                      <Highlighted text={hit.title} />
                    </a>
                  </h3>
                  <p className="meta">
                    {hit.organisationName}
                    {hit.city || hit.province
                      ? ` · ${[hit.city, hit.provinceCode ? `(${hit.provinceCode})` : null].filter(Boolean).join(' ')}`
                      : ''}
                  </p>
                  <p className="area">{hit.innovationArea}</p>
                  <p className="excerpt">
                    <Highlighted text={hit.excerpt} />
                  </p>
                </article>
              </li>
            ))}
          </ol>
        ) : null}

        {current && current.totalPages > 1 ? (
          <nav className="pagination" aria-label="Pagine dei risultati">
            <ul>
              {current.page > 1 ? (
                <li>
                  <StateLink
                    to={withPage(state, previousPage(current.page, current.totalPages))}
                    onFollow={applyAndFocus}
                  >
                    Precedente
                  </StateLink>
                </li>
              ) : null}
              {pageNumbers(current.page, current.totalPages).map((page, index) =>
                page === null ? (
                  <li key={`gap-${index}`} aria-hidden="true">
                    …
                  </li>
                ) : (
                  <li key={page}>
                    <StateLink
                      to={withPage(state, page)}
                      onFollow={applyAndFocus}
                      aria-current={page === current.page ? 'page' : undefined}
                      aria-label={`Pagina ${page}`}
                    >
                      {page}
                    </StateLink>
                  </li>
                ),
              )}
              {current.page < current.totalPages ? (
                <li>
                  <StateLink to={withPage(state, current.page + 1)} onFollow={applyAndFocus}>
                    Successiva
                  </StateLink>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      <section className="catalogue-map" aria-labelledby="map-heading">
        <h2 id="map-heading">Mappa</h2>
        <PracticeMap
          control={mapControl}
          state={searched}
          data={current ? mapData : null}
          awaiting={mapAwaited}
          provinceCounts={current?.provinceCounts ?? NO_COUNTS}
          shown={!phone || view === 'map'}
          skipTo="results-heading"
          geoUrl={map.geoUrl}
          tileUrl={map.tileUrl}
          tileAttribution={map.tileAttribution}
        />
      </section>
    </div>
  );
}
