// The Leaflet map shared by the three pages: no basemap unless /api/config names one, and — when
// the basemap's tiles are in GCJ-02 — every overlay shifted from WGS84 to GCJ-02 so it sits on the
// tiles, and every click shifted back before it is sent to the server (which speaks WGS84 only).

import { getConfig } from './api.js';
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02.js';

let shifted = false;

/** True when the basemap tiles are GCJ-02 (overlays are shifted to match them). */
export function isShifted() {
  return shifted;
}

/** WGS84 lon, lat → the Leaflet LatLng where it appears on this map. */
export function toLatLng(lon, lat) {
  const [x, y] = shifted ? wgs84ToGcj02(lon, lat) : [lon, lat];
  return L.latLng(y, x);
}

/** A LatLng of this map (a click, say) → WGS84 [lon, lat]. */
export function toLonLat(latlng) {
  return shifted ? gcj02ToWgs84(latlng.lng, latlng.lat) : [latlng.lng, latlng.lat];
}

/** The map view as a WGS84 bbox string minLon,minLat,maxLon,maxLat (for the API). */
export function viewBbox(map) {
  const b = map.getBounds();
  const [w, s] = toLonLat(b.getSouthWest());
  const [e, n] = toLonLat(b.getNorthEast());
  const r = (v) => v.toFixed(6);
  return `${r(Math.max(-180, w))},${r(Math.max(-85, s))},${r(Math.min(180, e))},${r(Math.min(85, n))}`;
}

/** Options for L.geoJSON that place WGS84 GeoJSON correctly on this map. */
export function geoJsonOptions(options = {}) {
  return { ...options, coordsToLatLng: (c) => toLatLng(c[0], c[1]) };
}

/** Creates the map in an element, with panes for areas, overlays and labels. */
export function createMap(element, { minZoom = 8, maxZoom = 19 } = {}) {
  const config = getConfig();
  shifted = String(config.tileCrs || '').toUpperCase().replace('_', '-') === 'GCJ-02';
  const map = L.map(element, {
    zoomControl: false,
    zoomSnap: 0.25,
    zoomDelta: 0.5,
    minZoom,
    maxZoom,
    preferCanvas: false,
  });
  L.control.zoom({ position: 'bottomright' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft', maxWidth: 140 }).addTo(map);
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {
      attribution: config.tileAttribution || '',
      maxZoom,
      crossOrigin: false,
    }).addTo(map);
  } else {
    element.classList.add('no-basemap');
  }
  const pane = (name, z, interactive) => {
    const p = map.createPane(name);
    p.style.zIndex = String(z);
    if (!interactive) p.style.pointerEvents = 'none';
  };
  pane('areas', 400, true);
  pane('outlines', 410, false);
  pane('analysis', 420, true);
  pane('points', 630, true);
  pane('labels', 640, false);
  return map;
}
