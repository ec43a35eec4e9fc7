/*
 * The live model summary: a Keras-style table (Layer (type) | Output Shape | Param #, then the totals), the run's
 * cost against the server's budget, and the equivalent Keras code to paste into Colab with a copy button.
 * Renders the answer of POST /api/summary ({summary, cost, budget, keras, normalization, csv_files}) and the
 * websocket's summary event. When the model normalizes its inputs, normalization ({features, mean, variance}) is what
 * Normalization.adapt stored, shown per feature with two decimals as NumPy prints them (test hook:
 * .pg-normalization table, rows tr[data-feature="CRIM"] with td.pg-mean and td.pg-variance). csv_files ({file, url})
 * are the data set's CSV downloads beside the Keras code that reads them (test hook: .pg-csv a.pg-csv-link).
 *
 * create(idPrefix) → {element, render(body), renderTable(summary), note(text),
 * markStale(bool)}.
 */
import { el, formatKoreanCount, withCommas } from './widget-dom.js';

/** The data set's CSV downloads (csv_files: {file, url}) into box, hidden when there are none (also sk-code.js's). */
export function fillCsvLinks(box, files) {
  box.textContent = '';
  box.hidden = !Array.isArray(files) || !files.length;
  if (box.hidden) return;
  var links = el('p', {}, [el('strong', { text: 'CSV 내려받기: ' })]);
  files.forEach(function (file, i) {
    if (i) links.appendChild(document.createTextNode(' · '));
    links.appendChild(el('a', { href: file.url, download: file.file, className: 'pg-csv-link', text: file.file }));
  });
  box.appendChild(links);
  box.appendChild(el('p', { className: 'pg-hint', text: '놀이터가 훈련과 테스트에 쓰는 바로 그 행입니다. Colab에서는 왼쪽 \'파일\' 창에 올린 뒤 코드를 실행하세요.' }));
}

