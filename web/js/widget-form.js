/*
 * The widget's settings form: data set (with samples and noise for the generated 2-D sets), Normalization, the
 * Dense layer list, optimizer (with Adam's amsgrad), learning rate, loss, epochs, batch size, validation split,
 * shuffle and seed. It edits the run document in place, hides and locks the controls that data-hide and data-lock name, and shows
 * the server's Korean messages beside the control that a JSON path names.
 *
 * Needs PgDom and PgState; exposes window.PgForm.create(options) with options
 *   doc       the run document to edit (mutated in place)
 *   idPrefix  prefix for element ids, unique per widget ("pg1-")
 *   hidden    {controlName: true} for data-hide; locked likewise for data-lock
 *   onChange  called after every edit
 *   onNote    called with a Korean sentence when the form changed something by itself
 */
(function () {
  'use strict';

  var el = window.PgDom.el;
  var withCommas = window.PgDom.withCommas;
  var numberValue = window.PgDom.numberValue;
  var State = window.PgState;
  var getPath = State.getPath;
  var setPath = State.setPath;

  var BATCH_HINT = '1이면 확률적 경사 하강법(SGD), 훈련 행 수 이상이면 배치 경사 하강법.';
  var OPTIMIZERS = [
    ['sgd', 'SGD (확률적 경사 하강법)'],
    ['rmsprop', 'RMSprop'],
    ['adam', 'Adam'],
    ['adagrad', 'Adagrad']
  ];

  var LOSSES = [
    ['mse', 'mse (평균 제곱 오차)'],
    ['mae', 'mae (평균 절대 오차)'],
    ['binary_crossentropy', 'binary_crossentropy (이진 교차 엔트로피)'],
    ['categorical_crossentropy', 'categorical_crossentropy (원-핫 레이블)'],
    ['sparse_categorical_crossentropy', 'sparse_categorical_crossentropy (정수 레이블)']
  ];

  var ACTIVATIONS = [
    ['linear', 'linear'],
    ['relu', 'relu'],
    ['leaky_relu', 'leaky_relu'],
    ['sigmoid', 'sigmoid'],
    ['tanh', 'tanh'],
    ['softmax', 'softmax']
  ];

  var LEARNING_RATES = ['0.0001', '0.001', '0.003', '0.01', '0.03', '0.1', '0.3', '1'];

  var TASKS = { regression: '회귀', binary: '이진 분류', multiclass: '다중 분류' };

  /*
   * The simple controls: one input bound to one path of the run document. The dataset (with samples and
   * noise) and the layer list are built separately.
   */
  var SIMPLE_CONTROLS = [
    { name: 'normalize', section: 'data', path: 'model.normalize', kind: 'bool', fallback: false,
      label: 'Normalization (입력 정규화)', hint: '특성마다 평균 0, 분산 1로 맞춥니다 (Keras Normalization.adapt).' },
    { name: 'optimizer', section: 'compile', path: 'compile.optimizer.name', kind: 'select', options: OPTIMIZERS,
      label: 'optimizer (최적화 방법)' },
    { name: 'amsgrad', section: 'compile', path: 'compile.optimizer.amsgrad', kind: 'bool', fallback: false,
      label: 'amsgrad (Adam)', hint: '지금까지 가장 큰 v로 나눠 한 걸음이 다시 커지지 않게 합니다 (Keras의 amsgrad=True).' },
    { name: 'learning_rate', section: 'compile', path: 'compile.optimizer.learning_rate', kind: 'number',
      step: 'any', min: '0', list: LEARNING_RATES, label: 'learning_rate (학습률)', placeholder: '기본값',
      hint: '한 번 업데이트할 때 가중치를 얼마나 움직일지. 너무 크면 손실이 발산합니다.' },
    { name: 'loss', section: 'compile', path: 'compile.loss', kind: 'select', options: LOSSES,
      label: 'loss (손실 함수)' },
    { name: 'epochs', section: 'fit', path: 'fit.epochs', kind: 'number', step: '1', min: '1',
      label: 'epochs (반복 횟수)', placeholder: '1', hint: '훈련 데이터 전체를 몇 번 되풀이해 학습할지.' },
    { name: 'batch_size', section: 'fit', path: 'fit.batch_size', kind: 'number', step: '1', min: '1',
      label: 'batch_size (배치 크기)', placeholder: '32', hint: BATCH_HINT },
    { name: 'validation_split', section: 'fit', path: 'fit.validation_split', kind: 'number', step: '0.05',
      min: '0', max: '0.9', label: 'validation_split (검증 비율)', placeholder: '0',
      hint: 'Keras처럼 섞기 전 훈련 데이터의 마지막 부분을 검증(val_loss)에 씁니다.' },
    { name: 'shuffle', section: 'fit', path: 'fit.shuffle', kind: 'bool', fallback: true,
      label: 'shuffle (에포크마다 섞기)' },
    { name: 'seed', section: 'fit', path: 'seed', kind: 'number', step: '1', min: '0',
      label: 'seed (시드)', placeholder: '비우면 서버가 정함', hint: '시드가 같으면 초기 가중치와 섞는 순서가 같아 결과도 같습니다.' }
  ];

  function create(options) {
    var doc = options.doc;
    var idPrefix = options.idPrefix;
    var hidden = options.hidden;
    var locked = options.locked;
    var datasets = [];
    var controls = {};
    var layerRows = [];
    var errorCounter = 0;
    var summaryRows = null; /* {dataset (its JSON), train, test}: the last valid summary's rows */

    function documentChanged() {
      updateAmsgrad();
      updateBatchHint();
      updateRowFacts();
      options.onChange();
    }

    /**
     * Training and test rows of the chosen data set: {train, test, samples}, or null while they are unknown. The
     * summary counts the document's own rows; until it answers, GET /api/datasets's counts hold for a bundled set
     * and for a generated one at its default size.
     */
    function datasetRows(info) {
      if (summaryRows && summaryRows.dataset === JSON.stringify(doc.dataset)) {
        return { train: summaryRows.train, test: summaryRows.test, samples: summaryRows.train + summaryRows.test };
      }
      var total = info.train_rows + info.test_rows;
      var samples = getPath(doc, 'dataset.samples');
      if (info.generated && samples !== undefined && samples !== total) return null;
      return { train: info.train_rows, test: info.test_rows, samples: total };
    }

    /** "훈련 404행 / 테스트 102행"; a generated set: "샘플 200개 → 훈련 160행 / 테스트 40행". */
    function rowsText(info) {
      var rows = datasetRows(info);
      if (!rows) return '';
      var text = '훈련 ' + rows.train + '행 / 테스트 ' + rows.test + '행';
      return info.generated ? '샘플 ' + withCommas(rows.samples) + '개 → ' + text : text;
    }

    /** The row counts of a valid POST /api/summary answer (body) for sent, the document it was asked about. */
    function setRows(body, sent) {
      if (typeof body.train_rows !== 'number') return;
      summaryRows = {
        dataset: JSON.stringify(sent.dataset), train: body.train_rows + body.validation_rows, test: body.test_rows
      };
      updateBatchHint();
      updateRowFacts();
    }

    /** The batch_size hint with this data set's numbers, like the notes' "48개를 16개씩 3번". */
    function updateBatchHint() {
      var control = controls.batch_size;
      if (!control || !control.hint) return;
      var text = BATCH_HINT;
      var info = datasetInfo(State.datasetName(doc));
      var rows = info && datasetRows(info);
      var batch = getPath(doc, 'fit.batch_size');
      var split = getPath(doc, 'fit.validation_split');
      var epochs = getPath(doc, 'fit.epochs');
      if (batch === undefined) batch = 32;
      if (split === undefined) split = 0;
      if (epochs === undefined) epochs = 1;
      var usable = Number.isInteger(batch) && batch >= 1 && typeof split === 'number' && split >= 0 && split < 1 &&
        Number.isInteger(epochs) && epochs >= 1;
      if (rows && usable) {
        var train = Math.floor(rows.train * (1 - split));
        var steps = Math.ceil(train / batch);
        text += ' 지금: 훈련 ' + train + '행을 ' + batch + '개씩 → 에포크마다 ' + steps +
          '번, 모두 ' + withCommas(steps * epochs) + '번 업데이트.';
      }
      control.hint.textContent = text;
    }

    /**
     * The amsgrad box belongs to Adam: shown only while Adam is chosen (and the optimizer is not hidden), and
     * cleared with the rest of the optimizer's settings when another one is chosen.
     */
    function updateAmsgrad() {
      var control = controls.amsgrad;
      if (!control) return;
      control.wrapper.hidden = hidden.optimizer || getPath(doc, 'compile.optimizer.name') !== 'adam';
      control.input.checked = getPath(doc, 'compile.optimizer.amsgrad') === true;
    }

    /** The hide/lock name that covers a control: samples and noise go with dataset, amsgrad with optimizer. */
    function groupOf(name) {
      if (name === 'samples' || name === 'noise') return 'dataset';
      return name === 'amsgrad' ? 'optimizer' : name;
    }

    function setStatus(text) {
      options.onNote(text);
    }

    /* ----- building the controls ----- */

    /** A short explanation under a control, read by screen readers with it (aria-describedby). */
    function hintFor(name, input, text) {
      if (!text) return null;
      var hint = el('p', { className: 'pg-hint', id: idPrefix + name + '-hint', text: text });
      input.setAttribute('aria-describedby', hint.id);
      input.setAttribute('data-hint', hint.id);
      return hint;
    }

    function field(name, labelText, input, extra, hintText) {
      input.id = idPrefix + name;
      var hint = hintFor(name, input, hintText);
      var wrapper = el('div', { className: 'pg-field pg-field-' + name, 'data-control': name }, [
        el('label', { for: input.id, text: labelText }),
        input
      ].concat(extra || [], [hint]));
      controls[name] = { wrapper: wrapper, input: input, hint: hint };
      return wrapper;
    }

    function checkboxField(name, labelText, input, hintText) {
      input.id = idPrefix + name;
      var hint = hintFor(name, input, hintText);
      var wrapper = el('div', { className: 'pg-field pg-field-' + name, 'data-control': name }, [
        el('div', { className: 'pg-field-check' }, [input, el('label', { for: input.id, text: labelText })]),
        hint
      ]);
      controls[name] = { wrapper: wrapper, input: input, hint: hint };
      return wrapper;
    }

    /** A select of [value, label] choices, plus the current value when it is not among them. */
    function selectInput(choices, current) {
      var select = el('select');
      var values = choices.map(function (o) { return o[0]; });
      var all = choices.slice();
      if (current !== undefined && values.indexOf(current) < 0) all.push([String(current), String(current)]);
      all.forEach(function (o) { select.appendChild(el('option', { value: o[0], text: o[1] })); });
      return select;
    }

    function numberInput(spec) {
      return el('input', {
        type: 'number', inputmode: spec.step === '1' ? 'numeric' : 'decimal',
        step: spec.step, min: spec.min, max: spec.max, placeholder: spec.placeholder,
        list: spec.list ? idPrefix + spec.name + '-list' : null
      });
    }

    function buildSimpleControl(spec) {
      var input;
      if (spec.kind === 'bool') {
        input = el('input', { type: 'checkbox' });
        input.addEventListener('change', function () {
          setPath(doc, spec.path, input.checked);
          documentChanged();
        });
        return checkboxField(spec.name, spec.label, input, spec.hint);
      }
      if (spec.kind === 'select') {
        input = selectInput(spec.options, getPath(doc, spec.path));
        input.addEventListener('change', function () {
          if (spec.name === 'optimizer') {
            var rate = getPath(doc, 'compile.optimizer.learning_rate');
            setPath(doc, 'compile.optimizer', rate === undefined ? { name: input.value } : { name: input.value, learning_rate: rate });
          } else {
            setPath(doc, spec.path, input.value);
          }
          documentChanged();
        });
        return field(spec.name, spec.label, input, [], spec.hint);
      }
      input = numberInput(spec);
      input.addEventListener('input', function () {
        setPath(doc, spec.path, numberValue(input));
        documentChanged();
      });
      var extra = [];
      if (spec.list) {
        extra.push(el('datalist', { id: idPrefix + spec.name + '-list' },
          spec.list.map(function (v) { return el('option', { value: v }); })));
      }
      return field(spec.name, spec.label, input, extra, spec.hint);
    }

    function buildDatasetControls() {
      var select = el('select');
      select.addEventListener('change', function () { changeDataset(select.value); });
      var info = el('div', { className: 'pg-dataset-info', 'aria-live': 'polite' });
      var samples = numberInput({ name: 'samples', step: '1', min: '1', placeholder: '기본값' });
      var noise = numberInput({ name: 'noise', step: '0.05', min: '0', placeholder: '기본값' });
      [['samples', samples], ['noise', noise]].forEach(function (pair) {
        pair[1].addEventListener('input', function () {
          var d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : { name: doc.dataset };
          if (numberValue(pair[1]) === undefined) delete d[pair[0]];
          else d[pair[0]] = numberValue(pair[1]);
          doc.dataset = d;
          documentChanged();
        });
      });
      var wrapper = field('dataset', '데이터 세트', select, [info]);
      var samplesField = field('samples', '샘플 수 (samples)', samples);
      var noiseField = field('noise', '노이즈 (noise)', noise);
      var generated = el('div', { className: 'pg-generated', 'data-control': 'dataset' }, [samplesField, noiseField]);
      controls.dataset.info = info;
      controls.dataset.generated = generated;
      return [wrapper, generated];
    }

    function buildLayerControls() {
      var list = el('ol', { className: 'pg-layers', 'aria-label': 'Dense 층 목록' });
      var add = el('button', { type: 'button', className: 'pg-add-layer', 'data-testid': 'pg-add-layer', text: '+ Dense 층 추가' });
      add.addEventListener('click', addLayer);
      var wrapper = el('div', { className: 'pg-field pg-field-layers', 'data-control': 'layers' }, [
        el('p', { className: 'pg-layers-title', id: idPrefix + 'layers-title', text: '층 (layers) — 마지막 층이 출력층입니다' }),
        list,
        add
      ]);
      controls.layers = { wrapper: wrapper, input: list, list: list, add: add };
      return wrapper;
    }

    function layers() {
      if (!doc.model || typeof doc.model !== 'object') doc.model = {};
      if (!Array.isArray(doc.model.layers)) doc.model.layers = [];
      return doc.model.layers;
    }

    function layerRow(layer, i, count) {
      var isOutput = i === count - 1;
      var rowId = idPrefix + 'layer' + i;
      var units = el('input', { type: 'number', inputmode: 'numeric', step: '1', min: '1', max: '512', id: rowId + '-units', className: 'pg-units' });
      units.value = layer.units === undefined ? '' : String(layer.units);
      var activation = selectInput(ACTIVATIONS, layer.activation);
      activation.id = rowId + '-activation';
      activation.className = 'pg-activation';
      activation.value = layer.activation || 'linear';
      var alpha = el('input', { type: 'number', inputmode: 'decimal', step: '0.01', min: '0', id: rowId + '-alpha', className: 'pg-alpha', placeholder: '기본값' });
      alpha.value = layer.alpha === undefined ? '' : String(layer.alpha);
      var alphaField = el('div', { className: 'pg-layer-alpha' }, [el('label', { for: alpha.id, text: 'alpha' }), alpha]);
      alphaField.hidden = activation.value !== 'leaky_relu';
      var remove = el('button', { type: 'button', className: 'pg-remove-layer', text: '삭제',
        'aria-label': (isOutput ? '출력층' : '은닉층 ' + (i + 1)) + ' 삭제' });
      remove.disabled = count <= 1;

      units.addEventListener('input', function () {
        layers()[i].units = numberValue(units);
        documentChanged();
      });
      activation.addEventListener('change', function () {
        var target = layers()[i];
        if (activation.value === 'linear') delete target.activation;
        else target.activation = activation.value;
        if (activation.value !== 'leaky_relu') { delete target.alpha; alpha.value = ''; }
        alphaField.hidden = activation.value !== 'leaky_relu';
        documentChanged();
      });
      alpha.addEventListener('input', function () {
        if (numberValue(alpha) === undefined) delete layers()[i].alpha;
        else layers()[i].alpha = numberValue(alpha);
        documentChanged();
      });
      remove.addEventListener('click', function () { removeLayer(i); });

      var row = el('li', { className: 'pg-layer' + (isOutput ? ' pg-layer-output' : ''), 'data-index': i }, [
        el('div', { className: 'pg-layer-head' }, [
          el('span', { className: 'pg-layer-name', text: (isOutput ? '출력층' : '은닉층 ' + (i + 1)) + ' · Dense' }),
          remove
        ]),
        el('div', { className: 'pg-layer-units' }, [el('label', { for: units.id, text: 'units (뉴런 수)' }), units]),
        el('div', { className: 'pg-layer-activation' }, [el('label', { for: activation.id, text: 'activation (활성화)' }), activation]),
        alphaField
      ]);
      return { row: row, units: units, activation: activation, alpha: alpha, remove: remove };
    }

    function renderLayers() {
      var list = controls.layers.list;
      var all = layers();
      list.textContent = '';
      layerRows = all.map(function (layer, i) { return layerRow(layer, i, all.length); });
      layerRows.forEach(function (r) { list.appendChild(r.row); });
      applyLocks();
    }

    function addLayer() {
      var all = layers();
      var hiddenLayer = { units: 16, activation: 'relu' };
      all.splice(Math.max(all.length - 1, 0), 0, hiddenLayer);
      renderLayers();
      documentChanged();
      var added = layerRows[Math.max(all.length - 2, 0)];
      if (added) added.units.focus();
    }

    function removeLayer(i) {
      var all = layers();
      if (all.length <= 1) return;
      all.splice(i, 1);
      renderLayers();
      documentChanged();
      var next = layerRows[Math.min(i, layerRows.length - 1)];
      if (!next) return;
      if (next.remove.disabled) next.units.focus();
      else next.remove.focus();
    }

    function syncControls() {
      SIMPLE_CONTROLS.forEach(function (spec) {
        var input = controls[spec.name].input;
        var value = getPath(doc, spec.path);
        if (spec.kind === 'bool') input.checked = value === undefined ? spec.fallback : value === true;
        else if (spec.kind === 'select') {
          if (value !== undefined && !input.querySelector('option[value="' + CSS.escape(String(value)) + '"]')) {
            input.appendChild(el('option', { value: String(value), text: String(value) }));
          }
          input.value = value === undefined ? input.options[0].value : String(value);
        } else input.value = value === undefined || value === null ? '' : String(value);
      });
      syncDataset();
      renderLayers();
      updateAmsgrad();
    }

    function datasetInfo(name) {
      return datasets.filter(function (d) { return d.name === name; })[0];
    }

    function syncDataset() {
      var name = State.datasetName(doc);
      var select = controls.dataset.input;
      select.textContent = '';
      var names = datasets.map(function (d) { return d.name; });
      datasets.forEach(function (d) {
        select.appendChild(el('option', { value: d.name, text: (d.title || d.name) + ' (' + d.name + ')' }));
      });
      if (name !== undefined && names.indexOf(name) < 0) select.appendChild(el('option', { value: String(name), text: String(name) }));
      select.value = String(name);
      var d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : {};
      controls.samples.input.value = d.samples === undefined ? '' : String(d.samples);
      controls.noise.input.value = d.noise === undefined ? '' : String(d.noise);
      var info = datasetInfo(name);
      controls.dataset.generated.hidden = !(info && info.generated) || !!hidden.dataset;
      renderDatasetInfo(info);
    }

    function renderDatasetInfo(info) {
      var box = controls.dataset.info;
      box.textContent = '';
      if (!info) return;
      box.appendChild(el('p', { className: 'pg-dataset-description', text: info.description || '' }));
      box.appendChild(el('p', { className: 'pg-dataset-facts', text: datasetFacts(info) }));
    }

    function datasetFacts(info) {
      var facts = [
        '과제: ' + (TASKS[info.task] || info.task),
        '특성 ' + ((info.features && info.features.length) || 0) + '개',
        rowsText(info)
      ];
      if (info.classes && info.classes.length) facts.push('클래스 ' + info.classes.length + '개: ' + info.classes.join(', '));
      return facts.filter(Boolean).join(' · ');
    }

    /** After an edit: the facts line only, and only when samples changed it, so the live region stays quiet. */
    function updateRowFacts() {
      var facts = controls.dataset.info.querySelector('.pg-dataset-facts');
      var info = datasetInfo(State.datasetName(doc));
      var text = info && datasetFacts(info);
      if (facts && text && facts.textContent !== text) facts.textContent = text;
    }

    /** Switches the data set; when the task changes, fits the output layer, loss and metrics to it. */
    function changeDataset(name) {
      var before = datasetInfo(State.datasetName(doc));
      var info = datasetInfo(name);
      if (info && info.generated) {
        var previous = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : {};
        doc.dataset = { name: name };
        if (previous.samples !== undefined) doc.dataset.samples = previous.samples;
        if (previous.noise !== undefined) doc.dataset.noise = previous.noise;
      } else {
        doc.dataset = name;
      }
      var note = '';
      if (info && (!before || before.task !== info.task || classCount(before) !== classCount(info))) note = fitOutputToTask(info);
      syncControls();
      documentChanged();
      if (note) setStatus(note);
    }

    function classCount(info) {
      return (info.classes && info.classes.length) || 0;
    }

    function fitOutputToTask(info) {
      if (locked.layers || locked.loss) return '';
      var all = layers();
      if (!all.length) all.push({});
      var output = all[all.length - 1];
      delete output.alpha;
      setPath(doc, 'compile.metrics', undefined);
      if (info.task === 'regression') {
        output.units = 1;
        delete output.activation;
        setPath(doc, 'compile.loss', 'mse');
        setPath(doc, 'compile.metrics', ['mae']);
      } else if (info.task === 'binary') {
        output.units = 1;
        output.activation = 'sigmoid';
        setPath(doc, 'compile.loss', 'binary_crossentropy');
        setPath(doc, 'compile.metrics', ['accuracy']);
      } else {
        output.units = classCount(info) || output.units;
        output.activation = 'softmax';
        setPath(doc, 'compile.loss', 'sparse_categorical_crossentropy');
        setPath(doc, 'compile.metrics', ['accuracy']);
      }
      return '출력층과 손실 함수를 ' + (TASKS[info.task] || info.task) + '에 맞게 바꿨습니다.';
    }

    function applyLocks() {
      Object.keys(controls).forEach(function (name) {
        var control = controls[name];
        var group = groupOf(name);
        if (hidden[group]) control.wrapper.hidden = true;
        if (locked[group]) {
          control.wrapper.classList.add('pg-locked');
          control.wrapper.querySelectorAll('input, select, button').forEach(function (input) { input.disabled = true; });
        }
      });
      form.querySelectorAll('fieldset').forEach(function (fieldset) {
        var fields = fieldset.querySelectorAll('[data-control]');
        var visible = Array.prototype.some.call(fields, function (f) {
          var name = f.getAttribute('data-control');
          return !hidden[groupOf(name)];
        });
        fieldset.hidden = !visible;
      });
    }

    function clearErrors() {
      form.querySelectorAll('.pg-error').forEach(function (node) { node.remove(); });
      form.querySelectorAll('[aria-invalid]').forEach(function (node) {
        node.removeAttribute('aria-invalid');
        if (node.hasAttribute('data-hint')) node.setAttribute('aria-describedby', node.getAttribute('data-hint'));
        else node.removeAttribute('aria-describedby');
      });
    }

    /** The input and the element to put the message after for a JSON path, or null for a general error. */
    function errorTarget(fieldPath) {
      var target = State.controlForField(fieldPath);
      if (target.control === 'layers' && target.layer >= 0 && layerRows[target.layer]) {
        var row = layerRows[target.layer];
        var input = row[target.prop] || row.units;
        if (target.prop === 'alpha') input.parentNode.hidden = false;
        return { input: input, appendTo: row.row, visible: !hidden.layers };
      }
      var control = controls[target.control];
      if (!control) return null;
      if (hidden[groupOf(target.control)]) return null;
      return { input: control.input, after: control.input, visible: true };
    }

    /** Shows the server's Korean message beside the control that fieldPath names. */
    function showFieldError(fieldPath, message) {
      var id = idPrefix + 'error' + (++errorCounter);
      var note = el('p', { className: 'pg-error', id: id, role: 'alert', 'data-field': fieldPath || '', text: message });
      var target = fieldPath ? errorTarget(fieldPath) : null;
      if (target && target.visible) {
        if (target.appendTo) target.appendTo.appendChild(note);
        else target.after.insertAdjacentElement('afterend', note);
        target.input.setAttribute('aria-invalid', 'true');
        var hint = target.input.getAttribute('data-hint');
        target.input.setAttribute('aria-describedby', hint ? id + ' ' + hint : id);
      } else {
        formErrors.appendChild(note);
      }
      return target;
    }

    function build() {
      var sections = { data: [], compile: [], fit: [] };
      SIMPLE_CONTROLS.forEach(function (spec) { sections[spec.section].push(buildSimpleControl(spec)); });
      var errors = el('div', { className: 'pg-form-errors' });
      var element = el('form', { className: 'pg-controls', novalidate: true, 'aria-label': '훈련 설정' }, [
        errors,
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: '데이터' })].concat(buildDatasetControls(), sections.data)),
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: '모델 (keras.Sequential)' }), buildLayerControls()]),
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: 'compile' })].concat(sections.compile)),
        el('fieldset', { className: 'pg-section' }, [el('legend', { text: 'fit' })].concat(sections.fit))
      ]);
      element.addEventListener('submit', function (event) { event.preventDefault(); });
      return { form: element, formErrors: errors };
    }

    var built = build();
    var form = built.form;
    var formErrors = built.formErrors;
    syncControls();

    /** The data sets of GET /api/datasets, for the picker and the description. */
    function setDatasets(list) {
      datasets = Array.isArray(list) ? list : [];
      syncDataset();
      applyLocks();
      updateBatchHint();
    }

    /** Shows the document again after it was replaced whole (a link opened in the page). */
    function refresh() {
      clearErrors();
      syncControls();
      updateBatchHint();
    }

    /** Puts a seed into the document and the seed input ("같은 시드로 다시"). */
    function setSeed(seed) {
      doc.seed = seed;
      controls.seed.input.value = String(seed);
    }

    /** Moves the focus to the first control marked invalid; false when there is none. */
    function focusInvalid() {
      var invalid = form.querySelector('[aria-invalid="true"]');
      if (invalid) invalid.focus();
      return !!invalid;
    }

    /** The GET /api/datasets entry of the chosen data set, or undefined before the list arrives. */
    function currentDataset() {
      return datasetInfo(State.datasetName(doc));
    }

    return {
      element: form,
      currentDataset: currentDataset,
      setDatasets: setDatasets,
      refresh: refresh,
      setSeed: setSeed,
      setRows: setRows,
      clearErrors: clearErrors,
      showFieldError: showFieldError,
      focusInvalid: focusInvalid
    };
  }

  window.PgForm = { create: create };
})();
