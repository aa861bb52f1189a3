import { api, page, el, $, count, percent } from './common.js';

// Share still buying, as the cell's colour: white at 0, the accent at the largest share off month 0.
const shade = (share, top) => `rgba(31, 111, 235, ${top > 0 ? Math.min(1, share / top).toFixed(3) : 0})`;

page(async () => {
  const report = await api('cohorts');
  const months = Math.max(0, ...report.cohorts.map((c) => c.share.length));
  $('#summary').textContent = `Month of first purchase × months since, the share of the cohort buying in that month, up to ${report.asOf}.`;
  $('#cohorts thead tr').append(...Array.from({ length: months }, (_, k) => el('th', { class: 'num' }, `+${k}`)));
  // Month 0 is 100% by definition; the scale is set by what follows it.
  const top = Math.max(0, ...report.cohorts.flatMap((c) => c.share.slice(1)));
  $('#cohorts tbody').append(...report.cohorts.map((c) => el('tr', { 'data-cohort': c.month },
    el('th', {}, c.month),
    el('td', { class: 'num' }, count(c.customers)),
    c.share.map((share, k) => {
      const cell = el('td', { class: 'cell', 'data-month': k, title: `${c.buying[k]} of ${c.customers}` }, percent(share));
      cell.style.background = k === 0 ? '#e7eefc' : shade(share, top);
      cell.style.color = k > 0 && top > 0 && share / top > 0.55 ? '#fff' : '';
      return cell;
    }))));
});
