/*
 * The scikit-learn widget (issue 15): a lesson's ```playground block whose document names model.estimator. The
 * settings form (sk-form.js: family, estimator, data and split, params, preprocessing), 실행 and 중지 over the run
 * client (run-socket.js), a one-press sweep (k = 1…10 for k-means' elbow, 1…15 for KNN's k: model.sweep) when the
 * estimator has one, the progress of the fit, then its views (sk-views.js) and the scikit-learn code (sk-code.js).
 * The document lives in location.hash as the network widget's does (url-state.js), so a link reproduces the run.
 *
 * mountSkWidget(root, ctx, linkProblem) with ctx {root, key, idPrefix, vocabulary, doc, remount} from widget.js.
 * Hooks for browser tests: on the root data-state (widget-state.js's STATES), data-family, data-estimator, and
 * after a run data-score-test / data-score-train (the done event's scores as text), root.pgDoc (the document),
 * root.pgTiming {clicked, queued, started, step, done} (performance.now(), first time each); buttons .pg-run, .pg-sweep,
 * .pg-stop; .pg-status, .pg-progress; the views' hooks in sk-views.js.
 */
import { el, splitList } from './widget-dom.js';
import { copyDoc, stateOf } from './widget-state.js';
import { hashIsState, readHashDoc, writeHashDoc } from './url-state.js';
import { openRun } from './run-socket.js';
import { button } from './run-panel.js';
import { createBanner } from './banner.js';
import { ERROR_TITLES, RESTARTED, RETRYABLE } from './run-outcome.js';
import { sweepDoc } from './sk-doc.js';
import { createSkForm } from './sk-form.js';
import { LOCKED_DATASET, switchFamily } from './family.js';
import { createSkViews } from './sk-views.js';
import { createSkCode } from './sk-code.js';
import { STEP_WORDS } from './sk-results.js';

