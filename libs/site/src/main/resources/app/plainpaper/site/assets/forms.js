/* Progressive enhancement for the feedback and subscribe forms: post in the background and show the answer
   in the form's status line. Without this script the forms post normally. Only textContent is set, never markup. */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData || !window.URLSearchParams) {
    return;
  }
  /* A comment comes with a link that erases it; it is shown once, so show it. Web links only (never javascript:). */
  function showErasureLink(status, url) {
    if (typeof url !== 'string') {
      return;
    }
    var target;
    try {
      target = new URL(url, window.location.href);
    } catch (e) {
      return;
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      return;
    }
    var note = document.createElement('p');
    note.className = 'form-erase';
    var link = document.createElement('a');
    link.href = target.href;
    link.textContent = 'Erase my comment';
    note.appendChild(link);
    note.appendChild(document.createTextNode(' (keep this link: it is shown only once)'));
    status.parentNode.insertBefore(note, status.nextSibling);
  }

  var forms = document.querySelectorAll('form[data-enhance]');
  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector('.form-status');
    var button = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      button.disabled = true;
      status.textContent = form.getAttribute('data-sending') || 'Sending\u2026';
      fetch(form.action, {
        method: 'POST',
        headers: { 'Accept': 'application/json' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin'
      }).then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json().catch(function () { return {}; });
      }).then(function (answer) {
        status.textContent = form.getAttribute('data-success');
        Array.prototype.forEach.call(form.querySelectorAll('input, textarea, button'), function (field) {
          field.disabled = true;
        });
        showErasureLink(status, answer && answer.eraseUrl);
      }).catch(function () {
        status.textContent = form.getAttribute('data-failure');
        button.disabled = false;
      });
    });
  });
})();
