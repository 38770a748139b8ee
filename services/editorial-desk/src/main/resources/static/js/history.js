// History of one summary (who did what, when, read from its events) and a word diff between any two revisions.
import { el, clear, api, optionalApi, showError, announce, words, when, summaryId } from './desk.js';

const id = summaryId();
const base = `/api/summaries/${encodeURIComponent(id)}`;
const errorBox = document.getElementById('history-error');

/** The sections of a draft as name -> text, in reading order. */
export function sectionsOf(draft) {
  const out = [];
  if (!draft) return out;
  const add = (name, text) => { if (text !== undefined && text !== null) out.push([name, String(text)]); };
  add('Simple explanation', draft.simpleExplanation);
  add('Study duration', draft.studyDuration);
  add('Participants', draft.participants);
  if (draft.evidenceLevel) add('Evidence level', `Level ${draft.evidenceLevel.level ?? 'none'}: ${draft.evidenceLevel.reason ?? ''}`);
  (draft.keyFindings || []).forEach((f, i) => add(`Key finding ${i + 1}`, typeof f === 'string' ? f : f.text));
  add('Research summary', draft.researchSummary);
  (draft.practicalImplications || []).forEach((p, i) => add(`Practical implication ${i + 1}`, typeof p === 'string' ? p : `${p.title}. ${p.text}`));
  (draft.limitations || []).forEach((l, i) => add(`Limitation ${i + 1}`, l));
  return out;
}

/** Word-level diff (longest common subsequence): [{op: 'same'|'add'|'del', text}]. */
export function diffWords(a, b) {
  const x = a.split(/(\s+)/).filter((t) => t !== '');
  const y = b.split(/(\s+)/).filter((t) => t !== '');
  const n = x.length; const m = y.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out = [];
  const push = (op, text) => { const last = out[out.length - 1]; if (last && last.op === op) last.text += text; else out.push({ op, text }); };
  let i = 0; let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { push('same', x[i]); i++; j++; } else if (lcs[i + 1][j] >= lcs[i][j + 1]) { push('del', x[i]); i++; } else { push('add', y[j]); j++; }
  }
  while (i < n) push('del', x[i++]);
  while (j < m) push('add', y[j++]);
  return out;
}

function renderDiff(fromRev, toRev, from, to) {
  const a = new Map(sectionsOf(from));
  const b = new Map(sectionsOf(to));
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const changed = names.filter((n) => (a.get(n) ?? '') !== (b.get(n) ?? ''));
  const root = document.getElementById('diff');
  if (!changed.length) {
    clear(root, el('p', {}, `Revisions ${fromRev} and ${toRev} have the same text.`));
  } else {
    clear(root,
      el('p', {}, `${changed.length} ${changed.length === 1 ? 'section differs' : 'sections differ'} between revision ${fromRev} and revision ${toRev}. Removed words are struck through and marked “removed”; added words are underlined and marked “added”.`),
      changed.map((name) => el('section', { class: 'diff-section', 'aria-label': name },
        el('h3', {}, name),
        el('p', {}, diffWords(a.get(name) ?? '', b.get(name) ?? '').map((part) => {
          if (part.op === 'same') return part.text;
          const tag = part.op === 'add' ? 'ins' : 'del';
          return el(tag, {}, el('span', { class: 'visually-hidden' }, part.op === 'add' ? ' [added: ' : ' [removed: '), part.text,
            el('span', { class: 'visually-hidden' }, '] '));
        })))));
  }
  announce(changed.length ? `${changed.length} sections differ.` : 'No difference.');
}

async function revisionDraft(revision) {
  const draft = await optionalApi(`${base}/revisions/${revision}`);
  if (draft === undefined) return undefined;
  return draft.draft && typeof draft.draft === 'object' ? draft.draft : draft;
}

const SECTION_NAMES = {
  simpleExplanation: 'Simple explanation', studyDuration: 'Study duration', participants: 'Participants',
  evidenceLevel: 'Evidence level', keyFindings: 'Key finding', researchSummary: 'Research summary',
  practicalImplications: 'Practical implication', limitations: 'Limitation',
};