export function mountSkWidget(root, ctx, linkProblem) {
  const { key, idPrefix, vocabulary, doc } = ctx;
  let client = null;
  const fallback = root.querySelector('.pg-widget-fallback');
  if (fallback) fallback.hidden = true;
  root.setAttribute('data-families', 'true'); /* a network remounted from here keeps the picker */
  root.pgDoc = doc; /* the document as edited, for browser tests */

  const form = createSkForm({
    doc, idPrefix, vocabulary, hidden: splitList(root.getAttribute('data-hide')),
    locked: splitList(root.getAttribute('data-lock')), onChange: documentChanged,
    onFamily: (family) => {
      if (switchFamily(ctx, family)) {
        stop();
        return;
      }
      form.refresh(); /* the picker shows the family again */
      form.showFieldError('model', LOCKED_DATASET);
    }
  });
  const runButton = button('pg-run', '▶', '실행', 'Ctrl+Enter');
  const sweepButton = button('pg-sweep', '⇶', '');
  const stopButton = button('pg-stop', '■', '중지');
  const status = el('p', { className: 'pg-status', role: 'status', 'aria-live': 'polite', text: '실행 버튼을 누르면 학습을 시작합니다.' });
  const progressBar = el('progress', { max: '1', value: '0', id: idPrefix + 'progress' });
  const progressLabel = el('label', { for: progressBar.id, className: 'pg-progress-label', text: '' });
  const bannerBox = el('div', { className: 'pg-banner', role: 'alert' });
  const views = createSkViews();
  const code = createSkCode(doc);
  root.appendChild(el('h3', { className: 'pg-title', text: root.getAttribute('data-title') || 'scikit-learn 놀이터' }));
  root.appendChild(el('div', { className: 'pg-body pg-sk-body' }, [
    form.element,
    el('div', { className: 'pg-actions' }, [
      el('div', { className: 'pg-buttons' }, [runButton, sweepButton, stopButton]), status,
      el('div', { className: 'pg-progress', 'data-testid': 'pg-progress' }, [progressLabel, progressBar])
    ]),
    el('div', { className: 'pg-output' }, [bannerBox, views.element, code.element])
  ]));
  root.appendChild(views.wide);
  const banner = createBanner(bannerBox, () => run(false));
  runButton.addEventListener('click', () => run(false));
  sweepButton.addEventListener('click', () => run(true));
  stopButton.addEventListener('click', stop);

  /** The estimator's registry entry; the sweep button names its parameter and the values it tries. */
  function estimatorChanged() {
    const estimator = form.estimator();
    root.setAttribute('data-family', estimator ? estimator.family : '');
    root.setAttribute('data-estimator', doc.model.estimator);
    sweepButton.hidden = !(estimator && estimator.sweep);
    if (estimator && estimator.sweep) {
      const values = sweepDoc(doc, estimator).model.sweep.values;
      sweepButton.lastChild.textContent = estimator.sweep + ' = ' + values[0] + '…' + values[values.length - 1] + ' 한 번에';
    }
  }

  function documentChanged() {
    writeHashDoc(key, doc);
    estimatorChanged();
    code.later();
  }

  function setState(state) {
    const { busy, stoppable } = stateOf(state);
    root.setAttribute('data-state', state);
    runButton.disabled = busy;
    sweepButton.disabled = busy;
    stopButton.disabled = !stoppable;
  }

  function setProgress(index, total, kind) {
    progressBar.max = total || 1;
    progressBar.value = Math.min(index, total || 1);
    progressLabel.textContent = (STEP_WORDS[kind] || kind) + ' ' + index + ' / ' + (total || '–');
  }

  /* ----- a run ----- */

  async function run(sweep) {
    if (client) return;
    const estimator = form.estimator();
    if (!estimator) {
      status.textContent = '알 수 없는 추정기입니다: ' + doc.model.estimator;
      return;
    }
    root.pgTiming = { clicked: performance.now() };
    banner.hide();
    form.clearErrors();
    writeHashDoc(key, doc);
    const runDoc = sweep ? sweepDoc(doc, estimator) : copyDoc(doc);
    const info = form.currentDataset();
    const twoD = !!(info && info.features && info.features.length === 2);
    views.start({ estimator, info, doc: runDoc, sweep: sweep ? runDoc.model.sweep : null, twoD, params: runDoc.model.params || {},
      preprocessed: !!(runDoc.model.preprocess && runDoc.model.preprocess.length) });
    root.removeAttribute('data-score-test');
    root.removeAttribute('data-score-train');
    setState('connecting');
    status.textContent = '서버에 연결하는 중…';
    progressBar.value = 0;
    progressLabel.textContent = '';
    client = openRun(runDoc, { view: twoD ? 'boundary' : null, onEvent });
    const outcome = await client.finished;
    client = null;
    finished(outcome);
  }

  function onEvent(event) {
    if (root.pgTiming && !root.pgTiming[event.type]) root.pgTiming[event.type] = performance.now();
    if (event.type === 'queued') {
      setState('queued');
      status.textContent = '대기 중: ' + event.position + '번째';
    } else if (event.type === 'started') {
      setState('running');
      status.textContent = '학습 중… (시드 ' + event.seed + ', 훈련 ' + event.train_rows + '행 · 시험 ' + event.test_rows + '행)';
    } else if (event.type === 'step') {
      if (root.getAttribute('data-state') !== 'stopping') setState('running');
      setProgress(event.index, event.total, event.kind);
      views.step(event);
    } else if (event.type === 'points' || event.type === 'grid') {
      views.planeEvent(event);
    }
  }

  function finished(outcome) {
    const event = outcome.event;
    if (outcome.state === 'done') {
      if (event.score) {
        if (event.score.test !== undefined) root.setAttribute('data-score-test', String(event.score.test));
        root.setAttribute('data-score-train', String(event.score.train));
      }
      views.done(event);
      progressBar.value = progressBar.max;
      progressLabel.textContent = '완료';
      status.textContent = '학습을 마쳤습니다. (' + (event.elapsed_ms / 1000).toFixed(2) + '초, 시드 ' + event.seed + ')';
    } else if (outcome.state === 'error') {
      runError(event);
    } else if (outcome.state === 'cancelled') {
      status.textContent = '중지했습니다.';
    } else if (outcome.unexpected) {
      banner.show(RESTARTED, '연결이 끊겨 학습이 멈췄습니다. 다시 실행을 누르면 새로 연결합니다.', true);
      status.textContent = '연결이 끊겼습니다.';
    }
    setState(outcome.state);
  }

  function runError(event) {
    const input = event.field ? form.showFieldError(event.field, event.message) : null;
    if (event.code === 'invalid_config') {
      if (input) input.focus();
      status.textContent = '설정에 오류가 있어 실행하지 않았습니다. 표시된 칸을 고치세요.';
      if (input) return;
    }
    banner.show(ERROR_TITLES[event.code] || '실행 오류', event.message, RETRYABLE.includes(event.code),
      event.code === 'shutting_down' ? RESTARTED : null);
    status.textContent = ERROR_TITLES[event.code] || '실행하지 못했습니다.';
  }

  function stop() {
    if (!client) return;
    setState('stopping');
    status.textContent = '중지하는 중…';
    client.stop();
  }

  /** A link opened in the page: its document, or a network's (the network widget then takes the root). */
  function hashChanged() {
    if (!root.isConnected || !hashIsState()) return;
    const linked = readHashDoc(key) || {};
    const next = linked.doc || JSON.parse(root.getAttribute('data-config') || '{}');
    if (JSON.stringify(next) === JSON.stringify(doc)) return;
    stop();
    ctx.remount(next);
  }

  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run(false);
    }
  });
  window.addEventListener('hashchange', hashChanged);
  root.setAttribute('data-mounted', 'true');
  root.setAttribute('data-key', key);
  setState('idle');
  estimatorChanged();
  code.later();
  if (linkProblem) banner.show('링크 오류', linkProblem, false);
}
