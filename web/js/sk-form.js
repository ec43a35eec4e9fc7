/*
 * The scikit-learn widget's settings form: the model family (the registry's families), the estimator of that family,
 * the data set and its train_test_split (test_size, random_state), the estimator's params and the preprocessing
 * steps, every control built from the registry's entries (GET /api/options: estimators, preprocessors), so no
 * parameter name is written here. It edits the document in place (sk-doc.js) and shows the server's Korean message
 * beside the control its JSON path names.
 *
 * createSkForm({doc, idPrefix, vocabulary, hidden, locked, onChange, onFamily}) → {element, refresh(), showFieldError(field,
 * message), clearErrors(), focusInvalid(), currentDataset(), estimator()}. onFamily(name) is called when the student
 * picks another family; the widget decides what the document becomes. Test hooks: #pgN-family, #pgN-estimator,
 * #pgN-dataset, #pgN-test_size, #pgN-random_state (the split's), #pgN-param-<name>, #pgN-pre-<name>.
 */
import { el, numberValue } from './widget-dom.js';
import { clearFieldErrors } from './field-errors.js';
import { datasetName } from './widget-state.js';
import { csvUploader } from './csv-upload.js';
import { params, setDataset, setParam, setSplit, split, step, toggleStep, withEstimator } from './sk-doc.js';

/** The split's two settings, named as train_test_split names them. */
const SPLIT_FIELDS = [
  { name: 'test_size', label: 'test_size (시험 데이터 비율)', step: '0.05', min: 0, max: 1 },
  { name: 'random_state', label: 'random_state (나누는 시드)', step: '1', min: 0 }
];

