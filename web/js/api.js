// Every data source of the pages, each read in one small adapter below. The server lists its
// routes in /api/config; a route it does not have is answered { ok: false, unavailable: true }
// without a request, so the pages can say "not available" (and no 404 reaches the console).
// What each adapter expects of the server is written above it; change it here when a field moves.

let config = { tileUrl: '', tileAttribution: '', tileCrs: 'WGS84', routes: [] };
let csrfToken = null;

/** Reads /api/config once; call before anything else. */
export async function loadConfig() {
  const r = await fetch('/api/config', { headers: { Accept: 'application/json' } });
  config = await r.json();
  config.routes = config.routes || [];
  return config;
}

export function getConfig() {
  return config;
}

/** True when the server has a route, e.g. has('GET', '/api/areas/{code}/staff'). */
export function has(method, path) {
  return config.routes.includes(`${method} ${path}`);
}

const UNAVAILABLE = Object.freeze({ ok: false, unavailable: true, status: 404 });

async function request(method, url, { json, form, body, contentType, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (contentType) headers['Content-Type'] = contentType;
  let payload = body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(form).toString();
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    return { ok: false, status: 0, error: 'network', message: String(e) };
  }
  const type = response.headers.get('content-type') || '';
  let data = null;
  if (response.status !== 204) {
    data = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  }
  if (!response.ok) {
    return {
      ok: false,
      status: response.status,
      unavailable: response.status === 404 && data?.error === 'not_found',
      error: data?.error || 'http_' + response.status,
      message: data?.message || response.statusText,
    };
  }
  return { ok: true, status: response.status, data };
}

/** A GET of a listed route; path is the route pattern, params fill {code}-style parts. */
async function get(route, params = {}, query = {}) {
  if (!has('GET', route)) return UNAVAILABLE;
  return request('GET', fill(route, params) + qs(query));
}

async function post(route, params, options) {
  if (!has('POST', route)) return UNAVAILABLE;
  return request('POST', fill(route, params), options);
}

function fill(route, params) {
  return route.replace(/\{(\w+)\}/g, (m, k) => encodeURIComponent(params[k]));
}

function qs(query) {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
}

const mapped = (result, fn) => (result.ok ? { ...result, data: fn(result.data) } : result);
const list = (d) => (Array.isArray(d) ? d : d?.items ?? d?.features ?? d?.data ?? []);

// --- accounts (foundation) ---------------------------------------------------------------------

/** GET /api/me → { role, username, displayName, areas: [code], csrfToken } ('public' when anonymous). */
export async function me() {
  const r = await request('GET', '/api/me');
  if (r.ok) csrfToken = r.data.csrfToken || null;
  return r;
}

/** POST /api/login {username, password} → same shape as /api/me; keeps the CSRF token in memory. */
export async function login(username, password) {
  const r = await request('POST', '/api/login', { json: { username, password } });
  if (r.ok) csrfToken = r.data.csrfToken || null;
  return r;
}

export async function logout() {
  const r = await request('POST', '/api/logout');
  csrfToken = null;
  return r;
}

// --- areas (foundation) ------------------------------------------------------------------------

/** GET /api/areas.geojson?level= → FeatureCollection; properties code, name, name_en, level, parent. */
export function areasGeoJson(level) {
  return get('/api/areas.geojson', {}, { level, precision: 6 });
}

/** GET /api/areas/{code} → { code, name, nameEn, level, parent, path: [{level, code, name}] }. */
export function area(code) {
  return get('/api/areas/{code}', { code });
}

// --- issue 5: locate ---------------------------------------------------------------------------

/** GET /api/locate?lon=&lat= → { grid: {code, name} | null, path: [...], outside, ambiguous }. */
export function locate(lon, lat) {
  return get('/api/locate', {}, { lon: lon.toFixed(7), lat: lat.toFixed(7) });
}

// --- issue 8: staff contacts, registers, survey, places ----------------------------------------

/**
 * GET /api/areas/{code}/staff (public) → [{ name, photo|photoUrl, role, phone, duties }] or
 * { items: [...] }; duties may be a string or a list.
 */
export async function staffOf(code) {
  return mapped(await get('/api/areas/{code}/staff', { code }), (d) =>
    list(d).map((p) => ({
      name: p.name ?? p.displayName ?? '',
      photo: p.photoUrl ?? p.photo ?? null,
      role: p.roleName ?? p.role ?? '',
      phone: p.phone ?? p.mobile ?? null,
      duties: Array.isArray(p.duties) ? p.duties.join('；') : p.duties ?? '',
    })),
  );
}

/**
 * Public statistics of an area, as [{ key, value }] where value is a number or "<5". Reads
 * GET /api/public/stats/events?area= and /api/public/stats/registers?area=, each either
 * { counts: {key: n} } or a flat { key: n } object (non-numeric fields other than "<n" are skipped).
 */
