// The overlay layers of the leader view. Each has the same shape: a key, whether it starts on,
// refresh(query) drawing what the query asks for, clear(), and legend() describing it; status is
// set to a one-line summary shown next to the layer's name.

import * as api from './api.js';
import { formatDateTime, formatNumber, nameOf, t } from './i18n.js';
import { geoJsonOptions, toLatLng } from './map.js';
import { h } from './ui.js';

export const HEAT_RAMP = ['#fff3bf', '#ffe08a', '#ffc14d', '#ff9636', '#f2612b', '#d7301f', '#9e0d23'];

export const HOT_CLASSES = [
  ['hot-99', '#b2182b'], ['hot-95', '#e0634f'], ['hot-90', '#f5a989'],
  ['cold-90', '#9cc9e2'], ['cold-95', '#4b98c9'], ['cold-99', '#1f5fa8'],
];
const HOT_COLOUR = Object.fromEntries(HOT_CLASSES);

export const EVENT_STATUS = [
  ['reported', '#d9822b'], ['assigned', '#7b61c9'], ['in_progress', '#1a73e8'],
  ['resolved', '#1e8e5a'], ['closed', '#7b8794'],
];
const STATUS_COLOUR = Object.fromEntries(EVENT_STATUS);

export const SURVEY_STATUS = [
  ['not_visited', '#c3cad3'], ['compliant', '#4cb57f'], ['suspected', '#f0a43a'],
  ['illegal', '#d64532'], ['rectified', '#4b7fd1'],
];
const SURVEY_COLOUR = Object.fromEntries(SURVEY_STATUS);

export const PLACE_STATUS = [['ok', '#1e8e5a'], ['due', '#e0a526'], ['overdue', '#c0392b']];
const PLACE_COLOUR = Object.fromEntries(PLACE_STATUS);

/** Breaks of the heat ramp for counts up to max: roughly logarithmic, whole numbers, increasing. */
export function heatBreaks(max) {
  const n = HEAT_RAMP.length;
  const breaks = [];
  for (let k = 1; k <= n; k++) {
    const b = Math.max(k, Math.round(Math.pow(Math.max(max, 1), k / n)));
    breaks.push(Math.max(b, (breaks[k - 2] ?? 0) + 1));
  }
  return breaks; // cell with count c takes the first class whose break is >= c
}

function classOf(count, breaks) {
  const k = breaks.findIndex((b) => count <= b);
  return k < 0 ? breaks.length - 1 : k;
}

function base(key, map, defaultOn) {
  return {
    key,
    defaultOn,
    map,
    group: L.layerGroup(),
    statusText: '',
    onStatus: () => {},
    setStatus(text) {
      this.statusText = text;
      this.onStatus(text);
    },
    clear() {
      this.group.clearLayers();
      this.group.remove();
    },
  };
}

const legendItems = (items, shape = '') =>
  h('ul', { class: 'legend-items' }, items.map(([code, colour, label]) =>
    h('li', {}, h('span', { class: `legend-key ${shape}`, style: { background: colour } }), label ?? code)));

const unavailable = (layer, r) => {
  layer.setStatus(r.unavailable ? t('common.unavailable') : t('common.failed'));
  document.body.dataset[`layer_${layer.key}`] = r.unavailable ? 'unavailable' : 'failed';
};

/** Density of events in cells of the zoom (server-side), or the events themselves when few. */
export function heatLayer(map) {
  const layer = base('heat', map, true);
  layer.last = null;
  layer.refresh = async function (q) {
    const r = await api.heat(q);
    if (q.stale()) return;
    this.group.clearLayers();
    this.group.addTo(map);
    if (!r.ok) return unavailable(this, r);
    this.last = r.data;
    const breaks = heatBreaks(r.data.maxCount);
    this.breaks = breaks;
    if (r.data.mode === 'points') {
      L.geoJSON(r.data, geoJsonOptions({
        pointToLayer: (f, latlng) => L.circleMarker(latlng, {
          pane: 'points', radius: 5, weight: 1.5, color: '#fff', fillColor: '#e4572e', fillOpacity: 0.95,
          className: 'heat-point',
        }).bindTooltip(`${f.properties.type} · ${formatDateTime(f.properties.reportedAt)}`),
      })).addTo(this.group);
    } else {
      L.geoJSON(r.data, geoJsonOptions({
        pane: 'analysis',
        interactive: false,
        style: (f) => ({
          className: 'heat-cell', stroke: false, fillOpacity: 0.78,
          fillColor: HEAT_RAMP[classOf(f.properties.count, breaks)],
        }),
      })).addTo(this.group);
    }
    document.body.dataset.heatCells = String(r.data.mode === 'points' ? 0 : r.data.features.length);
    document.body.dataset.heatTotal = String(r.data.total);
    this.setStatus(t('heat.status', { n: formatNumber(r.data.total) }));
    this.onData?.(r.data);
  };
  layer.legend = function () {
    const d = this.last;
    const breaks = this.breaks ?? heatBreaks(10);
    const cellM = d ? Math.round(d.cellSizeMercatorM * Math.cos((36.6 * Math.PI) / 180)) : null;
    return h('div', { class: 'legend legend-heat' },
      h('div', { class: 'legend-ramp' }, HEAT_RAMP.map((c) => h('span', { style: { background: c } }))),
      h('div', { class: 'legend-scale' }, h('span', { text: '1' }), h('span', { text: formatNumber(breaks[3]) }),
        h('span', { text: formatNumber(breaks[breaks.length - 1]) })),
      h('p', { class: 'legend-note', text: d && d.mode === 'points' ? t('heat.pointsNote') : t('heat.note', { m: cellM ?? '—' }) }));
  };
  return layer;
}

