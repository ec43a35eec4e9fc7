/*
 * "학습된 가중치": after a run of a one-layer model (linear or logistic regression), the weight of every input
 * feature and the bias, from the done event's weights ({features, kernel[feature][unit], bias[unit],
 * normalized}). One output unit: a horizontal bar chart of the weights (what a table cannot show at a glance:
 * sign and size), with the numbers in a table below it. More units (softmax over classes): the table only, one
 * column per unit. Several runs (compare mode): one bar colour / one column per run.
 *
 * Needs Chart.js's global Chart (chart-loader.js). create(idPrefix) → {element, show(entries, info), clear()}
 * where entries are [{label, weights}] (label null for a single run) and info is the data set's
 * GET /api/datasets entry (task, classes) or undefined.
 * Test hooks: section.pg-weights, table.pg-weights-table (tbody tr: one per feature, then tr.pg-bias),
 * .pg-weights-chart canvas (canvas.pgChart).
 */
import { el, formatNumber } from './widget-dom.js';
var COLORS = ['37, 99, 235', '234, 88, 12', '22, 163, 74', '147, 51, 234'];
var NEGATIVE = '234, 88, 12';

export function create(idPrefix) {
  var chart = null;
  var heading = el('h4', { text: '학습된 가중치' });
  var explain = el('p', { className: 'pg-weights-note' });
  var scaleNote = el('p', { className: 'pg-weights-note' });
  var canvas = el('canvas', { role: 'img', 'aria-label': '특성마다 학습된 가중치 막대그래프' });
  var chartBox = el('div', { className: 'pg-weights-chart' }, [canvas]);
  var table = el('table', { className: 'pg-weights-table pg-data-table' });
  var tableBox = el('div', { className: 'pg-table-scroll' }, [table]);
  var biasLine = el('p', { className: 'pg-weights-note pg-bias-line' });
  var details = el('details', { className: 'pg-weights-numbers' }, [el('summary', { text: '숫자로 보기' }), tableBox]);
  var section = el('section', { className: 'pg-weights', 'data-testid': 'pg-weights', 'aria-label': '학습된 가중치' },
    [heading, explain, scaleNote, chartBox, biasLine, details]);
  section.hidden = true;

  function clear() {
    section.hidden = true;
    if (chart) { chart.destroy(); chart = null; canvas.pgChart = undefined; }
  }

  /** One sentence on what the sign of a weight means for this task. */
  function signSentence(info, units) {
    var task = info && info.task;
    if (task === 'binary') return '양수면 그 특성이 클수록 클래스 1일 확률이 커지고, 음수면 작아집니다.';
    if (units > 1) return '열마다 한 클래스의 점수입니다. 양수면 그 특성이 클수록 그 클래스의 점수가 커집니다.';
    return '양수면 그 특성이 클수록 예측값이 커지고, 음수면 작아집니다. 편향(bias)은 모든 입력이 0일 때의 예측값입니다.';
  }

  function scaleSentence(normalized) {
    return normalized
      ? '정규화를 켰으므로 가중치는 원래 값이 아니라 표준화한 입력 (x − 평균) / √분산 에 곱해집니다. 그래서 특성끼리 가중치의 크기를 견줄 수 있습니다.'
      : '정규화를 껐으므로 가중치는 원래 단위의 입력에 곱해집니다. 단위가 다른 특성끼리 가중치의 크기를 바로 견주면 안 됩니다.';
  }

  function unitName(info, unit, units) {
    if (units === 1) return '가중치';
    var classes = info && info.classes;
    return classes && classes[unit] !== undefined ? String(classes[unit]) : '유닛 ' + (unit + 1);
  }

  function renderTable(entries, info) {
    table.textContent = '';
    var first = entries[0].weights;
    var units = first.bias.length;
    var headRow = el('tr', {}, [el('th', { scope: 'col', text: '특성' })]);
    entries.forEach(function (entry) {
      for (var u = 0; u < units; u++) {
        var name = unitName(info, u, units);
        headRow.appendChild(el('th', { scope: 'col', className: 'pg-num', text: entry.label ? entry.label + (units > 1 ? ' · ' + name : '') : name }));
      }
    });
    table.appendChild(el('caption', { text: '학습된 가중치' + (units > 1 ? ' (열: 출력 유닛)' : '') }));
    table.appendChild(el('thead', {}, [headRow]));
    var body = el('tbody');
    first.features.forEach(function (feature, f) {
      var row = el('tr', {}, [el('th', { scope: 'row', text: feature })]);
      entries.forEach(function (entry) {
        (entry.weights.kernel[f] || []).forEach(function (w) { row.appendChild(el('td', { className: 'pg-num', text: formatNumber(w) })); });
      });
      body.appendChild(row);
    });
    var biasRow = el('tr', { className: 'pg-bias' }, [el('th', { scope: 'row', text: '편향 (bias)' })]);
    entries.forEach(function (entry) {
      entry.weights.bias.forEach(function (b) { biasRow.appendChild(el('td', { className: 'pg-num', text: formatNumber(b) })); });
    });
    body.appendChild(biasRow);
    table.appendChild(body);
  }

  function renderChart(entries) {
    var features = entries[0].weights.features;
    var single = entries.length === 1;
    var datasets = entries.map(function (entry, i) {
      var data = entry.weights.kernel.map(function (row) { return row[0]; });
      var colors = data.map(function (w) {
        return 'rgba(' + (single ? (w < 0 ? NEGATIVE : COLORS[0]) : COLORS[i % COLORS.length]) + ', 0.85)';
      });
      return { label: entry.label || '가중치', data: data, backgroundColor: colors, borderWidth: 0, barPercentage: 0.9, categoryPercentage: single ? 0.8 : 0.9 };
    });
    chartBox.style.height = Math.max(160, features.length * (single ? 22 : 10 + 12 * entries.length) + 70) + 'px';
    if (chart) chart.destroy();
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: features, datasets: datasets },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { grace: '5%', title: { display: true, text: '가중치 (양수 → 예측값 증가)' }, grid: { color: function (c) { return c.tick && c.tick.value === 0 ? '#57606a' : 'rgba(0,0,0,0.08)'; } } },
          y: { ticks: { autoSkip: false } }
        },
        plugins: {
          legend: { display: !single, position: 'bottom' },
          tooltip: { callbacks: { label: function (item) { return (single ? '' : item.dataset.label + ': ') + formatNumber(item.parsed.x); } } }
        }
      }
    });
    canvas.pgChart = chart;
  }

  /** Shows the weights of one run or of several compared runs (same model shape). */
  function show(entries, info) {
    entries = (entries || []).filter(function (entry) { return entry && entry.weights && entry.weights.kernel; });
    if (!entries.length) { clear(); return; }
    var units = entries[0].weights.bias.length;
    var normalized = entries.map(function (entry) { return !!entry.weights.normalized; });
    explain.textContent = signSentence(info, units);
    if (normalized.every(Boolean)) {
      scaleNote.textContent = scaleSentence(true) + (units === 1 && !(info && info.task === 'binary')
        ? ' 입력이 0이라는 것은 특성이 평균값이라는 뜻이므로, 편향은 모든 특성이 평균일 때의 예측값입니다.' : '');
    } else if (!normalized.some(Boolean)) {
      scaleNote.textContent = scaleSentence(false);
    } else {
      scaleNote.textContent = '정규화한 실행의 가중치는 표준화한 입력에, 정규화하지 않은 실행의 가중치는 원래 단위의 입력에 곱해집니다. 그래서 크기가 크게 다릅니다.';
    }
    renderTable(entries, info);
    section.hidden = false;
    biasLine.hidden = units !== 1;
    biasLine.textContent = '편향(bias): ' + entries.map(function (entry) {
      return (entry.label ? entry.label + ' ' : '') + formatNumber(entry.weights.bias[0]);
    }).join(' · ');
    if (units === 1) {
      chartBox.hidden = false;
      details.open = false;
      renderChart(entries);
    } else {
      if (chart) { chart.destroy(); chart = null; }
      chartBox.hidden = true;
      details.open = true;
    }
  }

  return { element: section, show: show, clear: clear };
}