export function create(idPrefix) {
  function buildSummary() {
    var table = el('table', { className: 'pg-summary-table' });
    var totals = el('div', { className: 'pg-summary-totals' });
    var cost = el('div', { className: 'pg-cost' });
    var code = el('code', { className: 'language-python' });
    var copy = el('button', { type: 'button', className: 'pg-copy', text: '코드 복사' });
    copy.addEventListener('click', function () { copyCode(code.textContent, copy); });
    var csv = el('div', { className: 'pg-csv', 'data-testid': 'pg-csv' });
    var keras = el('details', { className: 'pg-keras' }, [
      el('summary', { text: 'Colab에 붙여넣을 Keras 코드' }),
      copy,
      csv,
      /* marked as Prism marks the lesson's code blocks (the theme styles it alike; tabindex lets the keyboard scroll it) */
      el('pre', { className: 'language-python', tabindex: '0' }, [code])
    ]);
    var note = el('p', { className: 'pg-summary-note', text: '설정을 바꾸면 요약이 바로 바뀝니다.' });
    var normTable = el('table', { className: 'pg-data-table pg-normalization-table' });
    var normalization = el('details', { className: 'pg-normalization', 'data-testid': 'pg-normalization', open: true }, [
      el('summary', { text: 'Normalization.adapt가 저장한 값' }),
      el('p', { className: 'pg-hint', text: '훈련 데이터에서 특성마다 잰 평균(mean)과 분산(variance)입니다. 모델은 입력을 (x − mean) / √variance로 바꿔 씁니다.' }),
      el('div', { className: 'pg-table-scroll' }, [normTable])
    ]);
    normalization.hidden = true;
    var section = el('section', { className: 'pg-summary', 'data-testid': 'pg-summary', 'aria-label': '모델 요약' }, [
      el('h4', { text: '모델 요약 (model.summary())' }),
      note, table, totals, cost, normalization, keras
    ]);
    return {
      section: section, table: table, totals: totals, cost: cost, code: code, csv: csv, note: note,
      normalization: normalization, normTable: normTable
    };
  }

  function shapeText(shape) {
    return '(' + (shape || []).map(function (d) { return d === null ? 'None' : String(d); }).join(', ') + ')';
  }

  function renderSummaryTable(summary) {
    var table = parts.table;
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
    var totals = parts.totals;
    totals.textContent = '';
    // float32 weights, except the Normalization's count, an int64 (as Summary.toText on the server)
    var trainableBytes = summary.trainable_params * 4;
    var nonTrainableBytes = summary.non_trainable_params === 0 ? 0 : (summary.non_trainable_params - 1) * 4 + 8;
    [['Total params', summary.total_params, trainableBytes + nonTrainableBytes],
      ['Trainable params', summary.trainable_params, trainableBytes],
      ['Non-trainable params', summary.non_trainable_params, nonTrainableBytes]].forEach(function (row) {
      totals.appendChild(el('p', { text: row[0] + ': ' + withCommas(row[1]) + ' (' + readableSize(row[2]) + ')' }));
    });
  }

  /** Keras's readable_memory_size: 112.00 B, 11.86 KB, 1.02 MB, steps of 1024. */
  function readableSize(bytes) {
    var units = ['B', 'KB', 'MB', 'GB'];
    for (var i = 0; i < units.length; i++) {
      if (bytes / 1024 < 1) return bytes.toFixed(2) + ' ' + units[i];
      bytes /= 1024;
    }
    return bytes.toFixed(2) + ' TB';
  }

  /** Two decimals, as NumPy prints these arrays (np.set_printoptions(precision=2)): 3.75, 27611.97. */
  function twoDecimals(value) {
    return typeof value === 'number' && isFinite(value) ? value.toFixed(2) : String(value);
  }

  function renderNormalization(stats) {
    var box = parts.normalization;
    var table = parts.normTable;
    if (!stats || !Array.isArray(stats.features)) {
      box.hidden = true;
      return;
    }
    table.textContent = '';
    table.appendChild(el('thead', {}, [el('tr', {}, [
      el('th', { scope: 'col', text: '특성' }),
      el('th', { scope: 'col', className: 'pg-num', text: 'mean' }),
      el('th', { scope: 'col', className: 'pg-num', text: 'variance' })
    ])]));
    var body = el('tbody');
    stats.features.forEach(function (feature, i) {
      body.appendChild(el('tr', { 'data-feature': feature }, [
        el('th', { scope: 'row', text: feature }),
        el('td', { className: 'pg-num pg-mean', text: twoDecimals((stats.mean || [])[i]) }),
        el('td', { className: 'pg-num pg-variance', text: twoDecimals((stats.variance || [])[i]) })
      ]));
    });
    table.appendChild(body);
    box.hidden = false;
  }

  /** Links to the data set's train and test CSV files ({file, url}), the files the Keras code reads. */
  function renderCsvFiles(files) {
    fillCsvLinks(parts.csv, files);
  }


  function renderSummary(body) {
    renderNormalization(body.normalization);
    parts.note.textContent = '설정을 바꾸면 요약이 바로 바뀝니다.';
    if (body.summary) renderSummaryTable(body.summary);
    var cost = parts.cost;
    cost.textContent = '';
    if (typeof body.cost === 'number' && typeof body.budget === 'number' && body.budget > 0) {
      var share = body.cost / body.budget;
      var meter = el('meter', { min: '0', max: '1', low: '0.5', high: '0.9', optimum: '0', value: String(Math.min(share, 1)), id: idPrefix + 'cost' });
      var text = '계산량 ' + formatKoreanCount(body.cost) + ' / 예산 ' + formatKoreanCount(body.budget) +
        ' (' + (share < 0.001 ? '0.1% 미만' : (share * 100).toFixed(share < 0.1 ? 1 : 0) + '%') + ')';
      cost.appendChild(el('label', { for: meter.id, text: text }));
      cost.appendChild(meter);
      cost.classList.toggle('pg-over-budget', share > 1);
      if (share > 1) cost.appendChild(el('p', { text: '예산을 넘었습니다: 층, 뉴런 수, 에포크를 줄여 보세요.' }));
    }
    if (typeof body.keras === 'string') parts.code.textContent = body.keras;
    renderCsvFiles(body.csv_files);
  }

  function copyCode(text, button) {
    function copied(ok) {
      button.textContent = ok ? '복사했습니다' : '코드를 선택해 두었습니다 — Ctrl+C (⌘C)로 복사하세요';
      setTimeout(function () { button.textContent = '코드 복사'; }, ok ? 2000 : 5000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(true); }, function () { copied(selectCode()); });
    } else {
      copied(selectCode());
    }
  }

  function selectCode() {
    var range = document.createRange();
    range.selectNodeContents(parts.code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    try { return document.execCommand('copy'); } catch (e) { return false; }
  }

  var parts = buildSummary();

  function note(text) {
    parts.note.textContent = text;
  }

  /** Greys out a summary that no longer matches the settings (they are invalid). */
  function markStale(stale) {
    parts.section.classList.toggle('pg-stale', stale);
  }

  return {
    element: parts.section, render: renderSummary, renderTable: renderSummaryTable, note: note, markStale: markStale
  };
}
