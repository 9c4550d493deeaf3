/**
 * The catalogue's Leaflet map, loaded only in the browser and only when the map is shown.
 * Offline by design: the base map is the provinces' vector shapes served by the portal
 * (`/geo/province.geojson`); a raster tile layer is added only when a deployment configures one.
 * Provinces are shaded by how many results they hold (choropleth). The results come from the
 * server for the current view (map-search.ts): clusters counted by the search engine where they
 * are many, markers otherwise (grouped here when they are close). Markers and clusters are
 * focusable and open with Enter; a popup takes the focus, closes with Escape and gives the focus
 * back to what opened it.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster';
import type { MapCellList, MapCluster, MapPoint } from '../../lib/catalogue-state.ts';
import { MAP_ZOOM, type Bounds } from '../../lib/map-cells.ts';
import { formatNumber, plural } from '../../lib/format.ts';
import { shadeFor } from '../../lib/map-shades.ts';

export type MapOptions = {
  geoUrl: string;
  tileUrl: string | null;
  tileAttribution: string | null;
};

export type MapEvents = {
  /** The visitor moved or zoomed the map (not the map itself showing a view it was given). */
  onMoved: () => void;
  /** The practices of a cluster that cannot be split by zooming. */
  listCell: (cell: string) => Promise<MapCellList>;
};

export type PracticeMapHandle = {
  size: () => { width: number; height: number };
  view: () => { zoom: number; bounds: Bounds };
  /** Shows a view without telling `onMoved`. */
  showView: (view: { lat: number; lng: number; zoom: number }) => void;
  draw: (clusters: MapCluster[], points: MapPoint[]) => void;
  shade: (provinceCounts: Record<string, number>) => void;
  /** After the map was hidden (a phone's list view): Leaflet measures its box again. */
  resize: () => void;
  destroy: () => void;
};

type ProvinceFeature = GeoJSON.Feature<GeoJSON.Geometry, { name: string; code: string; region: string }>;

const ITALY: L.LatLngBoundsExpression = [
  [36.6, 6.6],
  [47.1, 18.5],
];

const pointContent = (point: MapPoint): HTMLElement => {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.href = `/pratiche/${encodeURIComponent(point.slug)}`;
  link.textContent = point.title;
  const meta = document.createElement('p');
  meta.textContent = [point.organisationName, point.province].filter(Boolean).join(' · ');
  box.append(link, meta);
  return box;
};

