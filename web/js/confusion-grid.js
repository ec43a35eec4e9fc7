/*
 * A confusion matrix as a coloured grid: rows are the true classes, columns the predicted ones (scikit-learn's and
 * the server's order); each cell's colour is its share of its row (how often that class was predicted so), so the
 * diagonal stands out when the model is right and a dark cell off it names the classes it mixes up. Numbers stay
 * in the cells. Test hooks: table.pg-confusion, td[data-true][data-predicted].
 */
import { el } from './widget-dom.js';

/** matrix: counts [true][predicted]; names: class labels (or undefined: 0, 1, …). */
export function confusionGrid(matrix, names) {
  const label = (i) => (names && names[i] !== undefined ? String(names[i]) : String(i));
  const table = el('table', { className: 'pg-confusion' });
  table.appendChild(el('caption', { text: '혼동 행렬 (행: 실제 클래스, 열: 예측한 클래스, 색: 그 행에서 차지하는 비율)' }));
  const head = el('tr', {}, [el('th', { scope: 'col', text: '실제 \\ 예측' })]);
  matrix.forEach((_, j) => head.appendChild(el('th', { scope: 'col', text: label(j) })));
  table.appendChild(el('thead', {}, [head]));
  const body = el('tbody');
  matrix.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    const tr = el('tr', {}, [el('th', { scope: 'row', text: label(i) })]);
    row.forEach((count, j) => {
      const share = count / total;
      const cell = el('td', { text: String(count), 'data-true': i, 'data-predicted': j,
        title: '실제 ' + label(i) + ' → 예측 ' + label(j) + ': ' + count + '개 (' + Math.round(share * 100) + '%)' });
      // right answers in blue, mix-ups in orange, both deeper as the share grows
      const hue = i === j ? '37, 99, 235' : '234, 88, 12';
      cell.style.backgroundColor = 'rgba(' + hue + ', ' + (0.08 + 0.82 * share).toFixed(3) + ')';
      if (share > 0.55) cell.style.color = '#fff';
      tr.appendChild(cell);
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  return table;
}
