// The area layers every page shows: grids filled by community colour, community and town
// outlines, and labels that follow the zoom (towns far out, communities in between, grids close
// in). Also the search index over grid and community names (Chinese, English, code).

import * as api from './api.js';
import { nameOf, onLanguageChange } from './i18n.js';
import { geoJsonOptions, toLatLng } from './map.js';

/** Distinct, calm fills; communities of one town take them in code order. */
export const PALETTE = [
  '#4f86c6', '#e0a526', '#5bb08a', '#d9644c', '#8a6cc7', '#3fa7b4', '#c77a3a',
  '#7fa34a', '#c75b8e', '#5a6fb0', '#b8a03c', '#4c9f6f', '#a0645a', '#6c8fa8',
];

export const GRID_LABEL_ZOOM = 14.75;
export const COMMUNITY_LABEL_ZOOM = 12.25;

/** Loads towns, communities and grids (three FeatureCollections) in parallel. */
export async function loadAreas() {
  const [towns, communities, grids] = await Promise.all(
    ['town', 'community', 'grid'].map((level) => api.areasGeoJson(level)),
  );
  for (const r of [towns, communities, grids]) {
    if (!r.ok) throw new Error(r.message || 'areas');
  }
  return { towns: towns.data, communities: communities.data, grids: grids.data };
}

/** The area-weighted centroid of a polygon's largest ring: where its label goes ([lon, lat]). */
export function labelPoint(geometry) {
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  let best = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const ring = polygon[0];
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const f = x0 * y1 - x1 * y0;
      a += f;
      cx += (x0 + x1) * f;
      cy += (y0 + y1) * f;
    }
    if (Math.abs(a) > bestArea) {
      bestArea = Math.abs(a);
      best = a === 0 ? ring[0] : [cx / (3 * a), cy / (3 * a)];
    }
  }
  return best;
}

/**
 * Draws the areas on a map. Options: onGridClick(feature), interactive (default true).
 * Returns an object to highlight and find areas.
 */
