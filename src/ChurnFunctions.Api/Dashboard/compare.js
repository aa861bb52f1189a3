import { api, page, chart, el, $, base, count, percent, notice, query, percentAxis } from './common.js';

const rates = [['churnRate', 'Churn rate'], ['retentionRate', 'Retention'], ['repeatPurchaseRate', 'Repeat purchase rate']];
const points = (v) => (v == null ? '–' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)} points`);
const interval = (low, high, format) => (low == null || high == null ? '–' : `${format(low)} to ${format(high)}`);
const iso = (date) => date.toISOString().slice(0, 10);
const daysBefore = (day, n) => iso(new Date(Date.parse(`${day}T00:00:00Z`) - n * 86400000));
const period = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

// The periods asked for in the address, else the 30 days ending on the latest run and the 30 before them.
async function periods() {
  const before = period.exec(query('before') ?? '');
  const after = period.exec(query('after') ?? '');
  if (before && after) {
    return { before: [before[1], before[2]], after: [after[1], after[2]] };
  }

  const snapshots = await api('metrics');
  const last = snapshots?.length ? snapshots[snapshots.length - 1].date : iso(new Date());
  return { before: [daysBefore(last, 59), daysBefore(last, 30)], after: [daysBefore(last, 29), last] };
}

function fill(form, chosen) {
  form.elements['before-from'].value = chosen.before[0];
  form.elements['before-to'].value = chosen.before[1];
  form.elements['after-from'].value = chosen.after[0];
  form.elements['after-to'].value = chosen.after[1];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = (name) => form.elements[name].value;
    const search = new URLSearchParams({ before: `${v('before-from')}..${v('before-to')}`, after: `${v('after-from')}..${v('after-to')}` });
    location.href = `${base}compare.html?${search}`;
  });
}

page(async () => {
  const chosen = await periods();
  fill($('#periods'), chosen);
  const comparison = await api(`metrics/compare?before=${chosen.before.join('..')}&after=${chosen.after.join('..')}`);
  if (!comparison) {
    notice('Nothing to compare yet.');
    return;
  }

  const { before, after, difference } = comparison;
  $('#summary').textContent = `Before: ${before.from} to ${before.to}. After: ${after.from} to ${after.to}.`;
  $('#method').textContent = comparison.method;
  const labels = rates.map(([, label]) => label);
  // Each bar is the rate; the thin floating bar beside it spans its interval.
  chart('rates', 'bar', labels, [
    { label: 'Before', data: rates.map(([name]) => before[name].value), backgroundColor: '#afb8c1' },
    { label: 'Before, 95%', data: rates.map(([name]) => [before[name].low, before[name].high]), backgroundColor: 'rgba(175, 184, 193, .45)' },
    { label: 'After', data: rates.map(([name]) => after[name].value), backgroundColor: '#1f6feb' },
    { label: 'After, 95%', data: rates.map(([name]) => [after[name].low, after[name].high]), backgroundColor: 'rgba(31, 111, 235, .35)' },
  ], { scales: { y: { ...percentAxis, max: 1 } } });
  chart('change', 'bar', labels, [
    { label: 'Change', data: rates.map(([name]) => difference[name].value), backgroundColor: '#8250df' },
    { label: '95% interval', data: rates.map(([name]) => [difference[name].low, difference[name].high]), backgroundColor: 'rgba(130, 80, 223, .35)' },
  ], { scales: { y: { ticks: { callback: (v) => `${Math.round(v * 100)}` } } } });

  const cell = (label, field, text, numeric = false) => el('td', { 'data-label': label, 'data-field': field, class: numeric ? 'num' : null }, text);
  $('#comparison tbody').append(...rates.map(([name, label]) => el('tr', { 'data-rate': name },
    el('th', {}, label),
    cell('Before', 'before', percent(before[name].value), true),
    cell('Before, 95%', 'before-interval', `${interval(before[name].low, before[name].high, percent)} (${count(before[name].numerator)} of ${count(before[name].denominator)})`),
    cell('After', 'after', percent(after[name].value), true),
    cell('After, 95%', 'after-interval', `${interval(after[name].low, after[name].high, percent)} (${count(after[name].numerator)} of ${count(after[name].denominator)})`),
    cell('Change', 'change', points(difference[name].value), true),
    cell('Change, 95%', 'change-interval', interval(difference[name].low, difference[name].high, points)))));
});
