// The review screen: the draft beside its source, findings at their spans, edits in place, decisions, comments,
// and the claim (who is reviewing it), kept current by the queue stream.
import { el, clear, api, optionalApi, me, announce, showError, words, when, summaryId, waitFor, ApiError } from './desk.js';

const id = summaryId();
const base = `/api/summaries/${encodeURIComponent(id)}`;
const errorBox = document.getElementById('review-error');
const view = { summary: null, draft: null, history: [], claim: null };
const claimBox = document.getElementById('claim');

const SECTION_NAMES = {
  simpleExplanation: 'Simple explanation',
  studyDuration: 'Study duration',
  participants: 'Participants',
  evidenceLevel: 'Evidence level',
  keyFindings: 'Key findings',
  researchSummary: 'Research summary',
  practicalImplications: 'Practical implications',
  limitations: 'Study limitations',
};
const REQUIRED = new Set(['simpleExplanation', 'researchSummary']);
const MAX_LENGTH = 4000;
const SEVERITY_WORDS = { blocker: 'Blocker', warning: 'Warning', info: 'Note' };

/** "keyFindings[1]" -> "Key finding 2"; "practicalImplications[0].text" -> "Practical implication 1 (text)". */
function sectionLabel(name) {
  if (!name) return 'Whole draft';
  const m = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(name);
  if (!m) return name;
  let label = SECTION_NAMES[m[1]] || m[1];
  if (m[2] !== undefined) label = `${label.replace(/s$/, '').replace(/Study limitation/, 'Limitation')} ${Number(m[2]) + 1}`;
  if (m[3]) label += ` (${m[3]})`;
  return label;
}

/** The name an edit takes for a finding's section: implications are edited as a whole item. */
function editableName(section) {
  if (!section) return null;
  if (/^practicalImplications\[\d+\]\.title$/.test(section)) return null;
  return section.replace(/\.text$/, '');
}

function findingsFor(section) {
  return (view.draft.findings || []).filter((f) => f.section === section);
}

/** Renders section text with each finding's span marked in place, labelled with its severity in words. */
function markedText(section, text) {
  const p = el('p', { class: 'section-text', 'data-section': section });
  const value = text ?? '';
  if (!value) { p.append(el('em', {}, 'Not specified')); return p; }
  const spans = findingsFor(section)
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end > f.start && f.end <= value.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlapping spans: the first one wins, the rest stay in the list below
    p.append(value.slice(at, f.start));
    p.append(el('span', { class: `span-finding ${f.severity}`, id: `span-${f.findingId}`, tabindex: '-1', 'data-finding-id': f.findingId },
      el('span', { class: 'span-label' }, `${SEVERITY_WORDS[f.severity] || f.severity}${f.resolved ? ' (resolved)' : ''}:`),
      value.slice(f.start, f.end)));
    at = f.end;
  }
  p.append(value.slice(at));
  return p;
}

function readabilityOf(section) {
  const figures = (view.draft.readability || []).find((r) => r.section === section);
  if (!figures) return null;
  const grade = Number(figures.fleschKincaidGrade);
  return el('p', { class: 'readability' },
    `Readability: grade ${grade.toFixed(1)} (Flesch-Kincaid) · ${Number(figures.meanSentenceLength).toFixed(1)} words per sentence · ${figures.words} words`);
}

function canEdit() {
  const s = view.summary.state;
  return me.is('editor') && (s === 'editor-review' || s === 'clinical-review');
}

/** An editable block: its text, an Edit button, and the in-place editor that replaces it. */
function editable(section, text, { allowEmpty = false, label } = {}) {
  const wrap = el('div', { class: 'editable', 'data-edit': section });
  const shown = markedText(section, text);
  const name = label || sectionLabel(section);
  wrap.append(shown);
  if (canEdit()) {
    const button = el('button', { type: 'button', class: 'secondary', 'data-edit-button': section, 'aria-label': `Edit ${name.toLowerCase()}` }, 'Edit');
    button.addEventListener('click', () => openEditor(wrap, section, text ?? '', name, allowEmpty, button));
    wrap.append(el('div', { class: 'form-actions' }, button));
  }
  return wrap;
}

