/*
 * A scikit-learn fit's result as elements, shared by the widget (sk-widget.js) and the teacher's code cells
 * (fit-panel.js): the scores as model.score prints them (full precision, as Python prints a float), RMSE/MAE, the
 * confusion matrix as a coloured grid, and the learned values as bars (feature importances, coefficients). Test
 * hooks: [data-score="test"|"train"|"inertia"], table.pg-confusion (confusion-grid.js), .pg-fit-bars[data-kind].
 */
import { el } from './widget-dom.js';
import { confusionGrid } from './confusion-grid.js';

/** What a fit's step counts (the step event's kind), for progress lines. */
export const STEP_WORDS = { fit: '학습', tree: '트리', round: '부스팅 라운드', iteration: '반복', node: '노드', depth: '깊이',
  sweep: '값' };

/** A number as Python's repr prints a float (JavaScript's shortest round trip is the same). */
export function pythonFloat(v) {
  if (typeof v !== 'number') return String(v);
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

/** whole: the value is a Python int (n_iter), printed without ".0". */
export function scoreCard(label, value, key, whole) {
  return el('div', { className: 'pg-fit-score' }, [
    el('span', { className: 'pg-fit-score-label', text: label }),
    el('span', { className: 'pg-fit-score-value', 'data-score': key, text: whole ? String(value) : pythonFloat(value) })
  ]);
}

/** Horizontal bars, longest first (at most 16, zeros left out), labelled with the features' names. */
export function bars(title, values, names, kind) {
  const box = el('div', { className: 'pg-fit-bars', 'data-kind': kind }, [el('h4', { text: title })]);
  const largest = Math.max(...values.map((v) => Math.abs(v)), 1e-12);
  values.map((v, i) => ({ v, name: names[i] || 'x' + i }))
    .filter(({ v }) => v !== 0) /* a feature no split used says nothing */
    .sort((a, b) => Math.abs(b.v) - Math.abs(a.v))
    .slice(0, 16)
    .forEach(({ v, name }) => {
      const bar = el('span', { className: v < 0 ? 'pg-fit-bar pg-fit-bar-negative' : 'pg-fit-bar' });
      bar.style.width = (100 * Math.abs(v) / largest).toFixed(1) + '%';
      box.appendChild(el('div', { className: 'pg-fit-bar-row' }, [
        el('span', { className: 'pg-fit-bar-name', text: name }),
        el('span', { className: 'pg-fit-bar-track' }, [bar]),
        el('span', { className: 'pg-fit-bar-value', text: v.toFixed(4) })
      ]));
    });
  return box;
}

/** The test rows' confusion matrix as confusion-grid.js draws it, labelled with the classes when there is one name a row. */
export function confusion(matrix, classes) {
  return confusionGrid(matrix, classes && classes.length === matrix.length ? classes : undefined);
}

/** The scores of a classifier or regressor, and of k-means its inertia and iterations. */
export function scores(result) {
  const box = el('div', { className: 'pg-fit-scores' });
  if (result.score) {
    if (result.score.test !== undefined) box.appendChild(scoreCard('model.score(X_test, y_test)', result.score.test, 'test'));
    box.appendChild(scoreCard('model.score(X_train, y_train)', result.score.train, 'train'));
    const m = result.metrics || {};
    if (m.rmse !== undefined) box.appendChild(scoreCard('RMSE', m.rmse, 'rmse'));
    if (m.mae !== undefined) box.appendChild(scoreCard('MAE', m.mae, 'mae'));
  }
  if (result.inertia !== undefined) {
    box.appendChild(scoreCard('inertia (군집 안 거리 제곱합)', result.inertia, 'inertia'));
    if (result.n_iter !== undefined) box.appendChild(scoreCard('n_iter (반복 횟수)', result.n_iter, 'n_iter', true));
  }
  return box;
}

/**
 * The bars of what the model learned: importances for trees and ensembles, one weight per feature for linear ones
 * (a multiclass logistic regression has a row of them per class).
 */
export function learned(result, names, classes) {
  const parts = [];
  if (result.feature_importances) {
    parts.push(bars('특성 중요도 (feature_importances_)', result.feature_importances, names, 'importances'));
  }
  if (Array.isArray(result.coef) && typeof result.coef[0] === 'number') {
    parts.push(bars('가중치 (coef_)', result.coef, names, 'coef'));
  } else if (Array.isArray(result.coef) && Array.isArray(result.coef[0])) {
    result.coef.forEach((row, k) => {
      const cls = result.coef.length > 1 && classes && classes[k] !== undefined ? ' · 클래스 ' + classes[k] : '';
      parts.push(bars('가중치 (coef_[' + k + ']' + cls + ')', row, names, 'coef'));
    });
  }
  return parts;
}
