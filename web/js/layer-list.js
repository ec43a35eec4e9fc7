/*
 * The form's layer list (keras.Sequential): one row per Dense layer with units, activation (from the vocabulary's
 * activations), for an activation that takes one alpha, and its kernel_regularizer; Dropout rows with their rate
 * (layer-remedies.js); + adds a hidden Dense or a Dropout before the output layer.
 * Test hooks: .pg-layer rows (data-index) with .pg-units, .pg-activation, .pg-alpha; .pg-add-layer,
 * .pg-add-dropout, .pg-remove-layer.
 */
import { el, numberValue, selectInput } from './widget-dom.js';
import { dropoutFields, isDropout, newDropout, regularizerField } from './layer-remedies.js';

/** What + adds before the output layer. */
const NEW_LAYER = { units: 16, activation: 'relu' };

/** options: doc, idPrefix, vocabulary, onChange (after every edit), afterRender (re-applies hide and lock). */
export function createLayerList(options) {
  const { doc, idPrefix, vocabulary } = options;
  const units = vocabulary.layerParam('Dense', 'units');
  const activations = vocabulary.choices('activations');
  const list = el('ol', { className: 'pg-layers', 'aria-label': 'Dense 층 목록' });
  const add = el('button', { type: 'button', className: 'pg-add-layer', 'data-testid': 'pg-add-layer', text: '+ Dense 층 추가' });
  add.addEventListener('click', () => addLayer(Object.assign({}, NEW_LAYER)));
  const addDropout = el('button', { type: 'button', className: 'pg-add-dropout', 'data-testid': 'pg-add-dropout', text: '+ Dropout 추가' });
  addDropout.addEventListener('click', () => addLayer(newDropout(vocabulary)));
  const wrapper = el('div', { className: 'pg-field pg-field-layers', 'data-control': 'layers' }, [
    el('p', { className: 'pg-layers-title', id: idPrefix + 'layers-title', text: '층 (layers) — 마지막 층이 출력층입니다' }),
    list,
    add,
    addDropout
  ]);
  let rows = [];

  function layers() {
    if (!doc.model || typeof doc.model !== 'object') doc.model = {};
    if (!Array.isArray(doc.model.layers)) doc.model.layers = [];
    return doc.model.layers;
  }

  function takesAlpha(activation) {
    return vocabulary.hasParam('activations', activation, 'alpha');
  }

  /** A Dropout's row: its rate and a remove button. */
  function dropoutRow(layer, i) {
    const rowId = idPrefix + 'layer' + i;
    const remove = el('button', { type: 'button', className: 'pg-remove-layer', text: '삭제', 'aria-label': 'Dropout 삭제' });
    remove.addEventListener('click', () => removeLayer(i));
    const fields = dropoutFields(layer, rowId, vocabulary, options.onChange);
    const row = el('li', { className: 'pg-layer pg-layer-dropout', 'data-index': i }, [
      el('div', { className: 'pg-layer-head' }, [el('span', { className: 'pg-layer-name', text: 'Dropout' }), remove])
    ].concat(fields.elements));
    return { row, rate: fields.rate, units: fields.rate, remove };
  }

  function layerRow(layer, i, count, denseIndex) {
    if (isDropout(layer)) return dropoutRow(layer, i);
    const isOutput = i === count - 1;
    const name = isOutput ? '출력층' : '은닉층 ' + (denseIndex + 1);
    const rowId = idPrefix + 'layer' + i;
    const unitsInput = el('input', { type: 'number', inputmode: 'numeric', step: '1', min: units.min, max: units.max,
      id: rowId + '-units', className: 'pg-units' });
    unitsInput.value = layer.units === undefined ? '' : String(layer.units);
    const activation = selectInput(activations, layer.activation);
    activation.id = rowId + '-activation';
    activation.className = 'pg-activation';
    activation.value = layer.activation || 'linear';
    const alpha = el('input', { type: 'number', inputmode: 'decimal', step: '0.01', min: '0', id: rowId + '-alpha', className: 'pg-alpha', placeholder: '기본값' });
    alpha.value = layer.alpha === undefined ? '' : String(layer.alpha);
    const alphaField = el('div', { className: 'pg-layer-alpha' }, [el('label', { for: alpha.id, text: 'alpha' }), alpha]);
    alphaField.hidden = !takesAlpha(activation.value);
    const remove = el('button', { type: 'button', className: 'pg-remove-layer', text: '삭제', 'aria-label': name + ' 삭제' });
    remove.disabled = count <= 1;

    unitsInput.addEventListener('input', () => {
      layers()[i].units = numberValue(unitsInput);
      options.onChange();
    });
    activation.addEventListener('change', () => {
      const target = layers()[i];
      if (activation.value === 'linear') delete target.activation;
      else target.activation = activation.value;
      if (!takesAlpha(activation.value)) { delete target.alpha; alpha.value = ''; }
      alphaField.hidden = !takesAlpha(activation.value);
      options.onChange();
    });
    alpha.addEventListener('input', () => {
      if (numberValue(alpha) === undefined) delete layers()[i].alpha;
      else layers()[i].alpha = numberValue(alpha);
      options.onChange();
    });
    remove.addEventListener('click', () => removeLayer(i));

    const row = el('li', { className: 'pg-layer' + (isOutput ? ' pg-layer-output' : ''), 'data-index': i }, [
      el('div', { className: 'pg-layer-head' }, [el('span', { className: 'pg-layer-name', text: name + ' · Dense' }), remove]),
      el('div', { className: 'pg-layer-units' }, [el('label', { for: unitsInput.id, text: 'units (뉴런 수)' }), unitsInput]),
      el('div', { className: 'pg-layer-activation' }, [el('label', { for: activation.id, text: 'activation (활성화)' }), activation]),
      alphaField,
      regularizerField(layer, rowId, vocabulary, options.onChange)
    ]);
    return { row, units: unitsInput, activation, alpha, remove };
  }

  function render() {
    const all = layers();
    list.textContent = '';
    let dense = 0;
    rows = all.map((layer, i) => layerRow(layer, i, all.length, isDropout(layer) ? dense : dense++));
    rows.forEach((r) => list.appendChild(r.row));
    options.afterRender();
  }

  function addLayer(layer) {
    const all = layers();
    all.splice(Math.max(all.length - 1, 0), 0, layer);
    render();
    options.onChange();
    const added = rows[Math.max(all.length - 2, 0)];
    if (added) added.units.focus();
  }

  function removeLayer(i) {
    const all = layers();
    if (all.length <= 1) return;
    all.splice(i, 1);
    render();
    options.onChange();
    const next = rows[Math.min(i, rows.length - 1)];
    if (!next) return;
    if (next.remove.disabled) next.units.focus();
    else next.remove.focus();
  }

  /** The row of layer i ({row, units, activation, alpha, remove}), or undefined. */
  function row(i) {
    return rows[i];
  }

  return { control: { wrapper, input: list, list, add, addDropout }, render, row };
}
