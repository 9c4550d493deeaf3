/**
 * The map of the catalogue's results and its text alternative. Leaflet is loaded on the client
 * only, when the map scrolls into view; the server renders the table of results by province, which
 * is also what screen-reader users get instead of the map.
 */
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { MapPoint } from '../../lib/catalogue-state.ts';
import { SHADES } from '../../lib/map-shades.ts';
import type { PracticeMapHandle } from './leaflet-map.ts';

type Props = {
  points: MapPoint[];
  provinceCounts: Record<string, number>;
  geoUrl: string;
  tileUrl: string | null;
  tileAttribution: string | null;
  /** Id of the element the "Salta la mappa" link leads to (focusable, e.g. the results heading). */
  skipTo: string;
};

export default function PracticeMap({
  points,
  provinceCounts,
  geoUrl,
  tileUrl,
  tileAttribution,
  skipTo,
}: Props): ReactNode {
  const container = useRef<HTMLDivElement | null>(null);
  const [handle, setHandle] = useState<PracticeMapHandle | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    let created: PracticeMapHandle | null = null;
    let cancelled = false;
    // Leaflet is loaded when the map comes near the screen: on a phone it is below the filters.
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        import('./leaflet-map.ts')
          .then(({ createPracticeMap }) => {
            if (cancelled) return;
            created = createPracticeMap(element, { geoUrl, tileUrl, tileAttribution });
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
      created?.destroy();
    };
  }, [geoUrl, tileUrl, tileAttribution]);

  useEffect(() => {
    handle?.update(points, provinceCounts);
  }, [handle, points, provinceCounts]);

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
        Ogni punto è una pratica dei risultati; le province sono più scure dove le pratiche sono di più. Con la
        tastiera: frecce per spostare la mappa, + e − per lo zoom, Tab per passare da un punto all’altro e Invio per
        aprirlo.
      </p>
      <a className="skip-map" href={`#${skipTo}`} onClick={onSkip}>
        Salta la mappa
      </a>
      <div className="map-frame">
        <div
          ref={container}
          className="map"
          data-testid="practice-map"
          data-points={points.length}
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
