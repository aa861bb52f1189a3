import { api, page, chart, el, $, percent, count, money, percentAxis, notice } from './common.js';

// Every snapshot the store has: the metrics route ends on the latest run when "to" is not given.
const sinceEver = '1970-01-01';

const tiles = [
  ['churnRate', 'Churn rate', percent],
  ['retentionRate', 'Retention', percent],
  ['repeatPurchaseRate', 'Repeat purchase rate', percent],
  ['activeCustomers', 'Active customers', count],
  ['newCustomers', 'New customers', count],
  ['revenue', 'Revenue', money],
  ['revenueFromReturningCustomers', 'Revenue from returning customers', money],
];

page(async () => {
  const [snapshots, alerts] = await Promise.all([api(`metrics?from=${sinceEver}`), api(`alerts?from=${sinceEver}`)]);
  if (!snapshots?.length) {
    notice('No scoring run yet: scoring runs nightly, or now with `churn score`.');
    return;
  }

  const latest = snapshots.at(-1);
  $('#period').textContent = `Run of ${latest.date}: the ${latest.periodStart} to ${latest.periodEnd} period, ${count(latest.customers)} customers scored.`;
  $('#kpis').append(...tiles.map(([name, label, format]) =>
    el('div', { class: 'kpi', 'data-metric': name }, el('span', { class: 'label' }, label), el('span', { class: 'value' }, format(latest[name])))));

  const days = snapshots.map((s) => s.date);
  const series = (name) => snapshots.map((s) => s[name] ?? null);
  const alertDays = new Set(alerts.map((a) => a.date));
  chart('rates', 'line', days, [
    { label: 'Churn rate', data: series('churnRate'), borderColor: '#b42318', backgroundColor: '#b42318' },
    { label: 'Retention', data: series('retentionRate'), borderColor: '#1f6feb', backgroundColor: '#1f6feb' },
    { label: 'Repeat purchase rate', data: series('repeatPurchaseRate'), borderColor: '#2da44e', backgroundColor: '#2da44e' },
    // One marker per day with an alert, on the churn line, so a spike and its alert are seen together.
    {
      label: 'Alerts', data: snapshots.map((s) => (alertDays.has(s.date) ? s.churnRate ?? 0 : null)),
      showLine: false, pointStyle: 'triangle', pointRadius: 8, borderColor: '#9a6700', backgroundColor: '#d4a72c',
    },
  ], { scales: { y: percentAxis } });
  chart('customers', 'line', days, [
    { label: 'Active', data: series('activeCustomers'), borderColor: '#1f6feb', backgroundColor: '#1f6feb' },
    { label: 'New', data: series('newCustomers'), borderColor: '#8250df', backgroundColor: '#8250df' },
  ]);
  chart('revenue', 'line', days, [
    { label: 'Revenue', data: series('revenue'), borderColor: '#1f6feb', backgroundColor: '#1f6feb' },
    { label: 'From returning customers', data: series('revenueFromReturningCustomers'), borderColor: '#2da44e', backgroundColor: '#2da44e' },
  ]);

  const rows = [...alerts].sort((a, b) => b.date.localeCompare(a.date) || a.condition.localeCompare(b.condition));
  $('#alerts tbody').append(...(rows.length
    ? rows.map((a) => el('tr', { 'data-condition': a.condition }, el('td', {}, a.date), el('td', {}, a.rule), el('td', {}, a.title)))
    : [el('tr', {}, el('td', { colspan: 3, class: 'muted' }, 'No alerts.'))]));
});
