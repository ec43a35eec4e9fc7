/*
 * Where each node of a fitted decision tree goes in its diagram, and what its box says, as scikit-learn's plot_tree
 * writes it ("petal_length ≤ 2.45", "gini = 0.667", "samples = 120", "value = [40, 41, 39]"). Pure: the done event's
 * tree ({features, classes, nodes: [{id, depth, feature, threshold, impurity, samples, value, left, right}]}) in,
 * numbers and strings out, so node --test runs it.
 */

/** A child id that names no node (scikit-learn writes -1 for a leaf's children). */
function isChild(id, byId) {
  return id !== null && id !== undefined && id >= 0 && byId.has(id);
}

/**
 * Slots for the diagram: leaves side by side from left to right, each split centred over its two children.
 * Returns {positions: Map id → {x, depth}, width (leaves), depth (levels)}; x counts in leaf widths from 0.
 */
export function layoutTree(nodes) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const positions = new Map();
  let leaves = 0;
  let deepest = 0;
  const root = nodes.find((n) => n.depth === 0) || nodes[0];
  /* iterative post-order: a deep tree must not overflow the call stack */
  const stack = root ? [{ node: root, depth: 0, visited: false }] : [];
  while (stack.length) {
    const top = stack.pop();
    const { node, depth } = top;
    const left = isChild(node.left, byId) ? byId.get(node.left) : null;
    const right = isChild(node.right, byId) ? byId.get(node.right) : null;
    deepest = Math.max(deepest, depth);
    if (!left && !right) {
      positions.set(node.id, { x: leaves++, depth });
    } else if (!top.visited) {
      stack.push({ node, depth, visited: true });
      if (right) stack.push({ node: right, depth: depth + 1, visited: false });
      if (left) stack.push({ node: left, depth: depth + 1, visited: false });
    } else {
      const xs = [left, right].filter(Boolean).map((c) => positions.get(c.id).x);
      positions.set(node.id, { x: xs.reduce((a, b) => a + b, 0) / xs.length, depth });
    }
  }
  return { positions, width: Math.max(leaves, 1), depth: deepest + 1 };
}

/** A number as plot_tree rounds it: three decimals, no trailing zeros. */
export function short(value) {
  if (typeof value !== 'number' || !isFinite(value)) return String(value);
  return String(Number(value.toFixed(3)));
}

/** Whether the node splits (has children) rather than answers. */
export function isSplit(node) {
  return node.left !== null && node.left !== undefined && node.left >= 0;
}

/**
 * The lines of a node's box. criterion names the impurity ("gini", "entropy", "squared_error"); a split's first
 * line is its question, a leaf's last line its answer (the majority class, or the mean for regression).
 */
export function nodeLines(node, tree, criterion) {
  const lines = [];
  if (isSplit(node)) {
    const name = (tree.features || [])[node.feature];
    lines.push((name !== undefined ? name : 'x[' + node.feature + ']') + ' ≤ ' + short(node.threshold));
  }
  lines.push(criterion + ' = ' + short(node.impurity));
  lines.push('samples = ' + node.samples);
  const value = Array.isArray(node.value) ? node.value : [node.value];
  lines.push('value = ' + (value.length > 1 ? '[' + value.map(short).join(', ') + ']' : short(value[0])));
  const answer = majority(node, tree);
  if (answer !== null) lines.push('class = ' + answer);
  return lines;
}

/** The class a node answers (its largest count), or null for a regression tree. */
export function majority(node, tree) {
  const value = Array.isArray(node.value) ? node.value : [];
  if (!tree.classes || !tree.classes.length || value.length < 2) return null;
  let best = 0;
  value.forEach((v, i) => { if (v > value[best]) best = i; });
  return String(tree.classes[best]);
}
