// zh-CN and English: every string of the pages lives in /i18n/<lang>.json (same keys in both).
// The language comes from localStorage (the toggle), else from the browser; zh-CN by default.

const STORE = 'gridmap.lang';
const LANGS = ['zh-CN', 'en'];
const dictionaries = {};
let current = 'zh-CN';
const listeners = [];

function initialLanguage() {
  const stored = localStorage.getItem(STORE);
  if (LANGS.includes(stored)) return stored;
  const nav = (navigator.languages && navigator.languages[0]) || navigator.language || 'zh-CN';
  return nav.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Loads both dictionaries and applies the language to the page. */
export async function initI18n() {
  await Promise.all(
    LANGS.map(async (lang) => {
      const response = await fetch(`/i18n/${lang}.json`);
      dictionaries[lang] = await response.json();
    }),
  );
  current = initialLanguage();
  apply(document);
}

export function lang() {
  return current;
}

export function isEnglish() {
  return current === 'en';
}

/** The text of a key in the current language, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = dictionaries[current]?.[key] ?? dictionaries['zh-CN']?.[key] ?? fallback(key);
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A key missing from both dictionaries (a new status from the server, say): its last part. */
function fallback(key) {
  return key.slice(key.lastIndexOf('.') + 1).replace(/_/g, ' ');
}

/** Chinese or English name of something that has both (name / nameEn or name_en). */
export function nameOf(item) {
  if (!item) return '';
  const en = item.nameEn ?? item.name_en;
  return current === 'en' && en ? en : item.name ?? '';
}

/** Fills [data-i18n], [data-i18n-placeholder], [data-i18n-title] and [data-i18n-label]. */
export function apply(root) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle);
  });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  });
}

/** Switches language, remembers it, re-applies the page texts and tells the listeners. */
export function setLanguage(next) {
  current = LANGS.includes(next) ? next : 'zh-CN';
  localStorage.setItem(STORE, current);
  apply(document);
  listeners.forEach((fn) => fn(current));
}

export function toggleLanguage() {
  setLanguage(current === 'en' ? 'zh-CN' : 'en');
}

/** Calls fn after every language change (to redraw texts built in code). */
export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** Wires a toggle button: it shows the other language's name. */
export function languageButton(button) {
  const label = () => {
    button.textContent = t('lang.other');
    button.setAttribute('aria-label', t('lang.switch'));
  };
  label();
  onLanguageChange(label);
  button.addEventListener('click', toggleLanguage);
}

/** Locale-aware formatting helpers. */
export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatPercent(ratio) {
  if (ratio == null || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}
