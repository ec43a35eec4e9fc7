/*
 * The playground's vocabulary, as the server's registry serves it at GET /api/options: optimizers, losses,
 * activations, metrics, layers, controls (every control a lesson's data-hide / data-lock / compare can name, with
 * its path in the run document, kind, range, label and hint), tasks (output layer, losses, metrics per task) and
 * the data sets. The widget's menus, compare parsing and task rules read it through a Vocabulary; no other browser
 * file spells an optimizer's, loss's or control's name.
 */

const OPTIONS_URL = '/api/options';
const DATASETS_URL = '/api/datasets';
/** Kinds of controls that hold one value, so a comparison can set them (the layer list cannot). */
const SCALAR_KINDS = ['bool', 'select', 'number', 'integer', 'choice'];
/** A field with no control of its own shows its message beside this one's: metrics beside the loss. */
const FIELD_BESIDE = { 'compile.metrics': 'loss' };

let loading = null;

/** The vocabulary, fetched once per page. */
export function loadVocabulary() {
  if (!loading) loading = (UNTIL_OPTIONS ? builtInOptions() : fetchJson(OPTIONS_URL)).then((o) => new Vocabulary(o));
  return loading;
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ' answered ' + response.status);
  return response.json();
}

/** The GET /api/options document, read through the questions the widget asks of it. */
export class Vocabulary {
  constructor(options) {
    this.options = options;
  }

  /** A named list: "optimizers", "losses", "activations", "metrics", "layers", "controls", "datasets". */
  list(name) {
    return Array.isArray(this.options[name]) ? this.options[name] : [];
  }

  /** The named entry of a list, or undefined. */
  entry(listName, name) {
    return this.list(listName).find((item) => item.name === name);
  }

  /** The control a lesson names (data-hide, data-lock, compare), or undefined. */
  control(name) {
    return this.entry('controls', name);
  }

  /** A select's options, [{value, label}], from the list its "from" names. */
  choices(from) {
    return this.list(from).map((item) => ({ value: item.name, label: item.label || item.name }));
  }

  /** Whether entry name of listName (an optimizer, an activation) takes the parameter param, e.g. Adam's amsgrad. */
  hasParam(listName, name, param) {
    const item = this.entry(listName, name);
    return !!(item && (item.params || []).some((p) => p.name === param));
  }

  /** A layer type's parameter ("Dense", "units"): its range and default, or {}. */
  layerParam(type, param) {
    const layer = this.list('layers').find((l) => l.type === type);
    return (layer && (layer.params || []).find((p) => p.name === param)) || {};
  }

  /** Whether a comparison may vary the control (one that holds a single value). */
  comparable(name) {
    const control = this.control(name);
    return !!control && SCALAR_KINDS.includes(control.kind);
  }

  task(name) {
    return (this.options.tasks || {})[name];
  }

  /** "회귀" for "regression"; the name itself for a task the vocabulary does not know. */
  taskLabel(name) {
    const task = this.task(name);
    return (task && task.label) || name;
  }

  /**
   * Which control a JSON path names: {control, layer, prop}. A path inside the layer list names a row (layer) and
   * its property; otherwise the control whose path is the longest prefix of the field (a select of "….name"
   * also owns its object, so "compile.optimizer" is the optimizer's); control "" for the whole document.
   */
  controlForField(field) {
    const path = String(field || '');
    const layer = /^model\.layers\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (layer) return { control: 'layers', layer: Number(layer[1]), prop: layer[2] || '' };
    let best = { control: '', length: -1 };
    const owners = this.list('controls').map((c) => [c.name, c.path])
      .concat(Object.entries(FIELD_BESIDE).map(([prefix, name]) => [name, prefix]));
    for (const [name, controlPath] of owners) {
      for (const prefix of [controlPath, controlPath.replace(/\.name$/, '')]) {
        if (covers(prefix, path) && prefix.length > best.length) best = { control: name, length: prefix.length };
      }
    }
    return { control: best.control, layer: -1, prop: '' };
  }