export function createSkForm(options) {
  const { doc, idPrefix, vocabulary } = options;
  const locked = options.locked || {};
  const hidden = options.hidden || {};
  const datasets = vocabulary.list('datasets');
  const inputs = {}; /* JSON path → input, for the server's messages */
  let errorCounter = 0;
  const element = el('form', { className: 'pg-controls pg-sk-controls', novalidate: true, 'aria-label': '모델 설정' });
  element.addEventListener('submit', (event) => event.preventDefault());

  function estimator() {
    return vocabulary.estimator(doc.model.estimator);
  }

  function datasetInfo() {
    return datasets.find((d) => d.name === datasetName(doc));
  }

  function changed() {
    options.onChange();
  }

  /* ----- the pieces of a field ----- */

  function field(name, label, input, hintText, path) {
    input.id = idPrefix + name;
    if (path) inputs[path] = input;
    const parts = [el('label', { for: input.id, text: label }), input];
    if (hintText) {
      const hint = el('p', { className: 'pg-hint', id: input.id + '-hint', text: hintText });
      input.setAttribute('aria-describedby', hint.id);
      input.setAttribute('data-hint', hint.id);
      parts.push(hint);
    }
    return el('div', { className: 'pg-field', 'data-control': name }, parts);
  }

  function checkField(name, label, input, path) {
    input.id = idPrefix + name;
    if (path) inputs[path] = input;
    return el('div', { className: 'pg-field', 'data-control': name },
      [el('div', { className: 'pg-field-check' }, [input, el('label', { for: input.id, text: label })])]);
  }

  function select(choices, current) {
    const input = el('select');
    choices.forEach((c) => input.appendChild(el('option', { value: c.value, text: c.label })));
    if (current !== undefined) input.value = current;
    return input;
  }

  function numberInput(param, value) {
    const integer = param.kind === 'int' || param.kind === 'seed';
    const input = el('input', {
      type: 'number', step: integer ? '1' : 'any', inputmode: integer ? 'numeric' : 'decimal', min: param.min,
      max: param.max,
      placeholder: param.kind === 'seed' ? '비우면 실행 시드' : param.default === null || param.default === undefined
        ? '기본값 (None)' : '기본값 ' + param.default
    });
    input.value = value === undefined || value === null ? '' : String(value);
    return input;
  }

  /** One parameter's control, by its kind in the registry: a number, a choice, a switch or a seed. */
  function paramControl(param, current, set) {
    const label = param.label ? param.label + ' (' + param.name + ')' : param.name;
    if (param.kind === 'bool') {
      const input = el('input', { type: 'checkbox' });
      input.checked = current === undefined ? param.default === true : current === true;
      input.addEventListener('change', () => set(input.checked === (param.default === true) ? undefined : input.checked));
      return { input, label, check: true };
    }
    if (param.kind === 'choice') {
      /* JSON text as the option's value, so 3, "sqrt" and null come back as they were */
      const values = (param.choices || []).slice();
      /* a value the lesson wrote in another shape scikit-learn takes (max_features=0.5) is offered as it is */
      if (current !== undefined && !values.some((v) => JSON.stringify(v) === JSON.stringify(current))) values.push(current);
      const choices = values.map((v) => ({
        value: JSON.stringify(v), label: (v === null ? 'None' : String(v)) + (v === param.default ? ' (기본값)' : '')
      }));
      const input = select(choices, JSON.stringify(current === undefined ? param.default : current));
      input.addEventListener('change', () => {
        const value = JSON.parse(input.value);
        set(value === param.default ? undefined : value);
      });
      return { input, label };
    }
    if (param.kind === 'range') return rangeControl(param, current, set, label);
    const input = numberInput(param, current);
    input.addEventListener('input', () => set(numberValue(input)));
    return { input, label };
  }

  /** A [low, high] pair (MinMaxScaler's feature_range) typed as "0, 1"; anything else goes to the server as typed. */
  function rangeControl(param, current, set, label) {
    const input = el('input', { type: 'text', inputmode: 'decimal',
      placeholder: '기본값 ' + (Array.isArray(param.default) ? param.default.join(', ') : '') });
    input.value = Array.isArray(current) ? current.join(', ') : '';
    input.addEventListener('input', () => {
      const parts = input.value.split(',').map((v) => v.trim());
      const pair = parts.length === 2 && parts.every((v) => v !== '' && isFinite(Number(v))) ? parts.map(Number) : null;
      set(input.value.trim() === '' ? undefined : pair || input.value);
    });
    return { input, label };
  }

  function paramField(id, param, current, set, path) {
    const control = paramControl(param, current, set);
    return control.check ? checkField(id, control.label, control.input, path)
      : field(id, control.label, control.input, param.hint, path);
  }

  /* ----- sections ----- */

  function modelSection() {
    const family = select(vocabulary.families().map((f) => ({ value: f.name, label: f.label })), (estimator() || {}).family);
    family.addEventListener('change', () => options.onFamily(family.value));
    const fields = [field('family', '모델 종류', family, null, 'model')];
    const current = estimator();
    const members = current ? vocabulary.estimatorsOf(current.family) : [];
    if (members.length > 1) {
      const info = datasetInfo();
      const choices = members.filter((e) => !info || vocabulary.fits(e, info.task))
        .map((e) => ({ value: e.name, label: e.label + ' (' + e.name + ')' }));
      const chosen = select(choices, doc.model.estimator);
      chosen.addEventListener('change', () => replaceWith(withEstimator(doc, vocabulary.estimator(chosen.value))));
      fields.push(field('estimator', '추정기 (scikit-learn 클래스)', chosen, null, 'model.estimator'));
    } else if (current) {
      fields.push(el('p', { className: 'pg-sk-class', text: current.label + ' · ' + current.name }));
    }
    return section('모델 (scikit-learn)', fields);
  }

  /** Puts another document's content into doc (the widget and its URL keep the same object). */
  function replaceWith(next) {
    Object.keys(doc).forEach((key) => { delete doc[key]; });
    Object.assign(doc, next);
    render();
    changed();
  }

  function dataSection() {
    const current = estimator();
    const choices = datasets.filter((d) => !current || vocabulary.fits(current, d.task))
      .map((d) => ({ value: d.name, label: (d.title || d.name) + ' (' + d.name + ')' }));
    const chosen = select(choices, datasetName(doc));
    chosen.addEventListener('change', () => {
      setDataset(doc, datasets.find((d) => d.name === chosen.value));
      render();
      changed();
    });
    /* the student's own CSV, as in the network widget: the estimator then fits that table */
    const upload = csvUploader({
      onUploaded: (set) => {
        if (!datasets.some((d) => d.name === set.name)) datasets.push(set);
        setDataset(doc, set);
        render();
        changed();
      },
      taskLabel: (task) => vocabulary.taskLabel(task)
    });
    const fields = [field('dataset', '데이터 세트', chosen, null, 'dataset')];
    if (!locked.dataset) fields.push(el('div', { 'data-control': 'dataset' }, [upload]));
    const info = datasetInfo();
    if (info) {
      fields.push(el('p', { className: 'pg-dataset-facts', text: '과제: ' + vocabulary.taskLabel(info.task) + ' · 특성 '
        + ((info.features && info.features.length) || 0) + '개' + (info.classes && info.classes.length
        ? ' · 클래스 ' + info.classes.length + '개' : '') }));
    }
    if (info && !info.generated) {
      SPLIT_FIELDS.forEach((f) => {
        const input = numberInput({ kind: f.step === '1' ? 'int' : 'number', min: f.min, max: f.max }, split(doc)[f.name]);
        input.step = f.step;
        input.placeholder = '비우면 데이터 세트의 분할';
        input.addEventListener('input', () => {
          setSplit(doc, f.name, numberValue(input));
          changed();
        });
        fields.push(field(f.name, f.label, input, null, 'dataset.split.' + f.name));
      });
    }
    return section('데이터 (train_test_split)', fields);
  }

  function paramsSection() {
    const current = estimator();
    const p = params(doc);
    const fields = ((current && current.params) || []).map((param) => paramField('param-' + param.name, param,
      p[param.name], (value) => { setParam(doc, param.name, value); changed(); }, 'model.params.' + param.name));
    return section('하이퍼파라미터', fields);
  }

  /** Each preprocessor as a switch, its own params shown while it is on. */
  function preprocessSection() {
    const fields = [];
    vocabulary.list('preprocessors').forEach((pre) => {
      const index = (doc.model.preprocess || []).findIndex((s) => s && s.name === pre.name);
      const path = index >= 0 ? 'model.preprocess[' + index + ']' : null;
      const input = el('input', { type: 'checkbox' });
      input.checked = index >= 0;
      input.addEventListener('change', () => {
        toggleStep(doc, pre.name, input.checked);
        render();
        changed();
      });
      fields.push(checkField('pre-' + pre.name, (pre.label || pre.name) + ' (' + pre.name + ')', input, path && path + '.name'));
      if (index < 0) return;
      (pre.params || []).forEach((param) => {
        const s = step(doc, pre.name);
        fields.push(paramField('pre-' + pre.name + '-' + param.name, param, s[param.name], (value) => {
          if (value === undefined) delete s[param.name];
          else s[param.name] = value;
          changed();
        }, path + '.' + param.name));
      });
    });
    /* the steps run in the order they were switched on, which the boxes' order does not show */
    const order = (doc.model.preprocess || []).map((st) => st.name).concat([doc.model.estimator]);
    fields.push(el('p', { className: 'pg-hint pg-sk-pipeline', text: '순서: ' + order.join(' → ') }));
    return section('전처리 (Pipeline)', fields);
  }

  function section(legend, fields) {
    return el('fieldset', { className: 'pg-section' }, [el('legend', { text: legend })].concat(fields));
  }

  function render() {
    Object.keys(inputs).forEach((path) => { delete inputs[path]; });
    element.textContent = '';
    element.appendChild(el('div', { className: 'pg-form-errors' }));
    [modelSection(), dataSection(), paramsSection(), preprocessSection()].forEach((s) => element.appendChild(s));
    Object.keys(hidden).forEach((name) => {
      element.querySelectorAll('[data-control="' + CSS.escape(name) + '"]').forEach((f) => { f.hidden = true; });
    });
    Object.keys(locked).forEach((name) => {
      element.querySelectorAll('[data-control="' + CSS.escape(name) + '"] input, [data-control="' + CSS.escape(name)
        + '"] select').forEach((input) => { input.disabled = true; });
    });
  }

  /* ----- errors ----- */

  /** The input of the longest path that covers field ("model.params.n_neighbors" → its box), or null. */
  function inputFor(fieldPath) {
    let best = null;
    Object.keys(inputs).forEach((path) => {
      const covers = fieldPath === path || fieldPath.startsWith(path + '.') || fieldPath.startsWith(path + '[');
      if (covers && (!best || path.length > best.length)) best = path;
    });
    return best ? inputs[best] : null;
  }

  function showFieldError(fieldPath, message) {
    const id = idPrefix + 'error' + (++errorCounter);
    const note = el('p', { className: 'pg-error', id, role: 'alert', 'data-field': fieldPath || '', text: message });
    const input = fieldPath ? inputFor(fieldPath) : null;
    if (input) {
      input.closest('.pg-field').appendChild(note);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    } else {
      element.querySelector('.pg-form-errors').appendChild(note);
    }
    return input;
  }

  function clearErrors() {
    clearFieldErrors(element);
  }

  render();
  return {
    element,
    refresh: render,
    showFieldError,
    clearErrors,
    focusInvalid() {
      const invalid = element.querySelector('[aria-invalid="true"]');
      if (invalid) invalid.focus();
      return !!invalid;
    },
    currentDataset: datasetInfo,
    estimator
  };
}
