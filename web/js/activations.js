/*
 * The activation-function explorer. Mounts on every <div class="pg-activations" data-functions="sigmoid,tanh,...">
 * (rendered from a ```activations block): one Chart.js line chart of each chosen function f(x) (solid) and its
 * derivative f'(x) (dashed, same colour) over x in [-5, 5], a checkbox per function, a "도함수 보기" toggle,
 * sliders for Leaky ReLU's ε and ELU's α, and, for softmax, three editable scores with their probabilities
 * as a bar chart. Runs entirely in the browser; the formulas are Keras's.
 *
 * The entry module of a page with an explorer; draws with Chart.js's global Chart (chart-loader.js). Hooks for
 * browser tests (stable): on the .pg-activations root data-state = ready; .pg-act-curves canvas.pgChart is the line chart, each dataset with
 * pgFunction (sigmoid | tanh | relu | leaky_relu | elu) and pgRole (f | derivative), data as {x, y};
 * inputs .pg-act-toggle[data-function], .pg-act-derivatives, .pg-act-leaky-alpha, .pg-act-elu-alpha,
 * .pg-act-logit (three); .pg-act-softmax canvas.pgChart is the bar chart; .pg-act-probs lists the
 * probabilities and their sum.
 */
import { lineChartBase, loadChart } from './chart-loader.js';

var X_MIN = -5;
var X_MAX = 5;
var STEPS = 200; // x every 0.05, so x = -2 is a sample point
var DEFAULT_LOGITS = [2.0, 1.0, 0.1];

/* Each function beside its derivative. `p` holds the parameters (leaky_relu's ε, elu's α). */
var CURVES = {
  sigmoid: {
    label: '시그모이드 (sigmoid)',
    color: '37, 99, 235',
    f: function (x) { return 1 / (1 + Math.exp(-x)); },
    d: function (x) { var s = 1 / (1 + Math.exp(-x)); return s * (1 - s); }
  },
  tanh: {
    label: '하이퍼볼릭 탄젠트 (tanh)',
    color: '234, 88, 12',
    f: function (x) { return Math.tanh(x); },
    d: function (x) { var t = Math.tanh(x); return 1 - t * t; }
  },
  relu: {
    jumpAtZero: true,
    label: '렐루 (relu)',
    color: '22, 163, 74',
    f: function (x) { return Math.max(0, x); },
    d: function (x) { return x > 0 ? 1 : 0; }
  },
  leaky_relu: {
    jumpAtZero: true,
    label: '리키 렐루 (leaky_relu)',
    color: '147, 51, 234',
    f: function (x, p) { return x > 0 ? x : p.leakyAlpha * x; },
    d: function (x, p) { return x > 0 ? 1 : p.leakyAlpha; }
  },
  elu: {
    jumpAtZero: true,
    label: '엘루 (elu)',
    color: '219, 39, 119',
    f: function (x, p) { return x > 0 ? x : p.eluAlpha * (Math.exp(x) - 1); },
    d: function (x, p) { return x > 0 ? 1 : p.eluAlpha * Math.exp(x); }
  }
};

var CAPTIONS = [
  {
    when: ['sigmoid', 'tanh'],
    text: '시그모이드와 tanh는 |x|가 커지면 그래프가 평평해지고(포화) 도함수가 0에 가까워집니다. ' +
      '역전파에서는 층마다 이 도함수가 곱해지므로, 기울기가 앞쪽 층으로 갈수록 사라집니다(기울기 소실). ' +
      '시그모이드의 도함수는 가장 큰 곳(x = 0)에서도 0.25뿐입니다.'
  },
  {
    when: ['relu'],
    text: 'ReLU는 x > 0이면 x를 그대로, 아니면 0을 내보내므로 도함수는 1 아니면 0입니다. ' +
      '양수 쪽에서는 기울기가 줄지 않지만, 입력이 늘 음수인 뉴런은 기울기가 0이라 더 배우지 못합니다.'
  },
  {
    when: ['leaky_relu', 'elu'],
    text: 'Leaky ReLU(ε)와 ELU(α)는 음수 쪽에도 작은 기울기를 남겨 뉴런이 멈추지 않게 합니다. ' +
      'x > 0에서는 ReLU 계열이 모두 y = x라서 선이 겹칩니다. 슬라이더를 움직여 음수 쪽이 어떻게 바뀌는지 보세요.'
  }
];