/** Getis-Ord Gi* hot and cold spots on the same cells. */
export function hotspotLayer(map) {
  const layer = base('hotspots', map, true);
  layer.last = null;
  layer.refresh = async function (q) {
    const r = await api.hotspots(q);
    if (q.stale()) return;
    this.group.clearLayers();
    this.group.addTo(map);
    if (!r.ok) return unavailable(this, r);
    this.last = r.data;
    const significant = r.data.features.filter((f) => f.properties.class !== 'none');
    L.geoJSON({ type: 'FeatureCollection', features: significant }, geoJsonOptions({
      pane: 'analysis',
      interactive: false,
      style: (f) => ({
        className: 'hot-cell', color: HOT_COLOUR[f.properties.class], weight: 1.6, opacity: 0.95,
        fillColor: HOT_COLOUR[f.properties.class], fillOpacity: 0.28,
      }),
    })).addTo(this.group);
    const hot = significant.filter((f) => f.properties.class.startsWith('hot')).length;
    document.body.dataset.hotCells = String(hot);
    this.setStatus(t('hot.status', { hot, cold: significant.length - hot }));
    this.onData?.(r.data);
  };
  layer.legend = function () {
    const d = this.last;
    return h('div', { class: 'legend legend-hotspots' },
      legendItems(HOT_CLASSES.map(([code, colour]) => [code, colour, t(`hot.${code}`)])),
      h('p', { class: 'legend-method' },
        h('strong', { text: t('hot.method') }), ' ', t('hot.neighbourhood'),
        d ? ' ' + t('hot.study', { n: formatNumber(d.studyCells), mean: d.mean.toFixed(2) }) : ''),
      h('p', { class: 'legend-note', text: t('hot.note') }));
  };
  return layer;
}

/** Events by status, overdue ones ringed; details and history in a popup. */
export function eventLayer(map) {
  const layer = base('events', map, false);
  layer.refresh = async function (q) {
    if (q.zoom < 13) {
      this.group.clearLayers();
      return this.setStatus(t('events.zoomIn'));
    }
    const r = await api.events({ bbox: q.bbox, type: q.type, from: q.from, to: q.to, size: 5000 });
    if (q.stale()) return;
    this.group.clearLayers();
    this.group.addTo(map);
    if (!r.ok) return unavailable(this, r);
    for (const e of r.data.items) {
      if (e.lon == null) continue;
      const m = L.circleMarker(toLatLng(e.lon, e.lat), {
        pane: 'points', radius: 6, weight: e.overdue ? 3 : 1.5, color: e.overdue ? '#c0392b' : '#fff',
        fillColor: STATUS_COLOUR[e.status] ?? '#52606d', fillOpacity: 0.95, className: 'event-marker',
      });
      m.bindPopup(() => eventPopup(e), { maxWidth: 300 });
      m.on('popupopen', async () => {
        const d = await api.event(e.id);
        if (d.ok) m.setPopupContent(eventPopup(d.data));
      });
      m.addTo(this.group);
    }
    const overdue = r.data.items.filter((e) => e.overdue).length;
    this.setStatus(t('events.status', { n: formatNumber(r.data.total), overdue }));
  };
  layer.legend = () => h('div', { class: 'legend' },
    legendItems([...EVENT_STATUS.map(([s, c]) => [s, c, t(`status.${s}`)])], 'dot'),
    h('ul', { class: 'legend-items' }, h('li', {}, h('span', { class: 'legend-key ring' }), t('events.overdue'))));
  return layer;
}

function eventPopup(e) {
  return h('div', { class: 'event-popup' },
    h('h4', {}, e.typeName ?? e.type ?? t('events.event'), ' #', String(e.id)),
    h('span', { class: 'status-chip', style: { background: STATUS_COLOUR[e.status] ?? '#52606d' } },
      t(`status.${e.status}`), e.overdue ? ' · ' + t('events.overdue') : ''),
    h('dl', {},
      h('dt', { text: t('events.reportedAt') }), h('dd', { text: formatDateTime(e.reportedAt) }),
      e.grid && [h('dt', { text: t('events.grid') }), h('dd', { text: e.grid })],
      e.description?.what && [h('dt', { text: t('staff.what') }), h('dd', { text: e.description.what })]),
    e.transitions.length > 0 && h('ol', { class: 'history' }, e.transitions.map((tr) =>
      h('li', {}, formatDateTime(tr.at ?? tr.createdAt), ' · ', t(`status.${tr.to ?? tr.status}`), tr.note ? ' — ' + tr.note : ''))));
}

