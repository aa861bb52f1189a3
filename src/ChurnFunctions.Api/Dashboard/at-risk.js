import { api, page, chart, el, $, base, count, money, decimal2, notice, query } from './common.js';

const limit = 25;

page(async () => {
  const offset = Math.max(0, Number.parseInt(query('offset') ?? '0', 10) || 0);
  const list = await api(`customers/at-risk?offset=${offset}&limit=${limit}`);
  if (!list) {
    notice('No scoring run yet: scoring runs nightly, or now with `churn score`.');
    return;
  }

  const unranked = list.unranked ? `; ${count(list.unranked)} not ranked (no CLV or P(alive) in that run)` : '';
  $('#summary').textContent = `Run of ${list.asOf}: ${count(list.total)} customers ranked by value at stake, CLV × (1 − P(alive))${unranked}.`;
  const last = offset + list.customers.length;
  $('#range').textContent = list.total ? `${offset + 1}–${last} of ${count(list.total)}` : 'Nobody at risk.';
  pager('#previous', offset > 0, Math.max(0, offset - limit));
  pager('#next', last < list.total, last);

  chart('stakes', 'bar', list.customers.map((c) => `#${c.rank}`), [
    { label: 'Value at stake', data: list.customers.map((c) => c.valueAtStake), backgroundColor: '#b42318' },
  ], { indexAxis: 'y' });

  $('#at-risk tbody').append(...list.customers.map((c) => el('tr', { 'data-customer': c.customerId },
    el('td', { class: 'num', 'data-label': '#' }, c.rank),
    el('td', { 'data-label': 'Customer' }, el('a', { href: `${base}customer.html?id=${encodeURIComponent(c.customerId)}` }, c.customerId)),
    el('td', { class: 'num', 'data-field': 'valueAtStake', 'data-label': 'Value at stake' }, money(c.valueAtStake)),
    el('td', { class: 'num', 'data-field': 'clv', 'data-label': 'CLV' }, money(c.clv)),
    el('td', { class: 'num', 'data-field': 'probabilityAlive', 'data-label': 'P(alive)' }, decimal2(c.probabilityAlive)),
    el('td', { 'data-label': 'Segment' }, c.segment),
    el('td', { 'data-field': 'reason', 'data-label': 'Why' }, c.reason))));
});

function pager(selector, shown, offset) {
  const link = $(selector);
  link.hidden = !shown;
  link.href = `${base}at-risk.html?offset=${offset}`;
}
