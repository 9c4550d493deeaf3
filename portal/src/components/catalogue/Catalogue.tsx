/**
 * The catalogue island: search as you type, refinements, sorting, pages, results and map in step.
 * The server renders it with the first results, as a plain GET form with links, so it works
 * before (and without) JavaScript; once hydrated it asks `/api/search` and keeps the state in the
 * URL (typing replaces the history entry, every other change adds one, the back button restores).
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type MouseEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import {
  FACETS,
  SORTS,
  emptyState,
  hasRefinements,
  parseState,
  stateUrl,
  toParams,
  type CatalogueResult,
  type CatalogueState,
  type FacetKey,
  type HighlightedText,
  type SortKey,
} from '../../lib/catalogue-state.ts';
import PracticeMap from './PracticeMap.tsx';

export type CatalogueProps = {
  initialState: CatalogueState;
  initialResult: CatalogueResult | null;
  initialError: string | null;
  map: { geoUrl: string; tileUrl: string | null; tileAttribution: string | null };
};

const TYPING_DELAY_MS = 150;
const SEARCH_UNAVAILABLE = 'La ricerca non è disponibile in questo momento. Riprova tra qualche minuto.';

const number = new Intl.NumberFormat('it-IT');

const countLabel = (total: number): string =>
  total === 0
    ? 'Nessuna pratica trovata'
    : total === 1
      ? '1 pratica trovata'
      : `${number.format(total)} pratiche trovate`;

const Highlighted = ({ text }: { text: HighlightedText }): ReactNode =>
  text.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>));

const withPage = (state: CatalogueState, page: number): CatalogueState => ({ ...state, page });

/** Pages to offer: the first, the last and two around the current one. */
const pageNumbers = (current: number, total: number): (number | null)[] => {
  const wanted = [...new Set([1, total, current - 2, current - 1, current, current + 1, current + 2])]
    .filter((page) => page >= 1 && page <= total)
    .sort((a, b) => a - b);
  return wanted.flatMap((page, index) => {
    const previous = wanted[index - 1];
    return previous !== undefined && page - previous > 1 ? [null, page] : [page];
  });
};

