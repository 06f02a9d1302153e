// The staff view (/staff), phone first: my grid on the map, report an event where I stand or at a
// tapped point (type, structured description, photo), and my open events with their next steps.

import * as api from './api.js';
import { apply, formatDateTime, initI18n, languageButton, nameOf, onLanguageChange, t } from './i18n.js';
import { createMap, toLatLng, toLonLat } from './map.js';
import { drawAreas, featureBounds, loadAreas } from './grids.js';
import { logoutAndReload, requireLogin } from './login.js';
import { clear, h, icon, toast } from './ui.js';

const SEVERITIES = ['low', 'medium', 'high'];
const OPEN_STATUSES = ['reported', 'accepted', 'in_progress', 'escalated'];

async function main() {
  await api.loadConfig();
  await initI18n();
  languageButton(document.getElementById('lang'));
  const account = await requireLogin({ title: t('staff.loginTitle') });
  const logout = document.getElementById('logout');
  logout.hidden = false;
  logout.addEventListener('click', logoutAndReload);

  const map = createMap(document.getElementById('map'));
  const data = await loadAreas();
  const report = { location: null, marker: null, photo: null };
  const areas = drawAreas(map, data, { onGridClick: (f, e) => pick(e.latlng) });
  map.on('click', (e) => pick(e.latlng));
  const byCode = new Map([...data.communities.features, ...data.grids.features, ...data.towns.features]
    .map((f) => [f.properties.code, f]));
  const mine = (account.areas ?? []).filter((c) => byCode.has(c));
  const myGrid = mine.find((c) => byCode.get(c).properties.level === 'grid');
  map.invalidateSize();
  const bounds = L.latLngBounds([]);
  mine.forEach((c) => bounds.extend(featureBounds(byCode.get(c))));
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  else areas.fitAll();
  if (myGrid) areas.select(myGrid);
  areas.showLabels();
  const subtitle = () => {
    document.getElementById('my-grid-name').textContent = mine.length
      ? mine.map((c) => nameOf(byCode.get(c).properties)).join(' · ')
      : t('staff.allAreas');
  };
  subtitle();
  onLanguageChange(subtitle);

  function pick(latlng) {
    const [lon, lat] = toLonLat(latlng);
    setLocation(lon, lat, 'map');
  }
  function setLocation(lon, lat, source) {
    report.location = { lon, lat, source };
    if (report.marker) report.marker.setLatLng(toLatLng(lon, lat));
    else {
      report.marker = L.marker(toLatLng(lon, lat), {
        pane: 'points', keyboard: false,
        icon: L.divIcon({ className: 'report-pin', html: '<span></span>', iconSize: [28, 36], iconAnchor: [14, 34] }),
      }).addTo(map);
    }
    renderWhere();
  }

  // --- tabs ---
  const tabs = { report: document.getElementById('tab-report'), mine: document.getElementById('tab-mine') };
  const panes = { report: document.getElementById('pane-report'), mine: document.getElementById('pane-mine') };
  const show = (name) => {
    for (const k of Object.keys(tabs)) {
      tabs[k].setAttribute('aria-selected', String(k === name));
      panes[k].hidden = k !== name;
    }
    if (name === 'mine') loadMine();
  };
  tabs.report.addEventListener('click', () => show('report'));
  tabs.mine.addEventListener('click', () => show('mine'));

  // --- report an event ---
  const types = await api.eventTypes();
  let whereBox = null;
  function renderWhere() {
    if (!whereBox) return;
    const l = report.location;
    clear(whereBox).append(icon('pin', 16),
      l ? t(l.source === 'gps' ? 'staff.atMyPosition' : 'staff.atPoint', { lon: l.lon.toFixed(5), lat: l.lat.toFixed(5) }) : t('staff.pickHint'));
    whereBox.className = `where ${l ? 'set' : ''}`;
  }
  function renderReport() {
    const pane = clear(panes.report);
    if (!types.ok || !api.has('POST', '/api/events')) {
      pane.append(h('p', { class: 'note', id: 'report-unavailable', text: t('staff.reportUnavailable') }));
      return;
    }
    whereBox = h('p', { class: 'where' });
    renderWhere();
    const gps = h('button', { id: 'use-gps', class: 'btn btn-outline', type: 'button', onclick: useGps }, icon('target', 16), t('staff.useGps'));
    const type = h('select', { id: 'event-type', required: true }, types.data.map((x) => h('option', { value: x.code }, nameOf(x))));
    const severity = h('select', { id: 'event-severity' }, SEVERITIES.map((s) => h('option', { value: s, selected: s === 'medium' }, t(`severity.${s}`))));
    const field = (id, key, tag = 'input') => {
      const el = h(tag, { id, maxlength: tag === 'textarea' ? 1000 : 200, rows: tag === 'textarea' ? 3 : undefined, placeholder: t(`${key}Hint`) });
      return [el, h('label', {}, h('span', { text: t(key) }), el)];
    };
    const [what, whatLabel] = field('event-what', 'staff.what', 'textarea');
    const [where, whereLabel] = field('event-where', 'staff.where');
    const [who, whoLabel] = field('event-who', 'staff.who');
    const [since, sinceLabel] = field('event-since', 'staff.since');
    const preview = h('img', { class: 'photo-preview', alt: '', hidden: true });
    const file = h('input', { id: 'event-photo', type: 'file', accept: 'image/*', capture: 'environment' });
    file.addEventListener('change', () => {
      report.photo = file.files[0] ?? null;
      if (report.photo) {
        preview.src = URL.createObjectURL(report.photo);
        preview.hidden = false;
      }
    });
    const submit = h('button', { id: 'event-submit', class: 'btn btn-primary', type: 'submit' }, t('staff.submit'));
    const form = h('form', { class: 'form', novalidate: true },
      whereBox, h('div', { class: 'position-row' }, gps, h('span', { class: 'fine', text: t('staff.orTap') })),
      h('div', { class: 'two' }, h('label', {}, h('span', { text: t('staff.type') }), type),
        h('label', {}, h('span', { text: t('staff.severity') }), severity)),
      whatLabel, whereLabel, h('div', { class: 'two' }, whoLabel, sinceLabel),
      h('div', { class: 'photo-input' },
        h('label', { class: 'btn btn-outline', for: 'event-photo' }, icon('camera', 16), t('staff.photo')), file, preview),
      submit);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!report.location) return toast(t('staff.pickHint'), 'error');
      if (!what.value.trim()) return toast(t('staff.needWhat'), 'error');
      submit.disabled = true;
      const r = await api.createEvent({
        type: type.value,
        lon: report.location.lon,
        lat: report.location.lat,
        occurredAt: new Date().toISOString(),
        severity: severity.value,
        description: { what: what.value.trim(), where: where.value.trim(), who: who.value.trim(), since: since.value.trim() },
      });
      submit.disabled = false;
      if (!r.ok) return toast(r.message || t('common.failed'), 'error');
      const id = r.data?.id;
      if (report.photo && id != null) {
        const up = await api.uploadPhoto(id, report.photo);
        if (!up.ok) toast(up.unavailable ? t('staff.photoUnavailable') : t('common.failed'), 'error');
      }
      const grid = r.data?.grid?.name ?? r.data?.gridName ?? '';
      clear(panes.report).append(h('div', { id: 'event-result', class: 'result-ok', dataset: { id: id ?? '' } },
        h('p', { class: 'result-title', text: t('staff.reported', { id: id ?? '' }) }),
        grid && h('p', { class: 'result-grid', text: t('report.receivedBy', { grid }) }),
        h('button', { class: 'btn btn-outline btn-small', type: 'button', onclick: () => { report.photo = null; renderReport(); } }, t('report.another'))));
    });
    pane.append(form);
  }
  function useGps() {
    if (!navigator.geolocation) return toast(t('locate.noGeolocation'), 'error');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocation(pos.coords.longitude, pos.coords.latitude, 'gps');
        map.setView(toLatLng(pos.coords.longitude, pos.coords.latitude), Math.max(map.getZoom(), 16));
      },
      () => toast(t('locate.denied'), 'error'),
      { enableHighAccuracy: true, timeout: 15000 },
    );
  }

  // --- my open events ---
  async function loadMine() {
    const pane = clear(panes.mine);
    const r = await api.events({ area: myGrid ?? mine[0], size: 200 });
    if (!r.ok) {
      pane.append(h('p', { class: 'note', text: r.unavailable ? t('staff.mineUnavailable') : t('common.failed') }));
      return;
    }
    // open = not yet resolved, closed, rejected or marked as a duplicate
    r.data.items = r.data.items.filter((e) => OPEN_STATUSES.includes(e.status));
    if (!r.data.items.length) pane.append(h('p', { class: 'note', text: t('staff.noOpen') }));
    for (const e of r.data.items) {
      const actions = h('div', { class: 'actions' });
      const item = h('article', { class: 'event-item', dataset: { id: e.id } },
        h('header', {}, h('strong', {}, e.typeName ?? e.type, ' #', String(e.id)),
          e.overdue && h('span', { class: 'overdue-chip', text: t('events.overdue') })),
        h('div', { class: 'meta', text: `${t(`status.${e.status}`)} · ${formatDateTime(e.reportedAt)}` }),
        e.description?.what && h('p', { text: e.description.what }), actions);
      item.addEventListener('click', async () => {
        const d = await api.event(e.id);
        if (!d.ok) return;
        if (d.data.lon != null) map.setView(toLatLng(d.data.lon, d.data.lat), 17);
        clear(actions);
        for (const next of d.data.allowed) {
          actions.append(h('button', { class: 'btn btn-outline btn-small', type: 'button', onclick: async (ev) => {
            ev.stopPropagation();
            const done = await api.transition(e.id, next, '');
            toast(done.ok ? t('staff.moved', { status: t(`status.${next}`) }) : done.message || t('common.failed'), done.ok ? 'ok' : 'error');
            if (done.ok) loadMine();
          } }, t(`status.${next}`)));
        }
      });
      pane.append(item);
    }
  }

  renderReport();
  onLanguageChange(() => { renderReport(); if (!panes.mine.hidden) loadMine(); apply(document); });
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  document.body.dataset.ready = 'error';
  toast(t('common.failed') + ': ' + e.message, 'error');
});
