import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vocabulary } from '../js/vocabulary.js';

/** A vocabulary in the shape of GET /api/options, as small as each test needs. */
const vocabulary = new Vocabulary({
  optimizers: [
    { name: 'sgd', label: 'SGD', params: [{ name: 'learning_rate', kind: 'number' }] },
    { name: 'adam', label: 'Adam', params: [{ name: 'learning_rate', kind: 'number' }, { name: 'amsgrad', kind: 'boolean' }] }
  ],
  activations: [{ name: 'relu', label: 'relu', params: [] },
    { name: 'leaky_relu', label: 'leaky_relu', params: [{ name: 'alpha', kind: 'number' }] }],
  layers: [{ type: 'Dense', params: [{ name: 'units', kind: 'integer', min: 1, max: 512 }] }],
  controls: [
    { name: 'dataset', path: 'dataset', kind: 'select', from: 'datasets', comparable: true },
    { name: 'samples', path: 'dataset.samples', kind: 'integer' },
    { name: 'layers', path: 'model.layers', kind: 'choice', from: 'layers', comparable: false },
    { name: 'optimizer', path: 'compile.optimizer.name', kind: 'select', from: 'optimizers', comparable: true },
    { name: 'learning_rate', path: 'compile.optimizer.learning_rate', kind: 'number', comparable: true },
    { name: 'loss', path: 'compile.loss', kind: 'select', from: 'losses', comparable: true },
    { name: 'epochs', path: 'fit.epochs', kind: 'integer', comparable: true }
  ],
  tasks: {
    regression: { label: '회귀', output: { units: 1, activation: 'linear' }, default_loss: 'mse', metrics: ['mae'] },
    multiclass: { label: '다중 분류', output: { activation: 'softmax' }, default_loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'] }
  }
});

test('a select lists its source with the labels', () => {
  assert.deepEqual(vocabulary.choices('optimizers'), [{ value: 'sgd', label: 'SGD' }, { value: 'adam', label: 'Adam' }]);
  assert.deepEqual(vocabulary.choices('no_such_list'), []);
});

test('parameters belong to their optimizer or activation', () => {
  assert.equal(vocabulary.hasParam('optimizers', 'adam', 'amsgrad'), true);
  assert.equal(vocabulary.hasParam('optimizers', 'sgd', 'amsgrad'), false);
  assert.equal(vocabulary.hasParam('activations', 'leaky_relu', 'alpha'), true);
  assert.equal(vocabulary.layerParam('Dense', 'units').max, 512);
  assert.deepEqual(vocabulary.layerParam('Conv2D', 'filters'), {});
});

test('a field names the control with the longest path above it', () => {
  const names = (field) => vocabulary.controlForField(field);
  assert.deepEqual(names('compile.optimizer.learning_rate'), { control: 'learning_rate', layer: -1, prop: '' });
  assert.equal(names('compile.optimizer').control, 'optimizer', 'a select of ….name owns its object');
  assert.equal(names('compile.optimizer.beta_1').control, 'optimizer');
  assert.equal(names('dataset.samples').control, 'samples');
  assert.equal(names('dataset.noise').control, 'dataset');
  assert.equal(names('compile.metrics[0]').control, 'loss', 'metrics show beside the loss');
  assert.equal(names('fit.epochsx').control, '', 'a prefix ends at a dot or a bracket');
  assert.equal(names('').control, '');
});

test('a field inside the layer list names its row and property', () => {
  assert.deepEqual(vocabulary.controlForField('model.layers[2].alpha'), { control: 'layers', layer: 2, prop: 'alpha' });
  assert.deepEqual(vocabulary.controlForField('model.layers'), { control: 'layers', layer: -1, prop: '' });
});

test('only controls holding one value can be compared', () => {
  assert.equal(vocabulary.comparable('epochs'), true);
  assert.equal(vocabulary.comparable('layers'), false);
  assert.equal(vocabulary.comparable('units'), false);
});

test('switching to a multiclass set gives the output layer one unit per class and softmax', () => {
  const doc = { model: { layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'leaky_relu', alpha: 0.1 }] },
    compile: { loss: 'mse', metrics: ['mae'] } };
  const note = vocabulary.fitToTask(doc, { task: 'multiclass', classes: ['setosa', 'versicolor', 'virginica'] });
  assert.deepEqual(doc.model.layers[1], { units: 3, activation: 'softmax' });
  assert.deepEqual(doc.compile, { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] });
  assert.equal(note, '출력층과 손실 함수를 다중 분류에 맞게 바꿨습니다.');
});

test('switching to regression leaves a linear output, written without an activation, and an empty model gets one', () => {
  const doc = {};
  vocabulary.fitToTask(doc, { task: 'regression' });
  assert.deepEqual(doc, { model: { layers: [{ units: 1 }] }, compile: { loss: 'mse', metrics: ['mae'] } });
});

test('a task the vocabulary does not know changes nothing and keeps its name as its label', () => {
  const doc = { seed: 1 };
  assert.equal(vocabulary.fitToTask(doc, { task: 'ranking' }), '');
  assert.deepEqual(doc, { seed: 1 });
  assert.equal(vocabulary.taskLabel('ranking'), 'ranking');
});
