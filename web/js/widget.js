/*
 * The runnable lesson widget, the entry module of lesson pages with a widget. Mounts on every <div class="pg-widget"
 * data-config=".." data-title=".." data-hide=".." data-lock=".." data-view=".." data-compare=".."> the settings
 * form (widget-form.js), a live Keras-style summary from POST /api/summary (live-summary.js), Run and Stop over a
 * run client (run-socket.js), the loss chart, the test metrics, and the document in location.hash (#pg1=<base64url
 * JSON>, url-state.js) so a link reproduces the run (also a link opened in the page that is already open).
 * Compare mode is widget-compare.js; menus, compare parsing and task rules come from vocabulary.js. A document
 * naming model.estimator mounts the scikit-learn widget instead (sk-widget.js), whose family picker (family.js) may
 * remount this one on a network (then with the picker too). Text the student typed goes in through textContent only.
 * mountAll() mounts widgets inserted later (code-run.js imports this module and calls it).
 *
 * Hooks for browser tests (stable): on the .pg-widget root data-state (widget-state.js's STATES: idle | validating |
 * invalid | connecting | queued | running | stopping | done | error | cancelled | disconnected), data-summary =
 * pending | ok | invalid | unknown, data-key = pg1…, data-click-to-last-point-ms after a run, root.pgTiming
 * {clicked, queued, started, summary, firstEpoch, lastEpoch, done} (performance.now(), first time each); buttons
 * .pg-run, .pg-stop, .pg-add-layer, .pg-remove-layer, .pg-same-seed, .pg-rerun, .pg-copy; .pg-layer rows
 * (data-index) with .pg-units, .pg-activation, .pg-alpha; inputs #pgN-<control> (pg1-epochs, pg1-learning_rate, …);
 * .pg-progress, .pg-status, .pg-banner, .pg-chart canvas (canvas.pgChart is the Chart: datasets[0] loss, [1]
 * val_loss), .pg-plane canvas (2-D data sets: canvas.pgPlane {points, grid} of the last points and grid events),
 * .pg-test-metrics (.pg-metric[data-metric="r2"]), .pg-summary (.pg-summary-table), .pg-keras code,
 * .pg-error[data-field="…"]. Compare mode: button .pg-compare-run, see widget-compare.js and compare-table.js.
 * Weights: .pg-weights (widget-weights.js). Normalization statistics: .pg-normalization (widget-summary.js).
 * Playback (playback.js): .pg-speed, .pg-instant, .pg-replay (playback-controls.js); the network view .pg-network
 * (network-view.js); data-fit = ok | failed after a run that ended (run-outcome.js's fitVerdict).
 */
import { loadVocabulary } from './vocabulary.js';
import { loadChart } from './chart-loader.js';
import { el, splitList } from './widget-dom.js';
import { copyDoc, describeDiff, getPath, stateOf } from './widget-state.js';
import { hashAnchor, hashIsState, readHashDoc, writeHashDoc } from './url-state.js';
import { parseCompare } from './compare-spec.js';
import { createForm } from './widget-form.js';
import { create as createSummary } from './widget-summary.js';
import { create as createWeights } from './widget-weights.js';
import { create as createLossChart } from './loss-chart.js';
import { create as createPlane } from './decision-plane.js';
import { openRun } from './run-socket.js';
import { buildRunPanel, connectAxisOptions } from './run-panel.js';
import { createTrainedModel } from './trained-model.js';
import { createShareLink } from './share-link.js';
import { createBanner } from './banner.js';
import { hideTestMetrics, showTestMetrics, testSummary } from './test-metrics.js';
import { createCompareMode } from './widget-compare.js';
import { createLiveSummary } from './live-summary.js';
import { ERROR_TITLES, startedFacts, fitVerdict, verdictFacts } from './run-outcome.js';
import { create as createErrorReport } from './run-errors.js';
import { createPlayback } from './playback.js';
import { create as createPlaybackControls } from './playback-controls.js';
import { create as createNetworkView, hiddenUnits } from './network-view.js';
import { isEstimatorDoc } from './sk-doc.js';
import { widgetStart } from './widget-start.js';
import { familyPicker } from './family.js';

