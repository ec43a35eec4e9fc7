import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vocabulary } from '../js/vocabulary.js';
import { parseCompare, variants } from '../js/compare-spec.js';

const vocabulary = new Vocabulary({ controls: [
  { name: 'dataset', path: 'dataset', kind: 'select', from: 'datasets', comparable: true },
  { name: 'normalize', path: 'model.normalize', kind: 'bool', comparable: true },
  { name: 'layers', path: 'model.layers', kind: 'choice', from: 'layers', comparable: false },
  { name: 'optimizer', path: 'compile.optimizer.name', kind: 'select', from: 'optimizers', comparable: true },
  { name: 'batch_size', path: 'fit.batch_size', kind: 'integer', comparable: true }
] });

test('values are read as the control\'s kind', () => {
  assert.deepEqual(parseCompare(' batch_size = 323, 1,16 ', vocabulary), { control: 'batch_size', path: 'fit.batch_size',
    values: [{ text: '323', value: 323 }, { text: '1', value: 1 }, { text: '16', value: 16 }] });
  assert.deepEqual(parseCompare('normalize=true,false', vocabulary).values.map((v) => v.value), [true, false]);
  assert.deepEqual(parseCompare('optimizer=sgd,adam', vocabulary).values.map((v) => v.value), ['sgd', 'adam']);
});

test('an unknown or list control, or no values, is no comparison', () => {
  assert.equal(parseCompare('units=1,2', vocabulary), null);
  assert.equal(parseCompare('layers=1,2', vocabulary), null);
  assert.equal(parseCompare('batch_size=', vocabulary), null);
  assert.equal(parseCompare(null, vocabulary), null);
});

test('each variant is the document with the value set and the shared seed, the document untouched', () => {
  const doc = { dataset: 'boston_housing', fit: { epochs: 5, batch_size: 32 } };
  const runs = variants(parseCompare('batch_size=1,16', vocabulary), doc, 42);
  assert.deepEqual(runs.map((r) => [r.index, r.label, r.doc.fit.batch_size, r.doc.seed]),
    [[0, 'batch_size=1', 1, 42], [1, 'batch_size=16', 16, 42]]);
  assert.equal(doc.fit.batch_size, 32);
  assert.equal(doc.seed, undefined);
});

test('a document\'s own seed wins over the shared one; a generated data set keeps its samples', () => {
  const doc = { dataset: { name: 'moons', samples: 200 }, seed: 7 };
  const [first] = variants(parseCompare('dataset=circles', vocabulary), doc, 42);
  assert.deepEqual(first.doc, { dataset: { name: 'circles', samples: 200 }, seed: 7 });
});
