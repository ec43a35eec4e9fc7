/*
 * The playground's vocabulary, as the server's registry serves it at GET /api/options: optimizers, losses,
 * activations, metrics, layers, controls (every control a lesson's data-hide / data-lock / compare can name, with
 * its path in the run document, kind, range, label and hint), tasks (output layer, losses, metrics per task) and
 * the data sets, and (issue 15) the model families, scikit-learn estimators with their params, and preprocessors.
 * The widget's menus, compare parsing and task rules read it through a Vocabulary; no other browser file spells an
 * optimizer's, loss's, control's, estimator's or estimator parameter's name.
 */

const OPTIONS_URL = '/api/options';
/** A field with no control of its own shows its message beside this one's: metrics beside the loss. */
const FIELD_BESIDE = { 'compile.metrics': 'loss' };

let loading = null;

/** The vocabulary, fetched once per page. */
export function loadVocabulary() {
  if (!loading) loading = fetchJson(OPTIONS_URL).then((o) => new Vocabulary(o));
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

  /** Whether a comparison may vary the control: the registry says so (one value, and a compare widget offers it). */
  comparable(name) {
    const control = this.control(name);
    return !!control && control.comparable === true;
  }

  task(name) {
    return (this.options.tasks || {})[name];
  }

  /** The model families of the widget's picker, {name, label}: the network first, then the estimators'. */
  families() {
    const network = this.options.network_family;
    return (network ? [network] : []).concat(this.list('estimator_families'));
  }

  /** The scikit-learn estimator of that class name ({name, family, task, label, params, staged, sweep}), or undefined. */
  estimator(name) {
    return this.entry('estimators', name);
  }

  /** The estimators of a family ("tree": both trees), in the registry's order. */
  estimatorsOf(family) {
    return this.list('estimators').filter((e) => e.family === family);
  }

  /**
   * Whether an estimator suits a data set's task: a regressor a regression set, a classifier a class set, k-means
   * any (it ignores the target).
   */
  fits(estimator, datasetTask) {
    if (!estimator || estimator.task === 'clustering') return !!estimator;
    return (estimator.task === 'regression') === (datasetTask === 'regression');
  }

  /** The family's first estimator that suits the task, else its first; undefined for a family with none. */
  estimatorFor(family, datasetTask) {
    const all = this.estimatorsOf(family);
    return all.find((e) => this.fits(e, datasetTask)) || all[0];
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
