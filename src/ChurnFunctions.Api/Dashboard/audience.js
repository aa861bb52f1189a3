import { el, $, base, count } from './common.js';
import { post, problem } from './write.js';

/**
 * The campaigns page's audience preview: an enrollment dry run with the admin key the user types, narrowed to this
 * campaign. The key stays in the form for this page only; it is never stored, since an admin key can erase customers.
 */
export function audiencePreview(campaign) {
  $('#preview').hidden = false;
  const form = $('#preview-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    say('Running the dry run…');
    try {
      const result = await post('campaigns/enroll?dryRun=true', form.elements.adminKey.value.trim());
      if (result.status === 200) {
        draw(campaign, result.body);
        $('#preview-message').hidden = true;
      } else {
        clear();
        say(result.status === 401
          ? 'That key is not an admin key. The dry run needs one of Api__AdminKeys (a read key cannot run it; with none set on the server, no key can).'
          : `The dry run failed: ${problem(result)}.`, true);
      }
    } finally {
      button.disabled = false;
    }
  });
}

function draw(campaign, report) {
  const entries = report.entries.filter((e) => e.campaignId === campaign.id);
  const held = entries.filter((e) => e.holdout).length;
  const counts = $('#preview-counts');
  counts.dataset.day = report.day;
  if (!campaign.enabled) {
    counts.replaceChildren('This campaign is disabled: the enrollment, dry run included, enters no one into it.');
  } else {
    counts.replaceChildren(
      `On ${report.day}, `,
      el('strong', { 'data-field': 'entered' }, count(entries.length)),
      ` of ${count(report.customers)} customers would enter: `,
      el('strong', { 'data-field': 'treatment' }, count(entries.length - held)),
      ' treated and ',
      el('strong', { 'data-field': 'holdout' }, count(held)),
      ` in the holdout (${campaign.holdoutPercent}% of entrants are held out: they get no message and no task, and measure the uplift).`);
  }
  $('#audience tbody').replaceChildren(...entries.map((e) => el('tr', { 'data-customer': e.customerId, 'data-group': e.holdout ? 'holdout' : 'treatment' },
    el('td', { 'data-label': 'Customer' }, el('a', { href: `${base}customer.html?id=${encodeURIComponent(e.customerId)}` }, e.customerId)),
    el('td', { 'data-label': 'Group', 'data-field': 'group' }, e.holdout ? 'Holdout' : 'Treatment', e.runKey ? el('span', { class: 'muted' }, ` (run ${e.runKey})`) : null),
    el('td', { 'data-label': 'Why', 'data-field': 'reason' }, e.reason))));
  $('#audience-wrap').hidden = entries.length === 0;
  $('#preview').dataset.previewed = 'true';
}

function clear() {
  $('#preview-counts').replaceChildren();
  $('#audience tbody').replaceChildren();
  $('#audience-wrap').hidden = true;
}

function say(text, isError = false) {
  const message = $('#preview-message');
  message.textContent = text;
  message.className = isError ? 'error' : 'muted';
  message.setAttribute('role', isError ? 'alert' : 'status');
  message.dataset.outcome = isError ? 'error' : 'busy';
  message.hidden = false;
}
