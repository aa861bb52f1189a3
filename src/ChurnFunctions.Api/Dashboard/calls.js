import { api, page, el, $, base, key, query } from './common.js';
import { post, problem } from './write.js';

// The outcomes POST /api/tasks/{id}/outcome takes. Not reached keeps the task open (another try); the others close it,
// and do not call also closes the customer's other open tasks and keeps every campaign from making another.
const outcomes = [
  ['reached', 'Reached'],
  ['not-reached', 'Not reached'],
  ['won-back', 'Won back'],
  ['do-not-call', 'Do not call'],
];
const outcomeLabel = (name) => outcomes.find(([value]) => value === name)?.[1] ?? name ?? '–';
const filters = [['open', 'Open'], ['closed', 'Closed'], ['all', 'All']];
const status = filters.some(([value]) => value === query('status')) ? query('status') : 'open';
const when = (iso) => (iso ? iso.slice(0, 16).replace('T', ' ') : '–');
const dash = (text) => text || '–';

page(async () => {
  $('#filter').append(...filters.map(([value, label]) => el('a', { href: `${base}calls.html?status=${value}`, 'aria-current': value === status ? 'page' : null }, label)));
  await draw();
});

async function draw() {
  const views = (await api(`tasks?status=${status}`)) ?? [];
  const open = views.filter((v) => v.task.status === 'open').length;
  $('#summary').textContent = views.length === 0 && status === 'open'
    ? 'Nothing to call: a campaign with a createStaffTask step adds tasks here.'
    : `${views.length} ${status === 'all' ? '' : `${status} `}task${views.length === 1 ? '' : 's'}${status === 'all' ? ` (${open} open)` : ''}.`
      + ' Contact details are read from the customer now, so they are current.';
  $('#tasks tbody').replaceChildren(...views.map(row));
}

function row({ task, contact }) {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || task.customerId;
  return el('tr', { 'data-task': task.id, 'data-status': task.status },
    el('td', { 'data-label': 'Whom to call', class: 'stack' },
      el('a', { href: `${base}customer.html?id=${encodeURIComponent(task.customerId)}`, 'data-field': 'customer' }, name),
      el('span', { 'data-field': 'phone' }, contact.phone ? el('a', { href: `tel:${contact.phone}` }, contact.phone) : 'no phone'),
      el('span', { 'data-field': 'email', class: 'muted' }, dash(contact.email))),
    el('td', { 'data-label': 'Call about', class: 'stack' },
      el('span', { 'data-field': 'text' }, task.text),
      el('span', { class: 'muted' }, 'Why: ', el('span', { 'data-field': 'reason' }, dash(task.reason))),
      el('span', { class: 'muted' }, 'Campaign: ', el('span', { 'data-field': 'campaign' }, dash(task.campaignName)))),
    el('td', { 'data-label': 'Created (UTC)', 'data-field': 'created' }, when(task.createdAt)),
    el('td', { 'data-label': 'Outcome', 'data-field': 'outcome' }, task.outcome
      ? `${outcomeLabel(task.outcome)} (${when(task.outcomeAt)}, ${task.attempts} call${task.attempts === 1 ? '' : 's'})${task.note ? `: ${task.note}` : ''}`
      : '–'),
    el('td', { 'data-label': 'Record the call', 'data-field': 'actions' }, task.status === 'open' ? actions(task) : '–'));
}

function actions(task) {
  const note = el('input', { type: 'text', name: 'note', maxlength: '1000', placeholder: 'Note (optional)', 'aria-label': `Note for the call about ${task.customerId}` });
  const buttons = outcomes.map(([value, label]) => {
    const button = el('button', { type: 'button', 'data-outcome': value }, label);
    button.addEventListener('click', () => {
      // Do not call cannot be taken back from here (no campaign will make a task for the customer again): it asks twice.
      if (value === 'do-not-call' && !button.dataset.confirm) {
        button.dataset.confirm = 'true';
        button.textContent = 'Confirm: never call again';
        return;
      }
      record(task, value, note, buttons);
    });
    return button;
  });
  return el('div', { class: 'actions' }, note, el('div', { class: 'buttons' }, ...buttons));
}

async function record(task, outcome, note, buttons) {
  buttons.forEach((b) => { b.disabled = true; });
  // The route takes the read key the list was shown with: staff who phone need no admin key.
  const result = await post(`tasks/${encodeURIComponent(task.id)}/outcome`, key(), { outcome, note: note.value.trim() || null });
  if (result.status !== 200) {
    buttons.forEach((b) => { b.disabled = false; });
    const why = result.status === 401
      ? 'the key you signed in with was refused; sign in again with a read key (Api__ReadKeys)'
      : problem(result);
    say(`Not recorded: ${why}.`, true);
    return;
  }

  const saved = result.body;
  say(saved.status === 'closed'
    ? `Recorded ${outcomeLabel(saved.outcome)}: the task is closed.`
    : `Recorded ${outcomeLabel(saved.outcome)}: the task stays open for another try (${saved.attempts} call${saved.attempts === 1 ? '' : 's'} so far).`);
  await draw().catch((error) => say(`Recorded, but the list could not be read again: ${error.message}`, true));
}

function say(text, isError = false) {
  const message = $('#message');
  message.textContent = text;
  message.className = isError ? 'error' : 'notice';
  message.setAttribute('role', isError ? 'alert' : 'status');
  message.dataset.outcome = isError ? 'error' : 'saved';
  message.hidden = false;
}
