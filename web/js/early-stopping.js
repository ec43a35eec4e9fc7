/*
 * The fit section's EarlyStopping switch: on, fit.callbacks holds one EarlyStopping with the registry's widget
 * settings (patience, restore_best_weights) watching val_loss, or loss when the fit has no validation_split; the
 * patience is editable. Names and defaults come from the vocabulary's callbacks. Test hooks: .pg-early-stopping
 * (checkbox), .pg-patience.
 */
import { el, numberValue } from './widget-dom.js';

/** options: doc, idPrefix, vocabulary, onChange. Returns {wrapper, sync()}. */
export function createEarlyStopping(options) {
  const { doc, idPrefix, vocabulary } = options;
  const callback = vocabulary.list('callbacks')[0] || { name: 'EarlyStopping', params: [], widget: {} };
  const param = (name) => callback.params.find((p) => p.name === name) || {};
  const toggle = el('input', { type: 'checkbox', id: idPrefix + 'early-stopping', className: 'pg-early-stopping' });
  const patience = el('input', { type: 'number', inputmode: 'numeric', step: '1', min: param('patience').min,
    max: param('patience').max, id: idPrefix + 'patience', className: 'pg-patience' });
  const patienceField = el('span', { className: 'pg-patience-field' }, [
    el('label', { for: patience.id, text: param('patience').label || 'patience' }), patience
  ]);
  const hint = el('p', { className: 'pg-hint' });
  const wrapper = el('div', { className: 'pg-field pg-field-early-stopping', 'data-control': 'early_stopping' }, [
    el('span', { className: 'pg-field-check' }, [toggle, el('label', { for: toggle.id, text: callback.name + ' (조기 종료)' })]),
    patienceField,
    hint
  ]);

  function fit() {
    if (!doc.fit || typeof doc.fit !== 'object') doc.fit = {};
    return doc.fit;
  }

  function current() {
    const list = doc.fit && Array.isArray(doc.fit.callbacks) ? doc.fit.callbacks : [];
    return list.find((c) => c && c.name === callback.name);
  }

  /** Without validation_split there is no val_loss: Keras would wait for it forever, the server refuses it. */
  function monitor() {
    return doc.fit && doc.fit.validation_split > 0 ? param('monitor').default : 'loss';
  }

  function write() {
    if (!toggle.checked) {
      delete fit().callbacks;
    } else {
      const value = numberValue(patience);
      fit().callbacks = [Object.assign({ name: callback.name, monitor: monitor() }, callback.widget,
        value === undefined ? {} : { patience: value })];
    }
    sync();
    options.onChange();
  }

  /** Shows the document's callback (a link, a lesson's preset). */
  function sync() {
    const es = current();
    toggle.checked = !!es;
    patienceField.hidden = !es;
    patience.value = es && es.patience !== undefined ? String(es.patience) : String(callback.widget.patience);
    const watched = (es && es.monitor) || monitor();
    hint.textContent = watched + '이(가) patience 에포크 동안 나아지지 않으면 훈련을 멈추고, 가장 좋았던 에포크의 가중치로'
      + ' 되돌립니다 (restore_best_weights).' + (watched === 'loss' ? ' validation_split이 0이라 훈련 손실(loss)을 지켜봅니다.' : '');
  }

  toggle.addEventListener('change', write);
  patience.addEventListener('input', () => { if (toggle.checked) write(); });
  sync();
  return { wrapper, input: toggle, sync };
}
