/*
 * The widget's settings form: every control of the vocabulary (controls of GET /api/options): the data set (with
 * samples and noise for the generated 2-D sets), Normalization, the Dense layer list (layer-list.js), optimizer
 * (with the parameters only some optimizers take, such as Adam's amsgrad, shown while one is chosen), learning
 * rate, loss, epochs, batch size, validation split, shuffle and seed. It edits the run document in place, hides
 * and locks the controls that data-hide and data-lock name, and shows the server's Korean messages beside the
 * control that a JSON path names.
 *
 * createForm(options) with options
 *   doc         the run document to edit (mutated in place)
 *   idPrefix    prefix for element ids, unique per widget ("pg1-")
 *   hidden      {controlName: true} for data-hide; locked likewise for data-lock
 *   vocabulary  the Vocabulary (vocabulary.js); its datasets fill the picker
 *   onChange    called after every edit
 *   onNote      called with a Korean sentence when the form changed something by itself
 */
import { clearFieldErrors, el, numberValue, selectInput, withCommas } from './widget-dom.js';
import { datasetName, getPath, setPath } from './widget-state.js';
import { csvUploader } from './csv-upload.js';
import { createLayerList } from './layer-list.js';

/** The fieldsets, in order; controls are built into the one their section names. */
const SECTIONS = [['data', '데이터'], ['model', '모델 (keras.Sequential)'], ['compile', 'compile'], ['fit', 'fit']];
/** Built by buildDatasetControls and layer-list.js rather than as one input bound to one path. */
const COMPOUND = ['dataset', 'samples', 'noise', 'layers'];
/** Spinner steps where the kind's own (1 for integers, any for numbers) would be too coarse. */
const STEPS = { validation_split: '0.05', noise: '0.05' };
/** Where the control's own default would mislead: the learning rate's is the chosen optimizer's. */
const PLACEHOLDERS = { seed: '비우면 서버가 정함', learning_rate: '기본값' };
const OPTIMIZER = 'compile.optimizer.';

