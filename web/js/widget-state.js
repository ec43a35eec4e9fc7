/*
 * The run document of one widget, outside the page: copying it, keeping it in the URL (#pg1=<base64url JSON>, beside
 * a heading's anchor), describing how two documents differ, and finding the control that a JSON path such as
 * "model.layers[1].units" names. No DOM here except location/history.
 *
 * Loaded before widget.js; exposes window.PgState.
 */
(function () {
  'use strict';

  /** A deep copy of a JSON value. */
  function copyDoc(doc) {
    return JSON.parse(JSON.stringify(doc));
  }

  function getPath(doc, path) {
    return path.split('.').reduce(function (value, key) {
      return value && typeof value === 'object' ? value[key] : undefined;
    }, doc);
  }

  /** Sets doc at a dotted path, creating objects on the way; undefined deletes the key. */
  function setPath(doc, path, value) {
    var keys = path.split('.');
    var node = doc;
    for (var i = 0; i < keys.length - 1; i++) {
      if (!node[keys[i]] || typeof node[keys[i]] !== 'object') node[keys[i]] = {};
      node = node[keys[i]];
    }
    if (value === undefined) delete node[keys[keys.length - 1]];
    else node[keys[keys.length - 1]] = value;
  }

  /** The data set's name, whether the document holds "iris" or {"name": "spiral", ...}. */
  function datasetName(doc) {
    var d = doc && doc.dataset;
    if (d && typeof d === 'object') return d.name;
    return d;
  }

  /** UTF-8 JSON as base64url, without padding. */
  function encodeDoc(doc) {
    var bytes = new TextEncoder().encode(JSON.stringify(doc));
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  /**
   * The inverse of encodeDoc; throws on anything that is not a JSON object. Plain (percent-encoded) JSON is
   * accepted too, so a teacher can write a link by hand: #pg1={"dataset":"iris",...}.
   */
  function decodeDoc(text) {
    if (text.charAt(0) === '{') return checkObject(JSON.parse(text));
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return checkObject(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  }

  function checkObject(doc) {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a JSON object');
    return doc;
  }

  /*
   * The hash holds each widget's settings as key=value (#pg1=…&pg2=…) and may hold a plain anchor, as a heading
   * link leaves it: #heading&pg1=…. An entry without "=" is the anchor (so is "heading=", which pages once wrote);
   * it is kept and written bare, so a shared link opens at the heading with the settings (the browser finds no
   * element for the whole hash, so widget.js scrolls to the anchor). A heading link replaces the whole hash with
   * #heading: the settings it dropped are put back behind it at once, so the address never loses them.
   */
  var STATE_KEY = /^pg\d+$/;

  /** The hash as ordered [key, value] pairs; an anchor's value is null: "#top&pg1=abc" → [["top", null], ["pg1", "abc"]]. */
  function hashEntries() {
    var hash = location.hash.replace(/^#/, '');
    if (!hash) return [];
    return hash.split('&').filter(Boolean).map(function (part) {
      var eq = part.indexOf('=');
      var key = eq < 0 ? part : part.slice(0, eq);
      var value = eq < 0 ? null : part.slice(eq + 1);
      return [key, value === '' && !STATE_KEY.test(key) ? null : value];
    });
  }

  function isState(entry) {
    return STATE_KEY.test(entry[0]) && entry[1] !== null;
  }

  /** The settings the address held last, to put back when a heading link drops them. */
  var savedState = hashEntries().filter(isState);
  /** Whether the last hash change was only an anchor (a heading link), not settings to apply. */
  var anchorOnly = false;

  /** Replaces the hash without adding a history entry. */
  function replaceHash(entries) {
    var hash = '#' + entries.map(function (e) { return e[1] === null ? e[0] : e[0] + '=' + e[1]; }).join('&');
    savedState = entries.filter(isState);
    try {
      history.replaceState(history.state, '', hash);
    } catch (e) {
      /* a sandboxed frame may refuse; the widget works without URL state */
    }
  }

  /* Registered before any widget's own listener (this file loads first), so they see the settings put back. */
  window.addEventListener('hashchange', function () {
    var entries = hashEntries();
    anchorOnly = entries.length > 0 && !entries.some(isState);
    if (anchorOnly && savedState.length) replaceHash(entries.concat(savedState));
    else savedState = entries.filter(isState);
  });

  /**
   * The document stored under key in location.hash: {doc} when there is one, {problem} when it cannot be
   * read, or null when the hash does not mention the key.
   */
  function readHashDoc(key) {
    var entry = hashEntries().filter(function (e) { return e[0] === key && e[1] !== null; })[0];
    if (!entry) return null;
    try {
      return { doc: decodeDoc(decodeURIComponent(entry[1])) };
    } catch (e) {
      return { problem: '링크(URL)에 담긴 설정을 읽을 수 없어 기본 설정을 보여 줍니다.' };
    }
  }

  /** Whether the last hash change brought settings (a link, Back) or nothing, rather than only an anchor. */
  function hashIsState() {
    return !anchorOnly;
  }

  /** The element id the hash's anchor names (#heading&pg1=… → "heading"), or null. */
  function hashAnchor() {
    var anchor = hashEntries().filter(function (e) { return e[1] === null; })[0];
    if (!anchor) return null;
    try {
      return decodeURIComponent(anchor[0]);
    } catch (e) {
      return anchor[0];
    }
  }

  /** Stores doc under key in location.hash without adding a history entry; other keys and an anchor stay. */
  function writeHashDoc(key, doc) {
    var value = encodeDoc(doc);
    var entries = hashEntries();
    var found = false;
    entries = entries.map(function (e) {
      if (e[0] !== key) return e;
      found = true;
      return [key, value];
    });
    if (!found) entries.push([key, value]);
    replaceHash(entries);
  }

  /** "64-32-1" for the layer list. */
  function layerShape(doc) {
    var layers = (doc.model && doc.model.layers) || [];
    return layers.map(function (l) { return String(l.units); }).join('-');
  }

  /** "relu/relu/linear" for the layer list. */
  function layerActivations(doc) {
    var layers = (doc.model && doc.model.layers) || [];
    return layers.map(function (l) {
      return (l.activation || 'linear') + (l.alpha !== undefined ? '(' + l.alpha + ')' : '');
    }).join('/');
  }

  function datasetText(doc) {
    var d = doc.dataset;
    if (d && typeof d === 'object') {
      var extra = [];
      if (d.samples != null) extra.push(d.samples);
      if (d.noise != null) extra.push('noise ' + d.noise);
      return d.name + (extra.length ? ' (' + extra.join(', ') + ')' : '');
    }
    return String(d);
  }

  /** The short names and values that a run-to-run comparison shows. */
  function comparedValues(doc) {
    var compile = doc.compile || {};
    var optimizer = compile.optimizer || {};
    var fit = doc.fit || {};
    var model = doc.model || {};
    return [
      ['데이터', datasetText(doc)],
      ['정규화', model.normalize === false ? '끔' : '켬'],
      ['층', layerShape(doc)],
      ['활성화', layerActivations(doc)],
      ['opt', optimizer.name],
      ['lr', optimizer.learning_rate],
      ['loss', compile.loss],
      ['epochs', fit.epochs],
      ['batch', fit.batch_size],
      ['val', fit.validation_split],
      ['shuffle', fit.shuffle === false ? '끔' : '켬'],
      ['seed', doc.seed]
    ];
  }

  /**
   * What the earlier document had that the later one does not, e.g. "lr 0.1, 층 16r-1"; "같은 설정" when
   * nothing but the seed differs and both seeds are equal.
   */
  function describeDiff(earlier, later) {
    var a = comparedValues(earlier);
    var b = comparedValues(later);
    var parts = [];
    for (var i = 0; i < a.length; i++) {
      if (String(a[i][1]) !== String(b[i][1]) && a[i][1] !== undefined) parts.push(a[i][0] + ' ' + a[i][1]);
    }
    var text = parts.length ? parts.join(', ') : '같은 설정';
    return text.length > 48 ? text.slice(0, 47) + '…' : text;
  }

  /**
   * Which control a JSON path names: {control, layer, prop}. control is one of the widget's control
   * names (dataset, samples, noise, normalize, layers, optimizer, learning_rate, loss, epochs,
   * batch_size, validation_split, seed, shuffle) or "" for the whole document.
   */
  function controlForField(field) {
    var path = String(field || '');
    var layer = /^model\.layers\[(\d+)\](?:\.(\w+))?/.exec(path);
    if (layer) return { control: 'layers', layer: Number(layer[1]), prop: layer[2] || '' };
    var table = [
      [/^dataset\.samples/, 'samples'],
      [/^dataset\.noise/, 'noise'],
      [/^dataset/, 'dataset'],
      [/^seed/, 'seed'],
      [/^model\.normalize/, 'normalize'],
      [/^model\.layers/, 'layers'],
      [/^compile\.optimizer\.learning_rate/, 'learning_rate'],
      [/^compile\.optimizer/, 'optimizer'],
      [/^compile\.(loss|metrics)/, 'loss'],
      [/^fit\.epochs/, 'epochs'],
      [/^fit\.batch_size/, 'batch_size'],
      [/^fit\.validation_split/, 'validation_split'],
      [/^fit\.shuffle/, 'shuffle']
    ];
    for (var i = 0; i < table.length; i++) {
      if (table[i][0].test(path)) return { control: table[i][1], layer: -1, prop: '' };
    }
    return { control: '', layer: -1, prop: '' };
  }

  /** The controls a comparison may vary and their paths (the same table as markdown/internal/Widgets.java). */
  var COMPARE_PATHS = {
    dataset: 'dataset',
    normalize: 'model.normalize',
    optimizer: 'compile.optimizer.name',
    learning_rate: 'compile.optimizer.learning_rate',
    loss: 'compile.loss',
    epochs: 'fit.epochs',
    batch_size: 'fit.batch_size',
    validation_split: 'fit.validation_split',
    seed: 'seed',
    shuffle: 'fit.shuffle'
  };

  /** "true"/"false" as booleans, numbers as numbers, anything else as the string. */
  function typedValue(text) {
    if (text === 'true' || text === 'false') return text === 'true';
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
    return text;
  }

  /**
   * data-compare="batch_size=323,1,16" → {control: "batch_size", values: [{text: "323", value: 323}, …]}, or
   * null when the text names no comparable control or has no values.
   */
  function parseCompare(text) {
    var match = /^\s*(\w+)\s*=(.*)$/.exec(String(text || ''));
    if (!match || !COMPARE_PATHS.hasOwnProperty(match[1])) return null;
    var values = match[2].split(',').map(function (v) { return v.trim(); }).filter(Boolean).map(function (v) {
      return { text: v, value: typedValue(v) };
    });
    return values.length ? { control: match[1], values: values } : null;
  }

  /** A copy of doc with the compared control set to value (a dataset object keeps its samples and noise). */
  function withControl(doc, control, value) {
    var copy = copyDoc(doc);
    var path = COMPARE_PATHS[control];
    if (path === 'dataset' && copy.dataset && typeof copy.dataset === 'object') copy.dataset.name = value;
    else setPath(copy, path, value);
    return copy;
  }

  window.PgState = {
    copyDoc: copyDoc,
    getPath: getPath,
    setPath: setPath,
    datasetName: datasetName,
    encodeDoc: encodeDoc,
    decodeDoc: decodeDoc,
    readHashDoc: readHashDoc,
    hashIsState: hashIsState,
    hashAnchor: hashAnchor,
    writeHashDoc: writeHashDoc,
    describeDiff: describeDiff,
    controlForField: controlForField,
    parseCompare: parseCompare,
    withControl: withControl
  };
})();