export async function publicStats(code) {
  const [events, registers] = await Promise.all([
    get('/api/public/stats/events', {}, { area: code }),
    get('/api/public/stats/registers', {}, { area: code }),
  ]);
  return { events: mapped(events, flatCounts), registers: mapped(registers, flatCounts) };
}

function flatCounts(d) {
  const source = d?.counts ?? d?.byStatus ?? d ?? {};
  return Object.entries(source)
    .filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && /^<\d+$/.test(v)))
    .map(([key, value]) => ({ key, value }));
}

/** GET /api/stats/registers?area= (staff) → the same flat counts. */
export async function registerStats(code) {
  return mapped(await get('/api/stats/registers', {}, { area: code }), flatCounts);
}

/** GET /api/places → key places: a FeatureCollection, properties name, kind, inspectionStatus. */
export async function places(bbox) {
  return mapped(await get('/api/places', {}, { bbox }), (d) => ({
    type: 'FeatureCollection',
    features: list(d).map((f) =>
      f.type === 'Feature'
        ? f
        : { type: 'Feature', properties: f, geometry: { type: 'Point', coordinates: [f.lon, f.lat] } },
    ),
  }));
}

/** GET /api/survey → campaigns [{ code|id, name }]; the first (current) one is shown. */
export async function surveyCampaigns() {
  return mapped(await get('/api/survey'), (d) =>
    list(d).map((c) => ({ code: c.code ?? c.id, name: c.name ?? String(c.code ?? c.id) })),
  );
}

/**
 * GET /api/survey/{campaign}/progress?area= → per village/grid:
 * [{ code, name, nameEn, total, visited, byStatus: {status: n} }] (or { items: [...] }).
 */
export async function surveyProgress(campaign, code) {
  return mapped(await get('/api/survey/{campaign}/progress', { campaign }, { area: code }), (d) =>
    list(d).map((v) => ({
      code: v.code ?? v.area,
      name: v.name ?? v.code,
      nameEn: v.nameEn ?? v.name_en,
      total: v.total ?? v.buildings ?? 0,
      visited: v.visited ?? v.surveyed ?? 0,
      byStatus: v.byStatus ?? v.counts ?? {},
    })),
  );
}

/** GET /ogc/collections/buildings/items?bbox=&limit= → buildings with property surveyStatus|status. */
export function buildings(bbox, limit = 5000) {
  return get('/ogc/collections/{collection}/items', { collection: 'buildings' }, { bbox, limit });
}

// --- issue 4: coverage QA ----------------------------------------------------------------------

/** GET /api/areas/{code}/coverage (staff) → { features: [{ properties: {kind: gap|overlap, areaM2} }] }. */
export async function coverage(code) {
  return mapped(await get('/api/areas/{code}/coverage', { code }), (d) => ({
    type: 'FeatureCollection',
    features: list(d).filter((f) => f.geometry),
    summary: d?.summary ?? null,
  }));
}

// --- issue 7: events and Open311 ---------------------------------------------------------------

/** GET /api/event-types → [{ code, name, nameEn }] (or Open311 services as a fallback). */
export async function eventTypes() {
  const r = await get('/api/event-types');
  if (r.ok) {
    return mapped(r, (d) =>
      list(d).map((x) => ({ code: x.code ?? x.id, name: x.name ?? x.code, nameEn: x.nameEn ?? x.name_en })),
    );
  }
  return open311Services();
}

/** GET /open311/v2/services.json → [{ service_code, service_name }] as [{ code, name }]. */
export async function open311Services() {
  return mapped(await get('/open311/v2/services.json'), (d) =>
    list(d).map((s) => ({ code: s.service_code, name: s.service_name, nameEn: s.service_name_en })),
  );
}

/**
 * POST /open311/v2/requests.json (form: service_code, lat, long, description, first_name, phone)
 * → [{ service_request_id }]; then GET /open311/v2/requests/{id}.json for the grid that received it
 * (fields grid_code/grid_name or address), and /api/locate as the last resort.
 */
export async function open311Submit({ serviceCode, lon, lat, description, name, phone }) {
  const form = { service_code: serviceCode, lat: lat.toFixed(7), long: lon.toFixed(7), description };
  // "Where exactly" is the point the resident set on the map (some types require it).
  form.address_string = `${lat.toFixed(6)}, ${lon.toFixed(6)}`;
  if (name) form.first_name = name;
  if (phone) form.phone = phone;
  const r = await post('/open311/v2/requests.json', {}, { form });
  if (!r.ok) return r;
  const first = list(r.data)[0] ?? r.data ?? {};
  const id = first.service_request_id ?? first.token ?? null;
  let grid = gridOf(first);
  if (!grid && id != null) {
    const detail = await get('/open311/v2/requests/{id}.json', { id });
    if (detail.ok) grid = gridOf(list(detail.data)[0] ?? detail.data);
  }
  if (!grid) {
    const located = await locate(lon, lat);
    if (located.ok && located.data.grid) grid = located.data.grid;
  }
  return { ok: true, data: { id, grid } };
}

