import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vocabulary } from '../js/vocabulary.js';
import { familyDoc } from '../js/family.js';

const vocabulary = new Vocabulary({
  network_family: { name: 'network', label: '신경망', start: { model: { normalize: true, layers: [] }, compile: {}, fit: {} } },
  estimator_families: [{ name: 'linear', label: '선형' }, { name: 'adaboost', label: '에이다부스트' }, { name: 'kmeans', label: 'k-평균' }],
  estimators: [
    { name: 'LinearRegression', family: 'linear', task: 'regression', params: [] },
    { name: 'LogisticRegression', family: 'linear', task: 'classification', params: [] },
    { name: 'AdaBoostClassifier', family: 'adaboost', task: 'classification', params: [] },
    { name: 'KMeans', family: 'kmeans', task: 'clustering', params: [] }
  ],
  tasks: { regression: { output: { units: 1, activation: 'linear' }, default_loss: 'mse', metrics: ['mae'] } },
  datasets: [{ name: 'boston_housing', task: 'regression' }, { name: 'iris', task: 'multiclass', classes: ['a', 'b', 'c'] }]
});
const boston = { dataset: { name: 'boston_housing', split: { test_size: 0.2, random_state: 5 } },
  model: { estimator: 'LinearRegression', preprocess: [{ name: 'StandardScaler' }] } };

test('the picker lists the network first, then the registry\'s families', () => {
  assert.deepEqual(vocabulary.families().map((f) => f.name), ['network', 'linear', 'adaboost', 'kmeans']);
});

test('a family that suits the task keeps the data set, its split and the preprocessing', () => {
  const next = familyDoc(boston, 'kmeans', vocabulary);
  assert.equal(next.model.estimator, 'KMeans');
  assert.deepEqual(next.dataset, boston.dataset);
  assert.deepEqual(next.model.preprocess, [{ name: 'StandardScaler' }]);
});

test('a classifier-only family moves to a data set it can fit', () => {
  const next = familyDoc(boston, 'adaboost', vocabulary);
  assert.equal(next.model.estimator, 'AdaBoostClassifier');
  assert.deepEqual(next.dataset, { name: 'iris', split: { test_size: 0.2, random_state: 5 } });
});

test('the network family gives a Keras document, and back again a scikit-learn one', () => {
  const net = familyDoc(boston, 'network', vocabulary);
  assert.equal(net.model.estimator, undefined);
  assert.equal(net.dataset, 'boston_housing');
  assert.equal(net.compile.loss, 'mse');
  assert.equal(familyDoc(net, 'linear', vocabulary).model.estimator, 'LinearRegression');
});

test('a lesson that locks its data set gets no family that cannot fit it', () => {
  assert.equal(familyDoc(boston, 'adaboost', vocabulary, true), null);
  assert.equal(familyDoc(boston, 'kmeans', vocabulary, true).model.estimator, 'KMeans');
});