export default function Catalogue({ initialState, initialResult, initialError, map }: CatalogueProps): ReactNode {
  const [state, setState] = useState(initialState);
  const [result, setResult] = useState(initialResult);
  const [error, setError] = useState(initialError);
  const [loading, setLoading] = useState(false);
  const [hydrated, setHydrated] = useState(false);
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
      const response = await fetch(`/api/search?${toParams(next).toString()}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(String(response.status));
      setResult((await response.json()) as CatalogueResult);
      setError(null);
    } catch {
      if (controller.signal.aborted) return;
      setError(SEARCH_UNAVAILABLE);
    } finally {
      if (inFlight.current === controller) {
        inFlight.current = null;
        setLoading(false);
      }
    }
  }, []);

  const apply = useCallback(
    (next: CatalogueState, history: 'push' | 'replace' = 'push'): void => {
      setState(next);
      const url = stateUrl(next);
      if (history === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
      void fetchResults(next);
    },
    [fetchResults],
  );

  useEffect(() => {
    setHydrated(true);
    const onPopState = (): void => {
      const next = parseState(new URLSearchParams(window.location.search));
      setState(next);
      void fetchResults(next);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [fetchResults]);

  const onQueryChange = (query: string): void => {
    const next = { ...state, query, page: 1 };
    setState(next);
    if (typingTimer.current) clearTimeout(typingTimer.current);
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
    if (typingTimer.current) clearTimeout(typingTimer.current);
    apply({ ...state, page: 1 });
  };

  /** A real link to the state (it works before hydration and opens in a new tab), applied in place on click. */
  const linkTo = (next: CatalogueState, after?: () => void) => ({
    href: stateUrl(next),
    onClick: (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      apply(next);
      after?.();
    },
  });

  const organisationName = result?.hits.find((hit) => hit.organisationName)?.organisationName;
  const active: { key: FacetKey | 'impact' | 'organisation'; label: string; value: string }[] = [
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

  const withoutActive = (entry: (typeof active)[number]): CatalogueState => {
    if (entry.key === 'impact') return { ...state, impact: null, page: 1 };
    if (entry.key === 'organisation') return { ...state, organisation: null, page: 1 };
    const key = entry.key;
    return {
      ...state,
      refinements: { ...state.refinements, [key]: state.refinements[key].filter((value) => value !== entry.value) },
      page: 1,
    };
  };

  return (
    <div className="catalogue" data-hydrated={hydrated ? 'true' : 'false'} data-loading={loading ? 'true' : 'false'}>
      <form
        className="catalogue-filters"
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
              placeholder="Parole chiave, cooperativa, luogo…"
              onChange={(event) => onQueryChange(event.target.value)}
            />
            <button type="submit">Cerca</button>
          </div>
        </div>

        {state.organisation ? <input type="hidden" name="organizzazione" value={state.organisation} /> : null}

        <div className="sort-box">
          <label htmlFor="catalogue-sort">Ordina per</label>
          <select
            id="catalogue-sort"
            name="ordine"
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

        <h2 className="visually-hidden">Filtri</h2>
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
                  {values.map(({ value, count }) => {
                    const id = `facet-${facet.param}-${value.replace(/[^a-zA-Z0-9]+/g, '-')}`;
                    return (
                      <li key={value}>
                        <input
                          type="checkbox"
                          id={id}
                          name={facet.param}
                          value={value}
                          checked={state.refinements[facet.key].includes(value)}
                          onChange={(event) => toggle(facet.key, value, event.target.checked)}
                        />
                        <label htmlFor={id}>
                          {value} <span className="count">({number.format(count)})</span>
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
                      value={value ?? ''}
                      checked={state.impact === value}
                      onChange={() => apply({ ...state, impact: value, page: 1 })}
                    />
                    <label htmlFor={`facet-valutazione-${value ?? 'tutte'}`}>
                      {label} {count === null ? null : <span className="count">({number.format(count)})</span>}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          </details>
        ) : null}
        {hydrated ? null : (
          <button type="submit" className="apply-filters">
            Applica i filtri
          </button>
        )}
      </form>

      <section className="catalogue-results" aria-labelledby="results-heading">
        <h2 id="results-heading" ref={resultsHeading} tabIndex={-1}>
          Risultati
        </h2>
        <p className="result-count" role="status" aria-live="polite" aria-atomic="true">
          {error ? error : result ? countLabel(result.total) : ''}
          {loading ? <span className="visually-hidden"> (aggiornamento in corso)</span> : null}
        </p>

        {active.length > 0 ? (
          <div className="active-filters">
            <h3 className="visually-hidden">Filtri attivi</h3>
            <ul>
              {active.map((entry) => (
                <li key={`${entry.key}-${entry.value}`}>
                  <a
                    {...linkTo(withoutActive(entry))}
                    className="chip"
                    aria-label={`Togli il filtro ${entry.label}: ${entry.value}`}
                  >
                    {entry.value} <span aria-hidden="true">×</span>
                  </a>
                </li>
              ))}
            </ul>
            <a {...linkTo({ ...emptyState(), query: state.query, sort: state.sort })}>Cancella tutti i filtri</a>
          </div>
        ) : null}

        {result && result.total === 0 && !error ? (
          <div className="empty-results">
            <p>
              Nessuna pratica corrisponde {state.query ? <>a «{state.query}»</> : 'alla ricerca'}
              {hasRefinements(state) ? ' con i filtri scelti' : ''}.
            </p>
            {hasRefinements(state) ? (
              <p>
                <a {...linkTo({ ...emptyState(), query: state.query, sort: state.sort })}>Cancella i filtri</a> e cerca
                di nuovo in tutto il catalogo.
              </p>
            ) : null}
            {state.query ? (
              <p>
                <a {...linkTo(emptyState())}>Mostra tutte le pratiche</a>
              </p>
            ) : null}
          </div>
        ) : null}

        {result && result.hits.length > 0 ? (
          <ol className="results" aria-busy={loading}>
            {result.hits.map((hit) => (
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

        {result && result.totalPages > 1 ? (
          <nav className="pagination" aria-label="Pagine dei risultati">
            <ul>
              {result.page > 1 ? (
                <li>
                  <a {...linkTo(withPage(state, result.page - 1), focusResults)}>Precedente</a>
                </li>
              ) : null}
              {pageNumbers(result.page, result.totalPages).map((page, index) =>
                page === null ? (
                  <li key={`gap-${index}`} aria-hidden="true">
                    …
                  </li>
                ) : (
                  <li key={page}>
                    <a
                      {...linkTo(withPage(state, page), focusResults)}
                      aria-current={page === result.page ? 'page' : undefined}
                      aria-label={`Pagina ${page}`}
                    >
                      {page}
                    </a>
                  </li>
                ),
              )}
              {result.page < result.totalPages ? (
                <li>
                  <a {...linkTo(withPage(state, result.page + 1), focusResults)}>Successiva</a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>

      <section className="catalogue-map" aria-labelledby="map-heading">
        <h2 id="map-heading">Mappa</h2>
        <PracticeMap
          points={result?.points ?? []}
          provinceCounts={result?.provinceCounts ?? {}}
          geoUrl={map.geoUrl}
          tileUrl={map.tileUrl}
          tileAttribution={map.tileAttribution}
        />
      </section>
    </div>
  );
}
