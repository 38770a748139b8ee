// Shared by every desk page: DOM building with textContent only, the API client with the session's CSRF token,
// announcements for screen readers, and durations in words.

/** Builds an element. Text children become text nodes: data is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

function meta(name) {
  const tag = document.querySelector(`meta[name="${name}"]`);
  return tag ? tag.getAttribute('content') : '';
}

export const me = {
  name: meta('desk-user'),
  roles: new Set(meta('desk-roles').split(/\s+/).filter(Boolean)),
  is(role) { return this.roles.has(role) || this.roles.has('admin'); },
};

/** A refused request, with the problem detail's words. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `The desk answered ${status}.`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the desk API from the browser session; unsafe methods carry the CSRF token. */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers[meta('csrf-header') || 'X-CSRF-TOKEN'] = meta('csrf-token');
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new ApiError(401, { detail: 'Your session has ended. Sign in again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** Like api(), but answers null where the desk has no such endpoint (404/405), so optional panels can hide. */
export async function optionalApi(path) {
  try {
    return await api(path);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501)) return undefined;
    throw e;
  }
}

let announceTimer;
/** Speaks a status message through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => { region.textContent = message; }, 50);
}

/** Shows (or hides, for a null message) an error box with role=alert. */
export function showError(box, message) {
  if (!box) return;
  box.textContent = message || '';
  box.hidden = !message;
}

export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const parts = [];
  if (days) parts.push(`${days} ${days === 1 ? 'day' : 'days'}`);
  if (hours) parts.push(`${hours} h`);
  if (!days && minutes) parts.push(`${minutes} min`);
  return parts.length ? parts.join(' ') : 'under a minute';
}

export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : date.toLocaleString('en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  });
}

export function words(state) {
  return String(state || '').replaceAll('-', ' ');
}

/** The summary id a page is about, from the server-rendered data attribute. */
export function summaryId() {
  return document.getElementById('main').dataset.summaryId;
}

/** Polls until check() is truthy or the time is up; answers the last value. */
export async function waitFor(check, { timeoutMs = 30000, intervalMs = 500 } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
