// The public grid map (/): find your grid and whom to call, "which grid am I in?", and the public
// report form. Everything shown here is public data.

import * as api from './api.js';
import { apply, initI18n, languageButton, nameOf, onLanguageChange, t, formatNumber } from './i18n.js';
import { createMap, toLatLng } from './map.js';
import { drawAreas, featureBounds, loadAreas, searchIndex } from './grids.js';
import { bottomSheet, clear, displayCount, h, icon, toast } from './ui.js';
import { ReportForm } from './report.js';

const state = { code: null, feature: null, here: null };
let report = null;

async function main() {
  await api.loadConfig();
  await initI18n();
  languageButton(document.getElementById('lang'));
  const panel = document.getElementById('panel');
  const sheet = bottomSheet(panel, document.getElementById('sheet-handle'));
  const map = createMap(document.getElementById('map'));
  const data = await loadAreas();
  const areas = drawAreas(map, data, {
    onGridClick: (f, e) => (report.isOpen() ? report.pick(e.latlng) : showGrid(f, { zoom: false })),
  });
  areas.fitAll();
  const gridsByCode = new Map(data.grids.features.map((f) => [f.properties.code, f]));

  const title = () => {
    const towns = data.towns.features.map((f) => nameOf(f.properties)).join(' · ');
    document.getElementById('page-title').textContent = t('public.titleOf', { towns });
    document.title = t('public.titleOf', { towns }) + ' · GridMap';
  };
  title();
  onLanguageChange(title);

  // --- the grid card ---
  const cardArea = document.getElementById('card');
  function intro() {
    clear(cardArea).append(
      h('div', { class: 'card intro-card' },
        h('h2', { class: 'card-title', text: t('intro.title') }),
        h('p', { text: t('intro.text', { grids: formatNumber(data.grids.features.length) }) }),
        h('ol', { class: 'steps' },
          h('li', { text: t('intro.step1') }),
          h('li', { text: t('intro.step2') }),
          h('li', { text: t('intro.step3') }))),
    );
  }

  async function showGrid(feature, { zoom = true } = {}) {
    const p = feature.properties;
    state.code = p.code;
    state.feature = feature;
    areas.select(p.code);
    if (zoom) map.fitBounds(featureBounds(feature), { padding: [60, 60], maxZoom: 16 });
    sheet.expand();
    const community = areas.community(p.parent);
    const town = community ? areas.town(community.parent) : null;
    const staffBox = h('div', { class: 'staff-list' }, h('p', { class: 'muted', text: t('common.loading') }));
    const statsBox = h('div', { class: 'stats-list' }, h('p', { class: 'muted', text: t('common.loading') }));
    const card = h('article', { id: 'grid-card', class: 'card grid-card', dataset: { code: p.code } },
      h('header', { class: 'card-head', style: { borderTopColor: areas.colourOf(feature) } },
        h('button', { class: 'icon-btn card-close', type: 'button', 'aria-label': t('common.close'),
          onclick: () => { areas.select(null); state.code = null; state.feature = null; sheet.collapse(); intro(); } }, icon('close')),
        community && h('span', { class: 'chip', style: { background: areas.colourOf(feature) } }, nameOf(community)),
        h('h2', { class: 'card-title' }, nameOf(p)),
        h('p', { class: 'card-sub' }, [town && nameOf(town), community && nameOf(community), t('card.code', { code: p.code })].filter(Boolean).join(' · '))),
      h('section', { class: 'card-section' }, h('h3', { text: t('card.staff') }), staffBox),
      h('section', { class: 'card-section' }, h('h3', { text: t('card.stats') }), statsBox),
      h('footer', { class: 'card-foot' },
        h('button', { class: 'btn btn-outline btn-small', type: 'button', onclick: () => report.open(feature) },
          icon('report', 16), t('card.reportHere'))));
    clear(cardArea).append(card);
    renderStaff(staffBox, await api.staffOf(p.code));
    renderStats(statsBox, await api.publicStats(p.code));
  }

  function renderStaff(box, r) {
    clear(box);
    if (!r.ok) {
      box.append(h('p', { class: 'note', text: r.unavailable ? t('card.staffUnavailable') : t('common.failed') }));
      return;
    }
    if (!r.data.length) {
      box.append(h('p', { class: 'note', text: t('card.noStaff') }));
      return;
    }
    for (const person of r.data) {
      const initials = (person.name || '?').slice(0, 1);
      const avatar = person.photo
        ? h('img', { class: 'avatar', src: person.photo, alt: '', loading: 'lazy',
          onerror: (e) => e.target.replaceWith(h('span', { class: 'avatar avatar-initial' }, initials)) })
        : h('span', { class: 'avatar avatar-initial' }, initials);
      box.append(h('div', { class: 'person' }, avatar,
        h('div', { class: 'person-body' },
          h('div', { class: 'person-name' }, person.name, person.role && h('span', { class: 'person-role' }, person.role)),
          person.duties && h('div', { class: 'person-duties' }, person.duties)),
        person.phone && h('a', { class: 'btn btn-call', href: 'tel:' + person.phone.replace(/[^\d+]/g, ''),
          'aria-label': t('card.call', { name: person.name }) }, icon('phone', 16), person.phone)));
    }
  }

  function renderStats(box, { events, registers }) {
    clear(box);
    const rows = [];
    for (const [group, r] of [['events', events], ['registers', registers]]) {
      if (r.ok) r.data.forEach(({ key, value }) => rows.push([t(`stat.${group}.${key}`), value]));
    }
    if (!rows.length) {
      const unavailable = events.unavailable && registers.unavailable;
      box.append(h('p', { class: 'note', text: unavailable ? t('card.statsUnavailable') : t('card.noStats') }));
      return;
    }
    box.append(h('dl', { class: 'figures' }, rows.map(([label, value]) =>
      h('div', { class: 'figure' }, h('dt', { text: label }), h('dd', { text: displayCount(value, formatNumber) })))));
    box.append(h('p', { class: 'fine', text: t('card.smallCounts') }));
  }

  // --- search ---
  const search = searchIndex(data);
  const input = document.getElementById('search');
  const results = document.getElementById('search-results');
  const choose = (entry) => {
    results.hidden = true;
    input.value = nameOf(entry.feature.properties);
    if (entry.level === 'grid') showGrid(entry.feature);
    else map.fitBounds(featureBounds(entry.feature), { padding: [40, 40] });
  };
  input.addEventListener('input', () => {
    const found = search(input.value);
    clear(results);
    results.hidden = !input.value.trim();
    if (!found.length && input.value.trim()) {
      results.append(h('li', { class: 'search-empty', text: t('search.none') }));
    }
    for (const entry of found) {
      const p = entry.feature.properties;
      const parent = entry.level === 'grid' ? areas.community(p.parent) : areas.town(p.parent);
      results.append(h('li', { role: 'option', tabindex: '0', class: 'search-hit',
        onclick: () => choose(entry), onkeydown: (e) => e.key === 'Enter' && choose(entry) },
        h('span', { class: 'hit-level', text: t(`level.${entry.level}`) }),
        h('span', { class: 'hit-name', text: nameOf(p) }),
        parent && h('span', { class: 'hit-parent', text: nameOf(parent) })));
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      const first = search(input.value)[0];
      if (first) choose(first);
    }
  });

  // --- which grid am I in? ---
  const locateButton = document.getElementById('locate-me');
  const locateLabel = () => clear(locateButton).append(icon('target'), t('locate.button'));
  locateLabel();
  onLanguageChange(locateLabel);
  locateButton.addEventListener('click', () => {
    if (!api.has('GET', '/api/locate')) {
      toast(t('locate.unavailable'), 'error');
      return;
    }
    if (!navigator.geolocation) {
      toast(t('locate.noGeolocation'), 'error');
      return;
    }
    toast(t('locate.finding'));
    navigator.geolocation.getCurrentPosition(
      async (pos) => {
        const lon = pos.coords.longitude;
        const lat = pos.coords.latitude;
        if (state.here) state.here.remove();
        state.here = L.circleMarker(toLatLng(lon, lat), { pane: 'points', radius: 8, color: '#fff', weight: 3,
          fillColor: '#1a73e8', fillOpacity: 1, className: 'you-are-here' }).addTo(map);
        const r = await api.locate(lon, lat);
        if (!r.ok) {
          toast(t('common.failed'), 'error');
        } else if (!r.data.grid) {
          map.setView(toLatLng(lon, lat), 15);
          toast(t('locate.outside'), 'error');
        } else {
          const f = gridsByCode.get(r.data.grid.code);
          if (f) showGrid(f);
          toast(t('locate.found', { grid: r.data.grid.name }), 'ok');
        }
      },
      () => toast(t('locate.denied'), 'error'),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });

  // --- community legend ---
  const legend = document.getElementById('community-legend');
  const drawLegend = () => {
    clear(legend);
    for (const town of data.towns.features) {
      legend.append(h('h3', { class: 'legend-town', text: nameOf(town.properties) }));
      const list = h('ul', { class: 'swatches' });
      data.communities.features
        .filter((c) => c.properties.parent === town.properties.code)
        .forEach((c) => list.append(h('li', {},
          h('button', { type: 'button', class: 'swatch-btn', onclick: () => map.fitBounds(featureBounds(c), { padding: [40, 40] }) },
            h('span', { class: 'swatch', style: { background: areas.communityColour.get(c.properties.code) } }),
            nameOf(c.properties)))));
      legend.append(list);
    }
  };
  drawLegend();

  // --- report form ---
  report = new ReportForm(map, document.getElementById('report'), {
    onDone: (grid) => {
      const f = grid && gridsByCode.get(grid.code);
      if (f) areas.select(grid.code);
    },
  });
  const reportButton = document.getElementById('open-report');
  const reportLabel = () => clear(reportButton).append(icon('report'), t('report.open'));
  reportLabel();
  onLanguageChange(reportLabel);
  reportButton.addEventListener('click', () => report.open(state.feature));

  onLanguageChange(() => {
    drawLegend();
    if (state.feature) showGrid(state.feature, { zoom: false });
    else intro();
    apply(document);
  });
  intro();
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.ready = 'error';
  toast(t('common.failed') + ': ' + e.message, 'error');
});