const cellContent = (list: MapCellList): HTMLElement => {
  const box = document.createElement('div');
  const heading = document.createElement('p');
  heading.className = 'map-cell-heading';
  heading.textContent = `${plural(list.total, 'pratica', 'pratiche')} in questo punto`;
  const items = document.createElement('ul');
  for (const point of list.points) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/pratiche/${encodeURIComponent(point.slug)}`;
    link.textContent = point.title;
    item.append(link);
    items.append(item);
  }
  box.append(heading, items);
  if (list.total > list.points.length) {
    const more = document.createElement('p');
    more.textContent = `e altre ${formatNumber(list.total - list.points.length)}: affina la ricerca per vederle tutte.`;
    box.append(more);
  }
  return box;
};

const practiceIcon = L.divIcon({
  className: 'map-marker',
  iconSize: [18, 18],
  iconAnchor: [9, 9],
  popupAnchor: [0, -8],
});

const clusterIcon = (count: number): L.DivIcon =>
  L.divIcon({
    className: 'map-cluster',
    html: `<span aria-hidden="true">${formatNumber(count)}</span><span class="visually-hidden">${formatNumber(count)} pratiche: ingrandisci</span>`,
    iconSize: count >= 1000 ? [46, 46] : count >= 100 ? [40, 40] : [34, 34],
  });

const viewKey = (map: L.Map): string =>
  `${map.getZoom()}:${map.getCenter().lat.toFixed(5)}:${map.getCenter().lng.toFixed(5)}`;

export const createPracticeMap = (
  container: HTMLElement,
  options: MapOptions,
  events: MapEvents,
): PracticeMapHandle => {
  const map = L.map(container, {
    minZoom: MAP_ZOOM.min,
    maxZoom: MAP_ZOOM.max,
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
    L.tileLayer(options.tileUrl, { attribution: options.tileAttribution ?? '', maxZoom: MAP_ZOOM.max }).addTo(map);
  }

  let counts: Record<string, number> = {};
  let provinces: L.GeoJSON | null = null;
  const restyle = (): void => {
    const max = Math.max(0, ...Object.values(counts));
    provinces?.setStyle((feature) => ({
      fillColor: shadeFor(counts[(feature as ProvinceFeature).properties.name] ?? 0, max),
      fillOpacity: options.tileUrl ? 0.55 : 1,
      color: '#8a8a86',
      weight: 0.6,
    }));
  };
  fetch(options.geoUrl)
    .then((response) => (response.ok ? (response.json() as Promise<GeoJSON.FeatureCollection>) : null))
    .then((collection) => {
      if (!collection) return;
      // Drawn on a canvas: redrawing 107 shapes at every zoom is much cheaper than re-writing SVG paths.
      // (GeoJSON hands its options to each shape, the renderer too.)
      const options: L.GeoJSONOptions & L.PathOptions = { interactive: false, renderer: L.canvas({ padding: 0.3 }) };
      provinces = L.geoJSON(collection, options).addTo(map);
      provinces.bringToBack();
      restyle();
    })
    .catch(() => undefined);

  /** Markers of single results, grouped here when they are close. */
  const markers = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 48,
    iconCreateFunction: (cluster) => clusterIcon(cluster.getChildCount()),
  }).addTo(map);
  /** Clusters counted by the search engine for the view. */
  const clusters = L.layerGroup().addTo(map);

  // Escape in a popup closes it (Leaflet's own Escape works only while the map itself has focus).
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
   * When a popup closes with the focus in it (or lost with it), the focus goes back to its marker,
   * or to the cluster holding it if the map has zoomed out since; a popup closed by a new search
   * or by a click elsewhere leaves the focus where it is.
   */
  const onPopupClose = (marker: L.Marker) => (event: L.PopupEvent) => {
    const active = document.activeElement;
    const popup = event.popup.getElement();
    if (active && active !== document.body && !popup?.contains(active)) return;
    const shown = (markers.hasLayer(marker) ? markers.getVisibleParent(marker) : marker) as L.Marker | null;
    shown?.getElement()?.focus();
  };

  const clusterMarker = (cluster: MapCluster): L.Marker => {
    const marker = L.marker([cluster.lat, cluster.lng], { icon: clusterIcon(cluster.count), keyboard: true });
    marker.on('click', () => {
      if (map.getZoom() < MAP_ZOOM.max) {
        const { south, west, north, east } = cluster.bounds;
        map.fitBounds(
          [
            [south, west],
            [north, east],
          ],
          { maxZoom: MAP_ZOOM.max, padding: [24, 24] },
        );
        return;
      }
      // As close as the map goes: the practices of the spot, in a list.
      void events.listCell(cluster.cell).then(
        (list) => marker.bindPopup(cellContent(list)).on('popupclose', onPopupClose(marker)).openPopup(),
        () => undefined,
      );
    });
    return marker;
  };

  /** The view being shown on request ('*' while Leaflet has not said it moved yet). */
  let expected: string | null = null;
  map.on('moveend', () => {
    const ours = expected === '*' || expected === viewKey(map);
    expected = null;
    if (!ours) events.onMoved();
  });

  return {
    size: () => {
      const { x, y } = map.getSize();
      return { width: x, height: y };
    },
    view: () => {
      const bounds = map.getBounds();
      return {
        zoom: map.getZoom(),
        bounds: { south: bounds.getSouth(), west: bounds.getWest(), north: bounds.getNorth(), east: bounds.getEast() },
      };
    },
    showView: ({ lat, lng, zoom }) => {
      expected = '*';
      map.setView([lat, lng], zoom, { animate: false });
      if (expected === '*') expected = viewKey(map);
    },
    draw: (shownClusters, points) => {
      map.closePopup();
      clusters.clearLayers();
      markers.clearLayers();
      for (const cluster of shownClusters) clusters.addLayer(clusterMarker(cluster));
      markers.addLayers(
        points.map((point) => {
          const marker = L.marker([point.lat, point.lng], { icon: practiceIcon, title: point.title, keyboard: true });
          return marker.bindPopup(pointContent(point)).on('popupclose', onPopupClose(marker));
        }),
      );
    },
    shade: (provinceCounts) => {
      counts = provinceCounts;
      restyle();
    },
    resize: () => map.invalidateSize(),
    destroy: () => map.remove(),
  };
};