function sectionName(name) {
  const m = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(name || '');
  if (!m) return name;
  return `${SECTION_NAMES[m[1]] || m[1]}${m[2] !== undefined ? ` ${Number(m[2]) + 1}` : ''}${m[3] ? ` (${m[3]})` : ''}`;
}

/** The desk's own per-section word diff (GET /diff): runs of equal, delete and insert. */
function renderServerDiff(diff) {
  const changed = (diff.sections || []).filter((s) => s.changed);
  const root = document.getElementById('diff');
  if (!changed.length) {
    clear(root, el('p', {}, `Revisions ${diff.from} and ${diff.to} have the same text.`));
    announce('No difference.');
    return;
  }
  clear(root,
    el('p', {}, `${changed.length} ${changed.length === 1 ? 'section differs' : 'sections differ'} between revision ${diff.from} and revision ${diff.to}. Removed words are struck through and marked “removed”; added words are underlined and marked “added”.`),
    changed.map((section) => el('section', { class: 'diff-section', 'aria-label': sectionName(section.section) },
      el('h3', {}, sectionName(section.section)),
      el('p', {}, section.runs.map((run) => {
        if (run.op === 'equal') return run.text;
        const added = run.op === 'insert';
        return el(added ? 'ins' : 'del', {}, el('span', { class: 'visually-hidden' }, added ? ' [added: ' : ' [removed: '), run.text,
          el('span', { class: 'visually-hidden' }, '] '));
      })))));
  announce(`${changed.length} sections differ.`);
}

async function showDiff(event) {
  event?.preventDefault();
  const from = Number(document.getElementById('diff-from').value);
  const to = Number(document.getElementById('diff-to').value);
  try {
    const diff = await optionalApi(`${base}/diff?from=${from}&to=${to}`);
    if (diff && Array.isArray(diff.sections)) {
      renderServerDiff(diff);
      return;
    }
    const [a, b] = await Promise.all([revisionDraft(from), revisionDraft(to)]);
    if (a === undefined || b === undefined) {
      clear(document.getElementById('diff'), el('p', {}, 'This desk cannot show earlier revisions yet.'));
      return;
    }
    renderDiff(from, to, a, b);
  } catch (e) {
    clear(document.getElementById('diff'), el('p', {}, `The revisions could not be compared: ${e.message}`));
  }
}

function renderEvents(history) {
  const rows = history.map((e) => el('tr', {},
    el('td', {}, when(e.at)),
    el('td', {}, e.by || ''),
    el('td', {}, words(e.role)),
    el('td', {}, words(e.type)),
    el('td', {}, String(e.revision)),
    el('td', {}, words(e.state)),
    el('td', {}, e.reason || '')));
  clear(document.getElementById('events'), el('table', {},
    el('caption', {}, `${history.length} events, oldest first`),
    el('thead', {}, el('tr', {}, ['When', 'Who', 'Role', 'What', 'Revision', 'State', 'Reason or comment'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows)));
}

async function load() {
  try {
    const [summary, history] = await Promise.all([api(base), api(`${base}/history`)]);
    document.title = `History: ${summary.title} – Plainpaper desk`;
    document.getElementById('title').textContent = `History: ${summary.title}`;
    document.getElementById('review-link').href = `/desk/summaries/${encodeURIComponent(id)}`;
    renderEvents(history);
    const revisions = [...new Set(history.map((e) => e.revision).filter((r) => r > 0))].sort((a, b) => a - b);
    const options = (selected) => revisions.map((r) => el('option', { value: r, selected: r === selected }, `Revision ${r}`));
    clear(document.getElementById('diff-from'), options(revisions.length > 1 ? revisions[revisions.length - 2] : revisions[0]));
    clear(document.getElementById('diff-to'), options(revisions[revisions.length - 1]));
    if (revisions.length > 1) await showDiff();
    else clear(document.getElementById('diff'), el('p', {}, 'There is only one revision so far.'));
  } catch (e) {
    showError(errorBox, `The history could not be loaded: ${e.message}`);
  }
}

document.getElementById('diff-form').addEventListener('submit', showDiff);
load();
