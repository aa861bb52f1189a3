import { api, page, chart, el, $, base, count, money, percent, notice, query } from './common.js';
import { audiencePreview } from './audience.js';

const stages = [['entered', 'Entered'], ['sent', 'Sent'], ['clicked', 'Clicked'], ['converted', 'Converted']];
const palette = ['#8250df', '#1f6feb', '#b42318', '#1a7f37', '#bf8700', '#cf222e', '#0969da', '#6e7781', '#953800', '#116329'];
const points = (v) => (v == null ? '–' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} points`);

page(async () => {
  const [campaigns, reasons, byMonth] = await Promise.all([api('campaigns'), api('feedback/summary'), api('feedback/summary?by=month')]);
  monthly(byMonth);
  if (reasons?.reasons?.length) {
    chart('reasons', 'bar', reasons.reasons.map((r) => r.reason), [
      { label: 'Answers', data: reasons.reasons.map((r) => r.count), backgroundColor: '#8250df' },
    ], { indexAxis: 'y' });
  }
  if (!campaigns?.length) {
    notice('No campaign yet: POST /api/campaigns adds one.');
    return;
  }

  const id = query('id') ?? campaigns[0].id;
  $('#campaigns').append(...campaigns.map((c) => el('a', { href: `${base}campaigns.html?id=${encodeURIComponent(c.id)}`, 'aria-current': c.id === id ? 'page' : null }, c.name)));
  const report = await api(`campaigns/${encodeURIComponent(id)}/report`);
  if (!report) {
    notice(`No campaign ${id}.`);
    return;
  }

  $('#campaign-name').textContent = report.name;
  const u = report.uplift;
  $('#uplift').textContent = `Conversion ${percent(u.treatmentRate)} treated vs ${percent(u.holdoutRate)} in the holdout: uplift ${points(u.absoluteUplift)}`
    + ` (95% interval ${points(u.lowerBound)} to ${points(u.upperBound)}); ${count(report.stillRunning)} still running.`;
  chart('funnel', 'bar', stages.map(([, label]) => label), [
    { label: 'Treatment', data: stages.map(([name]) => report.treatment[name]), backgroundColor: '#1f6feb' },
    { label: 'Holdout', data: stages.map(([name]) => report.holdout[name]), backgroundColor: '#afb8c1' },
  ]);
  $('#groups tbody').append(...[['Treatment', report.treatment], ['Holdout', report.holdout]].map(([label, g]) => el('tr', { 'data-group': label.toLowerCase() },
    el('th', {}, label),
    ...stages.map(([name, title]) => el('td', { class: 'num', 'data-label': title, 'data-field': name }, count(g[name]))),
    el('td', { class: 'num', 'data-label': 'Revenue', 'data-field': 'revenue' }, money(g.revenue)))));
  const definition = campaigns.find((c) => c.id === id);
  if (definition) {
    audiencePreview(definition);
  }
});

// Exit-survey reasons per month of the last 12, stacked: one dataset per reason that was ever given in the range.
function monthly(summary) {
  const range = $('#reasons-range');
  range.dataset.from = summary.from;
  range.dataset.to = summary.to;
  range.textContent = `${summary.from} to ${summary.to}: ${count(summary.total)} answers.`;
  const given = summary.reasons.filter((r) => r.count > 0).map((r) => r.reason);
  chart('reasons-by-month', 'bar', summary.periods.map((p) => p.period), given.map((reason, i) => ({
    label: reason,
    data: summary.periods.map((p) => p.reasons.find((r) => r.reason === reason).count),
    backgroundColor: palette[i % palette.length],
  })), { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } });
}
