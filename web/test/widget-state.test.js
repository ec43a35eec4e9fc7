import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATES, stateOf, copyDoc, getPath, setPath, datasetName, encodeDoc, decodeDoc, describeDiff }
  from '../js/widget-state.js';

test('busy states disable Run; only a connected or running run can be stopped', () => {
  const busy = Object.keys(STATES).filter((s) => STATES[s].busy);
  assert.deepEqual(busy, ['validating', 'connecting', 'queued', 'running', 'stopping']);
  const stoppable = Object.keys(STATES).filter((s) => STATES[s].stoppable);
  assert.deepEqual(stoppable, ['connecting', 'queued', 'running', 'stopping']);
});

test('an unknown state is refused rather than leaving the buttons as they were', () => {
  assert.throws(() => stateOf('runing'), /unknown widget state: runing/);
});

test('setPath creates the objects on the way and undefined deletes the key', () => {
  const doc = {};
  setPath(doc, 'compile.optimizer.learning_rate', 0.1);
  assert.deepEqual(doc, { compile: { optimizer: { learning_rate: 0.1 } } });
  assert.equal(getPath(doc, 'compile.optimizer.learning_rate'), 0.1);
  assert.equal(getPath(doc, 'fit.epochs'), undefined);
  setPath(doc, 'compile.optimizer.learning_rate', undefined);
  assert.deepEqual(doc, { compile: { optimizer: {} } });
});

test('a copy does not share objects with the original', () => {
  const doc = { model: { layers: [{ units: 1 }] } };
  const copy = copyDoc(doc);
  copy.model.layers[0].units = 2;
  assert.equal(doc.model.layers[0].units, 1);
});

test('the data set name is read from a name or an object', () => {
  assert.equal(datasetName({ dataset: 'iris' }), 'iris');
  assert.equal(datasetName({ dataset: { name: 'spiral', samples: 200 } }), 'spiral');
});

test('a document survives the URL encoding, Korean text included, without padding or + and /', () => {
  const doc = { dataset: 'boston_housing', title: '보스턴 집값', fit: { epochs: 100 } };
  const text = encodeDoc(doc);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodeDoc(text), doc);
});

test('hand-written JSON is read; anything but an object is refused', () => {
  assert.deepEqual(decodeDoc('{"seed":7}'), { seed: 7 });
  assert.throws(() => decodeDoc(encodeDoc([1, 2])), /not a JSON object/);
});

test('the difference names what the earlier run had, and only the same settings say so', () => {
  const later = { dataset: 'iris', compile: { optimizer: { name: 'adam', learning_rate: 0.01 } }, seed: 1 };
  const earlier = copyDoc(later);
  earlier.compile.optimizer.learning_rate = 0.1;
  earlier.model = { layers: [{ units: 16, activation: 'relu' }, { units: 1 }] };
  assert.equal(describeDiff(earlier, later), '층 16-1, 활성화 relu/linear, lr 0.1');
  assert.equal(describeDiff(later, copyDoc(later)), '같은 설정');
});

test('the earlier run\'s Dropout, regularizer and EarlyStopping are named', () => {
  const earlier = { model: { layers: [{ units: 16, activation: 'relu' }, { units: 1 }] }, fit: { epochs: 5 } };
  const later = copyDoc(earlier);
  later.model.layers.splice(1, 0, { type: 'Dropout', rate: 0.3 });
  assert.equal(describeDiff(later, earlier), '층 16-Dropout(0.3)-1');
  const penalised = copyDoc(earlier);
  penalised.model.layers[0].kernel_regularizer = { l2: 0.01 };
  penalised.fit.callbacks = [{ name: 'EarlyStopping', patience: 5 }];
  assert.equal(describeDiff(penalised, earlier), '규제 l2 0.01/없음, callbacks EarlyStopping(5)');
});
