/*
 * Compare mode's table (data-compare="batch_size=323,1,16"): one row per compared value with its curve colour,
 * the weight updates it made (epochs × steps_per_epoch of the started event), the time it took (done.elapsed_ms),
 * its final loss and val_loss and the test result (the test loss with R² beneath for regression, accuracy for
 * classification). widget-compare.js runs the variants one after the other and fills the rows.
 *
 * create(spec) → {element, begin(variants), running(i), started(i, event), finished(i, result), failed(i, text),
 * skipped(from, text), setSeed(seed), hide()} where spec is compare-spec.js's parseCompare(data-compare).
 * Test hooks: section.pg-compare, table.pg-compare-table with tbody tr[data-value="1"][data-status="waiting |
 * running | done | error | skipped"] and td.pg-updates[data-updates="1615"], td.pg-time, td.pg-final-loss (with
 * the final val_loss below it in .pg-final-val-loss), td.pg-test[data-metric] (R² below the loss in .pg-test-r2).
 */
import { el, formatNumber, withCommas } from './widget-dom.js';

var COLORS = ['37, 99, 235', '234, 88, 12', '22, 163, 74', '147, 51, 234'];
/** The test column's header per metric; a regression ('r2') row shows its test loss, with R² beneath. */
var TEST_LABELS = { r2: '테스트 loss', accuracy: '테스트 정확도', loss: '테스트 loss' };

/**
 * The test metric the table shows: R² (regression, shown under the test loss, which is what the lesson text
 * quotes), accuracy (classification), else the test loss.
 */
function testMetric(test) {
  if (!test) return null;
  if (typeof test.r2 === 'number' && typeof test.loss === 'number') return 'r2';
  if (typeof test.accuracy === 'number') return 'accuracy';
  return typeof test.loss === 'number' ? 'loss' : null;
}

/** "12 ms" under a second, else "1.23초". */
export function duration(ms) {
  if (typeof ms !== 'number') return '–';
  return ms < 1000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(2) + '초';
}

function lastValue(points) {
  return points && points.length ? points[points.length - 1] : undefined;
}

export function create(spec) {
  var caption = el('caption');
  var table = el('table', { className: 'pg-compare-table pg-data-table' }, [caption]);
  var note = el('p', { className: 'pg-hint' });
  var section = el('section', { className: 'pg-compare', 'data-testid': 'pg-compare', 'aria-label': '비교 결과' }, [
    el('h4', { text: '비교 결과: ' + spec.control }),
    el('div', { className: 'pg-table-scroll' }, [table]),
    note
  ]);
  section.hidden = true;
  var rows = [];
  var metricCell = null;

  function cell(className, text) {
    return el('td', { className: 'pg-num ' + className, text: text });
  }

  function begin(list) {
    table.textContent = '';
    table.appendChild(caption);
    caption.textContent = spec.control + '만 바꿔 차례로 훈련합니다.';
    metricCell = el('th', { scope: 'col', className: 'pg-num', text: '테스트' });
    table.appendChild(el('thead', {}, [el('tr', {}, [
      el('th', { scope: 'col', text: spec.control }),
      el('th', { scope: 'col', className: 'pg-num', text: '가중치 업데이트', title: '에포크 × 에포크마다 업데이트 횟수' }),
      el('th', { scope: 'col', className: 'pg-num', text: '걸린 시간' }),
      el('th', { scope: 'col', className: 'pg-num' }, [
        document.createTextNode('마지막 loss'), el('small', { text: 'val_loss' })
      ]),
      metricCell
    ])]));
    var body = el('tbody');
    rows = list.map(function (variant, i) {
      var swatch = el('span', { className: 'pg-swatch', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = 'rgb(' + COLORS[i % COLORS.length] + ')';
      var row = {
        tr: el('tr', { 'data-value': variant.text, 'data-status': 'waiting' }),
        updates: cell('pg-updates', '–'),
        time: cell('pg-time', '대기'),
        loss: cell('pg-final-loss', ''),
        val: el('small', { className: 'pg-final-val-loss' }),
        test: cell('pg-test', '')
      };
      row.tr.appendChild(el('th', { scope: 'row' }, [swatch, document.createTextNode(variant.text)]));
      [row.updates, row.time, row.loss, row.test].forEach(function (td) { row.tr.appendChild(td); });
      body.appendChild(row.tr);
      return row;
    });
    table.appendChild(body);
    note.textContent = '실선은 loss(훈련), 점선은 val_loss(검증)입니다. 범례를 누르면 그 실행의 곡선을 숨깁니다. ' +
      '가중치 업데이트 = 에포크 × 에포크마다 업데이트 횟수(훈련 행 수 ÷ batch_size, 올림).';
    section.hidden = false;
  }

  function running(i) {
    if (!rows[i]) return;
    rows[i].tr.setAttribute('data-status', 'running');
    rows[i].time.textContent = '실행 중…';
  }

  /** The started event: weight updates planned = epochs × steps_per_epoch. */
  function started(i, event, epochs) {
    var row = rows[i];
    if (!row || typeof event.steps_per_epoch !== 'number') return;
    var updates = epochs * event.steps_per_epoch;
    row.updates.textContent = withCommas(updates);
    row.updates.appendChild(el('small', { text: epochs + ' × ' + event.steps_per_epoch }));
    row.updates.setAttribute('data-updates', String(updates));
    row.updates.title = '에포크 ' + epochs + ' × 에포크마다 ' + event.steps_per_epoch + '번';
  }

  /** result: {elapsedMs, loss: [points], val: [points], test}. */
  function finished(i, result) {
    var row = rows[i];
    if (!row) return;
    row.tr.setAttribute('data-status', 'done');
    row.time.textContent = duration(result.elapsedMs);
    var loss = lastValue(result.loss);
    var val = lastValue(result.val);
    row.loss.textContent = loss ? formatNumber(loss.y) : '–';
    row.val.textContent = val ? formatNumber(val.y) : '';
    row.loss.appendChild(row.val);
    var metric = testMetric(result.test);
    if (metric) {
      metricCell.textContent = TEST_LABELS[metric];
      row.test.setAttribute('data-metric', metric);
      if (metric === 'r2') {
        metricCell.appendChild(el('small', { text: 'R²' }));
        row.test.textContent = formatNumber(result.test.loss);
        row.test.appendChild(el('small', { className: 'pg-test-r2', text: formatNumber(result.test.r2) }));
      } else {
        row.test.textContent = formatNumber(result.test[metric]);
      }
    }
  }

  function failed(i, text) {
    var row = rows[i];
    if (!row) return;
    row.tr.setAttribute('data-status', 'error');
    row.time.textContent = text;
  }

  /** Marks rows from index on as not run (stopped, or an error ended the comparison). */
  function skipped(from, text) {
    for (var i = from; i < rows.length; i++) {
      if (rows[i].tr.getAttribute('data-status') !== 'waiting' && rows[i].tr.getAttribute('data-status') !== 'running') continue;
      rows[i].tr.setAttribute('data-status', 'skipped');
      rows[i].time.textContent = text;
    }
  }

  /** Names the seed every variant shares; not when the seed itself is what is compared. */
  function setSeed(seed) {
    if (seed === null || seed === undefined || spec.control === 'seed') return;
    caption.textContent = spec.control + '만 바꿔 차례로 훈련합니다 (모두 시드 ' + seed + ').';
  }

  function hide() {
    section.hidden = true;
  }

  return {
    element: section, begin: begin, running: running, started: started, finished: finished,
    failed: failed, skipped: skipped, setSeed: setSeed, hide: hide
  };
}