export function createForm(options) {
  const { doc, idPrefix, hidden, locked, vocabulary } = options;
  const datasets = vocabulary.list('datasets');
  const specs = vocabulary.list('controls');
  const simple = specs.filter((spec) => !COMPOUND.includes(spec.name) && SECTIONS.some((s) => s[0] === spec.section));
  const controls = {};
  let errorCounter = 0;
  let summaryRows = null; /* {dataset (its JSON), train, test}: the last valid summary's rows */

  function documentChanged() {
    updateOptimizerParams();
    updateBatchHint();
    updateRowFacts();
    options.onChange();
  }

  /** The optimizer parameter a control sets ("amsgrad" for compile.optimizer.amsgrad), or null. */
  function optimizerParam(spec) {
    return spec.path.startsWith(OPTIMIZER) && spec.path !== OPTIMIZER + 'name' ? spec.path.slice(OPTIMIZER.length) : null;
  }

  /** Whether the chosen optimizer takes param; for one the vocabulary does not know, whether every optimizer does. */
  function optimizerTakes(param) {
    const name = getPath(doc, OPTIMIZER + 'name');
    if (vocabulary.entry('optimizers', name)) return vocabulary.hasParam('optimizers', name, param);
    return vocabulary.list('optimizers').every((o) => vocabulary.hasParam('optimizers', o.name, param));
  }

  /** A parameter only some optimizers take: shown with them, hidden and locked with the optimizer. */
  function optimizerSpecific(spec) {
    const param = optimizerParam(spec);
    return !!param && !vocabulary.list('optimizers').every((o) => vocabulary.hasParam('optimizers', o.name, param));
  }

  /** The hide/lock name that covers a control: samples and noise go with dataset, amsgrad with optimizer. */
  function groupOf(name) {
    const spec = vocabulary.control(name);
    if (!spec) return name;
    if (spec.path.startsWith('dataset.')) return 'dataset';
    return optimizerSpecific(spec) ? 'optimizer' : name;
  }

  /** The optimizer-specific boxes show only while their optimizer is chosen (and the optimizer is not hidden). */
  function updateOptimizerParams() {
    simple.filter(optimizerSpecific).forEach((spec) => {
      const control = controls[spec.name];
      control.wrapper.hidden = !!hidden.optimizer || !optimizerTakes(optimizerParam(spec));
      if (spec.kind === 'bool') control.input.checked = getPath(doc, spec.path) === true;
    });
  }

  /* ----- rows and the batch hint ----- */

  /**
   * Training and test rows of the chosen data set: {train, test, samples}, or null while they are unknown. The
   * summary counts the document's own rows; until it answers, GET /api/datasets's counts hold for a bundled set
   * and for a generated one at its default size.
   */
  function datasetRows(info) {
    if (summaryRows && summaryRows.dataset === JSON.stringify(doc.dataset)) {
      return { train: summaryRows.train, test: summaryRows.test, samples: summaryRows.train + summaryRows.test };
    }
    const total = info.train_rows + info.test_rows;
    const samples = getPath(doc, 'dataset.samples');
    if (info.generated && samples !== undefined && samples !== total) return null;
    return { train: info.train_rows, test: info.test_rows, samples: total };
  }

  /** "훈련 404행 / 테스트 102행"; a generated set: "샘플 200개 → 훈련 160행 / 테스트 40행". */
  function rowsText(info) {
    const rows = datasetRows(info);
    if (!rows) return '';
    const text = '훈련 ' + rows.train + '행 / 테스트 ' + rows.test + '행';
    return info.generated ? '샘플 ' + withCommas(rows.samples) + '개 → ' + text : text;
  }

  /** The row counts of a valid POST /api/summary answer (body) for sent, the document it was asked about. */
  function setRows(body, sent) {
    if (typeof body.train_rows !== 'number') return;
    summaryRows = { dataset: JSON.stringify(sent.dataset), train: body.train_rows + body.validation_rows, test: body.test_rows };
    updateBatchHint();
    updateRowFacts();
  }

  /** The batch_size hint with this data set's numbers, like the notes' "48개를 16개씩 3번". */
  function updateBatchHint() {
    const control = controls.batch_size;
    if (!control || !control.hint) return;
    let text = vocabulary.control('batch_size').hint;
    const info = datasetInfo(datasetName(doc));
    const rows = info && datasetRows(info);
    const value = (name) => {
      const v = getPath(doc, 'fit.' + name);
      return v === undefined ? vocabulary.control(name).default : v;
    };
    const batch = value('batch_size');
    const split = value('validation_split');
    const epochs = value('epochs');
    const usable = Number.isInteger(batch) && batch >= 1 && typeof split === 'number' && split >= 0 && split < 1 &&
      Number.isInteger(epochs) && epochs >= 1;
    if (rows && usable) {
      const train = Math.floor(rows.train * (1 - split));
      const steps = Math.ceil(train / batch);
      text += ' 지금: 훈련 ' + train + '행을 ' + batch + '개씩 → 에포크마다 ' + steps +
        '번, 모두 ' + withCommas(steps * epochs) + '번 업데이트.';
    }
    control.hint.textContent = text;
  }

  /* ----- building the controls ----- */

  /** A short explanation under a control, read by screen readers with it (aria-describedby). */
  function hintFor(name, input, text) {
    if (!text) return null;
    const hint = el('p', { className: 'pg-hint', id: idPrefix + name + '-hint', text });
    input.setAttribute('aria-describedby', hint.id);
    input.setAttribute('data-hint', hint.id);
    return hint;
  }

  function field(name, labelText, input, extra, hintText) {
    input.id = idPrefix + name;
    const hint = hintFor(name, input, hintText);
    const wrapper = el('div', { className: 'pg-field pg-field-' + name, 'data-control': name },
      [el('label', { for: input.id, text: labelText }), input].concat(extra || [], [hint]));
    controls[name] = { wrapper, input, hint };
    return wrapper;
  }

  function checkboxField(name, labelText, input, hintText) {
    input.id = idPrefix + name;
    const hint = hintFor(name, input, hintText);
    const wrapper = el('div', { className: 'pg-field pg-field-' + name, 'data-control': name }, [
      el('div', { className: 'pg-field-check' }, [input, el('label', { for: input.id, text: labelText })]),
      hint
    ]);
    controls[name] = { wrapper, input, hint };
    return wrapper;
  }

  /** A number input with the control's range; choices become a datalist of suggestions. */
  function numberInput(spec) {
    const step = STEPS[spec.name] || (spec.kind === 'integer' ? '1' : 'any');
    const placeholder = PLACEHOLDERS[spec.name] || (spec.default !== undefined ? String(spec.default) : '기본값');
    return el('input', {
      type: 'number', inputmode: step === '1' ? 'numeric' : 'decimal', step, min: spec.min, max: spec.max, placeholder,
      list: spec.choices ? idPrefix + spec.name + '-list' : null
    });
  }

  /** A select's choices: its list in the vocabulary, or its own (kind "choice"). */
  function choicesOf(spec) {
    if (spec.from) return vocabulary.choices(spec.from);
    return (spec.choices || []).map((value) => ({ value: String(value), label: String(value) }));
  }

  function buildSimpleControl(spec) {
    let input;
    if (spec.kind === 'bool') {
      input = el('input', { type: 'checkbox' });
      input.addEventListener('change', () => {
        setPath(doc, spec.path, input.checked);
        documentChanged();
      });
      return checkboxField(spec.name, spec.label, input, spec.hint);
    }
    if (spec.kind === 'select' || spec.kind === 'choice') {
      input = selectInput(choicesOf(spec), getPath(doc, spec.path));
      input.addEventListener('change', () => {
        if (spec.path === OPTIMIZER + 'name') {
          /* another optimizer takes other parameters: only the learning rate carries over */
          const rate = getPath(doc, OPTIMIZER + 'learning_rate');
          setPath(doc, 'compile.optimizer', rate === undefined ? { name: input.value } : { name: input.value, learning_rate: rate });
        } else {
          setPath(doc, spec.path, input.value);
        }
        documentChanged();
      });
      return field(spec.name, spec.label, input, [], spec.hint);
    }
    input = numberInput(spec);
    input.addEventListener('input', () => {
      setPath(doc, spec.path, numberValue(input));
      documentChanged();
    });
    const extra = spec.choices
      ? [el('datalist', { id: idPrefix + spec.name + '-list' }, spec.choices.map((v) => el('option', { value: String(v) })))]
      : [];
    return field(spec.name, spec.label, input, extra, spec.hint);
  }

  function buildDatasetControls() {
    const spec = (name) => vocabulary.control(name) || { name, label: name, kind: 'number' };
    const select = el('select');
    select.addEventListener('change', () => changeDataset(select.value));
    const info = el('div', { className: 'pg-dataset-info', 'aria-live': 'polite' });
    const generatedFields = ['samples', 'noise'].map((name) => {
      const input = numberInput(Object.assign({}, spec(name), { choices: null }));
      input.addEventListener('input', () => {
        const d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : { name: doc.dataset };
        if (numberValue(input) === undefined) delete d[name];
        else d[name] = numberValue(input);
        doc.dataset = d;
        documentChanged();
      });
      return field(name, spec(name).label, input);
    });
    const upload = csvUploader({
      onUploaded: (set) => {
        if (!datasetInfo(set.name)) datasets.push(set);
        changeDataset(set.name);
      },
      taskLabel: (task) => vocabulary.taskLabel(task)
    });
    const wrapper = field('dataset', spec('dataset').label, select, [info, upload]);
    const generated = el('div', { className: 'pg-generated', 'data-control': 'dataset' }, generatedFields);
    controls.dataset.info = info;
    controls.dataset.generated = generated;
    return [wrapper, generated];
  }

  const layerList = createLayerList({ doc, idPrefix, vocabulary, onChange: documentChanged, afterRender: applyLocks });

  function syncControls() {
    simple.forEach((spec) => {
      const input = controls[spec.name].input;
      const value = getPath(doc, spec.path);
      if (spec.kind === 'bool') input.checked = value === undefined ? spec.default === true : value === true;
      else if (input.tagName === 'SELECT') {
        if (value !== undefined && !input.querySelector('option[value="' + CSS.escape(String(value)) + '"]')) {
          input.appendChild(el('option', { value: String(value), text: String(value) }));
        }
        input.value = value === undefined ? input.options[0].value : String(value);
      } else input.value = value === undefined || value === null ? '' : String(value);
    });
    syncDataset();
    layerList.render();
    updateOptimizerParams();
  }

  /* ----- the data set ----- */

  function datasetInfo(name) {
    return datasets.find((d) => d.name === name);
  }

  function syncDataset() {
    const name = datasetName(doc);
    const select = controls.dataset.input;
    select.textContent = '';
    datasets.forEach((d) => select.appendChild(el('option', { value: d.name, text: (d.title || d.name) + ' (' + d.name + ')' })));
    if (name !== undefined && !datasetInfo(name)) select.appendChild(el('option', { value: String(name), text: String(name) }));
    select.value = String(name);
    const d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : {};
    controls.samples.input.value = d.samples === undefined ? '' : String(d.samples);
    controls.noise.input.value = d.noise === undefined ? '' : String(d.noise);
    const info = datasetInfo(name);
    controls.dataset.generated.hidden = !(info && info.generated) || !!hidden.dataset;
    renderDatasetInfo(info);
  }

  function renderDatasetInfo(info) {
    const box = controls.dataset.info;
    box.textContent = '';
    if (!info) return;
    box.appendChild(el('p', { className: 'pg-dataset-description', text: info.description || '' }));
    box.appendChild(el('p', { className: 'pg-dataset-facts', text: datasetFacts(info) }));
  }

  function datasetFacts(info) {
    const facts = [
      '과제: ' + vocabulary.taskLabel(info.task),
      '특성 ' + ((info.features && info.features.length) || 0) + '개',
      rowsText(info)
    ];
    if (info.classes && info.classes.length) facts.push('클래스 ' + info.classes.length + '개: ' + info.classes.join(', '));
    return facts.filter(Boolean).join(' · ');
  }

  /** After an edit: the facts line only, and only when samples changed it, so the live region stays quiet. */
  function updateRowFacts() {
    const facts = controls.dataset.info.querySelector('.pg-dataset-facts');
    const info = datasetInfo(datasetName(doc));
    const text = info && datasetFacts(info);
    if (facts && text && facts.textContent !== text) facts.textContent = text;
  }

  function classCount(info) {
    return (info.classes && info.classes.length) || 0;
  }

  /** Switches the data set; when the task changes, fits the output layer, loss and metrics to it (vocabulary's tasks). */
  function changeDataset(name) {
    const before = datasetInfo(datasetName(doc));
    const info = datasetInfo(name);
    if (info && info.generated) {
      const previous = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : {};
      doc.dataset = { name };
      if (previous.samples !== undefined) doc.dataset.samples = previous.samples;
      if (previous.noise !== undefined) doc.dataset.noise = previous.noise;
    } else {
      doc.dataset = name;
    }
    const taskChanged = info && (!before || before.task !== info.task || classCount(before) !== classCount(info));
    const note = taskChanged && !locked.layers && !locked.loss ? vocabulary.fitToTask(doc, info) : '';
    syncControls();
    documentChanged();
    if (note) options.onNote(note);
  }

  /* ----- hide, lock, errors ----- */

  function applyLocks() {
    const all = Object.assign({ layers: layerList.control }, controls);
    Object.keys(all).forEach((name) => {
      const control = all[name];
      const group = groupOf(name);
      if (hidden[group]) control.wrapper.hidden = true;
      if (locked[group]) {
        control.wrapper.classList.add('pg-locked');
        control.wrapper.querySelectorAll('input, select, button').forEach((input) => { input.disabled = true; });
      }
    });
    form.querySelectorAll('fieldset').forEach((fieldset) => {
      const fields = Array.from(fieldset.querySelectorAll('[data-control]'));
      fieldset.hidden = !fields.some((f) => !hidden[groupOf(f.getAttribute('data-control'))]);
    });
  }

  function clearErrors() {
    clearFieldErrors(form);
  }

  /**
   * The input and the element to put the message after for a JSON path, or null for a general error. A control
   * not shown (amsgrad while another optimizer is chosen) has its message beside its group's control.
   */
  function errorTarget(fieldPath) {
    const target = vocabulary.controlForField(fieldPath);
    const row = target.control === 'layers' && target.layer >= 0 ? layerList.row(target.layer) : null;
    if (row) {
      const input = row[target.prop] || row.units;
      if (target.prop === 'alpha') input.parentNode.hidden = false;
      return { input, appendTo: row.row, visible: !hidden.layers };
    }
    if (hidden[groupOf(target.control)]) return null;
    let control = controls[target.control];
    if (control && control.wrapper.hidden) control = controls[groupOf(target.control)];
    if (target.control === 'layers') control = layerList.control;
    if (!control) return null;
    return { input: control.input, after: control.input, visible: true };
  }

  /** Shows the server's Korean message beside the control that fieldPath names. */
  function showFieldError(fieldPath, message) {
    const id = idPrefix + 'error' + (++errorCounter);
    const note = el('p', { className: 'pg-error', id, role: 'alert', 'data-field': fieldPath || '', text: message });
    const target = fieldPath ? errorTarget(fieldPath) : null;
    if (target && target.visible) {
      if (target.appendTo) target.appendTo.appendChild(note);
      else target.after.insertAdjacentElement('afterend', note);
      target.input.setAttribute('aria-invalid', 'true');
      const hint = target.input.getAttribute('data-hint');
      target.input.setAttribute('aria-describedby', hint ? id + ' ' + hint : id);
    } else {
      formErrors.appendChild(note);
    }
    return target;
  }

  function build() {
    const sections = { data: buildDatasetControls(), model: [layerList.control.wrapper], compile: [], fit: [] };
    simple.forEach((spec) => sections[spec.section].push(buildSimpleControl(spec)));
    const errors = el('div', { className: 'pg-form-errors' });
    const element = el('form', { className: 'pg-controls', novalidate: true, 'aria-label': '훈련 설정' }, [errors].concat(
      SECTIONS.map(([name, legend]) => el('fieldset', { className: 'pg-section' }, [el('legend', { text: legend })].concat(sections[name])))));
    element.addEventListener('submit', (event) => event.preventDefault());
    return { form: element, formErrors: errors };
  }

  const { form, formErrors } = build();
  syncControls();
  updateBatchHint();

  return {
    element: form,
    /** The GET /api/datasets entry of the chosen data set, or undefined when the list does not have it. */
    currentDataset: () => datasetInfo(datasetName(doc)),
    /** Shows the document again after it was replaced whole (a link opened in the page). */
    refresh() {
      clearErrors();
      syncControls();
      updateBatchHint();
    },
    /** Puts a seed into the document and the seed input ("같은 시드로 다시"). */
    setSeed(seed) {
      doc.seed = seed;
      controls.seed.input.value = String(seed);
    },
    setRows,
    clearErrors,
    showFieldError,
    /** Moves the focus to the first control marked invalid; false when there is none. */
    focusInvalid() {
      const invalid = form.querySelector('[aria-invalid="true"]');
      if (invalid) invalid.focus();
      return !!invalid;
    }
  };
}
