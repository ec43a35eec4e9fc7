/*
 * The runnable lesson widget. Mounts on every <div class="pg-widget" data-config=".." data-title=".."
 * data-hide=".." data-lock=".." data-view=".."> (CONTRACT.md): controls that edit the run document, a live
 * Keras-style summary from POST /api/summary, Run and Stop over the websocket, the loss chart, the test
 * metrics, and the document in location.hash (#pg1=<base64url JSON>) so a link reproduces the run.
 *
 * Load order: chart.umd.js, widget-state.js, loss-chart.js, run-socket.js, widget.js. When a page includes
 * only widget.js, it loads the others itself from its own folder (same origin, so CSP script-src 'self').
 * Anything the student typed reaches the page through textContent only.
 */
(function () {
  'use strict';

  var SCRIPT_BASE = (function () {
    var src = document.currentScript && document.currentScript.src;
    return src ? src.slice(0, src.lastIndexOf('/') + 1) : '/assets/js/';
  })();
  var CHART_URL = '/webjars/chart.js/4.4.7/dist/chart.umd.js';
  var SUMMARY_DELAY_MS = 250;

  var OPTIMIZERS = [
    ['sgd', 'SGD (확률적 경사 하강법)'],
    ['rmsprop', 'RMSprop'],
    ['adam', 'Adam'],
    ['adagrad', 'Adagrad']
  ];
  var LOSSES = [
    ['mse', 'mse (평균 제곱 오차)'],
    ['mae', 'mae (평균 절대 오차)'],
    ['binary_crossentropy', 'binary_crossentropy (이진 교차 엔트로피)'],
    ['categorical_crossentropy', 'categorical_crossentropy (원-핫 레이블)'],
    ['sparse_categorical_crossentropy', 'sparse_categorical_crossentropy (정수 레이블)']
  ];
  var ACTIVATIONS = [
    ['linear', 'linear (그대로)'],
    ['relu', 'relu'],
    ['leaky_relu', 'leaky_relu'],
    ['sigmoid', 'sigmoid'],
    ['tanh', 'tanh'],
    ['softmax', 'softmax (출력층)']
  ];
  var LEARNING_RATES = ['0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1'];
  var TASKS = { regression: '회귀', binary: '이진 분류', multiclass: '다중 분류' };
  var METRIC_LABELS = {
    loss: '테스트 손실 (loss)',
    mse: 'MSE (평균 제곱 오차)',
    mae: 'MAE (평균 절대 오차)',
    r2: 'R² (결정 계수)',
    accuracy: '정확도 (accuracy)'
  };
  var ERROR_TITLES = {
    diverged: '훈련이 발산했습니다',
    timeout: '시간 제한을 넘었습니다',
    too_expensive: '계산량이 예산을 넘습니다',
    busy: '서버가 지금 바쁩니다',
    shutting_down: '서버가 다시 시작되는 중입니다',
    invalid_config: '설정에 오류가 있습니다',
    rate_limited: '실행 요청이 너무 잦습니다',
    invalid_message: '서버가 요청을 이해하지 못했습니다'
  };
  /** Errors after which simply pressing Run again (a little later) is the remedy. */
  var RETRYABLE = { busy: true, shutting_down: true, rate_limited: true, timeout: false };

  /*
   * The simple controls: one input bound to one path of the run document. The dataset (with samples and
   * noise) and the layer list are built separately.
   */
  var SIMPLE_CONTROLS = [
    { name: 'normalize', section: 'data', path: 'model.normalize', kind: 'bool', fallback: false,
      label: 'Normalization (입력 정규화)' },
    { name: 'optimizer', section: 'compile', path: 'compile.optimizer.name', kind: 'select', options: OPTIMIZERS,
      label: 'optimizer (최적화 방법)' },
    { name: 'learning_rate', section: 'compile', path: 'compile.optimizer.learning_rate', kind: 'number',
      step: 'any', min: '0', list: LEARNING_RATES, label: 'learning_rate (학습률)', placeholder: '기본값' },
    { name: 'loss', section: 'compile', path: 'compile.loss', kind: 'select', options: LOSSES,
      label: 'loss (손실 함수)' },
    { name: 'epochs', section: 'fit', path: 'fit.epochs', kind: 'number', step: '1', min: '1',
      label: 'epochs (반복 횟수)', placeholder: '1' },
    { name: 'batch_size', section: 'fit', path: 'fit.batch_size', kind: 'number', step: '1', min: '1',
      label: 'batch_size (배치 크기)', placeholder: '32' },
    { name: 'validation_split', section: 'fit', path: 'fit.validation_split', kind: 'number', step: '0.05',
      min: '0', max: '0.9', label: 'validation_split (검증 비율)', placeholder: '0' },
    { name: 'shuffle', section: 'fit', path: 'fit.shuffle', kind: 'bool', fallback: true,
      label: 'shuffle (에포크마다 섞기)' },
    { name: 'seed', section: 'fit', path: 'seed', kind: 'number', step: '1', min: '0',
      label: 'seed (시드)', placeholder: '비우면 서버가 정함' }
  ];

  /* ---------- small DOM and value helpers ---------- */

  /** An element with attributes; "text" sets textContent, "className" the class, children are appended. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'className') node.className = value;
      else node.setAttribute(key, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function getPath(doc, path) {
    return path.split('.').reduce(function (value, key) {
      return value && typeof value === 'object' ? value[key] : undefined;
    }, doc);
  }

  /** Sets doc at a dotted path, creating objects on the way; undefined deletes the key. */
  function setPath(doc, path, value) {
    var keys = path.split('.');
    var node = doc;
    for (var i = 0; i < keys.length - 1; i++) {
      if (!node[keys[i]] || typeof node[keys[i]] !== 'object') node[keys[i]] = {};
      node = node[keys[i]];
    }
    if (value === undefined) delete node[keys[keys.length - 1]];
    else node[keys[keys.length - 1]] = value;
  }

  /** A number input's value as the document wants it: undefined when blank, else the number. */
  function numberValue(input) {
    if (input.value.trim() === '') return undefined;
    var n = Number(input.value);
    return isFinite(n) ? n : input.value;
  }

  function formatNumber(value) {
    if (typeof value !== 'number' || !isFinite(value)) return String(value);
    if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(3);
    return String(Number(value.toPrecision(4)));
  }

  /** 389000000 → "3.9억", for the cost line. */
  function formatKoreanCount(value) {
    var units = [[1e12, '조'], [1e8, '억'], [1e4, '만']];
    for (var i = 0; i < units.length; i++) {
      if (value >= units[i][0]) return String(Number((value / units[i][0]).toPrecision(3))) + units[i][1];
    }
    return String(value);
  }

  function withCommas(value) {
    return Number(value).toLocaleString('en-US');
  }

  /* ---------- loading ---------- */

  function loadScripts(urls, done) {
    var remaining = urls.length;
    if (!remaining) { done(); return; }
    urls.forEach(function (url) {
      var script = el('script', { src: url });
      script.async = false;
      script.addEventListener('load', function () { if (--remaining === 0) done(); });
      script.addEventListener('error', function () { console.error('widget: could not load ' + url); });
      document.head.appendChild(script);
    });
  }

  /** Loads whatever of Chart.js and the widget's other files the page did not include. */
  function loadDependencies(done) {
    var urls = [];
    if (typeof window.Chart === 'undefined') urls.push(CHART_URL);
    if (!window.PgState) urls.push(SCRIPT_BASE + 'widget-state.js');
    if (!window.PgLossChart) urls.push(SCRIPT_BASE + 'loss-chart.js');
    if (!window.PgRunSocket) urls.push(SCRIPT_BASE + 'run-socket.js');
    loadScripts(urls, done);
  }

  function fetchDatasets() {
    return fetch('/api/datasets', { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; });
  }

  /* ---------- one widget ---------- */

  function mountWidget(root, index, datasetsPromise) {
    var key = 'pg' + (index + 1);
    var idPrefix = key + '-';
    var hidden = splitList(root.getAttribute('data-hide'));
    var locked = splitList(root.getAttribute('data-lock'));
    var State = window.PgState;

    var doc;
    try {
      doc = JSON.parse(root.getAttribute('data-config') || '{}');
    } catch (e) {
      root.appendChild(el('div', { className: 'pg-widget-error', role: 'alert', text: '위젯 설정(JSON)을 읽을 수 없습니다.' }));
      return;
    }
    var fromHash = State.readHashDoc(key);
    if (fromHash && fromHash.doc) doc = fromHash.doc;

    var datasets = [];
    var controls = {};
    var layerRows = [];
    var summaryTimer = null;
    var summarySequence = 0;
    var validated = null;
    var run = null;
    var lastRun = null;
    var runCounter = 0;
    var errorCounter = 0;

    /* ----- building the controls ----- */

    function splitList(text) {
      var set = {};
      String(text || '').split(',').forEach(function (name) { if (name.trim()) set[name.trim()] = true; });
      return set;
    }

    function field(name, labelText, input, extra) {
      input.id = idPrefix + name;
      var wrapper = el('div', { className: 'pg-field pg-field-' + name, 'data-control': name }, [
        el('label', { for: input.id, text: labelText }),
        input
      ].concat(extra || []));
      controls[name] = { wrapper: wrapper, input: input };
      return wrapper;
    }

    function checkboxField(name, labelText, input) {
      input.id = idPrefix + name;
      var wrapper = el('div', { className: 'pg-field pg-field-check pg-field-' + name, 'data-control': name }, [
        input,
        el('label', { for: input.id, text: labelText })
      ]);
      controls[name] = { wrapper: wrapper, input: input };
      return wrapper;
    }

    function selectInput(options, current) {
      var select = el('select');
      var values = options.map(function (o) { return o[0]; });
      var all = options.slice();
      if (current !== undefined && values.indexOf(current) < 0) all.push([String(current), String(current)]);
      all.forEach(function (o) { select.appendChild(el('option', { value: o[0], text: o[1] })); });
      return select;
    }

    function numberInput(spec) {
      return el('input', {
        type: 'number', inputmode: spec.step === '1' ? 'numeric' : 'decimal',
        step: spec.step, min: spec.min, max: spec.max, placeholder: spec.placeholder,
        list: spec.list ? idPrefix + spec.name + '-list' : null
      });
    }

    function buildSimpleControl(spec) {
      var input;
      if (spec.kind === 'bool') {
        input = el('input', { type: 'checkbox' });
        input.addEventListener('change', function () {
          setPath(doc, spec.path, input.checked);
          documentChanged();
        });
        return checkboxField(spec.name, spec.label, input);
      }
      if (spec.kind === 'select') {
        input = selectInput(spec.options, getPath(doc, spec.path));
        input.addEventListener('change', function () {
          if (spec.name === 'optimizer') {
            var rate = getPath(doc, 'compile.optimizer.learning_rate');
            setPath(doc, 'compile.optimizer', rate === undefined ? { name: input.value } : { name: input.value, learning_rate: rate });
          } else {
            setPath(doc, spec.path, input.value);
          }
          documentChanged();
        });
        return field(spec.name, spec.label, input);
      }
      input = numberInput(spec);
      input.addEventListener('input', function () {
        setPath(doc, spec.path, numberValue(input));
        documentChanged();
      });
      var extra = [];
      if (spec.list) {
        extra.push(el('datalist', { id: idPrefix + spec.name + '-list' },
          spec.list.map(function (v) { return el('option', { value: v }); })));
      }
      return field(spec.name, spec.label, input, extra);
    }

    function buildDatasetControls() {
      var select = el('select');
      select.addEventListener('change', function () { changeDataset(select.value); });
      var info = el('div', { className: 'pg-dataset-info', 'aria-live': 'polite' });
      var samples = numberInput({ name: 'samples', step: '1', min: '1', placeholder: '기본값' });
      var noise = numberInput({ name: 'noise', step: '0.05', min: '0', placeholder: '기본값' });
      [['samples', samples], ['noise', noise]].forEach(function (pair) {
        pair[1].addEventListener('input', function () {
          var d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : { name: doc.dataset };
          if (numberValue(pair[1]) === undefined) delete d[pair[0]];
          else d[pair[0]] = numberValue(pair[1]);
          doc.dataset = d;
          documentChanged();
        });
      });
      var wrapper = field('dataset', '데이터 세트', select, [info]);
      var samplesField = field('samples', '샘플 수 (samples)', samples);
      var noiseField = field('noise', '노이즈 (noise)', noise);
      var generated = el('div', { className: 'pg-generated', 'data-control': 'dataset' }, [samplesField, noiseField]);
      controls.dataset.info = info;
      controls.dataset.generated = generated;
      return [wrapper, generated];
    }

    function buildLayerControls() {
      var list = el('ol', { className: 'pg-layers', 'aria-label': 'Dense 층 목록' });
      var add = el('button', { type: 'button', className: 'pg-add-layer', 'data-testid': 'pg-add-layer', text: '+ Dense 층 추가' });
      add.addEventListener('click', addLayer);
      var wrapper = el('div', { className: 'pg-field pg-field-layers', 'data-control': 'layers' }, [
        el('p', { className: 'pg-layers-title', id: idPrefix + 'layers-title', text: '층 (layers) — 마지막 층이 출력층입니다' }),
        list,
        add
      ]);
      controls.layers = { wrapper: wrapper, input: list, list: list, add: add };
      return wrapper;
    }

    function layers() {
      if (!doc.model || typeof doc.model !== 'object') doc.model = {};
      if (!Array.isArray(doc.model.layers)) doc.model.layers = [];
      return doc.model.layers;
    }

    function layerRow(layer, i, count) {
      var isOutput = i === count - 1;
      var rowId = idPrefix + 'layer' + i;
      var units = el('input', { type: 'number', inputmode: 'numeric', step: '1', min: '1', max: '512', id: rowId + '-units', className: 'pg-units' });
      units.value = layer.units === undefined ? '' : String(layer.units);
      var activation = selectInput(ACTIVATIONS, layer.activation);
      activation.id = rowId + '-activation';
      activation.className = 'pg-activation';
      activation.value = layer.activation || 'linear';
      var alpha = el('input', { type: 'number', inputmode: 'decimal', step: '0.01', min: '0', id: rowId + '-alpha', className: 'pg-alpha', placeholder: '기본값' });
      alpha.value = layer.alpha === undefined ? '' : String(layer.alpha);
      var alphaField = el('div', { className: 'pg-layer-alpha' }, [el('label', { for: alpha.id, text: 'alpha' }), alpha]);
      alphaField.hidden = activation.value !== 'leaky_relu';
      var remove = el('button', { type: 'button', className: 'pg-remove-layer', text: '삭제',
        'aria-label': (isOutput ? '출력층' : '은닉층 ' + (i + 1)) + ' 삭제' });
      remove.disabled = count <= 1;

      units.addEventListener('input', function () {
        layers()[i].units = numberValue(units);
        documentChanged();
      });
      activation.addEventListener('change', function () {
        var target = layers()[i];
        if (activation.value === 'linear') delete target.activation;
        else target.activation = activation.value;
        if (activation.value !== 'leaky_relu') { delete target.alpha; alpha.value = ''; }
        alphaField.hidden = activation.value !== 'leaky_relu';
        documentChanged();
      });
      alpha.addEventListener('input', function () {
        if (numberValue(alpha) === undefined) delete layers()[i].alpha;
        else layers()[i].alpha = numberValue(alpha);
        documentChanged();
      });
      remove.addEventListener('click', function () { removeLayer(i); });

      var row = el('li', { className: 'pg-layer' + (isOutput ? ' pg-layer-output' : ''), 'data-index': i }, [
        el('div', { className: 'pg-layer-head' }, [
          el('span', { className: 'pg-layer-name', text: (isOutput ? '출력층' : '은닉층 ' + (i + 1)) + ' · Dense' }),
          remove
        ]),
        el('div', { className: 'pg-layer-units' }, [el('label', { for: units.id, text: 'units (뉴런 수)' }), units]),
        el('div', { className: 'pg-layer-activation' }, [el('label', { for: activation.id, text: 'activation (활성화)' }), activation]),
        alphaField
      ]);
      return { row: row, units: units, activation: activation, alpha: alpha, remove: remove };
    }

    function renderLayers() {
      var list = controls.layers.list;
      var all = layers();
      list.textContent = '';
      layerRows = all.map(function (layer, i) { return layerRow(layer, i, all.length); });
      layerRows.forEach(function (r) { list.appendChild(r.row); });
      applyLocks();
    }

    function addLayer() {
      var all = layers();
      var hiddenLayer = { units: 16, activation: 'relu' };
      all.splice(Math.max(all.length - 1, 0), 0, hiddenLayer);
      renderLayers();
      documentChanged();
      var added = layerRows[Math.max(all.length - 2, 0)];
      if (added) added.units.focus();
    }

    function removeLayer(i) {
      var all = layers();
      if (all.length <= 1) return;
      all.splice(i, 1);
      renderLayers();
      documentChanged();
      var next = layerRows[Math.min(i, layerRows.length - 1)];
      if (next) next.remove.disabled ? next.units.focus() : next.remove.focus();
    }

    /* ----- run controls, chart, results, summary ----- */

    function buildOutput() {
      var runButton = el('button', { type: 'button', className: 'pg-run', 'data-testid': 'pg-run', text: '▶ 실행' });
      var stopButton = el('button', { type: 'button', className: 'pg-stop', 'data-testid': 'pg-stop', text: '■ 중지' });
      stopButton.disabled = true;
      runButton.addEventListener('click', runClicked);
      stopButton.addEventListener('click', stopClicked);

      var status = el('p', { className: 'pg-status', role: 'status', 'aria-live': 'polite', text: '실행 버튼을 누르면 훈련을 시작합니다.' });
      var banner = el('div', { className: 'pg-banner', role: 'alert' });
      banner.hidden = true;

      var progressBar = el('progress', { max: '1', value: '0', id: idPrefix + 'progress' });
      var progressLabel = el('label', { for: progressBar.id, className: 'pg-progress-label', text: '에포크 0 / –' });
      var progress = el('div', { className: 'pg-progress', 'data-testid': 'pg-progress' }, [progressLabel, progressBar]);

      var canvas = el('canvas', { role: 'img', 'aria-label': '에포크별 loss(훈련)와 val_loss(검증) 그래프' });
      var chartBox = el('div', { className: 'pg-chart', 'data-testid': 'pg-chart' }, [canvas]);

      var logScale = el('input', { type: 'checkbox', id: idPrefix + 'logscale', className: 'pg-logscale' });
      var yMin = el('input', { type: 'number', step: 'any', id: idPrefix + 'ymin', className: 'pg-ymin', placeholder: '자동', inputmode: 'decimal' });
      var yMax = el('input', { type: 'number', step: 'any', id: idPrefix + 'ymax', className: 'pg-ymax', placeholder: '자동', inputmode: 'decimal' });
      var chartOptions = el('div', { className: 'pg-chart-options' }, [
        el('span', { className: 'pg-field-check' }, [logScale, el('label', { for: logScale.id, text: '로그 스케일' })]),
        el('span', {}, [el('label', { for: yMin.id, text: 'y 최솟값' }), yMin]),
        el('span', {}, [el('label', { for: yMax.id, text: 'y 최댓값 (plt.ylim)' }), yMax])
      ]);

      var metrics = el('div', { className: 'pg-test-metrics', 'data-testid': 'pg-test-metrics', 'aria-live': 'polite' });
      metrics.hidden = true;
      var history = el('ul', { className: 'pg-history', 'aria-label': '이전 실행과 비교' });

      var summary = buildSummary();

      var output = el('div', { className: 'pg-output' }, [
        el('div', { className: 'pg-actions' }, [runButton, stopButton]),
        status, banner, progress, chartBox, chartOptions, metrics, history, summary.section
      ]);
      return {
        element: output, runButton: runButton, stopButton: stopButton, status: status, banner: banner,
        progressBar: progressBar, progressLabel: progressLabel, canvas: canvas, logScale: logScale,
        yMin: yMin, yMax: yMax, metrics: metrics, history: history, summary: summary
      };
    }

    function buildSummary() {
      var table = el('table', { className: 'pg-summary-table' });
      var totals = el('div', { className: 'pg-summary-totals' });
      var cost = el('div', { className: 'pg-cost' });
      var code = el('code', { className: 'language-python' });
      var copy = el('button', { type: 'button', className: 'pg-copy', text: '코드 복사' });
      copy.addEventListener('click', function () { copyCode(code.textContent, copy); });
      var keras = el('details', { className: 'pg-keras' }, [
        el('summary', { text: 'Colab에 붙여넣을 Keras 코드' }),
        copy,
        el('pre', {}, [code])
      ]);
      var note = el('p', { className: 'pg-summary-note', text: '설정을 바꾸면 요약이 바로 바뀝니다.' });
      var section = el('section', { className: 'pg-summary', 'data-testid': 'pg-summary', 'aria-label': '모델 요약' }, [
        el('h4', { text: '모델 요약 (model.summary())' }),
        note, table, totals, cost, keras
      ]);
      return { section: section, table: table, totals: totals, cost: cost, code: code, note: note };
    }

    var parts = buildLayout();
    var out = parts.output;
    var lossChart = window.PgLossChart.create(out.canvas);

    function buildLayout() {
      var sections = { data: [], compile: [], fit: [] };
      SIMPLE_CONTROLS.forEach(function (spec) { sections[spec.section].push(buildSimpleControl(spec)); });
      var formErrors = el('div', { className: 'pg-form-errors' });
      var title = root.getAttribute('data-title');
      var form = el('form', { className: 'pg-controls', novalidate: true, 'aria-label': '훈련 설정' }, [
        formErrors,
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: '데이터' })].concat(buildDatasetControls(), sections.data)),
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: '모델 (keras.Sequential)' }), buildLayerControls()]),
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: 'compile' })].concat(sections.compile)),
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: 'fit' })].concat(sections.fit))
      ]);
      form.addEventListener('submit', function (event) { event.preventDefault(); });
      var output = buildOutput();
      var fallback = root.querySelector('.pg-widget-fallback');
      if (fallback) fallback.hidden = true;
      root.appendChild(el('h3', { className: 'pg-title', text: title || '딥러닝 놀이터' }));
      root.appendChild(el('div', { className: 'pg-body' }, [form, output.element]));
      return { form: form, formErrors: formErrors, output: output };
    }

    /* ----- document ⇄ controls ----- */

    function syncControls() {
      SIMPLE_CONTROLS.forEach(function (spec) {
        var input = controls[spec.name].input;
        var value = getPath(doc, spec.path);
        if (spec.kind === 'bool') input.checked = value === undefined ? spec.fallback : value === true;
        else if (spec.kind === 'select') {
          if (value !== undefined && !input.querySelector('option[value="' + CSS.escape(String(value)) + '"]')) {
            input.appendChild(el('option', { value: String(value), text: String(value) }));
          }
          input.value = value === undefined ? input.options[0].value : String(value);
        } else input.value = value === undefined || value === null ? '' : String(value);
      });
      syncDataset();
      renderLayers();
    }

    function datasetInfo(name) {
      return datasets.filter(function (d) { return d.name === name; })[0];
    }

    function syncDataset() {
      var name = State.datasetName(doc);
      var select = controls.dataset.input;
      select.textContent = '';
      var names = datasets.map(function (d) { return d.name; });
      datasets.forEach(function (d) {
        select.appendChild(el('option', { value: d.name, text: (d.title || d.name) + ' (' + d.name + ')' }));
      });
      if (name !== undefined && names.indexOf(name) < 0) select.appendChild(el('option', { value: String(name), text: String(name) }));
      select.value = String(name);
      var d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : {};
      controls.samples.input.value = d.samples === undefined ? '' : String(d.samples);
      controls.noise.input.value = d.noise === undefined ? '' : String(d.noise);
      var info = datasetInfo(name);
      controls.dataset.generated.hidden = !(info && info.generated) || !!hidden.dataset;
      renderDatasetInfo(info);
    }

    function renderDatasetInfo(info) {
      var box = controls.dataset.info;
      box.textContent = '';
      if (!info) return;
      var facts = [
        '과제: ' + (TASKS[info.task] || info.task),
        '특성 ' + ((info.features && info.features.length) || 0) + '개',
        '훈련 ' + info.train_rows + '행 / 테스트 ' + info.test_rows + '행'
      ];
      if (info.classes && info.classes.length) facts.push('클래스 ' + info.classes.length + '개: ' + info.classes.join(', '));
      box.appendChild(el('p', { className: 'pg-dataset-description', text: info.description || '' }));
      box.appendChild(el('p', { className: 'pg-dataset-facts', text: facts.join(' · ') }));
    }

    /** Switches the data set; when the task changes, fits the output layer, loss and metrics to it. */
    function changeDataset(name) {
      var before = datasetInfo(State.datasetName(doc));
      var info = datasetInfo(name);
      if (info && info.generated) {
        var previous = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : {};
        doc.dataset = { name: name };
        if (previous.samples !== undefined) doc.dataset.samples = previous.samples;
        if (previous.noise !== undefined) doc.dataset.noise = previous.noise;
      } else {
        doc.dataset = name;
      }
      var note = '';
      if (info && (!before || before.task !== info.task || classCount(before) !== classCount(info))) note = fitOutputToTask(info);
      syncControls();
      documentChanged();
      if (note) setStatus(note);
    }

    function classCount(info) {
      return (info.classes && info.classes.length) || 0;
    }

    function fitOutputToTask(info) {
      if (locked.layers || locked.loss) return '';
      var all = layers();
      if (!all.length) all.push({});
      var output = all[all.length - 1];
      delete output.alpha;
      setPath(doc, 'compile.metrics', undefined);
      if (info.task === 'regression') {
        output.units = 1;
        delete output.activation;
        setPath(doc, 'compile.loss', 'mse');
        setPath(doc, 'compile.metrics', ['mae']);
      } else if (info.task === 'binary') {
        output.units = 1;
        output.activation = 'sigmoid';
        setPath(doc, 'compile.loss', 'binary_crossentropy');
        setPath(doc, 'compile.metrics', ['accuracy']);
      } else {
        output.units = classCount(info) || output.units;
        output.activation = 'softmax';
        setPath(doc, 'compile.loss', 'sparse_categorical_crossentropy');
        setPath(doc, 'compile.metrics', ['accuracy']);
      }
      return '출력층과 손실 함수를 ' + (TASKS[info.task] || info.task) + '에 맞게 바꿨습니다.';
    }

    function applyLocks() {
      Object.keys(controls).forEach(function (name) {
        var control = controls[name];
        var group = name === 'samples' || name === 'noise' ? 'dataset' : name;
        if (hidden[group]) control.wrapper.hidden = true;
        if (locked[group]) {
          control.wrapper.classList.add('pg-locked');
          control.wrapper.querySelectorAll('input, select, button').forEach(function (input) { input.disabled = true; });
        }
      });
      parts.form.querySelectorAll('fieldset').forEach(function (fieldset) {
        var fields = fieldset.querySelectorAll('[data-control]');
        var visible = Array.prototype.some.call(fields, function (f) {
          var name = f.getAttribute('data-control');
          return !hidden[name === 'samples' || name === 'noise' ? 'dataset' : name];
        });
        fieldset.hidden = !visible;
      });
    }

    /** Every edit: the URL, then (debounced) the live summary. */
    function documentChanged() {
      clearTimeout(summaryTimer);
      summaryTimer = setTimeout(function () {
        State.writeHashDoc(key, doc);
        requestSummary();
      }, SUMMARY_DELAY_MS);
    }

    /* ----- errors ----- */

    function clearErrors() {
      root.querySelectorAll('.pg-error').forEach(function (node) { node.remove(); });
      root.querySelectorAll('[aria-invalid]').forEach(function (node) {
        node.removeAttribute('aria-invalid');
        node.removeAttribute('aria-describedby');
      });
    }

    /** The input and the element to put the message after for a JSON path, or null for a general error. */
    function errorTarget(fieldPath) {
      var target = State.controlForField(fieldPath);
      if (target.control === 'layers' && target.layer >= 0 && layerRows[target.layer]) {
        var row = layerRows[target.layer];
        var input = row[target.prop] || row.units;
        if (target.prop === 'alpha') input.parentNode.hidden = false;
        return { input: input, appendTo: row.row, visible: !hidden.layers };
      }
      var control = controls[target.control];
      if (!control) return null;
      var group = target.control === 'samples' || target.control === 'noise' ? 'dataset' : target.control;
      if (hidden[group]) return null;
      return { input: control.input, after: control.input, visible: true };
    }

    /** Shows the server's Korean message beside the control that fieldPath names. */
    function showFieldError(fieldPath, message) {
      var id = idPrefix + 'error' + (++errorCounter);
      var note = el('p', { className: 'pg-error', id: id, role: 'alert', 'data-field': fieldPath || '', text: message });
      var target = fieldPath ? errorTarget(fieldPath) : null;
      if (target && target.visible) {
        if (target.appendTo) target.appendTo.appendChild(note);
        else target.after.insertAdjacentElement('afterend', note);
        target.input.setAttribute('aria-invalid', 'true');
        target.input.setAttribute('aria-describedby', id);
      } else {
        parts.formErrors.appendChild(note);
      }
      return target;
    }

    /** A banner above the chart; offerRerun adds a "다시 실행" button, enabled once /healthz answers. */
    function showBanner(title, message, offerRerun) {
      var banner = out.banner;
      banner.textContent = '';
      banner.hidden = false;
      banner.appendChild(el('strong', { text: title }));
      if (message) banner.appendChild(el('p', { text: message }));
      if (offerRerun) {
        var again = el('button', { type: 'button', className: 'pg-rerun', 'data-testid': 'pg-rerun', text: '다시 실행' });
        again.addEventListener('click', runClicked);
        banner.appendChild(again);
        waitForServer(again);
      }
    }

    /** Polls /healthz (every 2 s, about a minute at most) while the button waits; enables it when the server answers. */
    function waitForServer(button) {
      var tries = 0;
      button.disabled = true;
      button.textContent = '서버 확인 중…';
      function poll() {
        if (!button.isConnected) return;
        fetch('/healthz', { cache: 'no-store' }).then(function (response) {
          if (!response.ok) throw new Error('not ready');
          button.disabled = false;
          button.textContent = '다시 실행';
        }).catch(function () {
          if (++tries >= 30) {
            button.disabled = false;
            button.textContent = '다시 실행';
            return;
          }
          button.textContent = '서버가 다시 켜지기를 기다리는 중…';
          setTimeout(poll, 2000);
        });
      }
      setTimeout(poll, 1500); /* a server that is shutting down may still answer for a moment */
    }

    function hideBanner() {
      out.banner.hidden = true;
      out.banner.textContent = '';
    }

    /* ----- live summary ----- */

    function postSummary(json) {
      return fetch('/api/summary', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: json
      }).then(function (response) {
        if (response.status === 200) return response.json().then(function (body) { return { ok: true, body: body }; });
        if (response.status === 400) return response.json().then(function (body) { return { ok: false, error: body }; });
        return { unknown: true };
      }).catch(function () { return { unknown: true }; });
    }

    /** Validates the current document through the summary endpoint; resolves to {ok, error, unknown}. */
    function requestSummary() {
      clearTimeout(summaryTimer);
      var json = JSON.stringify(doc);
      var sequence = ++summarySequence;
      root.setAttribute('data-summary', 'pending');
      return postSummary(json).then(function (result) {
        if (sequence !== summarySequence) return result;
        root.setAttribute('data-summary', result.ok ? 'ok' : result.unknown ? 'unknown' : 'invalid');
        validated = result.unknown ? null : { json: json, result: result };
        if (result.unknown) {
          out.summary.note.textContent = '요약을 불러오지 못했습니다. 서버에 연결되어 있는지 확인하세요.';
          return result;
        }
        clearErrors();
        if (result.ok) {
          renderSummary(result.body);
        } else {
          out.summary.note.textContent = '설정을 고치면 요약이 다시 나타납니다.';
          showFieldError(result.error.field, result.error.message);
        }
        return result;
      });
    }

    function shapeText(shape) {
      return '(' + (shape || []).map(function (d) { return d === null ? 'None' : String(d); }).join(', ') + ')';
    }

    function renderSummaryTable(summary) {
      var table = out.summary.table;
      table.textContent = '';
      table.appendChild(el('caption', { text: 'Model: "sequential"' }));
      table.appendChild(el('thead', {}, [el('tr', {}, [
        el('th', { scope: 'col', text: 'Layer (type)' }),
        el('th', { scope: 'col', text: 'Output Shape' }),
        el('th', { scope: 'col', text: 'Param #' })
      ])]));
      var body = el('tbody');
      (summary.layers || []).forEach(function (layer) {
        body.appendChild(el('tr', {}, [
          el('td', { text: layer.name + ' (' + layer.type + ')' }),
          el('td', { text: shapeText(layer.output_shape) }),
          el('td', { className: 'pg-num', text: withCommas(layer.params) })
        ]));
      });
      table.appendChild(body);
      var totals = out.summary.totals;
      totals.textContent = '';
      [['Total params', summary.total_params], ['Trainable params', summary.trainable_params],
        ['Non-trainable params', summary.non_trainable_params]].forEach(function (row) {
        var kb = (row[1] * 4 / 1024).toFixed(2);
        totals.appendChild(el('p', { text: row[0] + ': ' + withCommas(row[1]) + ' (' + kb + ' KB)' }));
      });
    }

    function renderSummary(body) {
      out.summary.note.textContent = '설정을 바꾸면 요약이 바로 바뀝니다.';
      if (body.summary) renderSummaryTable(body.summary);
      var cost = out.summary.cost;
      cost.textContent = '';
      if (typeof body.cost === 'number' && typeof body.budget === 'number' && body.budget > 0) {
        var share = body.cost / body.budget;
        var meter = el('meter', { min: '0', max: '1', low: '0.5', high: '0.9', optimum: '0', value: String(Math.min(share, 1)), id: idPrefix + 'cost' });
        var text = '계산량 ' + formatKoreanCount(body.cost) + ' / 예산 ' + formatKoreanCount(body.budget) +
          ' (' + (share * 100).toFixed(share < 0.1 ? 1 : 0) + '%)';
        cost.appendChild(el('label', { for: meter.id, text: text }));
        cost.appendChild(meter);
        cost.classList.toggle('pg-over-budget', share > 1);
        if (share > 1) cost.appendChild(el('p', { text: '예산을 넘었습니다: 층, 뉴런 수, 에포크를 줄여 보세요.' }));
      }
      if (typeof body.keras === 'string') out.summary.code.textContent = body.keras;
    }

    function copyCode(text, button) {
      function copied(ok) {
        button.textContent = ok ? '복사했습니다' : '복사하지 못했습니다 — 직접 선택하세요';
        setTimeout(function () { button.textContent = '코드 복사'; }, 2000);
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { copied(true); }, function () { copied(selectCode()); });
      } else {
        copied(selectCode());
      }
    }

    function selectCode() {
      var range = document.createRange();
      range.selectNodeContents(out.summary.code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      try { return document.execCommand('copy'); } catch (e) { return false; }
    }

    /* ----- running ----- */

    function setStatus(text) {
      out.status.textContent = text;
    }

    function setState(state) {
      root.setAttribute('data-state', state);
      var busy = state === 'validating' || state === 'connecting' || state === 'queued' || state === 'running' || state === 'stopping';
      out.runButton.disabled = busy;
      out.stopButton.disabled = !busy || state === 'validating';
    }

    function setProgress(done, total) {
      out.progressBar.max = total || 1;
      out.progressBar.value = Math.min(done, total || 1);
      out.progressLabel.textContent = '에포크 ' + done + ' / ' + (total || '–');
    }

    function runClicked() {
      if (run) return;
      var json = JSON.stringify(doc);
      var timing = { clicked: performance.now() };
      root.pgTiming = timing;
      hideBanner();
      State.writeHashDoc(key, doc);
      if (validated && validated.json === json) {
        afterValidation(validated.result, timing);
        return;
      }
      setState('validating');
      setStatus('설정을 확인하는 중…');
      requestSummary().then(function (result) { afterValidation(result, timing); });
    }

    function afterValidation(result, timing) {
      if (result && result.ok === false) {
        setState('invalid');
        setStatus('설정에 오류가 있어 실행하지 않았습니다. 표시된 칸을 고치세요.');
        var invalid = root.querySelector('[aria-invalid="true"]');
        if (invalid) invalid.focus();
        return;
      }
      startRun(timing);
    }

    function startRun(timing) {
      var runDoc = State.copyDoc(doc);
      var id = ++runCounter;
      if (lastRun) lossChart.keepCurrent(lastRun, lastRun.id);
      lossChart.reset();
      lossChart.labelPast(function (past) {
        var pastDoc = State.copyDoc(past.doc);
        if (pastDoc.seed === undefined && past.seed !== null) pastDoc.seed = past.seed;
        past.label = '실행 ' + past.id + ': ' + State.describeDiff(pastDoc, runDoc);
        return past.label;
      });
      renderHistory();
      out.metrics.hidden = true;
      out.metrics.textContent = '';
      var epochs = getPath(runDoc, 'fit.epochs') || 1;
      setProgress(0, epochs);
      run = { id: id, doc: runDoc, epochs: epochs, seed: null, test: null, timing: timing, opened: false, socket: null };
      lastRun = run;
      setState('connecting');
      setStatus('서버에 연결하는 중…');
      run.socket = window.PgRunSocket.start(runDoc, { onEvent: function (e) { onRunEvent(id, e); }, onClose: function (c) { onRunClose(id, c); } });
    }

    function renderHistory() {
      var list = out.history;
      list.textContent = '';
      lossChart.pastTags().forEach(function (past) {
        var result = past.test ? ' → ' + testSummary(past.test) : ' (끝나지 않음)';
        list.appendChild(el('li', { text: past.label + result }));
      });
    }

    function testSummary(test) {
      return Object.keys(test).map(function (name) { return name + ' ' + formatNumber(test[name]); }).join(', ');
    }

    function onRunEvent(id, event) {
      if (!run || run.id !== id) return;
      run.opened = true;
      switch (event.type) {
        case 'queued':
          setState('queued');
          setStatus('대기 중: ' + event.position + '번째');
          break;
        case 'started':
          run.seed = event.seed;
          setState('running');
          setStatus('훈련 중… (시드 ' + event.seed + ')');
          if (getPath(doc, 'seed') === undefined && JSON.stringify(doc) === JSON.stringify(run.doc)) {
            var shared = State.copyDoc(doc);
            shared.seed = event.seed;
            State.writeHashDoc(key, shared);
          }
          break;
        case 'summary':
          renderSummaryTable(event);
          break;
        case 'epoch':
          addEpoch(event.epoch, event.logs || {});
          break;
        case 'epochs':
          (event.items || []).forEach(function (item) { addEpoch(item.epoch, item.logs || {}); });
          break;
        case 'done':
          run.test = event.test || {};
          run.timing.done = performance.now();
          if (run.timing.lastEpoch) {
            run.timing.clickToLastPointMs = Math.round(run.timing.lastEpoch - run.timing.clicked);
            root.setAttribute('data-click-to-last-point-ms', String(run.timing.clickToLastPointMs));
          }
          showTestMetrics(event.test || {}, event.elapsed_ms, run.seed);
          setStatus('훈련을 마쳤습니다.');
          finishRun('done');
          break;
        case 'error':
          runError(event);
          finishRun('error');
          break;
        case 'cancelled':
          setStatus('중지했습니다 (에포크 ' + event.epoch + '까지 훈련).');
          finishRun('cancelled');
          break;
        default:
          break;
      }
    }

    function addEpoch(epoch, logs) {
      if (!run.timing.firstEpoch) run.timing.firstEpoch = performance.now();
      run.timing.lastEpoch = performance.now();
      if (root.getAttribute('data-state') !== 'stopping') setState('running');
      lossChart.addPoint(epoch, logs);
      setProgress(epoch, run.epochs);
    }

    function runError(event) {
      if (event.code === 'invalid_config') {
        clearErrors();
        var target = showFieldError(event.field, event.message);
        if (target && target.visible) target.input.focus();
        setStatus('설정에 오류가 있어 실행하지 않았습니다. 표시된 칸을 고치세요.');
        return;
      }
      if (event.field) showFieldError(event.field, event.message);
      var offerRerun = RETRYABLE[event.code] === true;
      showBanner(ERROR_TITLES[event.code] || '실행 오류', event.message, offerRerun);
      setStatus(ERROR_TITLES[event.code] || '실행하지 못했습니다.');
    }

    function finishRun(state) {
      run = null;
      setState(state);
      renderHistory();
    }

    function onRunClose(id, close) {
      if (!run || run.id !== id) return;
      var opened = run.opened;
      finishRun('disconnected');
      if (!close.unexpected) return;
      if (opened || close.code === 1012 || close.code === 1001) {
        showBanner('서버가 다시 시작되었습니다 — 다시 실행', '연결이 끊겨 훈련이 멈췄습니다. 다시 실행을 누르면 새로 연결합니다.', true);
      } else {
        showBanner('서버에 연결할 수 없습니다', '잠시 후 다시 실행을 눌러 주세요.', true);
      }
      setStatus('연결이 끊겼습니다.');
    }

    function stopClicked() {
      if (!run) return;
      var current = run;
      setState('stopping');
      setStatus('중지하는 중…');
      current.socket.stop();
      setTimeout(function () {
        if (run !== current) return;
        current.socket.close();
        setStatus('중지했습니다.');
        finishRun('cancelled');
      }, 5000);
    }

    function showTestMetrics(test, elapsedMs, seed) {
      var box = out.metrics;
      box.textContent = '';
      box.appendChild(el('h4', { text: '테스트 데이터 결과' }));
      var list = el('dl');
      Object.keys(test).forEach(function (name) {
        var value = test[name];
        var text = formatNumber(value);
        if (name === 'accuracy' && typeof value === 'number') text += ' (' + (value * 100).toFixed(1) + '%)';
        list.appendChild(el('div', { className: 'pg-metric', 'data-metric': name }, [
          el('dt', { text: METRIC_LABELS[name] || name }),
          el('dd', { text: text })
        ]));
      });
      box.appendChild(list);
      if (typeof elapsedMs === 'number') box.appendChild(el('p', { className: 'pg-elapsed', text: '걸린 시간: ' + (elapsedMs / 1000).toFixed(2) + '초' }));
      if (seed !== null && seed !== undefined) {
        var again = el('button', { type: 'button', className: 'pg-same-seed', text: '같은 시드로 다시' });
        again.addEventListener('click', function () { rerunWithSeed(seed); });
        box.appendChild(el('p', { className: 'pg-seed' }, [el('span', { text: '시드(seed): ' + seed + ' ' }), again]));
      }
      box.hidden = false;
    }

    function rerunWithSeed(seed) {
      doc.seed = seed;
      controls.seed.input.value = String(seed);
      State.writeHashDoc(key, doc);
      runClicked();
    }

    /* ----- chart options ----- */

    out.logScale.addEventListener('change', function () {
      lossChart.setLogScale(out.logScale.checked);
      applyRange();
    });
    function applyRange() {
      var min = numberValue(out.yMin);
      var max = numberValue(out.yMax);
      lossChart.setRange(typeof min === 'number' ? min : null, typeof max === 'number' ? max : null);
    }
    out.yMin.addEventListener('input', applyRange);
    out.yMax.addEventListener('input', applyRange);

    /* ----- start ----- */

    root.setAttribute('data-mounted', 'true');
    root.setAttribute('data-key', key);
    setState('idle');
    syncControls();
    if (fromHash && fromHash.problem) showBanner('링크 오류', fromHash.problem, false);
    requestSummary();
    datasetsPromise.then(function (list) {
      datasets = Array.isArray(list) ? list : [];
      syncDataset();
      applyLocks();
    });
  }

  function boot() {
    var roots = Array.prototype.filter.call(document.querySelectorAll('.pg-widget'), function (root) {
      return !root.hasAttribute('data-mounted');
    });
    if (!roots.length) return;
    loadDependencies(function () {
      var datasetsPromise = fetchDatasets();
      roots.forEach(function (root, index) {
        try {
          mountWidget(root, index, datasetsPromise);
        } catch (e) {
          console.error('widget: could not mount', e);
          root.appendChild(el('div', { className: 'pg-widget-error', role: 'alert', text: '위젯을 불러오지 못했습니다.' }));
        }
      });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
