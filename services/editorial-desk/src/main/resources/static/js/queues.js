// The queues page: both queues with counts, filters and sorting, waiting times, deadlines, claims, live updates.
import { el, clear, api, me, announce, showError, duration, words, ApiError } from './desk.js';

const QUEUES = [
  { key: 'editor', path: '/api/queues/editor', list: 'editor-queue', section: 'editor-section', label: 'Editors’ queue', role: 'editor' },
  { key: 'clinical', path: '/api/queues/clinical', list: 'clinical-queue', section: 'clinical-section', label: 'Clinical reviewers’ queue', role: 'clinical-reviewer' },
].filter((q) => me.is(q.role));
const SENT_BACK = new Set(['changes-requested', 'compliance-failed', 'sent-back']);
const DEFAULT_DEADLINE_SECONDS = 48 * 3600;
const form = document.getElementById('filters');
const errorBox = document.getElementById('queue-error');
const liveState = document.getElementById('live-state');
const state = { items: {}, fetchedAt: Date.now(), counts: null, loaded: false };

function claimedBy(item) {
  return item.claimedBy || null;
}

function blockersOf(item) {
  return Number(item.blockers ?? item.openBlockers) || 0;
}

function sentBack(item) {
  return item.reasonKind ? SENT_BACK.has(item.reasonKind) : Boolean(item.reason);
}

function waitedSeconds(item) {
  return (Number(item.waitingSeconds) || 0) + Math.round((Date.now() - state.fetchedAt) / 1000);
}

function overdue(item) {
  if (typeof item.overdue === 'boolean') return item.overdue;
  if (typeof item.pastDeadline === 'boolean') return item.pastDeadline;
  const deadline = Number(item.deadlineSeconds) || DEFAULT_DEADLINE_SECONDS;
  return waitedSeconds(item) > deadline;
}

function filters() {
  const data = new FormData(form);
  return {
    queue: data.get('queue') || 'all',
    category: data.get('category') || '',
    state: data.get('state') || '',
    blockers: data.get('blockers') || '',
    sort: data.get('sort') || 'oldest',
    mine: data.get('mine') === 'on',
  };
}

function visible(items, f) {
  const shown = items.filter((item) => {
    if (f.category && !(item.categories || []).includes(f.category)) return false;
    if (f.state === 'new' && sentBack(item)) return false;
    if (f.state === 'sent-back' && !sentBack(item)) return false;
    if (f.blockers === 'with' && !blockersOf(item)) return false;
    if (f.blockers === 'without' && blockersOf(item)) return false;
    if (f.mine && claimedBy(item) !== me.name) return false;
    return true;
  });
  shown.sort((a, b) => {
    const byAge = Date.parse(a.waitingSince) - Date.parse(b.waitingSince);
    return f.sort === 'newest' ? -byAge : byAge;
  });
  return shown;
}

function claimButtons(item, queue) {
  const holder = claimedBy(item);
  const mayWork = queue.key === 'editor' ? me.is('editor') : me.is('clinical-reviewer');
  if (!mayWork) return [];
  if (holder === me.name) {
    return [el('button', { type: 'button', class: 'secondary', 'data-action': 'release', onclick: () => claim(item, queue, 'release') },
      'Release', el('span', { class: 'visually-hidden' }, `: ${item.title}`))];
  }
  if (holder) return [];
  return [el('button', { type: 'button', class: 'secondary', 'data-action': 'claim', onclick: () => claim(item, queue, 'claim') },
    'Claim', el('span', { class: 'visually-hidden' }, `: ${item.title}`))];
}

function renderItem(item, queue) {
  const late = overdue(item);
  const holder = claimedBy(item);
  const blockers = blockersOf(item);
  return el('li', { class: `queue-item${late ? ' overdue' : ''}`, 'data-summary-id': item.summaryId },
    el('h3', {}, el('a', { href: `/desk/summaries/${encodeURIComponent(item.summaryId)}` }, item.title || item.summaryId)),
    item.reason ? el('p', { class: 'reason' }, el('strong', {}, sentBack(item) ? 'Sent back: ' : 'Note: '), item.reason) : null,
    el('dl', { class: 'facts' },
      el('div', {}, el('dt', {}, 'Waiting'), el('dd', { class: 'waiting' }, duration(waitedSeconds(item)),
        late ? [' ', el('span', { class: 'badge overdue' }, 'Past deadline')] : null)),
      el('div', {}, el('dt', {}, 'State'), el('dd', {}, words(item.state))),
      el('div', {}, el('dt', {}, 'Revision'), el('dd', {}, String(item.revision))),
      el('div', {}, el('dt', {}, 'Open blockers'), el('dd', {},
        blockers ? el('span', { class: 'badge blocker' }, `${blockers} ${blockers === 1 ? 'blocker' : 'blockers'}`) : 'None')),
      el('div', {}, el('dt', {}, 'Categories'), el('dd', {}, (item.categories || []).join(', ') || 'None yet')),
      el('div', {}, el('dt', {}, 'Claimed by'), el('dd', {}, holder ? `${item.claimedByName || holder}${holder === me.name ? ' (you)' : ''}` : 'Nobody'))),
    el('div', { class: 'item-actions' }, claimButtons(item, queue)));
}