function openEditor(wrap, section, text, name, allowEmpty, button) {
  if (wrap.querySelector('form')) { wrap.querySelector('textarea').focus(); return; }
  const fieldId = `edit-${section.replace(/\W/g, '-')}`;
  const textarea = el('textarea', { id: fieldId, name: 'text', rows: 5, 'aria-describedby': `${fieldId}-hint ${fieldId}-error` });
  textarea.value = text;
  const error = el('p', { class: 'error-text', id: `${fieldId}-error`, hidden: true });
  const hint = el('p', { class: 'hint', id: `${fieldId}-hint` },
    `Saving makes a new revision, checked again before it comes back. ${allowEmpty ? 'Leave it empty to remove this item. ' : ''}Escape cancels.`);
  const save = el('button', { type: 'submit' }, 'Save as new revision');
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const form = el('form', { class: 'inline-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: fieldId }, `New text: ${name}`), hint, textarea, error),
    el('div', { class: 'form-actions' }, save, cancel));
  const close = () => { form.remove(); button.hidden = false; button.focus(); };
  cancel.addEventListener('click', close);
  form.addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.preventDefault(); close(); } });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = textarea.value.trim();
    const base = section.replace(/\[\d+\]$/, '');
    let problem = null;
    if (!value && (!allowEmpty || REQUIRED.has(base))) problem = `${name} cannot be empty.`;
    else if (value.length > MAX_LENGTH) problem = `${name} is ${value.length} characters long; keep it under ${MAX_LENGTH}.`;
    else if (value === (text || '').trim()) problem = 'Nothing changed: change the text or cancel.';
    textarea.setAttribute('aria-invalid', problem ? 'true' : 'false');
    error.textContent = problem || '';
    error.hidden = !problem;
    if (problem) { textarea.focus(); return; }
    save.disabled = true;
    try {
      await decide('edit', { sections: { [section]: value }, comment: `Edited ${name.toLowerCase()} in the desk.` });
      form.remove();
      button.hidden = false;
      announce(`Your edit of ${name.toLowerCase()} was sent. The new revision appears here once it has been drafted and checked.`);
      awaitNewRevision();
    } catch (e) {
      save.disabled = false;
      error.textContent = e.message;
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
    }
  });
  button.hidden = true;
  wrap.append(form);
  textarea.focus();
}

function sectionBlock(key, ...content) {
  return el('section', { class: 'section', 'aria-labelledby': `h-${key}` },
    el('div', { class: 'section-head' }, el('h3', { id: `h-${key}` }, SECTION_NAMES[key])),
    readabilityOf(key), content);
}

function renderDraft() {
  const d = view.draft;
  const root = document.getElementById('draft');
  if (!d.simpleExplanation && !d.researchSummary) {
    clear(root, el('p', {}, 'There is no draft yet: the paper is still being drafted.'));
    return;
  }
  const ev = d.evidenceLevel || {};
  clear(root,
    sectionBlock('simpleExplanation', editable('simpleExplanation', d.simpleExplanation)),
    sectionBlock('studyDuration', editable('studyDuration', d.studyDuration, { allowEmpty: true })),
    sectionBlock('participants', editable('participants', d.participants, { allowEmpty: true })),
    sectionBlock('evidenceLevel',
      el('p', {}, el('strong', {}, ev.level && ev.level !== 'null' ? `Level ${ev.level}` : 'No level'),
        ` on the ${ev.scale || 'OCEBM 2011'} scale · design: ${words(String(ev.design || 'unknown').toLowerCase().replaceAll('_', ' '))}`),
      ev.reason ? markedText('evidenceLevel', ev.reason) : null),
    sectionBlock('keyFindings', el('ol', { class: 'key-findings' }, (d.keyFindings || []).map((f, i) => keyFinding(f, i)))),
    sectionBlock('researchSummary', editable('researchSummary', d.researchSummary)),
    sectionBlock('practicalImplications', (d.practicalImplications || []).map((p, i) => el('div', { class: 'implication' },
      el('h4', {}, markedText(`practicalImplications[${i}].title`, p.title)),
      editable(`practicalImplications[${i}]`, p.text, { allowEmpty: true, label: `Practical implication ${i + 1}` })))),
    sectionBlock('limitations', el('ul', {}, (d.limitations || []).map((l, i) => el('li', {},
      editable(`limitations[${i}]`, l, { allowEmpty: true, label: `Limitation ${i + 1}` }))))),
    d.editorFlags && d.editorFlags.length
      ? el('section', { class: 'section', 'aria-labelledby': 'h-flags' }, el('h3', { id: 'h-flags' }, 'For the editor to check'),
        el('ul', {}, d.editorFlags.map((f) => el('li', {}, f))))
      : null);
  // Implication titles are rendered in a heading; unwrap the paragraph so the heading holds text only.
  root.querySelectorAll('h4 > p.section-text').forEach((p) => { p.replaceWith(...p.childNodes); });
}

