/*
 * The runnable lesson widget. Mounts on every <div class="pg-widget" data-config=".." data-title=".."
 * data-hide=".." data-lock=".." data-view=".."> (CONTRACT.md): controls that edit the run document, a live
 * Keras-style summary from POST /api/summary, Run and Stop over the websocket, the loss chart, the test
 * metrics, and the document in location.hash (#pg1=<base64url JSON>) so a link reproduces the run (also a link
 * opened in the page that is already open: hashchange).
 *
 * Load order: chart.umd.js, widget-state.js, widget-dom.js, loss-chart.js, run-socket.js, decision-plane.js,
 * widget-form.js, widget-summary.js, widget-weights.js, widget-compare.js, widget.js (the lesson layout lists them
 * all). When a page includes only widget.js (code-run.js loads it), it loads the others itself from its own folder
 * (same origin, so CSP script-src 'self').
 *
 * Compare mode (data-compare="batch_size=323,1,16"): a "비교 실행" button runs the document once per value, one
 * socket run after the other, into one chart pair per value (loss-chart.js compare mode) and the table of
 * widget-compare.js; Stop cancels the current run and the rest. A one-layer model's done.weights are drawn by
 * widget-weights.js ("학습된 가중치").
 * Anything the student typed reaches the page through textContent only.
 *
 * window.PgWidget.mountAll() mounts widgets inserted later (code-run.js uses it).
 *
 * Hooks for browser tests (stable): on the .pg-widget root data-state = idle | validating | invalid |
 * connecting | queued | running | stopping | done | error | cancelled | disconnected, data-summary = pending |
 * ok | invalid | unknown, data-key = pg1…, data-click-to-last-point-ms after a run, root.pgTiming {clicked,
 * queued, started, summary, firstEpoch, lastEpoch, done} (performance.now(), first time each); buttons .pg-run, .pg-stop, .pg-add-layer, .pg-remove-layer,
 * .pg-same-seed, .pg-rerun, .pg-copy; .pg-layer rows (data-index) with .pg-units, .pg-activation, .pg-alpha;
 * inputs #pgN-<control> (pg1-epochs, pg1-learning_rate, …); .pg-progress, .pg-status, .pg-banner,
 * .pg-chart canvas (canvas.pgChart is the Chart: datasets[0] loss, [1] val_loss), .pg-plane canvas (2-D data
 * sets: canvas.pgPlane {points, grid} of the last points and grid events), .pg-test-metrics
 * (.pg-metric[data-metric="r2"]), .pg-summary (.pg-summary-table), .pg-keras code, .pg-error[data-field="…"].
 * Compare mode: button .pg-compare-run; root data-compare-state = running | done | cancelled | error and
 * data-variant = "2/3" while it runs; chart datasets with pgRole compare_loss / compare_val_loss; .pg-compare
 * table (see widget-compare.js). Weights: .pg-weights (see widget-weights.js). Normalization statistics:
 * .pg-normalization in the summary (see widget-summary.js).
 */
