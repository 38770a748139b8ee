/* In-browser search over /search-index.json. Results are built with textContent only, so index data stays inert. */
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list || !window.fetch) {
    return;
  }
  var entries = null;
  var MAX_RESULTS = 50;

  function fold(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function terms(query) {
    return fold(query).split(/[^a-z0-9\u00c0-\uffff]+/).filter(function (t) { return t.length > 0; });
  }

  function prepare(summary) {
    return {
      summary: summary,
      title: fold(summary.title),
      rest: fold([summary.excerpt, summary.journal, (summary.categories || []).join(' ')].join(' '))
    };
  }

  function score(entry, wanted) {
    var total = 0;
    for (var i = 0; i < wanted.length; i++) {
      var inTitle = entry.title.indexOf(wanted[i]) !== -1;
      var inRest = entry.rest.indexOf(wanted[i]) !== -1;
      if (!inTitle && !inRest) {
        return 0;
      }
      total += inTitle ? 3 : 1;
    }
    return total;
  }

  function show(query) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var wanted = terms(query);
    if (wanted.length === 0) {
      status.textContent = 'Type a word to search ' + entries.length + ' summaries.';
      return;
    }
    var hits = [];
    entries.forEach(function (entry, position) {
      var s = score(entry, wanted);
      if (s > 0) {
        hits.push({ entry: entry, score: s, position: position });
      }
    });
    hits.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    status.textContent = hits.length === 1 ? '1 summary found.' : hits.length + ' summaries found.';
    hits.slice(0, MAX_RESULTS).forEach(function (hit) {
      var s = hit.entry.summary;
      var item = document.createElement('li');
      item.className = 'card';
      var heading = document.createElement('h2');
      var link = document.createElement('a');
      link.href = s.url;
      link.textContent = s.title;
      heading.appendChild(link);
      item.appendChild(heading);
      var meta = document.createElement('p');
      meta.className = 'card-meta';
      meta.textContent = [s.journal, s.year].filter(Boolean).join(', ') + (s.preprint ? ' \u00b7 Preprint' : '');
      item.appendChild(meta);
      var excerpt = document.createElement('p');
      excerpt.textContent = s.excerpt;
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  var timer = null;
  input.addEventListener('input', function () {
    if (entries === null) {
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 200);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (entries !== null) {
      show(input.value);
      history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    }
  });

  var initial = new URLSearchParams(window.location.search).get('q') || '';
  input.value = initial;
  status.textContent = 'Loading the search index\u2026';
  fetch(form.getAttribute('data-index'), { headers: { 'Accept': 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (data) {
      entries = (data.summaries || []).map(prepare);
      show(input.value);
    })
    .catch(function () {
      status.textContent = 'Search is not available right now. Please browse the categories instead.';
    });
})();