function render() {
  // A live refresh rebuilds the lists: keep keyboard focus on the same item's control.
  const active = document.activeElement;
  const holder = active && active.closest ? active.closest('[data-summary-id]') : null;
  const keep = holder ? { id: holder.dataset.summaryId, link: active.tagName === 'A' } : null;
  const f = filters();
  for (const other of ['editor-section', 'clinical-section']) {
    if (!QUEUES.some((q) => q.section === other)) document.getElementById(other).hidden = true;
  }
  for (const queue of QUEUES) {
    const items = state.items[queue.key] || [];
    const shown = visible(items, f);
    const section = document.getElementById(queue.section);
    section.hidden = f.queue !== 'all' && f.queue !== queue.key;
    const list = document.getElementById(queue.list);
    clear(list, shown.map((item) => renderItem(item, queue)));
    const heading = section.querySelector('h2');
    heading.textContent = `${queue.label} (${shown.length === items.length ? items.length : `${shown.length} of ${items.length}`})`;
    if (!shown.length) list.append(el('li', { class: 'meta' }, items.length ? 'No item matches the filters.' : 'Nothing waiting.'));
  }
  renderCounts();
  if (keep) {
    const item = document.querySelector(`.queue-item[data-summary-id="${CSS.escape(keep.id)}"]`);
    const target = item && (keep.link ? item.querySelector('a') : (item.querySelector('button') || item.querySelector('a')));
    if (target) target.focus();
  }
}

/** The count line per queue: the desk's own counts when it sends them, else what the lists hold. */
function renderCounts() {
  clear(document.getElementById('counts'), QUEUES.map((queue) => {
    const items = state.items[queue.key] || [];
    const figures = state.counts && state.counts[queue.key];
    const total = figures && figures.total !== undefined ? figures.total : items.length;
    const late = figures && figures.overdue !== undefined ? figures.overdue : items.filter(overdue).length;
    return el('li', {}, el('strong', {}, String(total)), ` in the ${queue.label.toLowerCase()}`, late ? `, ${late} past the deadline` : '');
  }));
}

function fillCategories() {
  const select = document.getElementById('filter-category');
  const chosen = select.value;
  const all = new Set();
  for (const items of Object.values(state.items)) for (const item of items) for (const c of item.categories || []) all.add(c);
  clear(select, el('option', { value: '' }, 'Any category'), [...all].sort().map((c) => el('option', { value: c }, c)));
  select.value = all.has(chosen) ? chosen : '';
}

/** Says what arrived and what was taken since the last load, in words. */
function describeChanges(before, after) {
  const messages = [];
  for (const queue of QUEUES) {
    const old = new Map((before[queue.key] || []).map((i) => [i.summaryId, i]));
    const now = new Map((after[queue.key] || []).map((i) => [i.summaryId, i]));
    for (const [id, item] of now) {
      if (!old.has(id)) messages.push(`New in the ${queue.label.toLowerCase()}: ${item.title}.`);
      else if (claimedBy(old.get(id)) !== claimedBy(item)) {
        messages.push(claimedBy(item) ? `${claimedBy(item)} claimed ${item.title}.` : `${item.title} was released.`);
      }
    }
    for (const [id, item] of old) if (!now.has(id)) messages.push(`Left the ${queue.label.toLowerCase()}: ${item.title}.`);
  }
  return messages;
}

async function load() {
  try {
    const results = await Promise.all(QUEUES.map((q) => api(q.path)));
    const next = {};
    QUEUES.forEach((q, i) => { next[q.key] = Array.isArray(results[i]) ? results[i] : (results[i].items || []); });
    const changes = state.loaded ? describeChanges(state.items, next) : [];
    state.items = next;
    state.fetchedAt = Date.now();
    state.loaded = true;
    fillCategories();
    render();
    showError(errorBox, null);
    if (changes.length) announce(changes.join(' '));
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) {
      showError(errorBox, 'You may not see these queues with your roles.');
    } else {
      showError(errorBox, `The queues could not be loaded: ${e.message}`);
    }
  }
  try {
    const counts = await api('/api/queues/counts');
    state.counts = counts && typeof counts === 'object' ? counts : null;
    renderCounts();
  } catch (e) {
    state.counts = null;
  }
}

async function claim(item, queue, action) {
  const path = `/api/summaries/${encodeURIComponent(item.summaryId)}/${action}`;
  try {
    await api(path, { method: 'POST' });
    announce(action === 'claim' ? `You claimed ${item.title}.` : `You released ${item.title}.`);
    await load();
    const again = document.querySelector(`[data-summary-id="${CSS.escape(item.summaryId)}"] .item-actions button`);
    (again || document.getElementById(queue.list)).focus?.();
  } catch (e) {
    showError(errorBox, `Could not ${action} “${item.title}”: ${e.message}`);
  }
}

let pollTimer = null;
function poll() {
  if (!pollTimer) {
    pollTimer = setInterval(load, 15000);
    liveState.textContent = 'The queues refresh every 15 seconds.';
  }
}

function listen() {
  if (!('EventSource' in window)) { poll(); return; }
  const stream = new EventSource('/api/queues/stream', { withCredentials: true });
  let debounce;
  const changed = () => { clearTimeout(debounce); debounce = setTimeout(load, 200); };
  stream.onopen = () => {
    liveState.textContent = 'The queues update live.';
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
  };
  stream.onmessage = changed;
  stream.addEventListener('queue', changed);
  stream.addEventListener('counts', (event) => {
    try { state.counts = JSON.parse(event.data); renderCounts(); } catch (e) { /* the next load brings them */ }
  });
  stream.onerror = () => {
    if (stream.readyState === EventSource.CLOSED) poll();
  };
}

form.addEventListener('change', render);
form.addEventListener('submit', (event) => { event.preventDefault(); render(); });
setInterval(render, 60000); // waiting times keep counting
load().then(listen);