function keyFinding(finding, index) {
  const sources = finding.sources || [];
  const toggle = el('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', 'data-key-finding': index,
    'aria-controls': 'source', 'aria-label': `Show sources of key finding ${index + 1}` }, 'Show sources');
  toggle.disabled = !sources.length;
  toggle.addEventListener('click', () => highlight(index, toggle));
  return el('li', { 'data-key-finding-item': index },
    editable(`keyFindings[${index}]`, finding.text, { label: `Key finding ${index + 1}` }),
    el('div', { class: 'form-actions' }, toggle,
      el('span', { class: 'meta' }, sources.length ? `Rests on ${sources.length === 1 ? 'sentence' : 'sentences'} ${sources.map((s) => s.index + 1).join(', ')} of the abstract`
        : 'No source sentence cited')));
}

/** Marks the source sentences a key finding rests on (highlight, underline and a text label), and says so. */
function highlight(index, toggle) {
  const on = toggle.getAttribute('aria-pressed') !== 'true';
  document.querySelectorAll('[data-key-finding]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  document.querySelectorAll('.source-sentence.cited').forEach((s) => {
    s.classList.remove('cited');
    s.querySelector('.cite-label')?.remove();
  });
  if (!on) { announce('Highlighting cleared.'); return; }
  toggle.setAttribute('aria-pressed', 'true');
  const sources = view.draft.keyFindings[index].sources || [];
  let first = null;
  for (const s of sources) {
    const node = document.querySelector(`.source-sentence[data-index="${s.index}"]`);
    if (!node) continue;
    node.classList.add('cited');
    node.prepend(el('span', { class: 'cite-label' }, `Key finding ${index + 1}`));
    first = first || node;
  }
  if (first) first.scrollIntoView({ block: 'nearest' });
  announce(`Key finding ${index + 1} rests on ${sources.length === 1 ? 'sentence' : 'sentences'} ${sources.map((s) => s.index + 1).join(', ')} of the abstract, now highlighted.`);
}

/** The abstract, sentence by sentence where the desk gives sentences; otherwise the sentences the draft cites. */
function renderSource() {
  const root = document.getElementById('source');
  const s = view.summary;
  const d = view.draft;
  const sentences = d.sourceSentences || s.sourceSentences || d.abstractSentences;
  const sections = d.abstractSections || s.abstractSections || (s.paper && s.paper.abstractSections) || d.abstract || s.abstract;
  const cited = new Map();
  for (const f of d.keyFindings || []) for (const src of f.sources || []) cited.set(src.index, src.text);
  const sentence = (index, text) => el('span', { class: 'source-sentence', 'data-index': index }, text, ' ');
  if (Array.isArray(sentences) && sentences.length) {
    clear(root, el('p', {}, sentences.map((t, i) => sentence(typeof t === 'object' ? (t.index ?? i) : i, typeof t === 'object' ? t.text : t))));
    return;
  }
  if (Array.isArray(sections) && sections.length) {
    // Find each cited sentence inside its section's text, so the highlight lands in the abstract itself.
    clear(root, sections.map((section) => {
      const text = typeof section === 'string' ? section : section.text;
      const p = el('p', {});
      const hits = [...cited.entries()].map(([index, t]) => ({ index, at: text.indexOf(t), t })).filter((h) => h.at >= 0)
        .sort((a, b) => a.at - b.at);
      let at = 0;
      for (const h of hits) {
        if (h.at < at) continue;
        p.append(text.slice(at, h.at), sentence(h.index, h.t));
        at = h.at + h.t.length;
      }
      p.append(text.slice(at));
      return [section.label ? el('h3', {}, section.label) : null, p];
    }));
    return;
  }
  if (typeof sections === 'string' && sections) {
    clear(root, el('p', {}, sections));
    return;
  }
  clear(root, el('p', { class: 'hint' }, 'The desk gives the sentences of the abstract that the draft cites:'),
    el('ol', {}, [...cited.entries()].sort((a, b) => a[0] - b[0]).map(([index, text]) =>
      el('li', { value: index + 1 }, sentence(index, text)))));
}

