import { api, page, chart, $, count, notice } from './common.js';

page(async () => {
  const report = await api('model/health');
  if (!report) {
    notice('No scoring run yet: scoring runs nightly, or now with `churn score`.');
    return;
  }

  const model = report.model ?? `no model (${report.modelUnavailableReason})`;
  $('#summary').textContent = `${model}, fitted on purchases up to ${report.calibrationEnd} and checked on the ${report.tracking.length} weeks`
    + ` to ${report.observationEnd}: ${count(report.customers)} customers.`;
  chart('tracking', 'line', report.tracking.map((w) => w.end), [
    { label: 'Expected', data: report.tracking.map((w) => w.expected), borderColor: '#8250df', backgroundColor: '#8250df', borderDash: [6, 4] },
    { label: 'Actual', data: report.tracking.map((w) => w.actual), borderColor: '#1f6feb', backgroundColor: '#1f6feb' },
  ]);
  chart('calibration', 'bar', report.calibration.map((c) => c.frequency), [
    { label: 'Expected per customer', data: report.calibration.map((c) => c.expectedMean), backgroundColor: '#8250df' },
    { label: 'Actual per customer', data: report.calibration.map((c) => c.actualMean), backgroundColor: '#1f6feb' },
  ], { scales: { x: { title: { display: true, text: 'Repeat purchase days in calibration' } } } });
});
