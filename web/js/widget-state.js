/*
 * The state of one widget, outside the page: the table of its run states (data-state), and its run document:
 * copying it, reading and writing a dotted path, encoding it for the URL, describing how two documents differ.
 * Pure: no DOM, no location (url-state.js keeps the document in the address), so node --test runs it.
 */

/**
 * Every value of the root's data-state: whether a run is under way (Run and 비교 실행 disabled) and whether 중지
 * can stop it. A browser test reads data-state; widget.js sets nothing else.
 */
export const STATES = {
  idle: { busy: false, stoppable: false },
  validating: { busy: true, stoppable: false },
  invalid: { busy: false, stoppable: false },
  connecting: { busy: true, stoppable: true },
  queued: { busy: true, stoppable: true },
  running: { busy: true, stoppable: true },
  stopping: { busy: true, stoppable: true },
  done: { busy: false, stoppable: false },
  error: { busy: false, stoppable: false },
  cancelled: { busy: false, stoppable: false },
  disconnected: { busy: false, stoppable: false }
};

/** STATES[state], refusing a name the table does not have (a typo would otherwise leave the buttons wrong). */
export function stateOf(state) {
  const entry = STATES[state];
  if (!entry) throw new Error('unknown widget state: ' + state);
  return entry;
}

/** A deep copy of a JSON value. */
export function copyDoc(doc) {
  return JSON.parse(JSON.stringify(doc));
}

export function getPath(doc, path) {
  return path.split('.').reduce((value, key) => (value && typeof value === 'object' ? value[key] : undefined), doc);
}

/** Sets doc at a dotted path, creating objects on the way; undefined deletes the key. */
export function setPath(doc, path, value) {
  const keys = path.split('.');
  let node = doc;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

/** The data set's name, whether the document holds "iris" or {"name": "spiral", ...}. */
export function datasetName(doc) {
  const d = doc && doc.dataset;
  return d && typeof d === 'object' ? d.name : d;
}

/** UTF-8 JSON as base64url, without padding. */
export function encodeDoc(doc) {
  const bytes = new TextEncoder().encode(JSON.stringify(doc));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The inverse of encodeDoc; throws on anything that is not a JSON object. Plain (percent-encoded) JSON is
 * accepted too, so a teacher can write a link by hand: #pg1={"dataset":"iris",...}.
 */
export function decodeDoc(text) {
  if (text.charAt(0) === '{') return checkObject(JSON.parse(text));
  let base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  while (base64.length % 4) base64 += '=';
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return checkObject(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
}

function checkObject(doc) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a JSON object');
  return doc;
}

/** "64-32-1" for the layer list. */
function layerShape(doc) {
  return layersOf(doc).map((l) => (l.units !== undefined ? String(l.units) : layerWithout(l, 'type'))).join('-');
}

function layersOf(doc) {
  return (doc.model && doc.model.layers) || [];
}

/** A layer without units (Dropout) by its type and its values: "Dropout(0.3)". */
function layerWithout(layer, typeKey) {
  const values = Object.keys(layer).filter((k) => k !== typeKey).map((k) => layer[k]);
  return String(layer[typeKey]) + '(' + values.join(', ') + ')';
}

/** "relu/relu/linear" for the Dense layers. */
function layerActivations(doc) {
  return layersOf(doc).filter((l) => l.units !== undefined)
    .map((l) => (l.activation || 'linear') + (l.alpha !== undefined ? '(' + l.alpha + ')' : '')).join('/');
}

/** "l2 0.01/없음/없음": each Dense layer's kernel_regularizer. */
function layerPenalties(doc) {
  const each = layersOf(doc).filter((l) => l.units !== undefined)
    .map((l) => Object.entries(l.kernel_regularizer || {}).filter((e) => e[1] > 0).map((e) => e.join(' ')).join('+'));
  return each.some(Boolean) ? each.map((p) => p || '없음').join('/') : '없음';
}

/** "EarlyStopping(val_loss, 5)" or "없음". */
function callbacksText(fit) {
  const list = Array.isArray(fit.callbacks) ? fit.callbacks : [];
  return list.map((c) => layerWithout(c, 'name')).join(', ') || '없음';
}

function datasetText(doc) {
  const d = doc.dataset;
  if (d && typeof d === 'object') {
    const extra = [];
    if (d.samples != null) extra.push(d.samples);
    if (d.noise != null) extra.push('noise ' + d.noise);
    return d.name + (extra.length ? ' (' + extra.join(', ') + ')' : '');
  }
  return String(d);
}

/** The short names and values that a run-to-run comparison shows. */
function comparedValues(doc) {
  const compile = doc.compile || {};
  const optimizer = compile.optimizer || {};
  const fit = doc.fit || {};
  const model = doc.model || {};
  return [
    ['데이터', datasetText(doc)],
    ['정규화', model.normalize === false ? '끔' : '켬'],
    ['층', layerShape(doc)],
    ['활성화', layerActivations(doc)],
    ['규제', layerPenalties(doc)],
    ['opt', optimizer.name],
    ['lr', optimizer.learning_rate],
    ['loss', compile.loss],
    ['epochs', fit.epochs],
    ['batch', fit.batch_size],
    ['val', fit.validation_split],
    ['shuffle', fit.shuffle === false ? '끔' : '켬'],
    ['callbacks', callbacksText(fit)],
    ['seed', doc.seed]
  ];
}

/**
 * What the earlier document had that the later one does not, e.g. "lr 0.1, 층 16-1"; "같은 설정" when
 * nothing but the seed differs and both seeds are equal.
 */
export function describeDiff(earlier, later) {
  const a = comparedValues(earlier);
  const b = comparedValues(later);
  const parts = a.filter((entry, i) => String(entry[1]) !== String(b[i][1]) && entry[1] !== undefined)
    .map((entry) => entry[0] + ' ' + entry[1]);
  const text = parts.length ? parts.join(', ') : '같은 설정';
  return text.length > 48 ? text.slice(0, 47) + '…' : text;
}