function gridOf(o) {
  if (!o) return null;
  if (o.grid && o.grid.code) return o.grid;
  if (o.grid_code) return { code: o.grid_code, name: o.grid_name ?? o.grid_code };
  return null;
}

/**
 * GET /api/events?bbox=&type=&status=&from=&to=&overdue=&area=&page= → { items: [...], total } with
 * items { id, type|typeCode, status, overdue, lon, lat (or location [lon, lat]), reportedAt, ... }.
 */
export async function events(query) {
  return mapped(await get('/api/events', {}, query), (d) => ({
    total: d?.total ?? list(d).length,
    items: list(d).map(normaliseEvent),
  }));
}

function normaliseEvent(e) {
  const p = e.type === 'Feature' ? { ...e.properties, id: e.id ?? e.properties.id } : e;
  const loc = p.location;
  const coords =
    e.geometry?.coordinates ??
    loc?.coordinates ??
    (loc && loc.lon !== undefined ? [loc.lon, loc.lat] : null) ??
    (Array.isArray(loc) ? loc : [p.lon, p.lat]);
  return {
    id: p.id,
    type: p.typeCode ?? p.type_code ?? p.type,
    typeName: p.typeName ?? p.type_name,
    status: p.status,
    severity: p.severity,
    overdue: Boolean(p.overdue),
    lon: coords[0],
    lat: coords[1],
    reportedAt: p.reportedAt ?? p.reported_at,
    dueAt: p.dueAt ?? p.due_at,
    grid: p.gridName ?? p.grid?.name ?? p.gridCode,
    description: p.description ?? {},
    transitions: p.transitions ?? p.history ?? [],
    allowed: p.allowedTransitions ?? p.nextStatuses ?? [],
  };
}

/** GET /api/events/{id} → one event with transitions [{ from, to, at, by, note }]. */
export async function event(id) {
  return mapped(await get('/api/events/{id}', { id }), normaliseEvent);
}

/**
 * POST /api/events (JSON: type, location {lon, lat, crs}, occurredAt, severity normal|major,
 * description {what, where, who, since}) → the event with its grid and path.
 */
export async function createEvent(report) {
  const severity = report.severity === 'major' || report.severity === 'high' ? 'major' : 'normal';
  const json = {
    type: report.type,
    location: { lon: report.lon, lat: report.lat, crs: report.crs ?? 'EPSG:4326' },
    occurredAt: report.occurredAt,
    severity,
    description: report.description,
  };
  const r = await post('/api/events', {}, { json });
  if (r.ok && r.data && r.data.event) r.data = { ...r.data.event, ...r.data };
  if (r.ok && r.data && !r.data.gridName && r.data.gridCode) {
    const area = await get('/api/areas/{code}', { code: r.data.gridCode });
    r.data.gridName = area.ok ? area.data.name : r.data.gridCode;
  }
  return r;
}

/** POST /api/events/{id}/transitions (JSON: to, note). */
export function transition(id, to, note) {
  return post('/api/events/{id}/transitions', { id }, { json: { to, note } });
}

/** POST /api/events/{id}/photos: the image itself as the body (JPEG, PNG or WebP). */
export async function uploadPhoto(id, file) {
  if (!has('POST', '/api/events/{id}/photos')) return UNAVAILABLE;
  return request('POST', fill('/api/events/{id}/photos', { id }), {
    body: file,
    contentType: file.type || 'application/octet-stream',
  });
}

/**
 * GET /api/stats/events?area=&from=&to= → { total, open, resolved, overdue, resolutionRate,
 * onTimeRate } (rates 0..1; computed from counts when absent).
 */
export async function eventStats(code, from, to) {
  return mapped(await get('/api/stats/events', {}, { area: code, from, to }), (d) => {
    const total = d.total ?? 0;
    const resolved = d.resolved ?? d.closed ?? 0;
    return {
      total,
      open: d.open ?? total - resolved,
      resolved,
      overdue: d.overdue ?? 0,
      resolutionRate: d.resolutionRate ?? (total ? resolved / total : null),
      onTimeRate: d.onTimeRate ?? null,
      byType: d.byType ?? {},
    };
  });
}

// --- issue 9: analytics ------------------------------------------------------------------------

/** GET /api/analytics/heat?bbox=&zoom=&type=&from=&to=&area= → cells with counts, or points. */
export function heat(query) {
  return get('/api/analytics/heat', {}, query);
}

/** GET /api/analytics/hotspots?... → cells with z and class (hot-99 … cold-99, none). */
export function hotspots(query) {
  return get('/api/analytics/hotspots', {}, query);
}
