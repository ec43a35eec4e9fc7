/*
 * The model-family picker (신경망 / 선형·로지스틱 회귀 / … / k-평균, the registry's families): switching family
 * remounts the widget on a document of that family for the same data set, a Keras network (widget.js) or a
 * scikit-learn estimator (sk-widget.js). Each widget remembers the document it had per family, so going back to a
 * family restores what the student set there.
 *
 * switchFamily(ctx, family) and familyPicker(ctx) → element, with ctx {root, key, idPrefix, vocabulary, doc, remount}.
 * Test hook: #pgN-family (a select).
 */
import { el, splitList } from './widget-dom.js';
import { copyDoc, datasetName } from './widget-state.js';
import { datasetFor, isEstimatorDoc, networkDoc, setDataset, withEstimator } from './sk-doc.js';

/** Per widget key: family → the document it last had. */
const remembered = new Map();

function familyOf(doc, vocabulary) {
  const estimator = isEstimatorDoc(doc) && vocabulary.estimator(doc.model.estimator);
  return estimator ? estimator.family : 'network';
}

/**
 * A document of that family on the same data set (another one when the family cannot fit this one's task, unless
 * keepDataset: then null, as for a family with no estimator).
 */
export function familyDoc(doc, family, vocabulary, keepDataset) {
  const sets = vocabulary.list('datasets');
  let info = sets.find((d) => d.name === datasetName(doc));
  if (family === 'network') return networkDoc(doc, info, vocabulary);
  const estimator = vocabulary.estimatorFor(family, info && info.task);
  if (!estimator) return null;
  const base = isEstimatorDoc(doc) ? doc : { dataset: datasetName(doc), model: {} };
  const next = withEstimator(base, estimator);
  if (!info || !vocabulary.fits(estimator, info.task)) {
    if (keepDataset) return null;
    info = datasetFor(sets, estimator, (e, t) => vocabulary.fits(e, t));
  }
  if (info) setDataset(next, info);
  return next;
}

/** Remounts on that family's document; false (nothing changes) when the lesson locks a data set it cannot fit. */
export function switchFamily(ctx, family) {
  const { key, vocabulary, doc } = ctx;
  const memory = remembered.get(key) || {};
  const next = memory[family] || familyDoc(doc, family, vocabulary, !!splitList(ctx.root.getAttribute('data-lock')).dataset);
  if (!next) return false;
  remembered.set(key, memory);
  memory[familyOf(doc, vocabulary)] = copyDoc(doc);
  ctx.remount(copyDoc(next));
  return true;
}

/** What the picker says when the lesson's data set does not suit the family. */
export const LOCKED_DATASET = '이 위젯의 데이터 세트는 고정되어 있는데, 이 모델 종류는 그 데이터 세트에 쓸 수 없습니다.';

/** The picker above a network widget that came from a family switch. */
export function familyPicker(ctx) {
  const select = el('select', { id: ctx.idPrefix + 'family' });
  ctx.vocabulary.families().forEach((f) => select.appendChild(el('option', { value: f.name, text: f.label })));
  select.value = familyOf(ctx.doc, ctx.vocabulary);
  const note = el('p', { className: 'pg-error', role: 'alert' });
  note.hidden = true;
  select.addEventListener('change', () => {
    note.hidden = switchFamily(ctx, select.value);
    note.textContent = LOCKED_DATASET;
    if (!note.hidden) select.value = familyOf(ctx.doc, ctx.vocabulary);
  });
  return el('div', { className: 'pg-field pg-family', 'data-control': 'family' },
    [el('label', { for: select.id, text: '모델 종류' }), select, note]);
}
