/*
 * Compare mode's spec, outside the page: data-compare="batch_size=323,1,16" names one control of the vocabulary
 * and up to four values; each value becomes a run document (the lesson's, with that control set). Pure, so
 * node --test runs it.
 */
import { copyDoc, setPath } from './widget-state.js';

/** The text as the control's kind reads it: "true" a boolean, "16" a number, "adam" itself. */
function typedValue(kind, text) {
  if (kind === 'bool') return text === 'true' || text === 'false' ? text === 'true' : text;
  if ((kind === 'number' || kind === 'integer') && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return Number(text);
  return text;
}

/**
 * data-compare="batch_size=323,1,16" → {control: "batch_size", path: "fit.batch_size", values: [{text: "323",
 * value: 323}, …]}, or null when the text names no comparable control of vocabulary or has no values.
 */
export function parseCompare(text, vocabulary) {
  const match = /^\s*(\w+)\s*=(.*)$/.exec(String(text || ''));
  if (!match || !vocabulary.comparable(match[1])) return null;
  const control = vocabulary.control(match[1]);
  const values = match[2].split(',').map((v) => v.trim()).filter(Boolean)
    .map((v) => ({ text: v, value: typedValue(control.kind, v) }));
  return values.length ? { control: control.name, path: control.path, values } : null;
}

/** A copy of doc with the path set to value (a dataset object keeps its samples and noise). */
export function withValue(doc, path, value) {
  const copy = copyDoc(doc);
  if (path === 'dataset' && copy.dataset && typeof copy.dataset === 'object') copy.dataset.name = value;
  else setPath(copy, path, value);
  return copy;
}

/**
 * The run documents to compare, in order: {index, text, value, label, doc} with doc the lesson's document with the
 * control set to the value, and the shared seed (when there is one) where the document names none.
 */
export function variants(spec, doc, seed) {
  return spec.values.map((v, index) => {
    const variantDoc = withValue(doc, spec.path, v.value);
    if (variantDoc.seed === undefined && seed !== null && seed !== undefined) variantDoc.seed = seed;
    return { index, text: v.text, value: v.value, label: spec.control + '=' + v.text, doc: variantDoc };
  });
}
