/* Progressive enhancement for the feedback and subscribe forms: post in the background and show the answer
   in the form's status line. Without this script the forms post normally. Only textContent is set, never markup. */
(function () {
  'use strict';
  if (!window.fetch || !window.FormData || !window.URLSearchParams) {
    return;
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
        status.textContent = form.getAttribute('data-success');
        Array.prototype.forEach.call(form.querySelectorAll('input, textarea, button'), function (field) {
          field.disabled = true;
        });
      }).catch(function () {
        status.textContent = form.getAttribute('data-failure');
        button.disabled = false;
      });
    });
  });
})();
