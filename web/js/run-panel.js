/*
 * The widget's run side, as elements: Run, 비교 실행 and Stop with the status and progress (one item, so on a phone
 * they can stick to the bottom edge), then the banner, the loss chart with its y-axis options, the decision plane,
 * the results (compare table, test metrics, weights), the list of earlier runs and the summary. Test hooks:
 * .pg-run, .pg-compare-run, .pg-stop, .pg-status, .pg-progress, .pg-banner, .pg-chart canvas, .pg-plane canvas,
 * .pg-logscale, .pg-ymin, .pg-ymax, .pg-test-metrics, .pg-history.
 */
import { el, numberValue } from './widget-dom.js';

/** A button with its symbol (hidden from screen readers) before its text. */
export function button(className, symbol, text, title) {
  return el('button', { type: 'button', className, 'data-testid': className, title }, [
    el('span', { 'aria-hidden': 'true', text: symbol + ' ' }), document.createTextNode(text)
  ]);
}

/**
 * options: idPrefix; compareTitle (the 비교 실행 button's title, or null without compare mode); results: the
 * compare, weights and summary sections (null where absent); onRun, onCompare, onStop.
 */
export function buildRunPanel(options) {
  const idPrefix = options.idPrefix;
  const runButton = button('pg-run', '▶', '실행', 'Ctrl+Enter');
  runButton.setAttribute('aria-keyshortcuts', 'Control+Enter');
  runButton.addEventListener('click', options.onRun);
  const stopButton = button('pg-stop', '■', '중지');
  stopButton.disabled = true;
  stopButton.addEventListener('click', options.onStop);
  let compareButton = null;
  if (options.compareTitle) {
    compareButton = button('pg-compare-run', '⇉', '비교 실행', options.compareTitle);
    compareButton.addEventListener('click', options.onCompare);
  }

  const status = el('p', { className: 'pg-status', role: 'status', 'aria-live': 'polite', text: '실행 버튼을 누르면 훈련을 시작합니다.' });
  const banner = el('div', { className: 'pg-banner', role: 'alert' });

  const progressBar = el('progress', { max: '1', value: '0', id: idPrefix + 'progress' });
  const progressLabel = el('label', { for: progressBar.id, className: 'pg-progress-label', text: '에포크 0 / –' });
  const progress = el('div', { className: 'pg-progress', 'data-testid': 'pg-progress' }, [progressLabel, progressBar]);

  const planeCanvas = el('canvas', { role: 'img', 'aria-label': '결정 경계: 데이터 점과 평면 위 모델의 출력' });
  const planeBox = el('div', { className: 'pg-plane', 'data-testid': 'pg-plane' }, [
    planeCanvas,
    el('p', { className: 'pg-hint', text: '배경: 모델의 예측 · 흰 테두리 점: 훈련 데이터 · 검은 테두리 점: 테스트 데이터' })
  ]);
  planeBox.hidden = true;

  const canvas = el('canvas', { role: 'img', 'aria-label': '에포크별 loss(훈련)와 val_loss(검증) 그래프' });
  const chartBox = el('div', { className: 'pg-chart', 'data-testid': 'pg-chart' }, [canvas]);
  const axis = chartAxisOptions(idPrefix);

  const metrics = el('div', { className: 'pg-test-metrics', 'data-testid': 'pg-test-metrics', 'aria-live': 'polite' });
  metrics.hidden = true;
  const history = el('ul', { className: 'pg-history', 'aria-label': '이전 실행과 비교' });

  const actions = el('div', { className: 'pg-actions' }, [
    el('div', { className: 'pg-buttons' }, [runButton, compareButton, stopButton]),
    status,
    progress
  ]);
  const results = options.results;
  const element = el('div', { className: 'pg-output' }, [
    banner, chartBox, axis.element, planeBox, results.compare, metrics, results.trained, results.weights, history,
    results.summary
  ]);
  return {
    actions, element, planeBox, planeCanvas, runButton, stopButton, compareButton, status, banner,
    progressBar, progressLabel, canvas, axis, metrics, history
  };
}

/** Log scale and a fixed y range, as the notes' plot_loss does with plt.ylim([0, 50]). */
function chartAxisOptions(idPrefix) {
  const logScale = el('input', { type: 'checkbox', id: idPrefix + 'logscale', className: 'pg-logscale' });
  const yMin = el('input', { type: 'number', step: 'any', id: idPrefix + 'ymin', className: 'pg-ymin', placeholder: '자동', inputmode: 'decimal' });
  const yMax = el('input', { type: 'number', step: 'any', id: idPrefix + 'ymax', className: 'pg-ymax', placeholder: '자동', inputmode: 'decimal' });
  const element = el('div', { className: 'pg-chart-options' }, [
    el('span', { className: 'pg-field-check' }, [logScale, el('label', { for: logScale.id, text: '로그 스케일' })]),
    el('span', {}, [el('label', { for: yMin.id, text: 'y 최솟값' }), yMin]),
    el('span', {}, [el('label', { for: yMax.id, text: 'y 최댓값' }), yMax]),
    el('p', { className: 'pg-hint', text: '노트의 plot_loss에서 plt.ylim([0, 50])처럼 세로축 범위를 고정합니다. 비우면 자동.' })
  ]);
  return { element, logScale, yMin, yMax };
}

/** The axis options drive the loss chart. */
export function connectAxisOptions(axis, lossChart) {
  function applyRange() {
    const min = numberValue(axis.yMin);
    const max = numberValue(axis.yMax);
    lossChart.setRange(typeof min === 'number' ? min : null, typeof max === 'number' ? max : null);
  }
  axis.logScale.addEventListener('change', () => {
    lossChart.setLogScale(axis.logScale.checked);
    applyRange();
  });
  axis.yMin.addEventListener('input', applyRange);
  axis.yMax.addEventListener('input', applyRange);
}