/** What 다시 보기 plays again: the pictures, not the run's messages. */
const REPLAYED = ['points', 'grid', 'epoch', 'error'];

/** chosen: the document a family switch remounts the widget on (family.js), instead of the lesson's or the link's. */
function mountWidget(root, index, vocabulary, chosen) {
  const key = 'pg' + (index + 1);
  const idPrefix = key + '-';
  const start = widgetStart(root, index, vocabulary, chosen, mountWidget);
  if (!start) return;
  const { doc, fromHash, presetDoc, family } = start;
  const remount = family.remount;

  let current = null; /* the run in progress (newRun) */
  let lastRun = null;
  let runCounter = 0;

  const settings = createForm({
    doc, idPrefix, vocabulary, hidden: splitList(root.getAttribute('data-hide')),
    locked: splitList(root.getAttribute('data-lock')), onChange: documentChanged, onNote: setStatus
  });
  const summaryView = createSummary(idPrefix);
  const weightsView = createWeights(idPrefix);
  const trained = createTrainedModel({ vocabulary });
  const compareSpec = parseCompare(root.getAttribute('data-compare'), vocabulary);
  /** What compare mode drives; the chart and banner join once they exist. */
  const widget = {
    root, settings, weightsView, newRun, execute, setState, setStatus, clearResults, renderHistory,
    runError: (event) => errors.runError(event), disconnected: (outcome) => errors.disconnected(outcome),
    errorTitle: (code) => ERROR_TITLES[code], forgetLastRun: () => { lastRun = null; },
    verdict: (runDoc, test) => fitVerdict(test, verdictFacts(runDoc, settings.currentDataset(), vocabulary))
  };
  const compare = compareSpec ? createCompareMode(compareSpec, widget) : null;
  const out = buildRunPanel({
    idPrefix,
    compareTitle: compareSpec && compareSpec.control + ' = ' + compareSpec.values.map((v) => v.text).join(', ') + ' 차례로 실행',
    results: { compare: compare && compare.element, trained: trained.element, weights: weightsView.element,
      summary: summaryView.element },
    onRun: runClicked, onCompare: compareClicked, onStop: stopClicked
  });
  const playing = (act) => () => { if (current && current.playback) act(current.playback); };
  const controls = createPlaybackControls(idPrefix, {
    onSpeed: (name) => playing((p) => p.setSpeed(name))(), onSkip: playing((p) => p.skip()), onReplay: replayClicked
  });
  out.actions.appendChild(controls.element);
  const fallback = root.querySelector('.pg-widget-fallback');
  if (fallback) fallback.hidden = true;
  root.appendChild(el('h3', { className: 'pg-title', text: root.getAttribute('data-title') || '딥러닝 놀이터' }));
  if (root.hasAttribute('data-families')) root.appendChild(familyPicker(family));
  root.appendChild(el('div', { className: 'pg-body' }, [settings.element, out.actions, out.element]));
  if (!root.id) root.id = idPrefix + 'widget'; /* what a shared link scrolls to */
  out.actions.appendChild(createShareLink({ key, anchorId: root.id, doc, setStatus }).element);
  const lossChart = createLossChart(out.canvas);
  const plane = createPlane(out.planeCanvas);
  const inputLabel = (name) => (vocabulary.list('input_features').find((f) => f.name === name) || { label: name }).label;
  const network = createNetworkView(() => (getPath(doc, 'dataset.features') || (settings.currentDataset() || {}).features
    || []).map(inputLabel));
  out.planeBox.after(network.element);
  const banner = createBanner(out.banner, runClicked);
  const summary = createLiveSummary({ root, doc, view: summaryView, settings });
  const errors = createErrorReport({ settings, banner, setStatus, lossChart, out, setProgress });
  Object.assign(widget, { lossChart, banner });
  connectAxisOptions(out.axis, lossChart);

  /* ----- document ⇄ URL and summary ----- */

  /** Every edit: the URL, then (debounced) the live summary. */
  function documentChanged() {
    summary.later(() => writeHashDoc(key, doc));
  }

  /*
   * A link pasted into the open page, or Back and Forward between links, changes only the hash: apply it as a page
   * load would (without running). A run in progress goes on, since it trains its own copy of the document, as when
   * the student edits the form mid-run; the next Run uses the link's settings.
   */
  function hashChanged() {
    if (!root.isConnected || !hashIsState()) return; /* replaced by a family switch; an anchor such as #heading */
    const linked = readHashDoc(key) || {};
    const next = linked.doc || presetDoc();
    if (isEstimatorDoc(next)) return remount(next);
    if (!linked.problem && JSON.stringify(next) === JSON.stringify(doc)) return;
    Object.keys(doc).forEach((name) => { delete doc[name]; });
    Object.assign(doc, next); /* in place: the form edits this same object */
    settings.refresh();
    if (!(compare && compare.active())) banner.hide(); /* a comparison's banner stays with its runs */
    if (linked.problem) banner.show('링크 오류', linked.problem, false);
    summary.request();
  }

  /* ----- state, status, progress ----- */

  function setStatus(text) {
    out.status.textContent = text;
  }

  function setState(state) {
    const { busy, stoppable } = stateOf(state);
    root.setAttribute('data-state', state);
    out.runButton.disabled = busy;
    if (out.compareButton) out.compareButton.disabled = busy;
    out.stopButton.disabled = !stoppable;
    controls.setPlaying(busy && !!current);
    controls.setReplayable(!busy && !!(lastRun && lastRun.shown));
  }

  /** "2/3: batch_size=1 · " while a comparison runs its second of three variants. */
  function prefix() {
    return current && current.mode.prefix ? current.mode.prefix() : '';
  }

  function setProgress(done, total) {
    out.progressBar.max = total || 1;
    out.progressBar.value = Math.min(done, total || 1);
    out.progressLabel.textContent = prefix() + '에포크 ' + done + ' / ' + (total || '–');
  }

  /* ----- starting ----- */

  function runClicked() {
    validateThen(runPlain);
  }

  /** "비교 실행": the document once per compared value, one after the other. */
  function compareClicked() {
    validateThen((timing) => compare.run(doc, timing));
  }

  /** Checks the document (unless the summary already did) and calls begin(timing) when it is valid. */
  function validateThen(begin) {
    if (current || (compare && compare.active()) || root.getAttribute('data-state') === 'validating') return;
    const timing = { clicked: performance.now() };
    root.pgTiming = timing;
    banner.hide();
    writeHashDoc(key, doc);
    summary.validate(() => {
      setState('validating');
      setStatus('설정을 확인하는 중…');
    }).then((result) => {
      if (result && result.ok === false) {
        setState('invalid');
        setStatus('설정에 오류가 있어 실행하지 않았습니다. 표시된 칸을 고치세요.');
        settings.focusInvalid();
        return;
      }
      begin(timing);
    });
  }

  /** Before a run or a comparison: the last one's test metrics, weights and notes beside the controls. */
  function clearResults() {
    settings.clearErrors(); /* the document passed validation, so any note left is the last run's */
    hideTestMetrics(out.metrics);
    weightsView.clear();
    trained.clear();
  }

  /* ----- one run ----- */

  /** A run's record; mode says what kind: plain (PLAIN) or one variant of a comparison (widget-compare.js). */
  function newRun(runDoc, timing, mode) {
    return { id: ++runCounter, doc: runDoc, epochs: getPath(runDoc, 'fit.epochs') || 1, seed: null, test: null,
      timing, mode, stepsPerEpoch: null, loss: [], val: [] };
  }

  const PLAIN = {
    variant: null,
    prefix: null,
    /** A run the server chose the seed for: the address gets it, so the link reproduces this run. */
    started(event, run) {
      if (doc.seed !== undefined || JSON.stringify(doc) !== JSON.stringify(run.doc)) return;
      const shared = copyDoc(doc);
      shared.seed = event.seed;
      writeHashDoc(key, shared);
    }
  };

  /** Runs run over a run client; resolves to its outcome (run-socket.js) once the run has ended. */
  async function execute(run) {
    current = run;
    root.pgTiming = run.timing;
    setProgress(0, run.epochs);
    setState('connecting');
    setStatus(prefix() + '서버에 연결하는 중…');
    const info = settings.currentDataset();
    const twoD = info && info.features && info.features.length === 2;
    const view = root.getAttribute('data-view') === 'boundary' || twoD ? 'boundary' : null;
    out.planeBox.hidden = true;
    plane.reset();
    network.reset();
    plane.setTask(info && info.task, info && info.classes);
    run.playback = createPlayback({ epochs: run.epochs, speed: controls.speed(), show: (e) => onRunEvent(run, e) });
    run.client = openRun(run.doc, { view, onEvent: (event) => run.playback.push(event) });
    const outcome = await run.client.finished;
    run.serverDone = true;
    outcome.halted = (await run.playback.close()).halted;
    run.shown = run.playback.shown().filter((e) => REPLAYED.includes(e.type));
    current = null;
    return outcome;
  }

  function onRunEvent(run, event) {
    if (current !== run) return;
    if (!run.timing[event.type]) run.timing[event.type] = performance.now();
    switch (event.type) {
      case 'queued':
        setState('queued');
        setStatus(prefix() + '대기 중: ' + event.position + '번째');
        break;
      case 'started':
        run.seed = event.seed;
        run.stepsPerEpoch = event.steps_per_epoch;
        setState('running');
        setStatus(prefix() + '훈련 중… (시드 ' + event.seed + startedFacts(event) + ')');
        run.mode.started(event, run);
        break;
      case 'summary':
        /* a compared run's model may differ from the form's (normalize=false): the panel keeps the form's */
        if (!run.mode.variant) summaryView.renderTable(event);
        break;
      case 'points':
        out.planeBox.hidden = false;
        plane.setPoints(event);
        network.expect(hiddenUnits(run.doc), event.network_max_hidden);
        break;
      case 'grid':
        out.planeBox.hidden = false;
        plane.setGrid(event);
        if (event.network) network.setFrame(event.network, event.epoch);
        break;
      case 'epoch':
        addEpoch(run, event.epoch, event.logs || {});
        break;
      case 'epochs':
        (event.items || []).forEach((item) => addEpoch(run, item.epoch, item.logs || {}));
        break;
      case 'done':
        run.test = event.test || {};
        if (run.timing.lastEpoch) {
          run.timing.clickToLastPointMs = Math.round(run.timing.lastEpoch - run.timing.clicked);
          root.setAttribute('data-click-to-last-point-ms', String(run.timing.clickToLastPointMs));
        }
        break;
      case 'error':
        if (event.code === 'diverged') errors.diverged(event, run.epochs, prefix());
        break;
      default:
        break;
    }
  }

  function addEpoch(run, epoch, logs) {
    if (!run.timing.firstEpoch) run.timing.firstEpoch = performance.now();
    run.timing.lastEpoch = performance.now();
    if (root.getAttribute('data-state') !== 'stopping') setState('running');
    if (typeof logs.loss === 'number' && isFinite(logs.loss)) run.loss.push({ x: epoch, y: logs.loss });
    if (typeof logs.val_loss === 'number' && isFinite(logs.val_loss)) run.val.push({ x: epoch, y: logs.val_loss });
    lossChart.addPoint(epoch, logs);
    setProgress(epoch, run.epochs);
  }

  /** Run: the document once, its curves in front of the last runs' faded ones. */
  async function runPlain(timing) {
    const runDoc = copyDoc(doc);
    if (lastRun) lossChart.keepCurrent(lastRun, lastRun.id);
    lossChart.reset();
    lossChart.labelPast((past) => {
      const pastDoc = copyDoc(past.doc);
      if (pastDoc.seed === undefined && past.seed !== null) pastDoc.seed = past.seed;
      past.label = '실행 ' + past.id + ': ' + describeDiff(pastDoc, runDoc);
      return past.label;
    });
    renderHistory();
    clearResults();
    if (compare) compare.hide();
    root.removeAttribute('data-compare-state');
    const run = newRun(runDoc, timing, PLAIN);
    lastRun = run;
    lossChart.setEpochs(run.epochs);
    const outcome = await execute(run);
    const event = outcome.event;
    if (outcome.state === 'done') {
      showTestMetrics(out.metrics, { test: event.test || {}, elapsedMs: event.elapsed_ms, seed: run.seed }, rerunWithSeed);
      trained.show(event, run, settings.currentDataset());
      if (event.feature_weights) weightsView.show([{ label: null, weights: event.feature_weights }], settings.currentDataset());
      const verdict = widget.verdict(runDoc, event.test);
      root.setAttribute('data-fit', verdict ? 'failed' : 'ok');
      setStatus(outcome.halted ? '재생을 멈췄습니다 (에포크 ' + run.playback.shownEpoch() + '까지 표시). 훈련은 끝났습니다: '
        + (verdict || '다시 보기로 처음부터 볼 수 있습니다.') : verdict || '훈련을 마쳤습니다.');
    } else if (outcome.state === 'error') {
      errors.runError(event);
    } else if (outcome.state === 'cancelled') {
      setStatus(event ? '중지했습니다 (에포크 ' + event.epoch + '까지 훈련).' : '중지했습니다.');
    }
    setState(outcome.state);
    renderHistory();
    if (outcome.state === 'disconnected') errors.disconnected(outcome);
  }

  function renderHistory() {
    out.history.textContent = '';
    lossChart.pastTags().forEach((past) => {
      const result = past.test ? ' → ' + testSummary(past.test) : ' (끝나지 않음)';
      out.history.appendChild(el('li', { text: past.label + result }));
    });
  }

  /** 중지 freezes the playback where it is, and stops the run too unless the server has sent all of it. */
  function stopClicked() {
    if (compare) compare.stop();
    if (!current) return;
    current.playback.halt();
    if (current.serverDone) return;
    setState('stopping');
    setStatus('중지하는 중…');
    current.client.stop();
  }

  /** 다시 보기: the last run's curves, plane and network from the start, at the chosen speed. */
  async function replayClicked() {
    const run = lastRun;
    if (!run || !run.shown || current) return;
    const state = root.getAttribute('data-state');
    const status = out.status.textContent;
    current = run;
    setState('running');
    lossChart.reset();
    plane.reset();
    run.loss = [];
    run.val = [];
    run.playback = createPlayback({ epochs: run.epochs, speed: controls.speed(), show: (e) => onRunEvent(run, e) });
    run.shown.forEach((event) => run.playback.push(event));
    run.serverDone = true;
    await run.playback.close();
    current = null;
    setState(state);
    setStatus(status);
  }

  function rerunWithSeed(seed) {
    settings.setSeed(seed);
    writeHashDoc(key, doc);
    runClicked();
  }

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runClicked();
    }
  });

  root.setAttribute('data-mounted', 'true');
  root.setAttribute('data-key', key);
  setState('idle');
  if (fromHash && fromHash.problem) banner.show('링크 오류', fromHash.problem, false);
  summary.request();
  window.addEventListener('hashchange', hashChanged);
}