  /**
   * Fits the document's output layer, loss and metrics to the data set's task (info: its GET /api/datasets entry),
   * as the notes do when they switch from regression to classification. Returns the sentence telling the student.
   */
  fitToTask(doc, info) {
    const task = this.task(info.task);
    if (!task) return '';
    if (!doc.model || typeof doc.model !== 'object') doc.model = {};
    if (!Array.isArray(doc.model.layers)) doc.model.layers = [];
    const layers = doc.model.layers;
    if (!layers.length) layers.push({});
    const output = layers[layers.length - 1];
    const wanted = task.output || {};
    delete output.alpha;
    const classes = (info.classes && info.classes.length) || 0;
    output.units = typeof wanted.units === 'number' ? wanted.units : classes || output.units;
    if (!wanted.activation || wanted.activation === 'linear') delete output.activation;
    else output.activation = wanted.activation;
    if (!doc.compile || typeof doc.compile !== 'object') doc.compile = {};
    doc.compile.loss = task.default_loss;
    if (task.metrics && task.metrics.length) doc.compile.metrics = task.metrics.slice();
    else delete doc.compile.metrics;
    return '출력층과 손실 함수를 ' + this.taskLabel(info.task) + '에 맞게 바꿨습니다.';
  }
}

/** Whether prefix is the path itself or one of its parents ("fit" covers "fit.epochs", not "fitness"). */
function covers(prefix, path) {
  return path === prefix || path.startsWith(prefix + '.') || path.startsWith(prefix + '[');
}

/* ---------- until /api/options ---------- */
/*
 * The server does not serve /api/options yet (asking would log a 404 in every page's console), so the widget
 * reads this copy in the same shape, with the data sets from GET /api/datasets. At merge: delete from here to
 * "end until /api/options" and the UNTIL_OPTIONS branch in loadVocabulary.
 */
const UNTIL_OPTIONS = true;

async function builtInOptions() {
  const datasets = await fetchJson(DATASETS_URL).catch(() => []);
  return Object.assign({}, BUILT_IN, { datasets: Array.isArray(datasets) ? datasets : [] });
}

const rate = (value) => ({ name: 'learning_rate', kind: 'number', default: value, min: 0, min_open: true, label: '학습률' });
const BATCH_HINT = '1이면 확률적 경사 하강법(SGD), 훈련 행 수 이상이면 배치 경사 하강법.';