function renderFindings() {
  const root = document.getElementById('findings');
  const findings = view.draft.findings || [];
  if (!findings.length) { clear(root, el('p', {}, 'The automated checks found nothing on this revision.')); return; }
  const order = { blocker: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3));
  const open = findings.filter((f) => f.severity === 'blocker' && !f.resolved).length;
  clear(root,
    el('p', {}, open ? el('strong', {}, `${open} open ${open === 1 ? 'blocker holds' : 'blockers hold'} this draft back from clinical review.`)
      : 'No open blocker.'),
    el('ul', { class: 'findings-list' }, sorted.map(findingItem)));
}

function findingItem(f) {
  const severity = SEVERITY_WORDS[f.severity] || f.severity;
  const inText = document.getElementById(`span-${f.findingId}`);
  const item = el('li', { class: `finding ${f.severity}`, 'data-finding': f.findingId },
    el('p', {}, el('span', { class: `badge ${f.severity}` }, severity), ' ',
      el('span', { class: `badge ${f.resolved ? 'ok' : 'info'}` }, f.resolved ? 'Resolved' : 'Open'), ' ',
      el('strong', {}, f.message)),
    el('p', { class: 'meta' }, `${f.checker} check · ${f.ruleId} · in ${sectionLabel(f.section)}`),
    inText ? el('p', {}, el('a', { href: `#span-${f.findingId}` }, 'Show it in the text')) : null);
  if (f.severity === 'blocker' && !f.resolved && me.is('editor') && view.summary.state === 'editor-review') {
    const actions = el('div', { class: 'form-actions' });
    const target = editableName(f.section);
    const editButton = target && document.querySelector(`[data-edit-button="${CSS.escape(target)}"]`);
    if (editButton) {
      actions.append(el('button', { type: 'button', class: 'secondary', onclick: () => { editButton.scrollIntoView({ block: 'center' }); editButton.click(); } },
        'Fix by editing', el('span', { class: 'visually-hidden' }, ` ${sectionLabel(f.section).toLowerCase()}`)));
    }
    const override = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, 'Override with a reason…');
    override.addEventListener('click', () => overrideForm(item, f, override));
    actions.append(override);
    item.append(actions);
  }
  return item;
}

function overrideForm(item, f, button) {
  if (item.querySelector('form')) { item.querySelector('textarea').focus(); return; }
  const fieldId = `override-${f.findingId}`;
  const textarea = el('textarea', { id: fieldId, rows: 3, required: true, 'aria-required': 'true', 'aria-describedby': `${fieldId}-error` });
  const error = el('p', { class: 'error-text', id: `${fieldId}-error`, hidden: true });
  const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
  const form = el('form', { class: 'inline-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: fieldId }, 'Why is this finding wrong or acceptable? (required)'), textarea, error),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'danger' }, 'Override the blocker'), cancel));
  const close = () => { form.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); };
  cancel.addEventListener('click', close);
  form.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = textarea.value.trim();
    if (!reason) {
      error.textContent = 'Give the reason for the override.';
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
      return;
    }
    try {
      await decide('override', { findingId: f.findingId, comment: reason });
      announce('Override sent. The finding shows as resolved once the workflow has recorded it.');
      form.remove();
      awaitChange();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      textarea.focus();
    }
  });
  item.append(form);
  button.setAttribute('aria-expanded', 'true');
  textarea.focus();
}

