import { test } from 'node:test';
import assert from 'node:assert/strict';
import { legendItems } from '../js/plane-legend.js';

test('a classification names each class present, in order, by the data set\'s names', () => {
  const items = legendItems('multiclass', [2, 0, 0, 2, 1], ['setosa', 'versicolor', 'virginica']);
  assert.deepEqual(items.classes, [{ index: 0, label: 'setosa' }, { index: 1, label: 'versicolor' },
    { index: 2, label: 'virginica' }]);
});

test('without names the classes are numbered, with a word the clusters are', () => {
  assert.deepEqual(legendItems('binary', [1, 0, 1]).classes.map((c) => c.label), ['클래스 0', '클래스 1']);
  const clusters = legendItems('multiclass', [0, 1, 2], '군집');
  assert.deepEqual(clusters.classes.map((c) => c.label), ['군집 0', '군집 1', '군집 2']);
  assert.equal(clusters.clusters, true);
  assert.equal(legendItems('binary', [0, 1], ['no', 'yes']).clusters, false);
});

test('a regression shows its colour scale\'s ends', () => {
  assert.deepEqual(legendItems('regression', [3, 5], null, [-1.5, 7]), { scale: { min: -1.5, max: 7 } });
});