(function () {
  'use strict';

  var SCRIPT_BASE = (function () {
    var src = document.currentScript && document.currentScript.src;
    return src ? src.slice(0, src.lastIndexOf('/') + 1) : '/assets/js/';
  })();
  var CHART_URL = '/webjars/chart.js/4.4.7/dist/chart.umd.js';
  var SUMMARY_DELAY_MS = 250;

  var METRIC_LABELS = {
    loss: '테스트 손실 (loss)',
    mse: 'MSE (평균 제곱 오차)',
    mae: 'MAE (평균 절대 오차)',
    r2: 'R² (결정 계수)',
    accuracy: '정확도 (accuracy)'
  };
  /** Keras's other names for a measure, labelled by what they measure with the name as written beside it. */
  var METRIC_KINDS = [
    [/^(acc|accuracy|(binary|categorical|sparse_categorical)_accuracy|(Binary|Categorical|SparseCategorical)Accuracy)$/i, '정확도'],
    [/^(mse|mean_squared_error|MeanSquaredError)$/i, '평균 제곱 오차'],
    [/^(mae|mean_absolute_error|MeanAbsoluteError)$/i, '평균 절대 오차'],
    [/^(root_mean_squared_error|RootMeanSquaredError)$/, '평균 제곱근 오차'],
    [/^(mape|mean_absolute_percentage_error|MeanAbsolutePercentageError)$/i, '평균 절대 백분율 오차'],
    [/^(msle|mean_squared_logarithmic_error|MeanSquaredLogarithmicError)$/i, '평균 제곱 로그 오차']
  ];

  /** The label of a test score: its own, or what its Keras name measures, e.g. "정확도 (acc)". */
  function metricLabel(name) {
    if (METRIC_LABELS[name]) return METRIC_LABELS[name];
    for (var i = 0; i < METRIC_KINDS.length; i++) {
      if (METRIC_KINDS[i][0].test(name)) return METRIC_KINDS[i][1] + ' (' + name + ')';
    }
    return name;
  }

  function isAccuracy(name) {
    return METRIC_KINDS[0][0].test(name);
  }
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
  var RESTARTED = '서버가 다시 시작되었습니다 — 다시 실행';
  /** Errors after which simply pressing Run again (a little later) is the remedy. */
  var RETRYABLE = { busy: true, shutting_down: true, rate_limited: true, timeout: false };

  /* ---------- loading ---------- */

  function loadScripts(urls, done) {
    var remaining = urls.length;
    if (!remaining) { done(); return; }
    urls.forEach(function (url) {
      var script = document.createElement('script');
      script.src = url;
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
    if (!window.PgDom) urls.push(SCRIPT_BASE + 'widget-dom.js');
    if (!window.PgLossChart) urls.push(SCRIPT_BASE + 'loss-chart.js');
    if (!window.PgRunSocket) urls.push(SCRIPT_BASE + 'run-socket.js');
    if (!window.PgDecisionPlane) urls.push(SCRIPT_BASE + 'decision-plane.js');
    if (!window.PgForm) urls.push(SCRIPT_BASE + 'widget-form.js');
    if (!window.PgSummary) urls.push(SCRIPT_BASE + 'widget-summary.js');
    if (!window.PgWeights) urls.push(SCRIPT_BASE + 'widget-weights.js');
    if (!window.PgCompare) urls.push(SCRIPT_BASE + 'widget-compare.js');
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
    var el = window.PgDom.el;
    var numberValue = window.PgDom.numberValue;
    var formatNumber = window.PgDom.formatNumber;

    /** The lesson's own document (data-config); throws when it is not JSON. */
    function presetDoc() {
      return JSON.parse(root.getAttribute('data-config') || '{}');
    }

    var doc;
    try {
      doc = presetDoc();
    } catch (e) {
      root.appendChild(el('div', { className: 'pg-widget-error', role: 'alert', text: '위젯 설정(JSON)을 읽을 수 없습니다.' }));
      return;
    }
    var fromHash = State.readHashDoc(key);
    if (fromHash && fromHash.doc) doc = fromHash.doc;

    var summaryTimer = null;
    var summarySequence = 0;
    var validated = null;
    var run = null;
    var lastRun = null;
    var runCounter = 0;
    var compareSpec = State.parseCompare(root.getAttribute('data-compare'));
    var series = null; /* the comparison in progress: {variants, index, stopped, seed, entries} */

    function splitList(text) {
      var set = {};
      String(text || '').split(',').forEach(function (name) { if (name.trim()) set[name.trim()] = true; });
      return set;
    }

    /* ----- run controls, chart, results, summary ----- */

    function buildOutput() {
      var runButton = el('button', { type: 'button', className: 'pg-run', 'data-testid': 'pg-run' }, [
        el('span', { 'aria-hidden': 'true', text: '▶ ' }), document.createTextNode('실행')
      ]);
      var stopButton = el('button', { type: 'button', className: 'pg-stop', 'data-testid': 'pg-stop' }, [
        el('span', { 'aria-hidden': 'true', text: '■ ' }), document.createTextNode('중지')
      ]);
      stopButton.disabled = true;
      runButton.addEventListener('click', runClicked);
      runButton.setAttribute('aria-keyshortcuts', 'Control+Enter');
      runButton.title = 'Ctrl+Enter';
      stopButton.addEventListener('click', stopClicked);
      var compareButton = null;
      if (compareSpec) {
        compareButton = el('button', { type: 'button', className: 'pg-compare-run', 'data-testid': 'pg-compare-run',
          title: compareSpec.control + ' = ' + compareSpec.values.map(function (v) { return v.text; }).join(', ') + ' 차례로 실행' }, [
          el('span', { 'aria-hidden': 'true', text: '⇉ ' }), document.createTextNode('비교 실행')
        ]);
        compareButton.addEventListener('click', compareClicked);
      }

      var status = el('p', { className: 'pg-status', role: 'status', 'aria-live': 'polite', text: '실행 버튼을 누르면 훈련을 시작합니다.' });
      var banner = el('div', { className: 'pg-banner', role: 'alert' });
      banner.hidden = true;

      var progressBar = el('progress', { max: '1', value: '0', id: idPrefix + 'progress' });
      var progressLabel = el('label', { for: progressBar.id, className: 'pg-progress-label', text: '에포크 0 / –' });
      var progress = el('div', { className: 'pg-progress', 'data-testid': 'pg-progress' }, [progressLabel, progressBar]);

      var planeCanvas = el('canvas', { role: 'img', 'aria-label': '결정 경계: 데이터 점과 평면 위 모델의 출력' });
      var planeBox = el('div', { className: 'pg-plane', 'data-testid': 'pg-plane' }, [
        planeCanvas,
        el('p', { className: 'pg-hint', text: '배경: 모델의 예측 · 흰 테두리 점: 훈련 데이터 · 검은 테두리 점: 테스트 데이터' })
      ]);
      planeBox.hidden = true;

      var canvas = el('canvas', { role: 'img', 'aria-label': '에포크별 loss(훈련)와 val_loss(검증) 그래프' });
      var chartBox = el('div', { className: 'pg-chart', 'data-testid': 'pg-chart' }, [canvas]);

      var logScale = el('input', { type: 'checkbox', id: idPrefix + 'logscale', className: 'pg-logscale' });
      var yMin = el('input', { type: 'number', step: 'any', id: idPrefix + 'ymin', className: 'pg-ymin', placeholder: '자동', inputmode: 'decimal' });
      var yMax = el('input', { type: 'number', step: 'any', id: idPrefix + 'ymax', className: 'pg-ymax', placeholder: '자동', inputmode: 'decimal' });
      var chartOptions = el('div', { className: 'pg-chart-options' }, [
        el('span', { className: 'pg-field-check' }, [logScale, el('label', { for: logScale.id, text: '로그 스케일' })]),
        el('span', {}, [el('label', { for: yMin.id, text: 'y 최솟값' }), yMin]),
        el('span', {}, [el('label', { for: yMax.id, text: 'y 최댓값' }), yMax]),
        el('p', { className: 'pg-hint', text: '노트의 plot_loss에서 plt.ylim([0, 50])처럼 세로축 범위를 고정합니다. 비우면 자동.' })
      ]);

      var metrics = el('div', { className: 'pg-test-metrics', 'data-testid': 'pg-test-metrics', 'aria-live': 'polite' });
      metrics.hidden = true;
      var history = el('ul', { className: 'pg-history', 'aria-label': '이전 실행과 비교' });

      /* Run, Stop, the status and the progress are one item, so on a phone they can stick to the bottom edge. */
      var actions = el('div', { className: 'pg-actions' }, [
        el('div', { className: 'pg-buttons' }, [runButton, compareButton, stopButton]),
        status,
        progress
      ]);
      var output = el('div', { className: 'pg-output' }, [
        banner, chartBox, chartOptions, planeBox, compareView ? compareView.element : null, metrics, weightsView.element,
        history, summaryView.element
      ]);
      return {
        actions: actions, element: output, planeBox: planeBox, planeCanvas: planeCanvas, runButton: runButton, stopButton: stopButton, status: status, banner: banner,
        compareButton: compareButton,
        progressBar: progressBar, progressLabel: progressLabel, canvas: canvas, logScale: logScale,
        yMin: yMin, yMax: yMax, metrics: metrics, history: history
      };
    }

    var settings = window.PgForm.create({
      doc: doc, idPrefix: idPrefix, hidden: hidden, locked: locked, onChange: documentChanged, onNote: setStatus
    });
    var summaryView = window.PgSummary.create(idPrefix);
    var weightsView = window.PgWeights.create(idPrefix);
    var compareView = compareSpec ? window.PgCompare.create(compareSpec) : null;
    var out = buildOutput();
    var fallback = root.querySelector('.pg-widget-fallback');
    if (fallback) fallback.hidden = true;
    root.appendChild(el('h3', { className: 'pg-title', text: root.getAttribute('data-title') || '딥러닝 놀이터' }));
    root.appendChild(el('div', { className: 'pg-body' }, [settings.element, out.actions, out.element]));
    var lossChart = window.PgLossChart.create(out.canvas);
    var plane = window.PgDecisionPlane.create(out.planeCanvas);

    /* ----- document ⇄ URL and summary ----- */

    /** Every edit: the URL, then (debounced) the live summary. */
    function documentChanged() {
      clearTimeout(summaryTimer);
      summaryTimer = setTimeout(function () {
        State.writeHashDoc(key, doc);
        requestSummary();
      }, SUMMARY_DELAY_MS);
    }

    /*
     * A link pasted into the open page, or Back and Forward between links, changes only the hash: apply it as a page
     * load would (without running). A run in progress goes on, since it trains its own copy of the document, as when
     * the student edits the form mid-run; the next Run uses the link's settings.
     */
    function hashChanged() {
      if (!State.hashIsState()) return; /* an anchor such as #heading: keep the settings */
      var linked = State.readHashDoc(key) || {};
      var next = linked.doc || presetDoc();
      if (!linked.problem && JSON.stringify(next) === JSON.stringify(doc)) return;
      Object.keys(doc).forEach(function (name) { delete doc[name]; });
      Object.assign(doc, next); /* in place: the form edits this same object */
      settings.refresh();
      if (!series) hideBanner(); /* a comparison's banner stays with its runs */
      if (linked.problem) showBanner('링크 오류', linked.problem, false);
      requestSummary();
    }

    /* ----- banners ----- */

    /**
     * A banner above the chart with a message (or a list of them); offerRerun adds a "다시 실행" button, enabled
     * once /healthz answers, when the title becomes readyTitle (if given).
     */
    function showBanner(title, message, offerRerun, readyTitle) {
      var banner = out.banner;
      banner.textContent = '';
      banner.hidden = false;
      var heading = el('strong', { text: title });
      banner.appendChild(heading);
      [].concat(message || []).forEach(function (line) { banner.appendChild(el('p', { text: line })); });
      if (offerRerun) {
        var again = el('button', { type: 'button', className: 'pg-rerun', 'data-testid': 'pg-rerun', text: '다시 실행' });
        again.addEventListener('click', runClicked);
        banner.appendChild(again);
        waitForServer(again, function () { if (readyTitle) heading.textContent = readyTitle; });
      }
    }

    /** Polls /healthz (every 2 s, about a minute at most) while the button waits; enables it when the server answers. */
    function waitForServer(button, onReady) {
      var tries = 0;
      button.disabled = true;
      button.textContent = '서버 확인 중…';
      function poll() {
        if (!button.isConnected) return;
        fetch('/healthz', { cache: 'no-store' }).then(function (response) {
          if (!response.ok) throw new Error('not ready');
          button.disabled = false;
          button.textContent = '다시 실행';
          onReady();
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
          summaryView.note('요약을 불러오지 못했습니다. 서버에 연결되어 있는지 확인하세요.');
          return result;
        }
        settings.clearErrors();
        summaryView.markStale(!result.ok);
        if (result.ok) {
          summaryView.render(result.body);
          settings.setRows(result.body, JSON.parse(json));
        } else {
          summaryView.note('설정을 고치면 요약이 다시 나타납니다.');
          settings.showFieldError(result.error.field, result.error.message);
        }
        return result;
      });
    }

    /* ----- running ----- */

    function setStatus(text) {
      out.status.textContent = text;
    }

    function setState(state) {
      root.setAttribute('data-state', state);
      var busy = state === 'validating' || state === 'connecting' || state === 'queued' || state === 'running' || state === 'stopping';
      out.runButton.disabled = busy;
      if (out.compareButton) out.compareButton.disabled = busy;
      out.stopButton.disabled = !busy || state === 'validating';
    }

    function setProgress(done, total) {
      out.progressBar.max = total || 1;
      out.progressBar.value = Math.min(done, total || 1);
      out.progressLabel.textContent = variantPrefix() + '에포크 ' + done + ' / ' + (total || '–');
    }

    /** "2/3: batch_size=1 · " while a comparison runs its second of three variants. */
    function variantPrefix() {
      if (!run || !run.variant) return '';
      return (run.variant.index + 1) + '/' + series.variants.length + ': ' + run.variant.label + ' · ';
    }

    function runClicked() {
      validateThen(startRun);
    }

    /** "비교 실행": the document once per compared value, one after the other. */
    function compareClicked() {
      validateThen(startComparison);
    }

    /** Checks the document (unless the summary already did) and calls begin(timing) when it is valid. */
    function validateThen(begin) {
      if (run || series || root.getAttribute('data-state') === 'validating') return;
      var json = JSON.stringify(doc);
      var timing = { clicked: performance.now() };
      root.pgTiming = timing;
      hideBanner();
      State.writeHashDoc(key, doc);
      if (validated && validated.json === json) {
        afterValidation(validated.result, timing, begin);
        return;
      }
      setState('validating');
      setStatus('설정을 확인하는 중…');
      requestSummary().then(function (result) { afterValidation(result, timing, begin); });
    }

    function afterValidation(result, timing, begin) {
      if (result && result.ok === false) {
        setState('invalid');
        setStatus('설정에 오류가 있어 실행하지 않았습니다. 표시된 칸을 고치세요.');
        settings.focusInvalid();
        return;
      }
      begin(timing);
    }

    /* ----- compare mode ----- */

    function startComparison(timing) {
      var seed = doc.seed === undefined ? null : doc.seed;
      var variants = compareView.variants(doc, seed);
      series = { variants: variants, index: -1, stopped: false, seed: seed, entries: [], diverged: [], timing: timing };
      lastRun = null;
      lossChart.startCompare(variants.map(function (v) { return v.label; }));
      lossChart.setEpochs(Math.max.apply(null, variants.map(function (v) { return State.getPath(v.doc, 'fit.epochs') || 1; })));
      renderHistory();
      clearResults();
      compareView.begin(variants);
      compareView.setSeed(seed);
      root.setAttribute('data-compare-state', 'running');
      nextVariant();
    }

    /** Before a run or a comparison: the last one's test metrics, weights and notes beside the controls. */
    function clearResults() {
      settings.clearErrors(); /* the document passed validation, so any note left is the last run's */
      out.metrics.hidden = true;
      out.metrics.textContent = '';
      weightsView.clear();
    }

    /** Starts the next compared run, or ends the comparison when none is left or Stop was pressed. */
    function nextVariant() {
      series.index++;
      var variant = series.variants[series.index];
      if (!variant || series.stopped) {
        endComparison(series.stopped ? 'cancelled' : 'done');
        return;
      }
      if (variant.doc.seed === undefined && series.seed !== null) variant.doc.seed = series.seed;
      root.setAttribute('data-variant', (variant.index + 1) + '/' + series.variants.length);
      compareView.running(variant.index);
      lossChart.selectSeries(variant.index);
      startRun(variant.index === 0 ? series.timing : { clicked: performance.now() }, variant);
    }

    function endComparison(state) {
      var finished = series;
      series = null;
      root.removeAttribute('data-variant');
      root.setAttribute('data-compare-state', state);
      compareView.skipped(finished.index, state === 'cancelled' ? '중지함' : '실행 안 함');
      setState(state);
      if (state === 'done') setStatus('비교를 마쳤습니다: ' + finished.variants.length + '번 실행.');
      else if (state === 'cancelled') setStatus('비교를 중지했습니다.');
      renderHistory();
    }

    /** One run over its own socket; variant is the compared run it is, or undefined for a plain run. */
    function startRun(timing, variant) {
      var runDoc = State.copyDoc(variant ? variant.doc : doc);
      var id = ++runCounter;
      root.pgTiming = timing;
      if (!variant) {
        if (lastRun) lossChart.keepCurrent(lastRun, lastRun.id);
        lossChart.reset();
        lossChart.labelPast(function (past) {
          var pastDoc = State.copyDoc(past.doc);
          if (pastDoc.seed === undefined && past.seed !== null) pastDoc.seed = past.seed;
          past.label = '실행 ' + past.id + ': ' + State.describeDiff(pastDoc, runDoc);
          return past.label;
        });
        renderHistory();
        clearResults();
        if (compareView) compareView.hide();
        root.removeAttribute('data-compare-state');
      }
      var epochs = State.getPath(runDoc, 'fit.epochs') || 1;
      run = { id: id, doc: runDoc, epochs: epochs, seed: null, test: null, timing: timing, opened: false, socket: null,
        variant: variant || null, loss: [], val: [] };
      if (!variant) {
        lastRun = run;
        lossChart.setEpochs(epochs);
      }
      setProgress(0, epochs);
      setState('connecting');
      setStatus(variantPrefix() + '서버에 연결하는 중…');
      var info = settings.currentDataset();
      var twoD = info && info.features && info.features.length === 2;
      var view = root.getAttribute('data-view') === 'boundary' || twoD ? 'boundary' : null;
      out.planeBox.hidden = true;
      plane.reset();
      plane.setTask(info && info.task);
      run.socket = window.PgRunSocket.start(runDoc, {
        onEvent: function (e) { onRunEvent(id, e); },
        onClose: function (c) { onRunClose(id, c); }
      }, view);
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
      if (!run.timing[event.type]) run.timing[event.type] = performance.now();
      switch (event.type) {
        case 'queued':
          setState('queued');
          setStatus(variantPrefix() + '대기 중: ' + event.position + '번째');
          break;
        case 'started':
          run.seed = event.seed;
          setState('running');
          setStatus(variantPrefix() + '훈련 중… (시드 ' + event.seed + startedFacts(event) + ')');
          run.stepsPerEpoch = event.steps_per_epoch;
          if (run.variant) {
            compareView.started(run.variant.index, event, run.epochs);
            if (series.seed === null && compareSpec.control !== 'seed') {
              series.seed = event.seed;
              compareView.setSeed(event.seed);
            }
          } else if (doc.seed === undefined && JSON.stringify(doc) === JSON.stringify(run.doc)) {
            var shared = State.copyDoc(doc);
            shared.seed = event.seed;
            State.writeHashDoc(key, shared);
          }
          break;
        case 'summary':
          /* a compared run's model may differ from the form's (normalize=false): the panel keeps the form's */
          if (!run.variant) summaryView.renderTable(event);
          break;
        case 'points':
          out.planeBox.hidden = false;
          plane.setPoints(event);
          break;
        case 'grid':
          out.planeBox.hidden = false;
          plane.setGrid(event);
          break;
        case 'epoch':
          addEpoch(event.epoch, event.logs || {});
          break;
        case 'epochs':
          (event.items || []).forEach(function (item) { addEpoch(item.epoch, item.logs || {}); });
          break;
        case 'done':
          run.test = event.test || {};
          if (run.timing.lastEpoch) {
            run.timing.clickToLastPointMs = Math.round(run.timing.lastEpoch - run.timing.clicked);
            root.setAttribute('data-click-to-last-point-ms', String(run.timing.clickToLastPointMs));
          }
          if (run.variant) {
            variantDone(event);
          } else {
            showTestMetrics(event.test || {}, event.elapsed_ms, run.seed);
            if (event.weights) weightsView.show([{ label: null, weights: event.weights }], settings.currentDataset());
            setStatus('훈련을 마쳤습니다.');
          }
          finishRun('done');
          break;
        case 'error':
          if (event.code === 'diverged') lossChart.markDiverged();
          /* a diverging value is an answer in a comparison (e.g. a learning rate too high): go on with the rest */
          if (run.variant && event.code === 'diverged') variantDiverged(event);
          else runError(event);
          if (run.variant) compareView.failed(run.variant.index, ERROR_TITLES[event.code] || '오류');
          if (series && event.code !== 'diverged') series.stopped = true;
          finishRun('error');
          break;
        case 'cancelled':
          setStatus(variantPrefix() + '중지했습니다 (에포크 ' + event.epoch + '까지 훈련).');
          if (series) series.stopped = true;
          finishRun('cancelled');
          break;
        default:
          break;
      }
    }

    /** ", 훈련 323행 · 검증 81행 · 에포크마다 21번 업데이트" from a started event that has them. */
    function startedFacts(event) {
      if (typeof event.train_rows !== 'number') return '';
      var facts = ', 훈련 ' + event.train_rows + '행';
      if (event.validation_rows) facts += ' · 검증 ' + event.validation_rows + '행';
      if (event.steps_per_epoch) facts += ' · 에포크마다 ' + event.steps_per_epoch + '번 업데이트';
      return facts;
    }

    function addEpoch(epoch, logs) {
      if (!run.timing.firstEpoch) run.timing.firstEpoch = performance.now();
      run.timing.lastEpoch = performance.now();
      if (root.getAttribute('data-state') !== 'stopping') setState('running');
      if (typeof logs.loss === 'number' && isFinite(logs.loss)) run.loss.push({ x: epoch, y: logs.loss });
      if (typeof logs.val_loss === 'number' && isFinite(logs.val_loss)) run.val.push({ x: epoch, y: logs.val_loss });
      lossChart.addPoint(epoch, logs);
      setProgress(epoch, run.epochs);
    }

    function runError(event) {
      if (event.code === 'invalid_config') {
        settings.clearErrors();
        var target = settings.showFieldError(event.field, event.message);
        if (target && target.visible) target.input.focus();
        setStatus('설정에 오류가 있어 실행하지 않았습니다. 표시된 칸을 고치세요.');
        return;
      }
      if (event.field) settings.showFieldError(event.field, event.message);
      var offerRerun = RETRYABLE[event.code] === true;
      var readyTitle = event.code === 'shutting_down' ? RESTARTED : null;
      showBanner(ERROR_TITLES[event.code] || '실행 오류', event.message, offerRerun, readyTitle);
      setStatus(ERROR_TITLES[event.code] || '실행하지 못했습니다.');
    }

    /**
     * A compared run diverged: the banner names each variant that did, and a new comparison clears it. No note beside
     * the form's control: it holds the document's value, not necessarily the variant's.
     */
    function variantDiverged(event) {
      series.diverged.push({ label: run.variant.label, text: run.variant.label + ': ' + event.message });
      var labels = series.diverged.map(function (d) { return d.label; });
      showBanner(labels.join(', ') + ': ' + ERROR_TITLES.diverged, series.diverged.map(function (d) { return d.text; }), false);
    }

    /** A compared run ended well: its row, its legend label, its weights beside the others'. */
    function variantDone(event) {
      var variant = run.variant;
      var steps = run.stepsPerEpoch;
      compareView.finished(variant.index, { elapsedMs: event.elapsed_ms, loss: run.loss, val: run.val, test: event.test });
      var facts = [];
      if (steps) facts.push('업데이트 ' + window.PgDom.withCommas(run.epochs * steps) + '번');
      if (typeof event.elapsed_ms === 'number') facts.push(compareView.duration(event.elapsed_ms));
      lossChart.labelSeries(variant.index, variant.label + (facts.length ? ' (' + facts.join(', ') + ')' : ''));
      if (event.weights) {
        series.entries.push({ label: variant.label, weights: event.weights });
        weightsView.show(series.entries, settings.currentDataset());
      }
    }

    /** After a run's last event; in a comparison, goes on with the next value (or ends the comparison). */
    function finishRun(state) {
      var finished = run;
      run = null;
      if (finished && finished.variant && series) {
        if (state === 'done' || (state === 'error' && !series.stopped)) {
          setState('running');
          nextVariant();
        } else {
          if (state !== 'cancelled') series.stopped = true;
          endComparison(state);
        }
        return;
      }
      setState(state);
      renderHistory();
    }

    function onRunClose(id, close) {
      if (!run || run.id !== id) return;
      var opened = run.opened;
      finishRun('disconnected');
      if (!close.unexpected) return;
      if (opened || close.code === 1012 || close.code === 1001) {
        showBanner(RESTARTED, '연결이 끊겨 훈련이 멈췄습니다. 다시 실행을 누르면 새로 연결합니다.', true);
      } else {
        showBanner('서버에 연결할 수 없습니다', '잠시 후 다시 실행을 눌러 주세요.', true);
      }
      setStatus('연결이 끊겼습니다.');
    }

    function stopClicked() {
      if (series) series.stopped = true;
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
      var names = Object.keys(test);
      // the server adds accuracy for a classifier; beside an accuracy compiled under another name (acc) it repeats it
      var repeated = names.some(function (n) { return n !== 'accuracy' && isAccuracy(n); });
      names.filter(function (n) { return !(repeated && n === 'accuracy'); }).forEach(function (name) {
        var value = test[name];
        var text = formatNumber(value);
        if (isAccuracy(name) && typeof value === 'number') text += ' (' + (value * 100).toFixed(1) + '%)';
        list.appendChild(el('div', { className: 'pg-metric', 'data-metric': name }, [
          el('dt', { text: metricLabel(name) }),
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
      settings.setSeed(seed);
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
    root.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        runClicked();
      }
    });
    out.yMax.addEventListener('input', applyRange);

    /* ----- start ----- */

    root.setAttribute('data-mounted', 'true');
    root.setAttribute('data-key', key);
    setState('idle');
    if (fromHash && fromHash.problem) showBanner('링크 오류', fromHash.problem, false);
    requestSummary();
    datasetsPromise.then(settings.setDatasets);
    window.addEventListener('hashchange', hashChanged);
  }

  /** A link to a heading that also holds settings (#heading&pg1=…) names no element, so the browser did not scroll. */
  function scrollToAnchor() {
    var id = window.PgState.hashAnchor();
    var target = id && document.getElementById(id);
    if (target) target.scrollIntoView();
  }

  function boot() {
    var roots = Array.prototype.slice.call(document.querySelectorAll('.pg-widget'));
    if (!roots.some(function (root) { return !root.hasAttribute('data-mounted'); })) return;
    loadDependencies(function () {
      var datasetsPromise = fetchDatasets();
      var pageLoad = !document.querySelector('.pg-widget[data-mounted]');
      roots.forEach(function (root, index) {
        if (root.hasAttribute('data-mounted')) return;
        try {
          mountWidget(root, index, datasetsPromise);
        } catch (e) {
          console.error('widget: could not mount', e);
          var problem = document.createElement('div');
          problem.className = 'pg-widget-error';
          problem.setAttribute('role', 'alert');
          problem.textContent = '위젯을 불러오지 못했습니다.';
          root.appendChild(problem);
        }
      });
      if (pageLoad) scrollToAnchor(); /* once the widgets have their height */
    });
  }

  /* Loaded twice (another script may add widgets later and load this file again): just mount the new ones. */
  if (window.PgWidget) {
    window.PgWidget.mountAll();
    return;
  }
  /** mountAll() mounts every .pg-widget not mounted yet, e.g. one a script inserted after the page loaded. */
  window.PgWidget = { mountAll: boot };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
})();
