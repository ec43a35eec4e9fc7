/*
 * "테스트 데이터 결과" after a run: each test score of the done event with its Korean label (.pg-metric
 * [data-metric="r2"]), the time it took, the seed with "같은 시드로 다시" (.pg-same-seed).
 */
import { el, formatNumber } from './widget-dom.js';

const METRIC_LABELS = {
  loss: '테스트 손실 (loss)',
  mse: 'MSE (평균 제곱 오차)',
  mae: 'MAE (평균 절대 오차)',
  r2: 'R² (결정 계수)',
  accuracy: '정확도 (accuracy)'
};
/** Keras's other names for a measure, labelled by what they measure with the name as written beside it. */
const METRIC_KINDS = [
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
  const kind = METRIC_KINDS.find(([pattern]) => pattern.test(name));
  return kind ? kind[1] + ' (' + name + ')' : name;
}

function isAccuracy(name) {
  return METRIC_KINDS[0][0].test(name);
}

/** The scores among a done event's test fields (not its confusion matrix, shown as a grid). */
function scoreNames(test) {
  return Object.keys(test).filter((name) => typeof test[name] === 'number');
}

/** "loss 0.1, mae 2.3" for the list of earlier runs. */
export function testSummary(test) {
  return scoreNames(test).map((name) => name + ' ' + formatNumber(test[name])).join(', ');
}

/** Fills box with a run's results; againWithSeed(seed) is what "같은 시드로 다시" does. */
export function showTestMetrics(box, { test, elapsedMs, seed }, againWithSeed) {
  box.textContent = '';
  box.appendChild(el('h4', { text: '테스트 데이터 결과' }));
  const list = el('dl');
  const names = scoreNames(test);
  // the server adds accuracy for a classifier; beside an accuracy compiled under another name (acc) it repeats it
  const repeated = names.some((n) => n !== 'accuracy' && isAccuracy(n));
  names.filter((n) => !(repeated && n === 'accuracy')).forEach((name) => {
    const value = test[name];
    let text = formatNumber(value);
    if (isAccuracy(name) && typeof value === 'number') text += ' (' + (value * 100).toFixed(1) + '%)';
    list.appendChild(el('div', { className: 'pg-metric', 'data-metric': name }, [
      el('dt', { text: metricLabel(name) }),
      el('dd', { text })
    ]));
  });
  box.appendChild(list);
  if (typeof elapsedMs === 'number') {
    box.appendChild(el('p', { className: 'pg-elapsed', text: '걸린 시간: ' + (elapsedMs / 1000).toFixed(2) + '초' }));
  }
  if (seed !== null && seed !== undefined) {
    const again = el('button', { type: 'button', className: 'pg-same-seed', text: '같은 시드로 다시' });
    again.addEventListener('click', () => againWithSeed(seed));
    box.appendChild(el('p', { className: 'pg-seed' }, [el('span', { text: '시드(seed): ' + seed + ' ' }), again]));
  }
  box.hidden = false;
}

export function hideTestMetrics(box) {
  box.hidden = true;
  box.textContent = '';
}
