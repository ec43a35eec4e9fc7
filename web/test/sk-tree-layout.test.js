import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutTree, majority, nodeLines } from '../js/sk-tree-layout.js';

/** The lesson's rain tree: humidity first, then the sky on the dry side (depth 2). */
const tree = {
  features: ['하늘', '습도'],
  classes: ['안 옴', '옴'],
  nodes: [
    { id: 0, depth: 0, feature: 1, threshold: 72.5, impurity: 0.5, samples: 10, value: [5, 5], left: 1, right: 4 },
    { id: 1, depth: 1, feature: 0, threshold: 0.5, impurity: 0.2777777, samples: 6, value: [5, 1], left: 2, right: 3 },
    { id: 2, depth: 2, feature: -2, threshold: -2, impurity: 0, samples: 4, value: [4, 0], left: -1, right: -1 },
    { id: 3, depth: 2, feature: -2, threshold: -2, impurity: 0.5, samples: 2, value: [1, 1], left: -1, right: -1 },
    { id: 4, depth: 1, feature: -2, threshold: -2, impurity: 0, samples: 4, value: [0, 4], left: -1, right: -1 }
  ]
};

test('leaves sit side by side and each split over its children', () => {
  const { positions, width, depth } = layoutTree(tree.nodes);
  assert.equal(width, 3);
  assert.equal(depth, 3);
  assert.deepEqual([2, 3, 4].map((id) => positions.get(id).x), [0, 1, 2]);
  assert.equal(positions.get(1).x, 0.5);
  assert.equal(positions.get(0).x, 1.25);
  assert.equal(positions.size, tree.nodes.length);
});

test('a box says what plot_tree says', () => {
  assert.deepEqual(nodeLines(tree.nodes[0], tree, 'gini'),
    ['습도 ≤ 72.5', 'gini = 0.5', 'samples = 10', 'value = [5, 5]', 'class = 안 옴']);
  assert.deepEqual(nodeLines(tree.nodes[4], tree, 'gini'), ['gini = 0', 'samples = 4', 'value = [0, 4]', 'class = 옴']);
  assert.equal(nodeLines(tree.nodes[1], tree, 'entropy')[1], 'entropy = 0.278');
});

test('a regression tree answers no class', () => {
  const leaf = { id: 0, depth: 0, impurity: 3.25, samples: 7, value: [21.4], left: -1, right: -1 };
  assert.equal(majority(leaf, { features: [] }), null);
  assert.deepEqual(nodeLines(leaf, { features: [] }, 'squared_error'), ['squared_error = 3.25', 'samples = 7', 'value = 21.4']);
});

test('a tree a thousand levels deep lays out without overflowing the stack', () => {
  const nodes = [];
  for (let i = 0; i < 1000; i++) nodes.push({ id: 2 * i, depth: i, left: 2 * i + 1, right: 2 * i + 2 });
  for (let i = 0; i < 1000; i++) nodes.push({ id: 2 * i + 1, depth: i + 1, left: -1, right: -1 });
  nodes.push({ id: 2000, depth: 1000, left: -1, right: -1 });
  const { width, depth } = layoutTree(nodes);
  assert.equal(width, 1001);
  assert.equal(depth, 1001);
});
