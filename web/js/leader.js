// The leader view (/leader): after login, the caller's areas with the analysis layers, a time and
// event-type filter, and statistics of the selected area with CSV export.

import * as api from './api.js';
import { apply, formatNumber, formatPercent, initI18n, languageButton, nameOf, onLanguageChange, t } from './i18n.js';
import { createMap, viewBbox } from './map.js';
import { drawAreas, featureBounds, loadAreas } from './grids.js';
import { requireLogin, logoutAndReload } from './login.js';
import { bottomSheet, clear, debounce, downloadCsv, h, icon, toast } from './ui.js';
import { coverageLayer, eventLayer, heatLayer, hotspotLayer, placesLayer, surveyLayer } from './leader-layers.js';

const PERIODS = ['week', 'month', 'quarter', 'custom'];
const LEADER_ROLES = ['admin', 'town_leader', 'community_leader'];

/** Start of this week (Monday), month or quarter in the browser's time zone, up to now. */
export function periodRange(period, customFrom, customTo, now = new Date()) {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (period === 'week') start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  else if (period === 'month') start.setDate(1);
  else if (period === 'quarter') start.setMonth(Math.floor(start.getMonth() / 3) * 3, 1);
  else if (period === 'custom' && customFrom && customTo) {
    const from = new Date(customFrom + 'T00:00:00');
    const to = new Date(customTo + 'T00:00:00');
    to.setDate(to.getDate() + 1);
    return { from: from.toISOString(), to: to.toISOString() };
  }
  return { from: start.toISOString(), to: now.toISOString() };
}