/** The decisions this person may take in this state, with whether a reason is required. */
function decisionsAvailable() {
  const s = view.summary.state;
  const out = [];
  if (s === 'editor-review' && me.is('editor')) {
    out.push({ action: 'approve', label: 'Approve for clinical review', reason: false });
    out.push({ action: 'request-redraft', label: 'Request a redraft', reason: true });
    out.push({ action: 'reject', label: 'Reject', reason: true });
  }
  if (s === 'clinical-review' && me.is('clinical-reviewer')) {
    out.push({ action: 'sign-off', label: 'Sign off accuracy', reason: false });
    out.push({ action: 'request-changes', label: 'Request changes (back to the editors)', reason: true });
  }
  if (s === 'clinical-review' && me.is('editor') && !out.some((d) => d.action === 'reject')) {
    out.push({ action: 'reject', label: 'Reject', reason: true });
  }
  return out;
}

function renderDecision() {
  const root = document.getElementById('decision');
  const options = decisionsAvailable();
  if (!options.length) {
    clear(root, el('p', {}, `No decision is yours to take while the summary is in ${words(view.summary.state)}.`));
    return;
  }
  const error = el('p', { class: 'error-text', id: 'decision-error', hidden: true });
  const comment = el('textarea', { id: 'decision-comment', name: 'comment', rows: 3, 'aria-describedby': 'decision-hint decision-error' });
  const hint = el('p', { class: 'hint', id: 'decision-hint' }, 'A reason is required to request changes, request a redraft or reject.');
  const fieldset = el('fieldset', {}, el('legend', {}, `Your decision on revision ${view.summary.revision}`),
    options.map((o, i) => el('div', { class: 'radio' },
      el('input', { type: 'radio', name: 'action', id: `decision-${o.action}`, value: o.action, checked: i === 0 }),
      el('label', { for: `decision-${o.action}` }, o.label, o.reason ? ' (reason required)' : ''))));
  const submit = el('button', { type: 'submit', id: 'decision-submit' }, 'Send decision');
  const form = el('form', { id: 'decision-form', novalidate: true }, fieldset,
    el('div', { class: 'field' }, el('label', { for: 'decision-comment' }, 'Comment or reason'), hint, comment, error), submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const action = new FormData(form).get('action');
    const option = options.find((o) => o.action === action);
    const text = comment.value.trim();
    if (option.reason && !text) {
      error.textContent = `Give a reason to ${option.label.toLowerCase()}.`;
      error.hidden = false;
      comment.setAttribute('aria-invalid', 'true');
      comment.focus();
      return;
    }
    comment.setAttribute('aria-invalid', 'false');
    error.hidden = true;
    submit.disabled = true;
    try {
      await decide(action, { comment: text || null });
      announce(`Decision sent: ${option.label}. Waiting for the workflow to record it.`);
      awaitChange();
    } catch (e) {
      submit.disabled = false;
      error.textContent = e.message;
      error.hidden = false;
      comment.focus();
    }
  });
  clear(root, form);
}

async function decide(action, extra) {
  return api(`${base}/decisions`, { method: 'POST', body: { revision: view.summary.revision, action, ...extra } });
}

/** After a decision: waits for the next event of this summary, then reloads and says what happened. */
async function awaitChange() {
  const before = view.summary.sequence;
  const after = await waitFor(async () => {
    const s = await api(base);
    return s.sequence !== before ? s : null;
  }, { timeoutMs: 60000, intervalMs: 700 });
  if (!after) { announce('The workflow has not answered yet. Reload the page later.'); return; }
  const history = await api(`${base}/history`);
  const last = history[history.length - 1];
  await loadAll().then(listenForClaims);
  if (last && last.type === 'decision-refused') {
    showError(errorBox, `The decision was refused: ${last.reason}`);
  } else {
    announce(`Recorded: ${words(last ? last.type : after.state)}. The summary is now in ${words(after.state)}.`);
  }
}

async function awaitNewRevision() {
  const before = view.summary.revision;
  const after = await waitFor(async () => {
    const s = await api(base);
    return s.revision > before && s.state !== 'drafting' ? s : null;
  }, { timeoutMs: 90000, intervalMs: 1000 });
  if (after) {
    await loadAll().then(listenForClaims);
    announce(`Revision ${after.revision} is ready for review.`);
  }
}

