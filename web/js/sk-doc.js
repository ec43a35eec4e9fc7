/*
 * A scikit-learn run document (issue 15: model.estimator, params, preprocess, dataset.split) as the widget edits it,
 * and the documents it derives: the same data with another family's estimator, a Keras network, a sweep. Pure (no
 * DOM), so node --test runs it. Parameter names come from the registry's entries (vocabulary.js), never from here.
 */
import { copyDoc, datasetName } from './widget-state.js';

/** Values a one-press sweep tries: k = 1…10 for k-means' elbow, 1…15 neighbours for KNN. */
const SWEEP_COUNT = { clustering: 10, other: 15 };

export function isEstimatorDoc(doc) {
  return !!(doc && doc.model && typeof doc.model === 'object' && typeof doc.model.estimator === 'string');
}

/** The document's params object, created when missing. */
export function params(doc) {
  if (!doc.model.params || typeof doc.model.params !== 'object') doc.model.params = {};
  return doc.model.params;
}

/** Sets one parameter; undefined removes it, so the estimator's own default applies. */
export function setParam(doc, name, value) {
  const p = params(doc);
  if (value === undefined) delete p[name];
  else p[name] = value;
}

/** The preprocessing step of that name in the document, or undefined. */
export function step(doc, name) {
  return (doc.model.preprocess || []).find((s) => s && s.name === name);
}

/** Adds (at the end: the pipeline runs in the order written) or removes a preprocessing step. */
export function toggleStep(doc, name, on) {
  const steps = (doc.model.preprocess || []).filter((s) => s && s.name !== name);
  if (on) steps.push(Object.assign({ name }, step(doc, name) || {}));
  if (steps.length) doc.model.preprocess = steps;
  else delete doc.model.preprocess;
}

/** The split {test_size, random_state} the document asks for, or {} for the data set's own split. */
export function split(doc) {
  const d = doc.dataset;
  return (d && typeof d === 'object' && d.split) || {};
}

/** Sets a key of dataset.split; a split left empty is removed (the data set's own split). */
export function setSplit(doc, key, value) {
  const d = doc.dataset && typeof doc.dataset === 'object' ? doc.dataset : { name: doc.dataset };
  const s = Object.assign({}, d.split || {});
  if (value === undefined) delete s[key];
  else s[key] = value;
  if (Object.keys(s).length) d.split = s;
  else delete d.split;
  doc.dataset = Object.keys(d).length === 1 ? d.name : d;
}

/** Another data set: a generated 2-D set takes no split, a table keeps the one asked for. */
export function setDataset(doc, info) {
  const kept = split(doc);
  if (info.generated || !Object.keys(kept).length) doc.dataset = info.generated ? { name: info.name } : info.name;
  else doc.dataset = { name: info.name, split: kept };
}

/** The document with another estimator: params start from its defaults, the data and preprocessing stay. */
export function withEstimator(doc, estimator) {
  const next = copyDoc(doc);
  next.model = { estimator: estimator.name };
  if (doc.model && doc.model.preprocess) next.model.preprocess = copyDoc(doc.model.preprocess);
  delete next.fit;
  delete next.compile;
  return next;
}

/** The first of sets (GET /api/datasets entries) that suits the estimator; fits(estimator, task) as vocabulary's. */
export function datasetFor(sets, estimator, fits) {
  return sets.find((d) => fits(estimator, d.task));
}

/**
 * A Keras network on the same data, for the family picker's 신경망: the registry's starting network
 * (network_family.start) with the output layer, loss and metrics fitToTask chooses for the data set's task. A
 * generated 2-D set keeps its raw coordinates (no normalization), as the lessons' plane widgets do.
 */
export function networkDoc(doc, info, vocabulary) {
  const name = datasetName(doc);
  const start = (vocabulary.options.network_family || {}).start || {};
  const next = Object.assign({ model: { layers: [] }, compile: {}, fit: {} }, copyDoc(start));
  next.dataset = info && info.generated ? { name } : name;
  next.model.layers = (next.model.layers || []).concat([{}]);
  if (info && info.generated) next.model.normalize = false;
  if (doc.seed !== undefined) next.seed = doc.seed;
  if (info) vocabulary.fitToTask(next, info);
  return next;
}

/** The values a sweep of the estimator's sweep parameter tries, within the parameter's own range. */
export function sweepValues(estimator) {
  const param = (estimator.params || []).find((p) => p.name === estimator.sweep) || {};
  const count = estimator.task === 'clustering' ? SWEEP_COUNT.clustering : SWEEP_COUNT.other;
  const low = typeof param.min === 'number' ? Math.max(1, Math.ceil(param.min)) : 1;
  const high = typeof param.max === 'number' ? Math.min(param.max, low + count - 1) : low + count - 1;
  const values = [];
  for (let v = low; v <= high; v++) values.push(v);
  return values;
}

/** The document with model.sweep: the same fit once per value of the estimator's sweep parameter. */
export function sweepDoc(doc, estimator) {
  const next = copyDoc(doc);
  next.model.sweep = { param: estimator.sweep, values: sweepValues(estimator) };
  return next;
}
