/**
 * The map of the catalogue's results and its text alternative. Leaflet is loaded on the client
 * only, when the map is shown; the server renders the table of results by province, which is also
 * what screen-reader users get instead of the map. Every result is on the map: the server answers
 * for the view (clusters counted by the search engine, markers where results are few), fitted to
 * all results after a search, and again for the view the visitor moves to.
 */
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import {
  mapSearchKey,
  mapState,
  toParams,
  type CatalogueState,
  type MapCellList,
  type MapData,
} from '../../lib/catalogue-state.ts';
import { mapRequestParams, type Bounds, type MapRequest } from '../../lib/map-cells.ts';
import { SHADES } from '../../lib/map-shades.ts';
import type { PracticeMapHandle } from './leaflet-map.ts';

/** What the catalogue asks of the map: its size, to get a fitted map with the next results. */
export type MapControl = { fitSize: () => { width: number; height: number } | null };

type Props = {
  /** The search the map shows. */
  state: CatalogueState;
  /** The map's answer that came with the results for `state`, if any. */
  data: MapData | null;
  /** The catalogue is fetching results with the map's answer: the map does not ask on its own. */
  awaiting: boolean;
  provinceCounts: Record<string, number>;
  /** Whether the map is on screen (a phone shows either the list or the map). */
  shown: boolean;
  geoUrl: string;
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Id of the element the "Salta la mappa" link leads to (focusable, e.g. the results heading). */
  skipTo: string;
  control?: Ref<MapControl>;
};

const MOVE_DELAY_MS = 120;

const contains = (outer: Bounds, inner: Bounds): boolean =>
  inner.south >= outer.south && inner.north <= outer.north && inner.west >= outer.west && inner.east <= outer.east;

const mapUrl = (state: CatalogueState, request: MapRequest): string => {
  const params = toParams(mapState(state));
  params.set(...mapRequestParams(request));
  return `/api/mappa?${params.toString()}`;
};

