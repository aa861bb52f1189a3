import { api, page, chart, el, $, count, money, decimal2, notice, query } from './common.js';

const term = (label, value) => [el('dt', {}, label), el('dd', {}, value ?? '–')];
const day = (instant) => (instant ? instant.slice(0, 10) : null);

page(async () => {
  const id = query('id');
  if (!id) {
    notice('Open a customer from the at-risk list.');
    return;
  }

  const path = `customers/${encodeURIComponent(id)}`;
  const [customer, score, history] = await Promise.all([api(path), api(`${path}/score`), api(`${path}/scores`)]);
  if (!customer) {
    notice(`No customer ${id}.`);
    return;
  }

  const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
  $('#name').textContent = name || customer.id;
  $('#profile').append(
    ...term('Id', customer.id),
    ...term('Email', customer.email),
    ...term('Phone', customer.phone),
    ...term('Orders', count(customer.orderCount)),
    ...term('Refunds', count(customer.refundCount)),
    ...term('Net spend', `${money(customer.netSpend)} ${customer.currency ?? ''}`.trim()),
    ...term('First purchase', day(customer.firstPurchaseAt)),
    ...term('Last purchase', day(customer.lastPurchaseAt)));

  if (score) {
    $('#score').append(
      ...term('Run of', score.asOf),
      ...term('P(alive)', decimal2(score.probabilityAlive)),
      ...term('CLV (12 months)', money(score.clv)),
      ...term('Segment', score.segment),
      ...term('Churn status', score.churnStatus),
      ...term('Expected next purchase', score.expectedNextPurchase),
      ...term('Days since last purchase', score.daysSinceLastPurchase == null ? null : count(score.daysSinceLastPurchase)),
      ...term('Buys every', score.purchaseGapDays == null ? 'bought once' : `~${Math.round(score.purchaseGapDays)} days`));
  } else {
    $('#score').append(...term('Score', 'not scored yet'));
  }

  chart('history', 'line', (history ?? []).map((s) => s.asOf), [
    { label: 'P(alive)', data: (history ?? []).map((s) => s.probabilityAlive), borderColor: '#b42318', backgroundColor: '#b42318', yAxisID: 'alive' },
    { label: 'CLV', data: (history ?? []).map((s) => s.clv), borderColor: '#1f6feb', backgroundColor: '#1f6feb', yAxisID: 'clv' },
  ], { scales: { alive: { position: 'left', min: 0, max: 1 }, clv: { position: 'right', grid: { drawOnChartArea: false } } } });

  const transactions = [...customer.transactions].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  chart('purchases', 'bar', transactions.map((t) => day(t.occurredAt)), [
    { label: 'Total', data: transactions.map((t) => t.total), backgroundColor: transactions.map((t) => (t.kind.toLowerCase() === 'refund' ? '#b42318' : '#1f6feb')) },
  ]);
  $('#transactions tbody').append(...transactions.map((t) => el('tr', {},
    el('td', { 'data-label': 'When' }, day(t.occurredAt)), el('td', { 'data-label': 'Kind' }, t.kind),
    el('td', { class: 'num', 'data-label': 'Total' }, money(t.total)), el('td', { 'data-label': 'Currency' }, t.currency),
    el('td', { 'data-label': 'Source' }, t.source), el('td', { 'data-label': 'Channel' }, t.channel))));

  const consents = customer.consents ?? [];
  $('#consents tbody').append(...(consents.length
    ? consents.map((c) => el('tr', {}, el('td', {}, c.channel), el('td', {}, c.granted ? 'granted' : 'refused'), el('td', {}, day(c.at)), el('td', {}, c.source)))
    : [el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No consent statement recorded.'))]));
});