function mountFailed(root, error) {
  console.error('widget: could not mount', error);
  root.appendChild(el('div', { className: 'pg-widget-error', role: 'alert', text: '위젯을 불러오지 못했습니다.' }));
}

/** A link to a heading that also holds settings (#heading&pg1=…) names no element, so the browser did not scroll. */
function scrollToAnchor() {
  const id = hashAnchor();
  const target = id && document.getElementById(id);
  if (target) target.scrollIntoView();
}

/** Mounts every .pg-widget not mounted yet, e.g. one a script inserted after the page loaded. */
export async function mountAll() {
  const unmounted = () => Array.from(document.querySelectorAll('.pg-widget:not([data-mounted])'));
  if (!unmounted().length) return;
  const pageLoad = !document.querySelector('.pg-widget[data-mounted]');
  let vocabulary;
  try {
    [vocabulary] = await Promise.all([loadVocabulary(), loadChart()]);
  } catch (e) {
    unmounted().forEach((root) => mountFailed(root, e));
    return;
  }
  const all = Array.from(document.querySelectorAll('.pg-widget'));
  unmounted().forEach((root) => {
    try {
      mountWidget(root, all.indexOf(root), vocabulary);
    } catch (e) {
      mountFailed(root, e);
    }
  });
  if (pageLoad) scrollToAnchor(); /* once the widgets have their height */
}

mountAll();