/* ---------- small DOM helpers ---------- */

function element(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A chart's box (.pg-act-chart plus className) holding a canvas that screen readers read as label. */
function chartBox(className, label) {
  var box = element('div', 'pg-act-chart ' + className);
  var canvas = element('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  box.appendChild(canvas);
  return { box: box, canvas: canvas };
}

function rgba(color, alpha) {
  return 'rgba(' + color + ', ' + alpha + ')';
}

function format(value) {
  return (Math.round(value * 1000) / 1000).toFixed(3);
}

/* ---------- the line chart ---------- */

/**
 * {x, y} every 0.05. With `gapAtZero`, a null point just after x = 0 breaks the line there, so a derivative
 * that jumps at 0 (relu's from 0 to 1) is not drawn as a steep segment it does not have.
 */
function samples(fn, params, gapAtZero) {
  var points = [];
  for (var i = 0; i <= STEPS; i++) {
    var x = Math.round((X_MIN + (X_MAX - X_MIN) * i / STEPS) * 100) / 100;
    points.push({ x: x, y: fn(x, params) });
    if (gapAtZero && x === 0) points.push({ x: 0.025, y: null });
  }
  return points;
}

function curveDatasets(state) {
  var datasets = [];
  state.functions.forEach(function (name) {
    var curve = CURVES[name];
    if (!curve || !state.visible[name]) return;
    datasets.push({
      label: curve.label, pgFunction: name, pgRole: 'f', data: samples(curve.f, state.params),
      borderColor: rgba(curve.color, 1), backgroundColor: rgba(curve.color, 1),
      borderWidth: 2.5, borderDash: [], pointRadius: 0, pointHoverRadius: 3, tension: 0
    });
    if (state.derivatives) {
      datasets.push({
        label: curve.label + '의 도함수', pgFunction: name, pgRole: 'derivative', data: samples(curve.d, state.params, curve.jumpAtZero),
        borderColor: rgba(curve.color, 0.85), backgroundColor: rgba(curve.color, 0.85),
        borderWidth: 2, borderDash: [6, 4], pointRadius: 0, pointHoverRadius: 3, tension: 0
      });
    }
  });
  return datasets;
}

function createCurveChart(canvas) {
  var fontFamily = getComputedStyle(canvas).fontFamily;
  if (fontFamily) Chart.defaults.font.family = fontFamily;
  var chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: Object.assign(lineChartBase(), {
      scales: {
        x: { type: 'linear', min: X_MIN, max: X_MAX, title: { display: true, text: 'x' }, ticks: { stepSize: 1 } },
        y: { type: 'linear', min: -2, max: 3, title: { display: true, text: 'f(x), f′(x)' }, ticks: { stepSize: 0.5 } }
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: function (items) { return items.length ? 'x = ' + items[0].parsed.x.toFixed(2) : ''; },
            label: function (item) { return item.dataset.label + ': ' + format(item.parsed.y); }
          }
        }
      }
    })
  });
  canvas.pgChart = chart;
  return chart;
}

function redrawCurves(state) {
  state.curveChart.data.datasets = curveDatasets(state);
  state.curveChart.update('none');
}

/* ---------- controls ---------- */

function functionToggle(state, name) {
  var curve = CURVES[name];
  var label = element('label', 'pg-act-choice');
  var box = element('input', 'pg-act-toggle');
  box.type = 'checkbox';
  box.checked = true;
  box.dataset.function = name;
  var swatch = element('span', 'pg-act-swatch');
  swatch.setAttribute('aria-hidden', 'true');
  swatch.style.backgroundColor = rgba(curve.color, 1);
  label.appendChild(box);
  label.appendChild(swatch);
  label.appendChild(document.createTextNode(curve.label));
  box.addEventListener('change', function () {
    state.visible[name] = box.checked;
    redrawCurves(state);
  });
  return label;
}