/** Touch screens get touch help; keyboards and mice get theirs. */
const useCoarsePointer = (): boolean => {
  const [coarse, setCoarse] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(pointer: coarse)');
    const update = (): void => setCoarse(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return coarse;
};

export default function PracticeMap({
  state,
  data,
  awaiting,
  provinceCounts,
  shown,
  geoUrl,
  tileUrl,
  tileAttribution,
  skipTo,
  control,
}: Props): ReactNode {
  const container = useRef<HTMLDivElement | null>(null);
  const [handle, setHandle] = useState<PracticeMapHandle | null>(null);
  const [failed, setFailed] = useState(false);
  const [drawn, setDrawn] = useState<{ search: string; total: number } | null>(null);
  /** The search of the markers drawn, for the effect that decides whether to ask again. */
  const drawnSearch = useRef<string | null>(null);
  /** Where the drawn markers are every result (no clusters): zooming in there needs no new answer. */
  const complete = useRef<{ search: string; area: Bounds } | null>(null);
  const [loading, setLoading] = useState(false);
  const coarse = useCoarsePointer();
  const search = mapSearchKey(state);
  const current = useRef({ state, search });
  useLayoutEffect(() => {
    current.current = { state, search };
  });
  const inFlight = useRef<AbortController | null>(null);
  const moveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The latest `ask`, for Leaflet's handlers created once. */
  const askRef = useRef<(request: MapRequest) => Promise<void>>(() => Promise.resolve());

  useImperativeHandle(
    control,
    () => ({
      fitSize: () => {
        if (!handle || !shown) return null;
        const size = handle.size();
        return size.width > 0 && size.height > 0 ? size : null;
      },
    }),
    [handle, shown],
  );

  const show = useCallback(
    (answer: MapData): void => {
      if (!handle || answer.search !== current.current.search) return;
      if (answer.view) handle.showView(answer.view);
      handle.draw(answer.clusters, answer.points);
      complete.current =
        answer.clusters.length === 0 && answer.area ? { search: answer.search, area: answer.area } : null;
      drawnSearch.current = answer.search;
      setDrawn({ search: answer.search, total: answer.total });
    },
    [handle],
  );

  const ask = useCallback(
    async (request: MapRequest): Promise<void> => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      try {
        const response = await fetch(mapUrl(current.current.state, request), {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        });
        if (!response.ok) throw new Error(String(response.status));
        show((await response.json()) as MapData);
      } catch {
        // A failed answer leaves the last one drawn: the list still holds every result.
      } finally {
        if (inFlight.current === controller) {
          inFlight.current = null;
          setLoading(false);
        }
      }
    },
    [show],
  );

  useEffect(() => {
    const element = container.current;
    if (!element || !shown || handle) return undefined;
    let created: PracticeMapHandle | null = null;
    let cancelled = false;
    // Leaflet is loaded when the map comes near the screen: on a phone, when the map is chosen.
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        import('./leaflet-map.ts')
          .then(({ createPracticeMap }) => {
            if (cancelled) return;
            created = createPracticeMap(
              element,
              { geoUrl, tileUrl, tileAttribution },
              {
                onMoved: () => {
                  if (moveTimer.current) clearTimeout(moveTimer.current);
                  moveTimer.current = setTimeout(() => {
                    if (!created) return;
                    const view = created.view();
                    const known = complete.current;
                    if (known && known.search === current.current.search && contains(known.area, view.bounds)) return;
                    void askRef.current({ kind: 'view', ...view });
                  }, MOVE_DELAY_MS);
                },
                listCell: async (cell) => {
                  const [level, column, row] = cell.split('.').map(Number);
                  const url = mapUrl(current.current.state, {
                    kind: 'cell',
                    cell: { level: level ?? 0, column: column ?? 0, row: row ?? 0 },
                  });
                  const response = await fetch(url, { headers: { accept: 'application/json' } });
                  if (!response.ok) throw new Error(String(response.status));
                  return (await response.json()) as MapCellList;
                },
              },
            );
            setHandle(created);
          })
          .catch(() => setFailed(true));
      },
      { rootMargin: '300px' },
    );
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [geoUrl, tileUrl, tileAttribution, shown, handle]);

  useEffect(() => () => handle?.destroy(), [handle]);

  useLayoutEffect(() => {
    askRef.current = ask;
  }, [ask]);

  // Shown again after a phone's list view: Leaflet measures its box again.
  useEffect(() => {
    if (handle && shown) handle.resize();
  }, [handle, shown]);

  // A new search: draw the map that came with the results, or ask for one fitted to them.
  useEffect(() => {
    if (!handle || !shown) return;
    if (moveTimer.current) clearTimeout(moveTimer.current);
    if (data && data.search === search) show(data);
    else if (!awaiting && drawnSearch.current !== search) {
      const size = handle.size();
      // The fitted map depends on Leaflet's drawn size, known only here: asking for it is the effect's job.
      // eslint-disable-next-line react-hooks/set-state-in-effect -- synchronises with Leaflet, an external system
      if (size.width > 0 && size.height > 0) void ask({ kind: 'fit', ...size });
    }
  }, [handle, shown, data, awaiting, search, show, ask]);

  useEffect(() => {
    handle?.shade(provinceCounts);
  }, [handle, provinceCounts]);

  /** Focus moves to the target without a history entry for the fragment (which would reload the results). */
  const onSkip = (event: MouseEvent<HTMLAnchorElement>): void => {
    const target = document.getElementById(skipTo);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'start' });
  };

  const provinces = Object.entries(provinceCounts).sort(
    ([a, countA], [b, countB]) => countB - countA || a.localeCompare(b, 'it'),
  );

  return (
    <>
      <p id="map-help" className="map-help">
        {coarse
          ? 'Ogni punto è una pratica, ogni cerchio con un numero un gruppo di pratiche. Tocca un punto per aprirlo, un gruppo per avvicinarti; sposta e ingrandisci la mappa con due dita.'
          : 'Ogni punto è una pratica, ogni cerchio con un numero un gruppo di pratiche; le province più scure ne hanno di più. Con la tastiera: frecce per spostare la mappa, + e − per lo zoom, Tab per passare da un punto all’altro e Invio per aprirlo.'}
      </p>
      <a className="skip-map" href={`#${skipTo}`} onClick={onSkip}>
        Salta la mappa
      </a>
      <div className="map-frame">
        <div
          ref={container}
          className="map"
          data-testid="practice-map"
          data-points={drawn?.total ?? 0}
          data-search={drawn?.search ?? ''}
          data-loading={loading ? 'true' : 'false'}
          role="region"
          aria-label="Mappa delle pratiche trovate"
          aria-describedby="map-help"
        />
        {handle ? null : (
          <p className="map-placeholder">{failed ? 'La mappa non è disponibile.' : 'Caricamento della mappa…'}</p>
        )}
      </div>
      <div className="map-legend" aria-hidden="true">
        <span>Meno pratiche</span>
        {SHADES.map((shade) => (
          <span key={shade} className="swatch" style={{ background: shade }} />
        ))}
        <span>Più pratiche</span>
      </div>
      <details className="province-table">
        <summary>Pratiche trovate per provincia (tabella)</summary>
        {provinces.length === 0 ? (
          <p>Nessuna pratica nei risultati.</p>
        ) : (
          <table>
            <caption className="visually-hidden">Pratiche trovate per provincia</caption>
            <thead>
              <tr>
                <th scope="col">Provincia</th>
                <th scope="col">Pratiche</th>
              </tr>
            </thead>
            <tbody>
              {provinces.map(([province, count]) => (
                <tr key={province}>
                  <th scope="row">{province}</th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </>
  );
}
