// The policy page: the desk's policy document, rendered generically (every value as text).
import { el, clear, optionalApi, showError, words } from './desk.js';

function label(key) {
  return words(String(key).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
}

function render(value, depth = 0) {
  if (value === null || value === undefined) return el('span', { class: 'meta' }, 'none');
  if (Array.isArray(value)) {
    if (!value.length) return el('span', { class: 'meta' }, 'none');
    return el('ul', {}, value.map((v) => el('li', {}, render(v, depth + 1))));
  }
  if (typeof value === 'object') {
    const dl = el('dl', {});
    for (const [k, v] of Object.entries(value)) dl.append(el('dt', {}, label(k)), el('dd', {}, render(v, depth + 1)));
    return dl;
  }
  return document.createTextNode(String(value));
}

const SEVERITY = { blocker: 'Blocker', warning: 'Warning', info: 'Note' };

/** The rules of the checks policy: one table row each, their word lists and settings behind a disclosure. */
function rules(policy) {
  const rows = policy.rules.map((rule) => {
    const lists = Object.entries(rule.lists || {});
    const params = Object.entries(rule.params || {});
    return el('tr', {},
      el('th', { scope: 'row' }, el('code', {}, rule.id)),
      el('td', {}, rule.severity ? el('span', { class: `badge ${rule.severity}` }, SEVERITY[rule.severity] || rule.severity) : 'none'),
      el('td', {}, rule.enabled === false ? 'No' : 'Yes'),
      el('td', {}, rule.description || rule.message || '',
        lists.length || params.length ? el('details', {}, el('summary', {}, 'Word lists and settings'), render({ ...(rule.lists || {}), ...(rule.params || {}) })) : null));
  });
  return [
    el('p', {}, `Policy version ${policy.version}: ${policy.rules.length} rules.`),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('caption', {}, 'Rules of the automated checks'),
      el('thead', {}, el('tr', {}, ['Rule', 'Severity', 'Enabled', 'What it looks for'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows))),
  ];
}

async function load() {
  try {
    const policy = await optionalApi('/api/policy');
    if (policy === undefined) {
      clear(document.getElementById('policy'), el('p', {}, 'This desk does not publish its policy yet.'));
      return;
    }
    if (Array.isArray(policy.rules)) {
      clear(document.getElementById('policy'), rules(policy));
    } else {
      clear(document.getElementById('policy'), render(policy));
    }
  } catch (e) {
    showError(document.getElementById('policy-error'), `The policy could not be loaded: ${e.message}`);
  }
}

load();
