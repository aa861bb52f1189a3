import { api, page, chart, el, $, count, money, decimal2, notice, query } from './common.js';

const term = (label, value) => [el('dt', {}, label), el('dd', {}, value ?? '–')];
const day = (instant) => (instant ? instant.slice(0, 10) : null);
const when = (instant) => (instant ? `${instant.slice(0, 10)} ${instant.slice(11, 16)}` : null);

page(async () => {
  const id = query('id');
  if (!id) {
    notice('Open a customer from the at-risk list.');
    return;
  }

  const path = `customers/${encodeURIComponent(id)}`;
  const [customer, score, history, messages, feedback, alerts] = await Promise.all(
    [api(path), api(`${path}/score`), api(`${path}/scores`), api(`${path}/messages`), api(`${path}/feedback`), api(`${path}/alerts`)]);
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

  // Latest statement per channel; a channel with none has no consent.
  const consents = customer.consents ?? [];
  $('#consents tbody').append(...['email', 'sms'].map((channel) => {
    const c = consents.find((k) => k.channel === channel);
    return el('tr', { 'data-channel': channel }, el('td', {}, channel),
      el('td', { 'data-field': 'status' }, c ? (c.granted ? 'granted' : 'refused') : 'no statement (no consent)'),
      el('td', {}, day(c?.at)), el('td', {}, c?.source));
  }));

  const none = (columns, text) => [el('tr', {}, el('td', { colspan: columns, class: 'muted' }, text))];
  $('#messages tbody').append(...((messages ?? []).length
    ? messages.map((m) => el('tr', { 'data-send': m.sendId },
      el('td', { 'data-label': 'When' }, when(m.at)), el('td', { 'data-label': 'Campaign' }, m.campaignName ?? m.campaignId),
      el('td', { 'data-label': 'Step' }, m.stepId), el('td', { 'data-label': 'Channel', 'data-field': 'channel' }, m.channel),
      el('td', { 'data-label': 'Status', 'data-field': 'status' }, m.delivery ? `${m.status}, ${m.delivery}` : m.status),
      el('td', { 'data-label': 'Via', 'data-field': 'via' }, m.via),
      el('td', { 'data-label': 'Message', class: 'wrap' }, m.subject ?? m.body ?? (m.templateId ? `template ${m.templateId}` : m.providerMessageId))))
    : none(7, 'No campaign message sent to this customer.')));

  $('#customer-alerts tbody').append(...((alerts ?? []).length
    ? alerts.map((a) => el('tr', { 'data-condition': a.condition },
      el('td', { 'data-label': 'Day' }, a.date), el('td', { 'data-label': 'Rule' }, a.rule),
      el('td', { 'data-label': 'What', class: 'wrap' }, a.title)))
    : none(3, 'No alert named this customer.')));

  $('#feedback tbody').append(...((feedback ?? []).length
    ? [...feedback].reverse().map((f) => el('tr', { 'data-reason': f.reason },
      el('td', { 'data-label': 'When' }, day(f.at)), el('td', { 'data-label': 'Reason', 'data-field': 'answer' }, f.reason),
      el('td', { 'data-label': 'In their words', class: 'wrap' }, f.text)))
    : none(3, 'No exit-survey answer.')));
});