function derivativeToggle(state) {
  var label = element('label', 'pg-act-choice pg-act-choice-derivative');
  var box = element('input', 'pg-act-derivatives');
  box.type = 'checkbox';
  box.checked = state.derivatives;
  label.appendChild(box);
  label.appendChild(document.createTextNode('도함수 보기 (점선)'));
  box.addEventListener('change', function () {
    state.derivatives = box.checked;
    redrawCurves(state);
  });
  return label;
}

/** A labelled range input for one parameter; `key` is the field of state.params it sets. */
function parameterSlider(state, options) {
  var row = element('div', 'pg-act-slider');
  var label = element('label');
  var name = element('span', 'pg-act-slider-name', options.label);
  var input = element('input', options.className);
  input.type = 'range';
  input.min = String(options.min);
  input.max = String(options.max);
  input.step = String(options.step);
  input.value = String(state.params[options.key]);
  var output = element('output', 'pg-act-slider-value', options.symbol + ' = ' + state.params[options.key].toFixed(2));
  output.setAttribute('aria-live', 'polite');
  label.appendChild(name);
  label.appendChild(input);
  row.appendChild(label);
  row.appendChild(output);
  if (options.hint) row.appendChild(element('p', 'pg-act-hint', options.hint));
  input.addEventListener('input', function () {
    var value = parseFloat(input.value);
    if (!isFinite(value)) return;
    state.params[options.key] = value;
    output.textContent = options.symbol + ' = ' + value.toFixed(2);
    redrawCurves(state);
  });
  return row;
}

/* ---------- softmax ---------- */

/** Keras's softmax, shifted by the largest score so e^z cannot overflow. */
function softmax(logits) {
  var max = Math.max.apply(null, logits);
  var exps = logits.map(function (z) { return Math.exp(z - max); });
  var sum = exps.reduce(function (a, b) { return a + b; }, 0);
  return exps.map(function (e) { return e / sum; });
}

function createSoftmaxChart(canvas) {
  var chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: ['클래스 1 (z1)', '클래스 2 (z2)', '클래스 3 (z3)'],
      datasets: [{
        label: '확률', data: [0, 0, 0], pgFunction: 'softmax',
        backgroundColor: ['rgba(37, 99, 235, 0.8)', 'rgba(234, 88, 12, 0.8)', 'rgba(22, 163, 74, 0.8)']
      }]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { min: 0, max: 1, ticks: { stepSize: 0.2 } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (item) { return '확률: ' + format(item.parsed.y); } } }
      }
    }
  });
  canvas.pgChart = chart;
  return chart;
}

function updateSoftmax(panel) {
  var inputs = panel.querySelectorAll('.pg-act-logit');
  var logits = [];
  var valid = true;
  inputs.forEach(function (input) {
    var value = parseFloat(input.value);
    var ok = input.value.trim() !== '' && isFinite(value);
    input.setAttribute('aria-invalid', ok ? 'false' : 'true');
    if (!ok) valid = false;
    logits.push(value);
  });
  var status = panel.querySelector('.pg-act-probs');
  if (!valid) {
    status.textContent = '점수는 숫자로 입력하세요.';
    return;
  }
  var probs = softmax(logits);
  var chart = panel.querySelector('canvas').pgChart;
  chart.data.datasets[0].data = probs;
  chart.update('none');
  var sum = probs.reduce(function (a, b) { return a + b; }, 0);
  status.textContent = '확률: ' + probs.map(format).join(', ') + ' (합 = ' + format(sum) + ')';
  status.dataset.sum = String(sum);
}

function softmaxPanel() {
  var panel = element('section', 'pg-act-softmax');
  panel.appendChild(element('h4', 'pg-act-softmax-title', '소프트맥스 (softmax)'));
  panel.appendChild(element('p', 'pg-act-hint',
    '소프트맥스는 여러 점수를 받아, 모두 0과 1 사이이고 합이 1인 확률로 바꿉니다. ' +
    '점수 하나만 보는 함수가 아니라서 곡선 대신 막대로 보여 줍니다. 점수를 바꿔 보세요.'));
  var logits = element('div', 'pg-act-logits');
  DEFAULT_LOGITS.forEach(function (value, i) {
    var label = element('label', 'pg-act-logit-label');
    label.appendChild(element('span', null, '점수 z' + (i + 1)));
    var input = element('input', 'pg-act-logit');
    input.type = 'number';
    input.step = '0.1';
    input.min = '-20';
    input.max = '20';
    input.value = value.toFixed(1);
    input.setAttribute('inputmode', 'decimal');
    label.appendChild(input);
    logits.appendChild(label);
    input.addEventListener('input', function () { updateSoftmax(panel); });
  });
  panel.appendChild(logits);
  var chart = chartBox('pg-act-chart-bars', '소프트맥스 확률 막대 그래프');
  var canvas = chart.canvas;
  panel.appendChild(chart.box);
  var status = element('p', 'pg-act-probs');
  status.setAttribute('aria-live', 'polite');
  panel.appendChild(status);
  return panel;
}

