// The login dialog of the leader and staff views: POST /api/login, then the page goes on with the
// account (the CSRF token stays in memory in api.js).

import * as api from './api.js';
import { t } from './i18n.js';
import { h } from './ui.js';

/** The logged-in account: from the session if there is one, else after the dialog. */
export async function requireLogin({ title, roles = null } = {}) {
  const current = await api.me();
  if (current.ok && current.data.role && current.data.role !== 'public' && allowed(current.data, roles)) {
    return current.data;
  }
  return new Promise((resolve) => {
    const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true });
    const secret = h('input', { id: 'login-password', name: 'secret', autocomplete: 'current-password', required: true });
    secret.type = 'password';
    const error = h('p', { class: 'login-error', role: 'alert' });
    const submit = h('button', { id: 'login-submit', class: 'btn btn-primary', type: 'submit' }, t('login.submit'));
    const form = h('form', { class: 'form' },
      h('label', {}, h('span', { text: t('login.username') }), username),
      h('label', {}, h('span', { text: t('login.secret') }), secret),
      error, submit);
    const backdrop = h('div', { class: 'login-backdrop' },
      h('div', { class: 'card login-card', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'login-title' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '网'),
        h('h2', { id: 'login-title', text: title }),
        h('p', { text: t('login.hint') }),
        form));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      error.textContent = '';
      submit.disabled = true;
      const r = await api.login(username.value.trim(), secret.value);
      submit.disabled = false;
      if (!r.ok) {
        error.textContent = r.status === 429 ? t('login.locked') : t('login.failed');
        return;
      }
      if (!allowed(r.data, roles)) {
        error.textContent = t('login.wrongRole');
        return;
      }
      backdrop.remove();
      resolve(r.data);
    });
    document.body.append(backdrop);
    username.focus();
  });
}

function allowed(account, roles) {
  return !roles || roles.includes(account.role);
}

/** Logs out and reloads the page (which shows the dialog again). */
export async function logoutAndReload() {
  await api.logout();
  location.reload();
}
