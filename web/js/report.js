// The public report form ("随手拍"): a resident picks the place with a map click, chooses what it
// is about and describes it; the report goes in through Open311 and the answer names the grid
// that received it.

import * as api from './api.js';
import { nameOf, onLanguageChange, t } from './i18n.js';
import { toLatLng, toLonLat } from './map.js';
import { labelPoint } from './grids.js';
import { clear, h, icon, toast } from './ui.js';

export class ReportForm {
  constructor(map, container, { onDone } = {}) {
    this.map = map;
    this.container = container;
    this.onDone = onDone;
    this.location = null; // WGS84 [lon, lat]
    this.marker = null;
    this.services = null;
    map.on('click', (e) => this.isOpen() && this.pick(e.latlng));
    onLanguageChange(() => this.isOpen() && this.render());
  }

  isOpen() {
    return !this.container.hidden;
  }

  async open(feature) {
    this.container.hidden = false;
    this.result = null;
    if (feature) {
      const [lon, lat] = labelPoint(feature.geometry);
      this.setLocation(lon, lat);
    }
    if (!this.services) this.services = await api.open311Services();
    this.render();
    this.container.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  close() {
    this.container.hidden = true;
    if (this.marker) this.marker.remove();
    this.marker = null;
    this.location = null;
  }

  /** A map click: the report is about this place. */
  pick(latlng) {
    const [lon, lat] = toLonLat(latlng);
    this.setLocation(lon, lat);
    this.render();
  }

  setLocation(lon, lat) {
    this.location = [lon, lat];
    if (this.marker) this.marker.setLatLng(toLatLng(lon, lat));
    else {
      this.marker = L.marker(toLatLng(lon, lat), {
        pane: 'points',
        icon: L.divIcon({ className: 'report-pin', html: '<span></span>', iconSize: [28, 36], iconAnchor: [14, 34] }),
        keyboard: false,
      }).addTo(this.map);
    }
  }

  render() {
    const c = clear(this.container);
    c.append(h('header', { class: 'report-head' },
      h('h2', { class: 'card-title' }, icon('report'), t('report.title')),
      h('button', { class: 'icon-btn', type: 'button', 'aria-label': t('common.close'), onclick: () => this.close() }, icon('close'))));
    if (this.result) {
      const grid = this.result.grid;
      c.append(h('div', { id: 'report-result', class: 'result-ok', dataset: { grid: grid?.code ?? '' } },
        h('p', { class: 'result-title', text: t('report.thanks') }),
        this.result.id != null && h('p', { text: t('report.number', { id: this.result.id }) }),
        h('p', { class: 'result-grid', text: grid ? t('report.receivedBy', { grid: nameOf(grid) }) : t('report.receivedTown') }),
        h('button', { class: 'btn btn-outline btn-small', type: 'button', onclick: () => { this.result = null; this.render(); } }, t('report.another'))));
      return;
    }
    if (!this.services.ok) {
      c.append(h('p', { class: 'note', text: this.services.unavailable ? t('report.unavailable') : t('common.failed') }));
      return;
    }
    const where = this.location
      ? t('report.at', { lon: this.location[0].toFixed(5), lat: this.location[1].toFixed(5) })
      : t('report.pickOnMap');
    const service = h('select', { id: 'report-service', required: true },
      this.services.data.map((s) => h('option', { value: s.code }, nameOf(s))));
    const description = h('textarea', { id: 'report-description', rows: 3, required: true, maxlength: 1000,
      placeholder: t('report.descriptionHint') });
    const name = h('input', { id: 'report-name', type: 'text', maxlength: 40, autocomplete: 'name' });
    const phone = h('input', { id: 'report-phone', type: 'tel', maxlength: 20, autocomplete: 'tel' });
    const submit = h('button', { id: 'report-submit', class: 'btn btn-primary', type: 'submit' }, t('report.submit'));
    const form = h('form', { class: 'form', novalidate: true },
      h('p', { class: `where ${this.location ? 'set' : ''}` }, icon('pin', 16), where),
      h('label', {}, h('span', { text: t('report.service') }), service),
      h('label', {}, h('span', { text: t('report.description') }), description),
      h('div', { class: 'two' },
        h('label', {}, h('span', { text: t('report.name') }), name),
        h('label', {}, h('span', { text: t('report.phone') }), phone)),
      h('p', { class: 'fine', text: t('report.privacy') }),
      submit);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!this.location) return toast(t('report.pickOnMap'), 'error');
      if (!description.value.trim()) return toast(t('report.needDescription'), 'error');
      submit.disabled = true;
      const r = await api.open311Submit({
        serviceCode: service.value,
        lon: this.location[0],
        lat: this.location[1],
        description: description.value.trim(),
        name: name.value.trim(),
        phone: phone.value.trim(),
      });
      submit.disabled = false;
      if (!r.ok) return toast(r.message || t('common.failed'), 'error');
      this.result = r.data;
      this.render();
      this.onDone?.(r.data.grid);
    });
    c.append(form);
  }
}