/** Illegal-construction survey: buildings coloured by status (zoomed in). */
export function surveyLayer(map) {
  const layer = base('survey', map, false);
  layer.refresh = async function (q) {
    if (q.zoom < 15) {
      this.group.clearLayers();
      return this.setStatus(t('survey.zoomIn'));
    }
    const r = await api.buildings(q.bbox);
    if (q.stale()) return;
    this.group.clearLayers();
    this.group.addTo(map);
    if (!r.ok) return unavailable(this, r);
    L.geoJSON(r.data, geoJsonOptions({
      pane: 'analysis',
      style: (f) => {
        const s = f.properties.surveyStatus ?? f.properties.survey_status ?? f.properties.status;
        return { color: '#3e4c59', weight: 0.8, fillColor: SURVEY_COLOUR[s] ?? '#c3cad3', fillOpacity: 0.85 };
      },
    })).addTo(this.group);
    this.setStatus(t('survey.status', { n: formatNumber(r.data.features?.length ?? 0) }));
  };
  layer.legend = () => h('div', { class: 'legend' },
    legendItems(SURVEY_STATUS.map(([s, c]) => [s, c, t(`survey.${s}`)])),
    h('p', { class: 'legend-note', text: t('survey.note') }));
  return layer;
}

/** Key places with their inspection status. */
export function placesLayer(map) {
  const layer = base('places', map, false);
  layer.refresh = async function (q) {
    const r = await api.places(q.bbox);
    if (q.stale()) return;
    this.group.clearLayers();
    this.group.addTo(map);
    if (!r.ok) return unavailable(this, r);
    L.geoJSON(r.data, geoJsonOptions({
      pointToLayer: (f, latlng) => {
        const s = f.properties.inspectionStatus ?? f.properties.inspection_status ?? 'ok';
        return L.circleMarker(latlng, { pane: 'points', radius: 7, weight: 2, color: '#fff',
          fillColor: PLACE_COLOUR[s] ?? '#52606d', fillOpacity: 1 })
          .bindTooltip(`${nameOf(f.properties)} · ${t(`places.${s}`)}`);
      },
    })).addTo(this.group);
    this.setStatus(t('places.status', { n: r.data.features.length }));
  };
  layer.legend = () => h('div', { class: 'legend' },
    legendItems(PLACE_STATUS.map(([s, c]) => [s, c, t(`places.${s}`)]), 'dot'));
  return layer;
}

/** Coverage QA: gaps and overlaps between grids, from the coverage check of each area. */
export function coverageLayer(map, scopeCodes, communityColours) {
  const layer = base('coverage', map, true);
  layer.refresh = async function (q) {
    if (this.loaded) {
      this.group.addTo(map);
      return;
    }
    this.loaded = true;
    const results = await Promise.all(scopeCodes.map((code) => api.coverage(code)));
    this.group.clearLayers();
    this.group.addTo(map);
    const bad = results.find((r) => !r.ok);
    let gaps = 0;
    let overlaps = 0;
    for (const r of results.filter((x) => x.ok)) {
      L.geoJSON(r.data, geoJsonOptions({
        pane: 'analysis',
        style: (f) => {
          const kind = f.properties.kind ?? f.properties.type;
          if (kind === 'overlap') overlaps++;
          else gaps++;
          return kind === 'overlap'
            ? { color: '#7b2cbf', weight: 2, fillColor: '#9d4edd', fillOpacity: 0.55 }
            : { color: '#d9480f', weight: 2, dashArray: '4 3', fillColor: '#ff922b', fillOpacity: 0.45 };
        },
      })).addTo(this.group);
    }
    if (bad && results.every((r) => !r.ok)) return unavailable(this, bad);
    this.setStatus(gaps + overlaps === 0 ? t('coverage.clean') : t('coverage.status', { gaps, overlaps }));
  };
  layer.legend = () => h('div', { class: 'legend' },
    h('ul', { class: 'legend-items' },
      h('li', {}, h('span', { class: 'legend-key', style: { background: [...communityColours.values()][0] ?? '#4f86c6', opacity: 0.6 } }), t('coverage.grids')),
      h('li', {}, h('span', { class: 'legend-key line', style: { background: '#34495e' } }), t('coverage.communities')),
      h('li', {}, h('span', { class: 'legend-key', style: { background: '#ff922b' } }), t('coverage.gap')),
      h('li', {}, h('span', { class: 'legend-key', style: { background: '#9d4edd' } }), t('coverage.overlap'))));
  return layer;
}