/* ---------- mounting ---------- */

function captionFor(functions) {
  var caption = element('div', 'pg-act-caption');
  CAPTIONS.forEach(function (entry) {
    var shown = entry.when.some(function (name) { return functions.indexOf(name) >= 0; });
    if (shown) caption.appendChild(element('p', null, entry.text));
  });
  return caption;
}

/** Moves the server's formula list into a "수식 보기" disclosure under the explorer. */
function formulaDetails(root) {
  var fallback = root.querySelector('.pg-activations-fallback');
  if (!fallback) return null;
  var details = element('details', 'pg-act-formulas');
  details.appendChild(element('summary', null, '수식 보기 (Keras와 같은 정의)'));
  details.appendChild(fallback);
  return details;
}

function mount(root) {
  var functions = (root.dataset.functions || '').split(',').filter(function (name) {
    return name === 'softmax' || CURVES.hasOwnProperty(name);
  });
  var curves = functions.filter(function (name) { return CURVES.hasOwnProperty(name); });
  var state = {
    functions: curves,
    visible: {},
    derivatives: true,
    params: { leakyAlpha: 0.01, eluAlpha: 1.0 },
    curveChart: null
  };
  curves.forEach(function (name) { state.visible[name] = true; });
  var formulas = formulaDetails(root);

  root.appendChild(element('h3', 'pg-act-title', '활성화 함수 탐색기'));
  if (curves.length) {
    var choices = element('fieldset', 'pg-act-choices');
    choices.appendChild(element('legend', null, '보일 함수'));
    curves.forEach(function (name) { choices.appendChild(functionToggle(state, name)); });
    choices.appendChild(derivativeToggle(state));
    root.appendChild(choices);
    if (curves.indexOf('leaky_relu') >= 0) {
      root.appendChild(parameterSlider(state, {
        key: 'leakyAlpha', className: 'pg-act-leaky-alpha', label: '리키 렐루의 음수 쪽 기울기', symbol: 'ε',
        min: 0, max: 0.3, step: 0.01,
        hint: '수업에서는 ε = 0.01을 씁니다 (Keras의 LeakyReLU 층은 기본값 0.3).'
      }));
    }
    if (curves.indexOf('elu') >= 0) {
      root.appendChild(parameterSlider(state, {
        key: 'eluAlpha', className: 'pg-act-elu-alpha', label: '엘루의 α (음수 쪽이 다가가는 값은 −α)', symbol: 'α',
        min: 0.1, max: 2, step: 0.1
      }));
    }
    var chart = chartBox('pg-act-curves', '활성화 함수(실선)와 도함수(점선) 그래프, x는 −5부터 5까지');
    var canvas = chart.canvas;
    root.appendChild(chart.box);
    root.appendChild(element('p', 'pg-act-legend', '실선: 함수 f(x) · 점선: 도함수 f′(x) · 그래프를 누르거나 마우스를 올리면 값이 보입니다.'));
    state.curveChart = createCurveChart(canvas);
    redrawCurves(state);
    root.appendChild(captionFor(curves));
  }
  if (functions.indexOf('softmax') >= 0) {
    var panel = softmaxPanel();
    root.appendChild(panel);
    createSoftmaxChart(panel.querySelector('canvas'));
    updateSoftmax(panel);
  }
  if (formulas) root.appendChild(formulas);
  root.dataset.state = 'ready';
}

/** Mounts every explorer on the page, once Chart.js is there. */
async function mountAll() {
  await loadChart();
  document.querySelectorAll('.pg-activations').forEach(function (root) {
    if (!root.dataset.state) mount(root);
  });
}

mountAll();
