// The sign-in form: a failed sign-in is announced (role=alert) and focused; empty fields are named before sending.
const status = document.getElementById('login-status');
if (status && !status.hidden && status.textContent.trim()) {
  status.focus();
}
const form = document.querySelector('form');
form.addEventListener('submit', (event) => {
  let first = null;
  for (const id of ['username', 'password']) {
    const input = document.getElementById(id);
    const error = document.getElementById(`${id}-error`);
    const missing = !input.value.trim();
    input.setAttribute('aria-invalid', missing ? 'true' : 'false');
    error.textContent = missing ? `Enter your ${id === 'username' ? 'user name' : 'password'}.` : '';
    error.hidden = !missing;
    if (missing && !first) first = input;
  }
  if (first) {
    event.preventDefault();
    first.focus();
  }
});
