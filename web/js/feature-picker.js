/*
 * TensorFlow Playground's input features for a generated 2-D set (dataset.features): one checkbox per feature of
 * the registry's input_features (GET /api/options), x₁ and x₂ by default. Leaving only the defaults checked removes
 * the field, so a document stays as it was written. Test hooks: .pg-features, input.pg-feature[value="x1^2"].
 *
 * create({doc, vocabulary, idPrefix, onChange}) → {element, input, sync()}.
 */
import { el } from './widget-dom.js';

export function create({ doc, vocabulary, idPrefix, onChange }) {
  const entries = vocabulary.list('input_features');
  const control = vocabulary.control('features') || { label: 'features' };
  const defaults = entries.filter((f) => f.default).map((f) => f.name);
  const boxes = entries.map((feature, i) => {
    const input = el('input', { type: 'checkbox', id: idPrefix + 'feature-' + i, className: 'pg-feature', value: feature.name });
    input.addEventListener('change', changed);
    return { input, element: el('span', { className: 'pg-field-check' }, [input, el('label', { for: input.id, text: feature.label })]) };
  });
  const element = el('div', { className: 'pg-features', 'data-control': 'features', role: 'group',
    'aria-label': control.label }, [el('span', { className: 'pg-features-label', text: control.label })].concat(boxes.map((b) => b.element), control.hint ? [el('p', { className: 'pg-hint', text: control.hint })] : []));

  function chosen() {
    return doc.dataset && typeof doc.dataset === 'object' && Array.isArray(doc.dataset.features)
      ? doc.dataset.features : defaults;
  }

  function changed() {
    const picked = boxes.filter((b) => b.input.checked).map((b) => b.input.value);
    if (!picked.length) { /* a model needs an input: the last box stays checked */
      sync();
      return;
    }
    const d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : { name: doc.dataset };
    if (picked.join() === defaults.join()) delete d.features;
    else d.features = picked;
    doc.dataset = d;
    onChange();
  }

  function sync() {
    const names = chosen();
    boxes.forEach((b) => { b.input.checked = names.includes(b.input.value); });
  }

  return { element, input: boxes.length ? boxes[0].input : null, sync };
}
