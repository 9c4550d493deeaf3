/**
 * The catalogue's Leaflet map, loaded only in the browser and only when the map is shown.
 * Offline by design: the base map is the provinces' vector shapes served by the portal
 * (`/geo/province.geojson`); a raster tile layer is added only when a deployment configures one.
 * Provinces are shaded by how many results they hold (choropleth); practices are clustered markers
 * whose popups link to the practice. Markers and clusters are focusable and open with Enter; a
 * popup takes the focus, closes with Escape and gives the focus back to what opened it.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import type { MapPoint } from '../../lib/catalogue-state.ts';
import { shadeFor } from '../../lib/map-shades.ts';

export type MapOptions = {
  geoUrl: string;
  tileUrl: string | null;
  tileAttribution: string | null;
};

export type PracticeMapHandle = {
  update: (points: MapPoint[], provinceCounts: Record<string, number>) => void;
  destroy: () => void;
};

type ProvinceFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string; code: string; region: string }>;

const ITALY: L.LatLngBoundsExpression = [
  [36.6, 6.6],
  [47.1, 18.5],
];

const popupContent = (point: MapPoint): HTMLElement => {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = `/pratiche/${encodeURIComponent(point.slug)}`;
  link.textContent = point.title;
  const meta = document.createElement('p');
  meta.textContent = [point.organisationName, point.province].filter(Boolean).join(' · ');
  box.append(link, meta);
  return box;
};

const practiceIcon = L.divIcon({
  className: 'map-marker',
  iconSize: [18, 18],
  iconAnchor: [9, 9],
  popupAnchor: [0, -8],
});

export const createPracticeMap = (container: HTMLElement, options: MapOptions): PracticeMapHandle => {
  const map = L.map(container, {
    minZoom: 5,
    maxZoom: 13,
    zoomSnap: 0.25,
    scrollWheelZoom: false,
    zoomControl: false,
    attributionControl: false,
    keyboard: true,
  });
  L.control.zoom({ zoomInTitle: 'Ingrandisci', zoomOutTitle: 'Riduci' }).addTo(map);
  L.control.attribution({ prefix: false }).addAttribution('Confini: Natural Earth, ISTAT').addTo(map);
  map.fitBounds(ITALY);

  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { attribution: options.tileAttribution ?? '', maxZoom: 13 }).addTo(map);
  }

  const counts: { value: Record<string, number> } = { value: {} };
  let provinces: L.GeoJSON | null = null;
  const restyle = (): void => {
    const max = Math.max(0, ...Object.values(counts.value));
    provinces?.setStyle((feature) => ({
      fillColor: shadeFor(counts.value[(feature as ProvinceFeature).properties.name] ?? 0, max),
      fillOpacity: options.tileUrl ? 0.55 : 1,
      color: '#8a8a86',
      weight: 0.6,
    }));
  };
  const shapes = fetch(options.geoUrl)
    .then((response) => (response.ok ? (response.json() as Promise<GeoJSON.FeatureCollection>) : null))
    .then((collection) => {
      if (!collection) return;
      provinces = L.geoJSON(collection, { interactive: false }).addTo(map);
      provinces.bringToBack();
      restyle();
    })
    .catch(() => undefined);

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 48,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      return L.divIcon({
        className: 'map-cluster',
        html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${count} pratiche: ingrandisci</span>`,
        iconSize: [34, 34],
      });
    },
  }).addTo(map);

  // Escape in a popup closes it (Leaflet's own Escape works only while the map itself has focus).
  // One listener for every popup: adding it again on each opening is a no-op.
  const onPopupKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    map.closePopup();
  };
  map.on('popupopen', (event) => {
    const element = event.popup.getElement();
    element?.addEventListener('keydown', onPopupKeyDown);
    element?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', 'Chiudi');
    element?.querySelector<HTMLAnchorElement>('.leaflet-popup-content a')?.focus();
  });

  /**
   * When a marker's popup closes with the focus in it (or lost with it), the focus goes back to the
   * marker, or to the cluster holding it if the map has zoomed out since; a popup closed by a new
   * search or by a click elsewhere leaves the focus where it is.
   */
  const onPopupClose = (marker: L.Marker) => (event: L.PopupEvent) => {
    const active = document.activeElement;
    const popup = event.popup.getElement();
    if (active && active !== document.body && !popup?.contains(active)) return;
    const shown = clusters.getVisibleParent(marker) as L.Marker | null;
    shown?.getElement()?.focus();
  };

  const update = (points: MapPoint[], provinceCounts: Record<string, number>): void => {
    counts.value = provinceCounts;
    restyle();
    clusters.clearLayers();
    clusters.addLayers(
      points.map((point) => {
        const marker = L.marker([point.lat, point.lng], { icon: practiceIcon, title: point.title, keyboard: true });
        return marker.bindPopup(popupContent(point)).on('popupclose', onPopupClose(marker));
      }),
    );
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points.map((point) => [point.lat, point.lng] as L.LatLngTuple)), {
        padding: [32, 32],
        maxZoom: 8,
      });
    } else {
      map.fitBounds(ITALY);
    }
  };

  void shapes;
  return { update, destroy: () => map.remove() };
};