const BUILT_IN = {
  optimizers: [
    { name: 'sgd', keras: 'SGD', label: 'SGD (확률적 경사 하강법)', params: [rate(0.01)] },
    { name: 'rmsprop', keras: 'RMSprop', label: 'RMSprop', params: [rate(0.001)] },
    { name: 'adam', keras: 'Adam', label: 'Adam',
      params: [rate(0.001), { name: 'amsgrad', kind: 'boolean', default: false, label: 'AMSGrad' }] },
    { name: 'adagrad', keras: 'Adagrad', label: 'Adagrad', params: [rate(0.001)] }
  ],
  losses: [
    { name: 'mse', label: 'mse (평균 제곱 오차)', tasks: ['regression'] },
    { name: 'mae', label: 'mae (평균 절대 오차)', tasks: ['regression'] },
    { name: 'binary_crossentropy', label: 'binary_crossentropy (이진 교차 엔트로피)', tasks: ['binary'] },
    { name: 'categorical_crossentropy', label: 'categorical_crossentropy (원-핫 레이블)', tasks: ['multiclass'] },
    { name: 'sparse_categorical_crossentropy', label: 'sparse_categorical_crossentropy (정수 레이블)', tasks: ['multiclass'] }
  ],
  activations: ['linear', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax'].map((name) => ({
    name, label: name,
    params: name === 'leaky_relu' ? [{ name: 'alpha', kind: 'number', default: 0.3, min: 0 }] : []
  })),
  metrics: [
    { name: 'mae', aliases: ['MAE', 'mean_absolute_error'], tasks: ['regression'], label: '평균 절대 오차' },
    { name: 'accuracy', aliases: ['acc'], tasks: ['binary', 'multiclass'], label: '정확도' }
  ],
  layers: [{ type: 'Dense', params: [
    { name: 'units', kind: 'integer', min: 1, max: 512, default: 16 },
    { name: 'activation', kind: 'choice', from: 'activations', default: 'linear' }
  ] }],
  controls: [
    { name: 'dataset', path: 'dataset', kind: 'select', from: 'datasets', section: 'data', label: '데이터 세트' },
    { name: 'samples', path: 'dataset.samples', kind: 'integer', section: 'data', label: '샘플 수 (samples)', min: 1 },
    { name: 'noise', path: 'dataset.noise', kind: 'number', section: 'data', label: '노이즈 (noise)', min: 0 },
    { name: 'normalize', path: 'model.normalize', kind: 'bool', section: 'data', default: false,
      label: 'Normalization (입력 정규화)', hint: '특성마다 평균 0, 분산 1로 맞춥니다 (Keras Normalization.adapt).' },
    { name: 'layers', path: 'model.layers', kind: 'layers', section: 'model', label: '층 (layers)' },
    { name: 'optimizer', path: 'compile.optimizer.name', kind: 'select', from: 'optimizers', section: 'compile',
      label: 'optimizer (최적화 방법)' },
    { name: 'amsgrad', path: 'compile.optimizer.amsgrad', kind: 'bool', section: 'compile', default: false,
      label: 'amsgrad (Adam)', hint: '지금까지 가장 큰 v로 나눠 한 걸음이 다시 커지지 않게 합니다 (Keras의 amsgrad=True).' },
    { name: 'learning_rate', path: 'compile.optimizer.learning_rate', kind: 'number', section: 'compile',
      min: 0, min_open: true, choices: [0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1],
      label: 'learning_rate (학습률)', hint: '한 번 업데이트할 때 가중치를 얼마나 움직일지. 너무 크면 손실이 발산합니다.' },
    { name: 'loss', path: 'compile.loss', kind: 'select', from: 'losses', section: 'compile', label: 'loss (손실 함수)' },
    { name: 'epochs', path: 'fit.epochs', kind: 'integer', section: 'fit', default: 1, min: 1,
      label: 'epochs (반복 횟수)', hint: '훈련 데이터 전체를 몇 번 되풀이해 학습할지.' },
    { name: 'batch_size', path: 'fit.batch_size', kind: 'integer', section: 'fit', default: 32, min: 1,
      label: 'batch_size (배치 크기)', hint: BATCH_HINT },
    { name: 'validation_split', path: 'fit.validation_split', kind: 'number', section: 'fit', default: 0, min: 0,
      max: 0.9, label: 'validation_split (검증 비율)',
      hint: 'Keras처럼 섞기 전 훈련 데이터의 마지막 부분을 검증(val_loss)에 씁니다.' },
    { name: 'shuffle', path: 'fit.shuffle', kind: 'bool', section: 'fit', default: true, label: 'shuffle (에포크마다 섞기)' },
    { name: 'seed', path: 'seed', kind: 'integer', section: 'fit', min: 0, label: 'seed (시드)',
      hint: '시드가 같으면 초기 가중치와 섞는 순서가 같아 결과도 같습니다.' }
  ],
  tasks: {
    regression: { label: '회귀', output: { units: 1, activation: 'linear' }, losses: ['mse', 'mae'],
      default_loss: 'mse', metrics: ['mae'] },
    binary: { label: '이진 분류', output: { units: 1, activation: 'sigmoid' }, losses: ['binary_crossentropy'],
      default_loss: 'binary_crossentropy', metrics: ['accuracy'] },
    multiclass: { label: '다중 분류', output: { activation: 'softmax' },
      losses: ['sparse_categorical_crossentropy', 'categorical_crossentropy'],
      default_loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] }
  }
};
/* ---------- end until /api/options ---------- */
