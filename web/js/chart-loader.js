/*
 * Chart.js, which the widget, its weights and the activation explorer draw with. The lesson layout includes its UMD
 * build as a classic script; a page that did not (code-run.js opens a widget on a page without one) imports it
 * here: the UMD build sets globalThis.Chart when it is evaluated as a module too.
 */
const CHART_URL = '/webjars/chart.js/4.4.7/dist/chart.umd.js';

/** Resolves once the global Chart exists. */
export async function loadChart() {
  if (typeof globalThis.Chart === 'undefined') await import(CHART_URL);
  return globalThis.Chart;
}

/** The options every line chart of ours starts from: drawn at once, data as {x, y}, sized by its box. */
export function lineChartBase() {
  return {
    animation: false,
    parsing: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false }
  };
}
