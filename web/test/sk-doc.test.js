import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Vocabulary } from '../js/vocabulary.js';
import { isEstimatorDoc, networkDoc, setDataset, setParam, setSplit, sweepDoc, sweepValues, toggleStep,
  withEstimator } from '../js/sk-doc.js';

/** The registry's shape (GET /api/options), as small as the tests need. */
const vocabulary = new Vocabulary({
  estimators: [
    { name: 'KNeighborsClassifier', family: 'knn', task: 'classification', sweep: 'n_neighbors',
      params: [{ name: 'n_neighbors', kind: 'int', default: 5, min: 1, max: 200 }] },
    { name: 'KNeighborsRegressor', family: 'knn', task: 'regression', sweep: 'n_neighbors', params: [] },
    { name: 'AdaBoostClassifier', family: 'adaboost', task: 'classification', params: [] },
    { name: 'KMeans', family: 'kmeans', task: 'clustering', sweep: 'n_clusters',
      params: [{ name: 'n_clusters', kind: 'int', default: 8, min: 1, max: 50 }] }
  ],
  network_family: { name: 'network', label: '신경망', start: { model: { normalize: true, layers: [{ units: 16, activation: 'relu' }] },
    compile: { optimizer: { name: 'adam', learning_rate: 0.01 } }, fit: { epochs: 50 } } },
  tasks: { multiclass: { label: '다중 분류', output: { activation: 'softmax' }, default_loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'] } }
});
const iris = { name: 'iris', task: 'multiclass', classes: ['setosa', 'versicolor', 'virginica'] };
const moons = { name: 'moons', task: 'binary', generated: true };

function knnDoc() {
  return { dataset: { name: 'iris', split: { test_size: 0.2, random_state: 5 } },
    model: { estimator: 'KNeighborsClassifier', params: { n_neighbors: 5 } } };
}

test('a family picks the estimator that suits the data set\'s task', () => {
  assert.equal(vocabulary.estimatorFor('knn', 'regression').name, 'KNeighborsRegressor');
  assert.equal(vocabulary.estimatorFor('knn', 'multiclass').name, 'KNeighborsClassifier');
  assert.equal(vocabulary.fits(vocabulary.estimator('KMeans'), 'regression'), true, 'k-means ignores the target');
  assert.equal(vocabulary.fits(vocabulary.estimator('AdaBoostClassifier'), 'regression'), false);
  assert.equal(vocabulary.estimatorFor('network', 'binary'), undefined);
});

test('a blank parameter falls back to the default and an empty split to the data set\'s own', () => {
  const doc = knnDoc();
  setParam(doc, 'n_neighbors', undefined);
  assert.deepEqual(doc.model.params, {});
  setSplit(doc, 'test_size', undefined);
  assert.deepEqual(doc.dataset, { name: 'iris', split: { random_state: 5 } });
  setSplit(doc, 'random_state', undefined);
  assert.equal(doc.dataset, 'iris');
  setSplit(doc, 'test_size', 0.3);
  assert.deepEqual(doc.dataset, { name: 'iris', split: { test_size: 0.3 } });
});

test('a generated 2-D set drops the split, a table keeps it', () => {
  const doc = knnDoc();
  setDataset(doc, { name: 'wine', task: 'multiclass' });
  assert.deepEqual(doc.dataset, { name: 'wine', split: { test_size: 0.2, random_state: 5 } });
  setDataset(doc, moons);
  assert.deepEqual(doc.dataset, { name: 'moons' });
});

test('preprocessing steps run in the order they were switched on', () => {
  const doc = knnDoc();
  toggleStep(doc, 'PolynomialFeatures', true);
  toggleStep(doc, 'StandardScaler', true);
  assert.deepEqual(doc.model.preprocess.map((s) => s.name), ['PolynomialFeatures', 'StandardScaler']);
  toggleStep(doc, 'PolynomialFeatures', false);
  toggleStep(doc, 'StandardScaler', false);
  assert.equal(doc.model.preprocess, undefined);
});

test('another estimator keeps the data and the preprocessing, not the params', () => {
  const doc = knnDoc();
  toggleStep(doc, 'StandardScaler', true);
  const next = withEstimator(doc, vocabulary.estimator('KMeans'));
  assert.deepEqual(next.model, { estimator: 'KMeans', preprocess: [{ name: 'StandardScaler' }] });
  assert.deepEqual(next.dataset, doc.dataset);
  assert.equal(isEstimatorDoc(next), true);
});

test('the network on the same data is a Keras document shaped for the task', () => {
  const net = networkDoc(knnDoc(), iris, vocabulary);
  assert.equal(isEstimatorDoc(net), false);
  assert.equal(net.dataset, 'iris', 'a Keras run takes the data set\'s own split');
  assert.deepEqual(net.model.layers[1], { units: 3, activation: 'softmax' });
  assert.equal(net.compile.loss, 'sparse_categorical_crossentropy');
  assert.deepEqual(net.compile.optimizer, { name: 'adam', learning_rate: 0.01 }, 'the registry\'s starting network');
  assert.deepEqual(net.model.layers[0], { units: 16, activation: 'relu' });
  const plane = networkDoc({ dataset: { name: 'moons' }, model: {} }, moons, vocabulary);
  assert.deepEqual(plane.dataset, { name: 'moons' });
  assert.equal(plane.model.normalize, false);
});

test('one press sweeps k = 1…10 for the elbow and 1…15 neighbours, within the parameter\'s range', () => {
  assert.deepEqual(sweepValues(vocabulary.estimator('KMeans')), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(sweepValues(vocabulary.estimator('KNeighborsClassifier')).length, 15);
  const swept = sweepDoc(knnDoc(), vocabulary.estimator('KMeans'));
  assert.deepEqual(swept.model.sweep, { param: 'n_clusters', values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
  assert.equal(knnDoc().model.sweep, undefined);
});