async function main() {
  await api.loadConfig();
  await initI18n();
  languageButton(document.getElementById('lang'));
  const account = await requireLogin({ title: t('leader.loginTitle'), roles: LEADER_ROLES });
  document.getElementById('user').textContent = account.displayName ?? account.username;
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.addEventListener('click', logoutAndReload);
  bottomSheet(document.getElementById('panel'), document.getElementById('sheet-handle'));
  const statsPanel = document.getElementById('stats-panel');
  document.getElementById('toggle-stats').addEventListener('click', () => statsPanel.classList.toggle('open'));

  const map = createMap(document.getElementById('map'));
  const data = await loadAreas();
  const scope = account.areas?.length ? account.areas : data.towns.features.map((f) => f.properties.code);
  const inScope = (code) => scope.some((s) => code.startsWith(s));
  const areas = drawAreas(map, data, { onGridClick: (f) => selectArea(f.properties.code), fillOpacity: 0.14 });
  const allAreas = [...data.towns.features, ...data.communities.features, ...data.grids.features];
  const byCode = new Map(allAreas.map((f) => [f.properties.code, f]));
  const scopeBounds = L.latLngBounds([]);
  scope.forEach((code) => byCode.has(code) && scopeBounds.extend(featureBounds(byCode.get(code))));
  if (scopeBounds.isValid()) map.fitBounds(scopeBounds, { padding: [20, 20] });
  else areas.fitAll();
  areas.showLabels();

  const title = () => {
    const names = scope.map((c) => byCode.get(c)).filter(Boolean).map((f) => nameOf(f.properties)).join(' · ');
    document.getElementById('page-title').textContent = t('leader.titleOf', { area: names });
    document.title = t('leader.titleOf', { area: names }) + ' · GridMap';
  };
  title();
  onLanguageChange(title);

  // --- filters ---
  const filter = { period: 'month', type: '', area: null };
  const periodBox = document.getElementById('period');
  const custom = document.getElementById('custom-range');
  const fromInput = document.getElementById('from');
  const toInput = document.getElementById('to');
  const drawPeriods = () => {
    clear(periodBox);
    for (const p of PERIODS) {
      periodBox.append(h('button', { type: 'button', 'aria-pressed': String(filter.period === p), dataset: { period: p },
        onclick: () => { filter.period = p; custom.hidden = p !== 'custom'; drawPeriods(); refreshAll(); } }, t(`period.${p}`)));
    }
  };
  drawPeriods();
  fromInput.addEventListener('change', () => refreshAll());
  toInput.addEventListener('change', () => refreshAll());

  const typeSelect = document.getElementById('event-type');
  const types = await api.eventTypes();
  const drawTypes = () => {
    clear(typeSelect).append(h('option', { value: '' }, t('filter.allTypes')));
    if (types.ok) types.data.forEach((x) => typeSelect.append(h('option', { value: x.code }, nameOf(x))));
    typeSelect.value = filter.type;
  };
  drawTypes();
  typeSelect.addEventListener('change', () => { filter.type = typeSelect.value; refreshAll(); });

  // --- layers ---
  const layers = [
    coverageLayer(map, scope, areas.communityColour),
    heatLayer(map),
    hotspotLayer(map),
    eventLayer(map),
    surveyLayer(map),
    placesLayer(map),
  ];
  const enabled = new Set(layers.filter((l) => l.defaultOn).map((l) => l.key));
  const layerBox = document.getElementById('layers');
  const drawLayers = () => {
    clear(layerBox);
    for (const layer of layers) {
      const on = enabled.has(layer.key);
      const status = h('span', { class: 'layer-status', text: on ? layer.statusText : '' });
      layer.onStatus = (text) => { status.textContent = enabled.has(layer.key) ? text : ''; };
      const box = h('input', { type: 'checkbox', id: `layer-${layer.key}`, checked: on });
      box.addEventListener('change', () => {
        if (box.checked) enabled.add(layer.key);
        else { enabled.delete(layer.key); layer.clear(); }
        drawLayers();
        if (box.checked) layer.refresh(query());
      });
      const item = h('div', { class: `layer ${on ? 'on' : ''}`, dataset: { layer: layer.key } },
        h('label', { class: 'layer-head', for: `layer-${layer.key}` }, box,
          h('span', { class: 'layer-name', text: t(`layer.${layer.key}`) }), status));
      if (on) item.append(layer.legend());
      layerBox.append(item);
    }
  };
  const redrawLegends = () => drawLayers();
  layers.forEach((l) => { l.onData = redrawLegends; });
  drawLayers();

  let generation = 0;
  function query() {
    const mine = generation;
    const { from, to } = periodRange(filter.period, fromInput.value, toInput.value);
    return {
      bbox: viewBbox(map),
      zoom: Math.max(0, Math.min(22, Math.round(map.getZoom()))),
      type: filter.type || undefined,
      from,
      to,
      stale: () => mine !== generation,
    };
  }
  function refreshAll() {
    generation++;
    const q = query();
    for (const layer of layers) if (enabled.has(layer.key)) layer.refresh(q);
    refreshStats();
  }
  map.on('moveend', debounce(() => {
    generation++;
    const q = query();
    for (const layer of layers) if (enabled.has(layer.key) && layer.key !== 'coverage') layer.refresh(q);
  }, 250));

  // --- statistics of the selected area ---
  const statsBox = document.getElementById('stats');
  const areaOptions = allAreas.filter((f) => f.properties.level !== 'grid' && inScope(f.properties.code));
  filter.area = scope[0];
  function selectArea(code) {
    if (!inScope(code)) return;
    filter.area = code;
    areas.select(byCode.get(code)?.properties.level === 'grid' ? code : null);
    refreshStats();
  }
  let survey = null;
  async function refreshStats() {
    const code = filter.area;
    const { from, to } = periodRange(filter.period, fromInput.value, toInput.value);
    const select = h('select', { id: 'stats-area', class: 'select',
      onchange: (e) => selectArea(e.target.value) },
    areaOptions.map((f) => h('option', { value: f.properties.code, selected: f.properties.code === code },
      (f.properties.level === 'community' ? '　' : '') + nameOf(f.properties))));
    if (!areaOptions.some((f) => f.properties.code === code) && byCode.has(code)) {
      select.append(h('option', { value: code, selected: true }, nameOf(byCode.get(code).properties)));
    }
    const [events, registers] = await Promise.all([api.eventStats(code, from, to), api.registerStats(code)]);
    if (!survey) {
      const campaigns = await api.surveyCampaigns();
      survey = campaigns.ok && campaigns.data.length ? campaigns.data[0] : { unavailable: true };
    }
    const progress = survey.code ? await api.surveyProgress(survey.code, code) : { ok: false, unavailable: true };
    const hot = layers[2].last;
    const heat = layers[1].last;
    const rows = [[t('stats.area'), nameOf(byCode.get(code)?.properties)], [t('stats.period'), t(`period.${filter.period}`)]];
    const kpi = (label, value, tone = '') => {
      rows.push([label, value]);
      return h('div', { class: `kpi ${tone === 'wide' ? 'wide' : ''}` }, h('div', { class: 'kpi-label', text: label }),
        h('div', { class: `kpi-value ${tone}`, text: value }));
    };
    const eventBlock = events.ok
      ? h('div', { class: 'kpis' },
        kpi(t('stats.events'), formatNumber(events.data.total)),
        kpi(t('stats.open'), formatNumber(events.data.open)),
        kpi(t('stats.overdue'), formatNumber(events.data.overdue)),
        kpi(t('stats.resolutionRate'), formatPercent(events.data.resolutionRate)),
        kpi(t('stats.onTimeRate'), formatPercent(events.data.onTimeRate), 'wide'))
      : h('p', { class: 'note', text: t('stats.eventsUnavailable') });
    const registerBlock = registers.ok
      ? h('div', { class: 'kpis' }, registers.data.map(({ key, value }) => kpi(t(`stat.registers.${key}`), String(value))))
      : h('p', { class: 'note', text: t('stats.registersUnavailable') });
    const hotBlock = hot
      ? h('div', { class: 'kpis' },
        kpi(t('stats.inView'), formatNumber(heat?.total ?? hot.total)),
        kpi(t('stats.hotCells'), formatNumber(hot.features.filter((f) => f.properties.class.startsWith('hot')).length), 'hot'),
        kpi(t('stats.coldCells'), formatNumber(hot.features.filter((f) => f.properties.class.startsWith('cold')).length), 'cold'),
        kpi(t('stats.studyCells'), formatNumber(hot.studyCells)))
      : h('p', { class: 'note', text: t('common.loading') });
    const surveyBlock = progress.ok
      ? h('ul', { id: 'survey-progress', class: 'progress-list' }, progress.data.map((v) => {
        const pct = v.total ? v.visited / v.total : 0;
        rows.push([t('stats.surveyOf', { name: nameOf(v) }), formatPercent(pct)]);
        return h('li', { class: 'progress-row' }, h('span', { text: nameOf(v) }),
          h('span', { class: 'progress-pct', text: `${formatNumber(v.visited)}/${formatNumber(v.total)} · ${formatPercent(pct)}` }),
          h('div', { class: 'progress-bar', role: 'progressbar', 'aria-valuenow': Math.round(pct * 100), 'aria-valuemin': 0, 'aria-valuemax': 100 },
            h('span', { style: { width: `${(pct * 100).toFixed(1)}%` } })));
      }))
      : h('p', { id: 'survey-progress', class: 'note', text: t('stats.surveyUnavailable') });
    clear(statsBox).append(
      h('div', { class: 'stats-head' }, h('h2', {}, icon('chart'), ' ', t('stats.title')), select),
      h('section', { class: 'stat-group' }, h('h3', { text: t('stats.analysis') }), hotBlock),
      h('section', { class: 'stat-group' }, h('h3', { text: t('stats.eventGroup') }), eventBlock),
      h('section', { class: 'stat-group' }, h('h3', { text: t('stats.registerGroup') }), registerBlock),
      h('section', { class: 'stat-group' }, h('h3', { text: t('stats.survey') }), surveyBlock),
      h('section', { class: 'stat-group' }, h('h3', { text: t('stats.export') }),
        h('div', { class: 'exports' },
          h('button', { id: 'export-stats', class: 'btn btn-outline btn-small', type: 'button',
            onclick: () => downloadCsv(`gridmap-stats-${code}.csv`, [[t('stats.item'), t('stats.value')], ...rows]) },
          icon('download', 16), t('stats.exportStats')),
          h('button', { id: 'export-hotspots', class: 'btn btn-outline btn-small', type: 'button', disabled: !hot,
            onclick: () => exportHotspots(hot) }, icon('download', 16), t('stats.exportHotspots')))));
  }

  function exportHotspots(hot) {
    const rows = [['cell', 'count', 'z', 'class', 'lon', 'lat']];
    for (const f of hot.features) {
      const ring = f.geometry.coordinates[0];
      rows.push([f.id, f.properties.count, f.properties.z, f.properties.class,
        ((ring[0][0] + ring[2][0]) / 2).toFixed(6), ((ring[0][1] + ring[2][1]) / 2).toFixed(6)]);
    }
    downloadCsv('gridmap-hotspots.csv', rows);
  }

  layers[2].onData = () => { redrawLegends(); refreshStats(); };
  onLanguageChange(() => { drawPeriods(); drawTypes(); drawLayers(); refreshStats(); apply(document); });
  refreshAll();
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.ready = 'error';
  toast(t('common.failed') + ': ' + e.message, 'error');
});
