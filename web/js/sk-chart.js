/*
 * One Chart.js line chart of a fit's growth or of a sweep: train and test score against the number of trees, rounds
 * or depth, train and test score against k, inertia against k (the elbow) or against the k-means iteration. Points
 * are added as the step events bring them and drawn at most once per animation frame.
 *
 * createSeriesChart(canvas, {x, y, series: [{key, label, color, dashed}]}) → {addPoint(x, values), setAll(xs,
 * valuesByKey), reset(), chart}; values are {key: number}. canvas.pgChart is the Chart: datasets in series order,
 * so a browser test counts datasets[i].data.length.
 */
import { lineChartBase } from './chart-loader.js';

const COLORS = { train: '37, 99, 235', test: '234, 88, 12', inertia: '22, 163, 74' };

function dataset(s) {
  const color = COLORS[s.key] || COLORS.train;
  return {
    label: s.label, pgKey: s.key, data: [], borderColor: 'rgb(' + color + ')', backgroundColor: 'rgb(' + color + ')',
    borderWidth: 2, borderDash: s.dashed ? [6, 4] : [], pointRadius: 2, pointHoverRadius: 5, tension: 0
  };
}

export function createSeriesChart(canvas, spec) {
  let framePending = false;
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: spec.series.map(dataset) },
    options: Object.assign(lineChartBase(), {
      scales: {
        x: { type: 'linear', title: { display: true, text: spec.x }, ticks: { precision: 0 } },
        y: { type: 'linear', title: { display: true, text: spec.y } }
      },
      /* a line in the legend, dashed like its curve, rather than a box drawn with the dash */
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, pointStyle: 'line', boxWidth: 24 } } }
    })
  });
  canvas.pgChart = chart;

  function render() {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      chart.update('none');
    });
  }

  /** One x with a value per series key; a key it lacks (no test score) leaves that curve as it was. */
  function addPoint(x, values) {
    chart.data.datasets.forEach((d) => {
      const v = values[d.pgKey];
      if (typeof v === 'number' && isFinite(v)) d.data.push({ x, y: v });
    });
    render();
  }

  /** The whole curves at once (the done event's record replaces what the steps drew). */
  function setAll(xs, valuesByKey) {
    chart.data.datasets.forEach((d) => {
      const ys = valuesByKey[d.pgKey] || [];
      d.data = xs.map((x, i) => ({ x, y: ys[i] })).filter((p) => typeof p.y === 'number' && isFinite(p.y));
    });
    render();
  }

  function reset() {
    chart.data.datasets.forEach((d) => { d.data = []; });
    render();
  }

  return { addPoint, setAll, reset, chart };
}
