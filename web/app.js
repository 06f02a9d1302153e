// Minimal public grid map: draws every grid, coloured by community, with no basemap unless one is
// configured (GRIDMAP_TILE_URL). All assets come from this server, so it works offline.
const TEXT = {
  'zh-CN': { title: '网格地图', loading: '正在加载网格…', grids: (n) => `共 ${n} 个网格`, failed: '加载失败', lang: 'EN' },
  en: { title: 'GridMap', loading: 'Loading grids…', grids: (n) => `${n} grids`, failed: 'Failed to load', lang: '中文' },
};
let lang = (navigator.language || 'zh-CN').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
const t = (key, ...args) => { const v = TEXT[lang][key]; return typeof v === 'function' ? v(...args) : v; };

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const colourOf = new Map();
const colour = (community) => {
  if (!colourOf.has(community)) colourOf.set(community, PALETTE[colourOf.size % PALETTE.length]);
  return colourOf.get(community);
};

const map = L.map('map', { zoomSnap: 0.25, preferCanvas: false });
const status = document.getElementById('status');
let gridCount = 0;

function render() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.getElementById('lang').textContent = t('lang');
  document.title = `${t('title')} GridMap`;
  status.textContent = gridCount ? t('grids', gridCount) : t('loading');
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh-CN' : 'en';
  render();
  labels.forEach(({ layer, feature }) => layer.setTooltipContent(labelOf(feature)));
});

const labels = [];
const labelOf = (f) => (lang === 'en' && f.properties.name_en) ? f.properties.name_en : f.properties.name;

async function main() {
  render();
  const config = await (await fetch('/api/config')).json();
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 19 }).addTo(map);
  }
  const response = await fetch('/api/areas.geojson?level=grid');
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const grids = await response.json();
  const layer = L.geoJSON(grids, {
    style: (f) => ({ color: '#ffffff', weight: 1.2, fillColor: colour(f.properties.parent), fillOpacity: 0.55 }),
    onEachFeature: (f, l) => {
      l.bindTooltip(labelOf(f), { permanent: false, direction: 'center', className: 'grid-label' });
      labels.push({ layer: l, feature: f });
    },
  }).addTo(map);
  gridCount = grids.features.length;
  document.body.dataset.grids = String(gridCount);
  if (gridCount) map.fitBounds(layer.getBounds(), { padding: [20, 20] });
  else map.setView([36.65, 117.2], 11);
  render();
}

main().catch((e) => { status.textContent = `${t('failed')}: ${e.message}`; });
