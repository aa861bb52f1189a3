import { base, signIn, query } from './common.js';

// Only back into the dashboard: a crafted ?next= must not send a signed-in user elsewhere.
const next = query('next')?.startsWith(base) ? query('next') : `${base}index.html`;
const form = document.getElementById('sign-in');
const message = document.getElementById('message');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = form.elements.key.value.trim();
  // The segments route is read-scoped and small: 401 means not a read key; 404 only that no run exists yet.
  const response = await fetch('/api/segments', { headers: { 'x-api-key': key, accept: 'application/json' } });
  if (response.status === 401) {
    message.textContent = 'That key is not a read key (Api__ReadKeys).';
    message.hidden = false;
    return;
  }
  signIn(key);
  location.href = next;
});
document.body.dataset.ready = 'true';
