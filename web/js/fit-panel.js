/*
 * The result of a teacher's scikit-learn cell, under the code: "▶ 이 코드 실행" on a cell the server read as a
 * scikit-learn fit (its data-run-config names model.estimator) opens this panel instead of a Keras widget. It runs
 * the document over /ws/train (run-socket.js's run client), shows the fit growing (trees, rounds, iterations), then
 * the result as sk-results.js draws it: the scores, the task's metrics, the confusion matrix and the learned values.
 *
 * An ES module: code-run.js loads it with import() the first time such a cell is run. export open(block, config).
 * Hooks for browser tests: the panel is .pg-fit with data-state (running, done, error); the test score is
 * [data-score="test"].
 * No inline script (CSP); nothing here writes HTML from strings.
 */

import { openRun } from './run-socket.js';
import { STEP_WORDS, confusion, learned, scores } from './sk-results.js';
import { loadVocabulary } from './vocabulary.js';
import { el } from './widget-dom.js';

let datasets = null;

/** The data set's feature and class names, for the bars' and the matrix's labels. */
function datasetInfo(name) {
  if (!datasets) datasets = fetch('/api/datasets').then((r) => r.json()).catch(() => []);
  return datasets.then((all) => all.find((d) => d.name === name) || { features: [], classes: [] });
}

function showResult(panel, result, info) {
  const body = panel.querySelector('.pg-fit-body');
  body.replaceChildren();
  body.appendChild(scores(result));
  const m = result.metrics || {};
  if (m.confusion_matrix) body.appendChild(confusion(m.confusion_matrix, info.classes));
  learned(result, result.feature_names || info.features || [], info.classes).forEach((part) => body.appendChild(part));
  const seconds = (result.elapsed_ms / 1000).toFixed(2);
  body.appendChild(el('p', { className: 'pg-fit-note', text: '훈련 ' + result.train_rows + '행 · 테스트 ' + result.test_rows
    + '행 · 걸린 시간 ' + seconds + '초 · 시드 ' + result.seed }));
}

function panelFor(block, config) {
  const doc = JSON.parse(config);
  const panel = el('section', { className: 'pg-fit', 'data-from-code': 'true' });
  const name = doc.model.estimator;
  const title = el('h3', { text: 'scikit-learn · ' + name });
  panel.appendChild(title);
  /* the registry's Korean name, once /api/options has answered */
  loadVocabulary().then((v) => {
    const entry = v.estimator(name);
    if (entry) title.textContent = 'scikit-learn · ' + entry.label + ' (' + name + ')';
  }, () => {});
  const status = el('p', { className: 'pg-fit-status', role: 'status' });
  panel.appendChild(status);
  const progress = el('progress', { className: 'pg-fit-progress', max: 1, value: 0 });
  panel.appendChild(progress);
  panel.appendChild(el('div', { className: 'pg-fit-body' }));
  const again = el('button', { className: 'pg-fit-again', type: 'button', text: '다시 실행' });
  panel.appendChild(again);
  block.insertAdjacentElement('afterend', panel);
  again.addEventListener('click', () => run(panel, doc));
  return { panel, doc };
}

function run(panel, doc) {
  const status = panel.querySelector('.pg-fit-status');
  const progress = panel.querySelector('.pg-fit-progress');
  const again = panel.querySelector('.pg-fit-again');
  again.disabled = true;
  panel.setAttribute('data-state', 'running');
  status.textContent = '서버에 연결하는 중…';
  const names = datasetInfo(doc.dataset.name || doc.dataset);
  openRun(doc, {
    onEvent(event) {
      if (event.type === 'queued') status.textContent = '차례를 기다리는 중… (' + event.position + '번째)';
      if (event.type === 'started') status.textContent = '학습 중… (훈련 ' + event.train_rows + '행)';
      if (event.type === 'step') {
        status.textContent = '학습 중… ' + (STEP_WORDS[event.kind] || event.kind) + ' ' + event.index + ' / ' + event.total;
        progress.max = event.total;
        progress.value = event.index;
      }
    }
  }).finished.then((outcome) => {
    again.disabled = false;
    if (outcome.state === 'done') {
      progress.max = 1;
      progress.value = 1;
      status.textContent = '학습을 마쳤습니다.';
      return names.then((n) => {
        showResult(panel, outcome.event, n);
        panel.setAttribute('data-state', 'done');
      });
    }
    status.textContent = outcome.event && outcome.event.message ? outcome.event.message
      : outcome.state === 'cancelled' ? '학습이 취소되었습니다.'
      : '서버와의 연결이 끊겼습니다. 다시 실행을 눌러 주세요.';
    panel.setAttribute('data-state', 'error');
    return null;
  });
}

/** Opens (or scrolls to) the panel under {@code block} and runs its document. */
export function open(block, config) {
  const existing = block.nextElementSibling;
  if (existing && existing.classList.contains('pg-fit')) {
    existing.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    if (existing.getAttribute('data-state') !== 'running') existing.querySelector('.pg-fit-again').click();
    return;
  }
  const { panel, doc } = panelFor(block, config);
  block.setAttribute('data-opened', 'true');
  panel.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  run(panel, doc);
}
