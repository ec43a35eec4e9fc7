/*
 * Where a lesson's widget starts: the document a family switch chose, else the link's (#pg1=…), else the lesson's
 * own (data-config); and which widget takes it: a document naming model.estimator mounts the scikit-learn widget
 * (sk-widget.js), any other the network widget (widget.js), whose mount function is passed in. remount(next)
 * replaces the element with a fresh one (the old widget's listeners stay on the one it replaces).
 */
import { el } from './widget-dom.js';
import { readHashDoc } from './url-state.js';
import { isEstimatorDoc } from './sk-doc.js';
import { mountSkWidget } from './sk-widget.js';

/**
 * → {doc, fromHash, presetDoc, family} for the network widget to mount on, or null when it is not for it (the
 * scikit-learn widget took it, or the lesson's JSON is broken and the widget says so).
 */
export function widgetStart(root, index, vocabulary, chosen, mount) {
  const key = 'pg' + (index + 1);
  /** The lesson's own document (data-config); throws when it is not JSON. */
  const presetDoc = () => JSON.parse(root.getAttribute('data-config') || '{}');
  let doc;
  try {
    doc = presetDoc();
  } catch (e) {
    root.appendChild(el('div', { className: 'pg-widget-error', role: 'alert', text: '위젯 설정(JSON)을 읽을 수 없습니다.' }));
    return null;
  }
  const fromHash = chosen ? null : readHashDoc(key);
  if (chosen) doc = chosen;
  else if (fromHash && fromHash.doc) doc = fromHash.doc;
  const remount = (next) => {
    const fresh = root.cloneNode(false);
    root.replaceWith(fresh);
    mount(fresh, index, vocabulary, next);
  };
  const family = { root, key, idPrefix: key + '-', vocabulary, doc, remount };
  if (isEstimatorDoc(doc)) {
    mountSkWidget(root, family, fromHash && fromHash.problem);
    return null;
  }
  return { doc, fromHash, presetDoc, family };
}