async function renderComments() {
  const root = document.getElementById('comments');
  const revision = view.summary.revision;
  let comments;
  try {
    comments = await optionalApi(`${base}/revisions/${revision}/comments`);
  } catch (e) {
    clear(root, el('p', {}, `Comments could not be loaded: ${e.message}`));
    return;
  }
  if (comments === undefined) {
    clear(root, el('p', { class: 'meta' }, 'Comments are not available on this desk yet.'));
    return;
  }
  const thread = (list) => list.map((c) => el('li', { 'data-comment-id': c.commentId },
    el('p', { class: 'meta' }, `${c.byName || c.by}${c.role ? ` (${words(c.role)})` : ''} · ${when(c.at)}`),
    el('p', {}, c.text),
    replyButton(c),
    c.replies && c.replies.length ? el('ul', { class: 'comments replies', 'aria-label': `Replies to ${c.byName || c.by}` }, thread(c.replies)) : null));
  clear(root,
    comments.length ? el('ul', { class: 'comments' }, thread(comments)) : el('p', {}, 'No comment on this revision yet.'),
    commentForm(null));
}

function replyButton(c) {
  const button = el('button', { type: 'button', class: 'link' }, 'Reply', el('span', { class: 'visually-hidden' }, ` to ${c.byName || c.by}`));
  button.addEventListener('click', () => {
    const form = commentForm(c.commentId, button);
    button.replaceWith(form);
    form.querySelector('textarea').focus();
  });
  return button;
}

