/*
 * The training rows a scikit-learn run fitted on, read back from the server's CSV files so a tree node can show
 * the first rows it holds: a run that re-split its data set (done.split_rows) indexes all.csv, the whole table in
 * its own order; otherwise row i is row i of train.csv (a generated set's with its samples and noise). Fetched once
 * per run, on the first click; only numbers, set with textContent by the caller.
 *
 * rowSource(doc, done) → (indices) → Promise<{header: [names], rows: [[values]]}>.
 */
import { datasetName } from './widget-state.js';

/** A CSV of numbers with a header row, as the server writes its data files. */
export function parseCsv(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines.shift() || '').split(',');
  return { header, rows: lines.map((line) => line.split(',').map(Number)) };
}

function fileUrl(doc, file) {
  const d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : {};
  const query = new URLSearchParams();
  if (d.samples !== undefined) query.set('samples', d.samples);
  if (d.noise !== undefined) query.set('noise', d.noise);
  const q = query.toString();
  return '/api/datasets/' + encodeURIComponent(datasetName(doc)) + '/' + file + (q ? '?' + q : '');
}

export function rowSource(doc, done) {
  const split = done.split_rows && done.split_rows.train;
  let table = null;
  return (indices) => {
    if (!table) {
      table = fetch(fileUrl(doc, split ? 'all.csv' : 'train.csv'), { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error('CSV ' + r.status)))).then(parseCsv);
    }
    return table.then((t) => ({ header: t.header, rows: indices.map((i) => t.rows[split ? split[i] : i]).filter(Boolean) }));
  };
}
