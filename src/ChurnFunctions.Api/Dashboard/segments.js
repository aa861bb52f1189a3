import { api, page, chart, el, $, count, notice } from './common.js';

const palette = ['#1f6feb', '#2da44e', '#8250df', '#bf8700', '#d4a72c', '#e16f24', '#b42318', '#57606a'];

page(async () => {
  const [snapshots, flows] = await Promise.all([api('metrics?from=1970-01-01'), api('segments/flows')]);
  if (!snapshots?.length) {
    notice('No scoring run yet: scoring runs nightly, or now with `churn score`.');
    return;
  }

  const names = [...new Set(snapshots.flatMap((s) => Object.keys(s.segments)))].sort();
  chart('sizes', 'bar', snapshots.map((s) => s.date), names.map((name, i) => ({
    label: name, data: snapshots.map((s) => s.segments[name] ?? 0), backgroundColor: palette[i % palette.length],
  })), { scales: { x: { stacked: true }, y: { stacked: true } } });

  if (!flows) {
    $('#flows-summary').textContent = 'Flows need two scoring runs.';
    return;
  }

  $('#flows-summary').textContent = `From the run of ${flows.from} (rows) to the run of ${flows.to} (columns), customers.`;
  const from = [...new Set(flows.flows.map((f) => f.from))].sort();
  const to = [...new Set(flows.flows.map((f) => f.to))].sort();
  const size = (a, b) => flows.flows.find((f) => f.from === a && f.to === b)?.customers ?? 0;
  const top = Math.max(...flows.flows.map((f) => f.customers));
  $('#flows thead tr').append(...to.map((name) => el('th', { class: 'num' }, name)));
  $('#flows tbody').append(...from.map((a) => el('tr', { 'data-from': a }, el('th', {}, a), to.map((b) => {
    const n = size(a, b);
    const cell = el('td', { class: 'cell', 'data-to': b }, n ? count(n) : '');
    cell.style.background = n ? `rgba(31, 111, 235, ${(0.15 + (0.85 * n) / top).toFixed(3)})` : '';
    cell.style.color = n / top > 0.55 ? '#fff' : '';
    return cell;
  }))));
});