function commentForm(parentId, replyButtonToRestore) {
  const fieldId = `comment-${parentId || 'new'}`;
  const textarea = el('textarea', { id: fieldId, rows: 3, 'aria-describedby': `${fieldId}-error` });
  const error = el('p', { class: 'error-text', id: `${fieldId}-error`, hidden: true });
  const actions = el('div', { class: 'form-actions' }, el('button', { type: 'submit' }, parentId ? 'Send reply' : 'Add comment'));
  const form = el('form', { class: 'inline-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: fieldId }, parentId ? 'Your reply' : `Add a comment on revision ${view.summary.revision}`), textarea, error),
    actions);
  if (replyButtonToRestore) {
    const cancel = el('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const close = () => { form.replaceWith(replyButtonToRestore); replyButtonToRestore.focus(); };
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } });
    actions.append(cancel);
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = textarea.value.trim();
    if (!text) {
      error.textContent = 'Write the comment first.';
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.focus();
      return;
    }
    try {
      await api(`${base}/revisions/${view.summary.revision}/comments`, { method: 'POST', body: { text, parentId } });
      await waitFor(async () => {
        const list = await api(`${base}/revisions/${view.summary.revision}/comments`);
        return JSON.stringify(list).includes(JSON.stringify(text));
      }, { timeoutMs: 10000, intervalMs: 300 });
      await renderComments();
      announce('Comment added.');
      document.getElementById('comment-new')?.focus();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
  return form;
}

async function renderFeedback() {
  const section = document.getElementById('feedback-section');
  let feedback;
  try {
    feedback = await optionalApi(`${base}/feedback`);
  } catch (e) {
    feedback = undefined;
  }
  if (!feedback) { section.hidden = true; return; }
  const root = document.getElementById('feedback');
  const comments = feedback.comments || [];
  clear(root,
    el('p', {}, `Readers who found the page helpful: ${feedback.yes ?? 0}; not helpful: ${feedback.no ?? 0}.`),
    comments.length ? el('ul', { class: 'comments' }, comments.map((c) => el('li', {},
      el('p', { class: 'meta' }, `${c.helpful ? 'Found it helpful' : 'Did not find it helpful'} · ${when(c.receivedAt)}`),
      el('p', {}, c.erased ? el('em', {}, 'Erased at the reader’s request.') : (c.text || '')))))
      : el('p', {}, 'No reader comment.'));
  section.hidden = false;
}

/** Whether this person may claim from the queue the summary waits in. */
function mayClaimFrom(queue) {
  if (queue === 'editor') return me.is('editor');
  if (queue === 'clinical') return me.is('clinical-reviewer');
  return false;
}

function holderName(claim) {
  return claim.claimedByName || claim.claimedBy;
}

/** "Claimed by: ..." with Claim, Release or (for an admin) Take over; hidden while the summary is in no queue. */
function renderClaim() {
  const claim = view.claim;
  if (!claim || !claim.queue) { clear(claimBox); claimBox.hidden = true; return; }
  const hadFocus = claimBox.contains(document.activeElement);
  const holder = claim.claimedBy;
  const mine = holder === me.name;
  let button = null;
  if (mayClaimFrom(claim.queue)) {
    if (mine) button = claimButton('release', 'Release', 'Release your claim on this summary');
    else if (!holder) button = claimButton('claim', 'Claim', 'Claim this summary for your review');
    else if (me.roles.has('admin')) button = claimButton('claim', 'Take over the claim', `Take over the claim from ${holderName(claim)}`);
  }
  clear(claimBox,
    el('p', { id: 'claim-status', tabindex: '-1' }, el('strong', {}, 'Claimed by: '),
      el('span', { id: 'claim-holder' }, holder ? `${holderName(claim)}${mine ? ' (you)' : ''}` : 'Nobody'),
      holder && claim.since ? ` since ${when(claim.since)}` : ''),
    button);
  claimBox.hidden = false;
  if (hadFocus) (button || document.getElementById('claim-status')).focus();
}

function claimButton(action, label, description) {
  const button = el('button', { type: 'button', class: 'secondary', id: 'claim-button', 'data-action': action, 'aria-label': description }, label);
  button.addEventListener('click', () => changeClaim(action, button));
  return button;
}

async function changeClaim(action, button) {
  button.disabled = true;
  try {
    view.claim = await api(`${base}/${action}`, { method: 'POST' });
    showError(errorBox, null);
    announce(action === 'claim' ? 'You claimed this summary.' : 'You released this summary.');
  } catch (e) {
    showError(errorBox, `Could not ${action === 'claim' ? 'claim' : 'release'} this summary: ${e.message}`);
    view.claim = await api(`${base}/claim`).catch(() => view.claim);
  }
  renderClaim();
  (document.getElementById('claim-button') || document.getElementById('claim-status'))?.focus();
}

async function loadClaim() {
  try {
    view.claim = await api(`${base}/claim`);
  } catch (e) {
    view.claim = null;
  }
  renderClaim();
}

/** Claims and releases by others arrive on the queue stream; the screen shows them and says so. */
function listenForClaims() {
  if (!('EventSource' in window)) return;
  const stream = new EventSource('/api/queues/stream', { withCredentials: true });
  stream.addEventListener('queue', async (event) => {
    let update;
    try { update = JSON.parse(event.data); } catch (e) { return; }
    if (!update || update.summaryId !== id) return;
    await loadClaim();
    if (update.by === me.name) return; // this person's own claim was announced when they made it
    if (update.kind === 'claimed' && view.claim && view.claim.claimedBy) {
      announce(`${holderName(view.claim)} claimed this summary.`);
    } else if (update.kind === 'released') {
      announce('The claim on this summary was released.');
    }
  });
}

function renderHeader() {
  const s = view.summary;
  document.title = `Review: ${s.title} – Plainpaper desk`;
  document.getElementById('title').textContent = s.title;
  document.getElementById('crumb').textContent = s.title;
  document.getElementById('history-link').href = `/desk/summaries/${encodeURIComponent(id)}/history`;
  const open = (view.draft.findings || []).filter((f) => f.severity === 'blocker' && !f.resolved).length;
  clear(document.getElementById('status-line'),
    el('span', {}, el('strong', {}, 'State: '), words(s.state)),
    el('span', {}, el('strong', {}, 'Revision: '), String(s.revision)),
    el('span', {}, el('strong', {}, 'Open blockers: '), String(open)),
    s.url ? el('span', {}, el('strong', {}, 'Live at: '), el('a', { href: s.url }, s.url)) : null,
    s.reason ? el('p', { class: 'notice', style: null }, el('strong', {}, 'Why it is here: '), s.reason) : null);
}

async function loadAll() {
  try {
    const [summary, draft] = await Promise.all([api(base), api(`${base}/draft`)]);
    view.summary = summary;
    view.draft = draft;
    showError(errorBox, null);
    renderHeader();
    renderDraft();
    renderSource();
    renderFindings();
    renderDecision();
    await Promise.all([renderComments(), renderFeedback(), loadClaim()]);
  } catch (e) {
    showError(errorBox, e instanceof ApiError && e.status === 404 ? 'The desk does not know this summary.' : `The summary could not be loaded: ${e.message}`);
  }
}

loadAll().then(listenForClaims);
