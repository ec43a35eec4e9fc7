/*
 * The layer list's remedies for overfitting, from the vocabulary's layers and regularizers: a Dropout row (its
 * rate) and, in a Dense row, the kernel_regularizer (none, or one of the registry's regularizers with its
 * strength). Test hooks: .pg-layer-dropout rows with .pg-rate; .pg-regularizer (select) and .pg-reg-strength.
 */
import { el, numberValue } from './widget-dom.js';

const DROPOUT = 'Dropout';

export function isDropout(layer) {
  return !!layer && layer.type === DROPOUT;
}

/** What "+ Dropout" inserts: the registry's starting rate. */
export function newDropout(vocabulary) {
  return { type: DROPOUT, rate: vocabulary.layerParam(DROPOUT, 'rate').default };
}

/** The Dropout row's fields: rate, edited in place on layer. */
export function dropoutFields(layer, rowId, vocabulary, onChange) {
  const rule = vocabulary.layerParam(DROPOUT, 'rate');
  const rate = el('input', { type: 'number', inputmode: 'decimal', step: '0.05', min: rule.min, max: rule.max,
    id: rowId + '-rate', className: 'pg-rate' });
  rate.value = layer.rate === undefined ? '' : String(layer.rate);
  rate.addEventListener('input', () => {
    layer.rate = numberValue(rate);
    onChange();
  });
  const field = el('div', { className: 'pg-layer-rate' }, [el('label', { for: rate.id, text: rule.label || 'rate' }), rate]);
  const hint = el('p', { className: 'pg-hint', text: '훈련할 때만 앞 층 출력의 이 비율을 무작위로 0으로 만듭니다 (평가·예측 때는 그대로).' });
  return { rate, elements: [field, hint] };
}

/** The regularizer a kernel_regularizer {l1, l2} uses: the first with a factor above 0, or "" (none). */
function chosen(value, regularizers) {
  if (!value || typeof value !== 'object') return '';
  const found = regularizers.find((r) => typeof value[r.param.name] === 'number' && value[r.param.name] > 0);
  return found ? found.name : '';
}

/** A Dense row's kernel_regularizer: none / each registry regularizer, and its strength. */
export function regularizerField(layer, rowId, vocabulary, onChange) {
  const regularizers = vocabulary.list('regularizers');
  const label = vocabulary.layerParam('Dense', 'kernel_regularizer').label || 'kernel_regularizer';
  const select = el('select', { id: rowId + '-regularizer', className: 'pg-regularizer' },
    [el('option', { value: '', text: '없음' })].concat(regularizers.map((r) => el('option', { value: r.name, text: r.label }))));
  const strength = el('input', { type: 'number', inputmode: 'decimal', step: 'any', min: '0',
    id: rowId + '-reg-strength', className: 'pg-reg-strength', 'aria-label': '규제 세기' });
  const strengthList = el('datalist', { id: rowId + '-reg-choices' });
  strength.setAttribute('list', strengthList.id);

  function show() {
    const name = chosen(layer.kernel_regularizer, regularizers);
    select.value = name;
    const reg = regularizers.find((r) => r.name === name);
    strength.hidden = !reg;
    strength.value = reg ? String(layer.kernel_regularizer[reg.param.name]) : '';
    strengthList.textContent = '';
    ((reg && reg.param.choices) || []).forEach((c) => strengthList.appendChild(el('option', { value: String(c) })));
  }

  function write() {
    const reg = regularizers.find((r) => r.name === select.value);
    if (!reg) delete layer.kernel_regularizer;
    else {
      const value = numberValue(strength);
      layer.kernel_regularizer = { [reg.param.name]: value === undefined ? reg.keras_default : value };
    }
    onChange();
  }

  select.addEventListener('change', () => {
    const reg = regularizers.find((r) => r.name === select.value);
    if (reg && numberValue(strength) === undefined) strength.value = String(reg.keras_default);
    write();
    show();
  });
  strength.addEventListener('input', write);
  show();
  return el('div', { className: 'pg-layer-regularizer' }, [el('label', { for: select.id, text: label }), select, strength, strengthList]);
}