export function drawAreas(map, data, { onGridClick, interactive = true, fillOpacity = 0.42 } = {}) {
  const communityColour = new Map();
  const byTown = new Map();
  for (const f of data.communities.features) {
    const town = f.properties.parent;
    if (!byTown.has(town)) byTown.set(town, []);
    byTown.get(town).push(f.properties.code);
  }
  for (const codes of byTown.values()) {
    codes.sort().forEach((code, k) => communityColour.set(code, PALETTE[k % PALETTE.length]));
  }
  const colourOf = (f) => communityColour.get(f.properties.parent) || '#8796a8';

  const baseStyle = (f) => ({
    pane: 'areas',
    className: 'grid-path',
    color: '#ffffff',
    weight: 1.2,
    opacity: 1,
    fillColor: colourOf(f),
    fillOpacity,
  });
  let selected = null;
  const gridLayers = new Map();
  const grids = L.geoJSON(
    data.grids,
    geoJsonOptions({
      style: baseStyle,
      interactive,
      onEachFeature: (f, layer) => {
        gridLayers.set(f.properties.code, layer);
        layer.on('add', () => layer.getElement()?.setAttribute('data-code', f.properties.code));
        if (!interactive) return;
        layer.on('mouseover', () => {
          if (layer !== selected) layer.setStyle({ weight: 2.5, color: '#1d3557', fillOpacity: 0.6 });
        });
        layer.on('mouseout', () => {
          if (layer !== selected) layer.setStyle(baseStyle(f));
        });
        layer.on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          onGridClick?.(f, e);
        });
      },
    }),
  ).addTo(map);

  const outline = (fc, weight, colour) =>
    L.geoJSON(fc, geoJsonOptions({
      pane: 'outlines',
      interactive: false,
      style: { color: colour, weight, opacity: 0.9, fill: false, lineJoin: 'round' },
    })).addTo(map);
  outline(data.communities, 2.2, '#34495e');
  outline(data.towns, 5, '#ffffff');
  outline(data.towns, 2.6, '#1b2a3a');

  const communityNames = new Map(data.communities.features.map((f) => [f.properties.code, f.properties]));
  const townNames = new Map(data.towns.features.map((f) => [f.properties.code, f.properties]));

  const labelLayer = (features, cls) => {
    const group = L.layerGroup();
    for (const f of features) {
      const [lon, lat] = labelPoint(f.geometry);
      const marker = L.marker(toLatLng(lon, lat), {
        pane: 'labels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: `area-label ${cls}`, html: '<span></span>', iconSize: null }),
      });
      marker.feature = f;
      group.addLayer(marker);
    }
    return group;
  };
  const labels = {
    town: labelLayer(data.towns.features, 'label-town'),
    community: labelLayer(data.communities.features, 'label-community'),
    grid: labelLayer(data.grids.features, 'label-grid'),
  };
  const relabel = () => {
    for (const group of Object.values(labels)) {
      group.eachLayer((m) => {
        const el = m.getElement();
        if (el && el.firstChild) el.firstChild.textContent = shortName(m.feature.properties);
      });
    }
    declutter();
  };
  /** Hides labels that would overlap a label already placed (towns first, then by code). */
  const declutter = () => {
    const placed = [];
    for (const level of ['town', 'community', 'grid']) {
      if (!map.hasLayer(labels[level])) continue;
      labels[level].eachLayer((m) => {
        const span = m.getElement()?.firstChild;
        if (!span) return;
        span.style.visibility = '';
        const r = span.getBoundingClientRect();
        const hit = placed.some((p) => r.left < p.right + 4 && r.right > p.left - 4 && r.top < p.bottom && r.bottom > p.top);
        if (hit) span.style.visibility = 'hidden';
        else placed.push(r);
      });
    }
  };
  const showLabels = () => {
    const z = map.getZoom();
    const want = z >= GRID_LABEL_ZOOM ? 'grid' : z >= COMMUNITY_LABEL_ZOOM ? 'community' : 'town';
    for (const [level, group] of Object.entries(labels)) {
      if (level === want && !map.hasLayer(group)) {
        group.addTo(map);
        relabel();
      } else if (level !== want && map.hasLayer(group)) {
        map.removeLayer(group);
      }
    }
    declutter();
  };
  map.on('zoomend', showLabels);
  onLanguageChange(relabel);

  /** Grid names repeat their community's name ("和平社区第一网格"): on the map the grid part is enough. */
  function shortName(p) {
    const name = nameOf(p);
    if (p.level !== 'grid') return name;
    const community = communityNames.get(p.parent);
    const prefix = community ? nameOf(community) : '';
    if (prefix && name.startsWith(prefix)) {
      const rest = name.slice(prefix.length).trim();
      if (rest) return rest;
    }
    return name;
  }

  const bounds = grids.getBounds();
  document.body.dataset.grids = String(data.grids.features.length);
  return {
    grids,
    bounds,
    colourOf,
    communityColour,
    showLabels,
    fitAll(options = {}) {
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], ...options });
      else map.setView([36.65, 117.2], 11);
      showLabels();
    },
    layerOf: (code) => gridLayers.get(code),
    community: (code) => communityNames.get(code),
    town: (code) => townNames.get(code),
    /** Highlights one grid (or none) as selected. */
    select(code) {
      if (selected) {
        selected.setStyle(baseStyle(selected.feature));
        selected.getElement()?.classList.remove('selected');
      }
      selected = code ? gridLayers.get(code) || null : null;
      if (selected) {
        selected.setStyle({ weight: 3.5, color: '#c0392b', fillOpacity: 0.62 });
        selected.bringToFront();
        selected.getElement()?.classList.add('selected');
      }
    },
  };
}

/** The search index: grids and communities, matched on Chinese name, English name and code. */
export function searchIndex(data) {
  const entries = [...data.communities.features, ...data.grids.features].map((f) => ({
    feature: f,
    code: f.properties.code,
    level: f.properties.level,
    haystack: [f.properties.name, f.properties.name_en, f.properties.code].join(' ').toLowerCase(),
  }));
  return (query, limit = 8) => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const words = q.split(/\s+/);
    return entries
      .filter((e) => words.every((w) => e.haystack.includes(w)))
      .sort((a, b) => (a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'community' ? -1 : 1))
      .slice(0, limit);
  };
}

/** Bounds of a GeoJSON feature as it appears on this map. */
export function featureBounds(feature) {
  return L.geoJSON(feature, geoJsonOptions()).getBounds();
}

