/*
 * A fitted decision tree as a diagram (SVG): one box per node with its question "feature ≤ threshold", impurity,
 * samples and value (sk-tree-layout.js), coloured by the class it answers; the left branch is "예 (≤)", the right
 * "아니요". Clicking a node (or Enter on it) shows its rows below: how many, the class distribution as bars, and the
 * first rows' values when the server listed them (node.rows: indices into the run's training rows, sk-rows.js).
 *
 * createTreeView() → {element, show(tree, criterion, rowSource), clear()}. Test hooks: .pg-tree svg g.pg-tree-node[data-id]
 * (one per node of the result), .pg-tree-rows[data-id] after a click with .pg-tree-rows-count.
 */
import { el } from './widget-dom.js';
import { isSplit, layoutTree, majority, nodeLines } from './sk-tree-layout.js';

const SVG = 'http://www.w3.org/2000/svg';
/** How many of a node's rows are shown with their values. */
const FIRST_ROWS = 5;
const BOX_W = 150;
const BOX_H = 78;
const GAP_X = 14;
const GAP_Y = 40;
const CLASS_FILLS = ['#fde7cf', '#d6e8f7', '#d8f0dc', '#f8d7d7', '#e8def5', '#eadbd6', '#f9ddef', '#e4e4e4',
  '#eeeec9', '#d2f1f4'];
/** The same classes' colours, full strength, for the distribution bars (decision-plane.js's order). */
const CLASS_BARS = ['#f59322', '#0877bd', '#2ea043', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf'];

function svg(tag, attrs, children) {
  const node = document.createElementNS(SVG, tag);
  Object.keys(attrs || {}).forEach((key) => node.setAttribute(key, String(attrs[key])));
  (children || []).forEach((c) => node.appendChild(c));
  return node;
}

export function createTreeView() {
  const note = el('p', { className: 'pg-hint', text: '상자를 누르면 그 노드에 닿은 훈련 데이터가 아래에 나옵니다.' });
  const scroll = el('div', { className: 'pg-tree-scroll pg-tree-fit', tabindex: '0' });
  const fit = el('input', { type: 'checkbox', className: 'pg-tree-fit-toggle', checked: true });
  fit.addEventListener('change', () => scroll.classList.toggle('pg-tree-fit', fit.checked));
  const fitLabel = el('label', { className: 'pg-field-check' }, [fit, document.createTextNode(' 폭에 맞춰 보기 (끄면 실제 크기로 스크롤)')]);
  const rows = el('div', { className: 'pg-tree-rows', 'aria-live': 'polite' });
  const element = el('section', { className: 'pg-tree', 'aria-label': '결정 트리 그림' },
    [el('h4', { text: '결정 트리 (plot_tree)' }), note, fitLabel, scroll, rows]);
  element.hidden = true;
  let tree = null;
  let source = null;

  function nodeBox(node, pos, criterion) {
    const x = pos.x * (BOX_W + GAP_X);
    const y = pos.depth * (BOX_H + GAP_Y);
    const cls = majority(node, tree);
    const fill = cls === null ? '#eef2f7' : CLASS_FILLS[tree.classes.indexOf(cls) % CLASS_FILLS.length];
    const lines = nodeLines(node, tree, criterion).map((line, i) => svg('text', {
      x: x + BOX_W / 2, y: y + 15 + i * 14, 'text-anchor': 'middle', class: i === 0 && isSplit(node) ? 'pg-tree-question' : ''
    }, [document.createTextNode(line)]));
    const group = svg('g', { class: 'pg-tree-node', 'data-id': node.id, tabindex: '0', role: 'button',
      'aria-label': nodeLines(node, tree, criterion).join(', ') }, [
      svg('rect', { x, y, width: BOX_W, height: BOX_H, rx: 6, fill, stroke: '#8c959f' })
    ].concat(lines));
    group.addEventListener('click', () => showRows(node));
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        showRows(node);
      }
    });
    return group;
  }

  function edge(from, to, yes) {
    const x1 = from.x * (BOX_W + GAP_X) + BOX_W / 2;
    const y1 = from.depth * (BOX_H + GAP_Y) + BOX_H;
    const x2 = to.x * (BOX_W + GAP_X) + BOX_W / 2;
    const y2 = to.depth * (BOX_H + GAP_Y);
    return svg('g', {}, [
      svg('line', { x1, y1, x2, y2, stroke: '#8c959f', 'stroke-width': 1.5 }),
      svg('text', { x: (x1 + x2) / 2 + (yes ? -6 : 6), y: (y1 + y2) / 2, 'text-anchor': yes ? 'end' : 'start',
        class: 'pg-tree-branch' }, [document.createTextNode(yes ? '예' : '아니요')])
    ]);
  }

  /** The node's rows: count, class distribution, and the first rows' values as the server sent them. */
  function showRows(node) {
    scroll.querySelectorAll('.pg-tree-node').forEach((g) => g.classList.toggle('pg-tree-selected',
      g.getAttribute('data-id') === String(node.id)));
    rows.textContent = '';
    rows.setAttribute('data-id', String(node.id));
    rows.appendChild(el('h5', { text: '노드 ' + node.id + ' (깊이 ' + node.depth + ')' }));
    rows.appendChild(el('p', { className: 'pg-tree-rows-count', text: '훈련 데이터 ' + node.samples + '행이 이 노드에 닿습니다.' }));
    const value = Array.isArray(node.value) ? node.value : [node.value];
    if (tree.classes && tree.classes.length && value.length > 1) {
      const total = value.reduce((a, b) => a + b, 0) || 1;
      value.forEach((v, i) => {
        const bar = el('span', { className: 'pg-fit-bar' });
        bar.style.width = (100 * v / total).toFixed(1) + '%';
        bar.style.background = CLASS_BARS[i % CLASS_BARS.length];
        rows.appendChild(el('div', { className: 'pg-fit-bar-row pg-tree-class' }, [
          el('span', { className: 'pg-fit-bar-name', text: String(tree.classes[i]) }),
          el('span', { className: 'pg-fit-bar-track' }, [bar]),
          el('span', { className: 'pg-fit-bar-value', text: String(Number(v.toFixed(3))) })
        ]));
      });
    } else {
      rows.appendChild(el('p', { text: '평균 목표값: ' + String(Number(Number(value[0]).toFixed(3))) }));
    }
    if (Array.isArray(node.rows) && node.rows.length && source) {
      const shown = node.id;
      source(node.rows.slice(0, FIRST_ROWS)).then((table) => {
        if (rows.getAttribute('data-id') === String(shown)) rows.appendChild(rowTable(table, node.rows.length));
      }, () => rows.appendChild(el('p', { className: 'pg-hint', text: '행의 값을 불러오지 못했습니다.' })));
    }
  }

  /** The node's first rows under the data file's column names (the target last). */
  function rowTable(table, count) {
    const head = el('tr', {}, table.header.map((name) => el('th', { scope: 'col', text: name })));
    const body = table.rows.map((row) => el('tr', {}, row.map((v) => el('td', { text: String(v) }))));
    return el('div', { className: 'pg-tree-first-rows' }, [
      el('p', { className: 'pg-hint', text: '처음 ' + table.rows.length + '행' + (count > table.rows.length ? ' (모두 ' + count + '행)' : '') }),
      el('div', { className: 'pg-table-scroll' }, [el('table', { className: 'pg-data-table' }, [head].concat(body))])
    ]);
  }

  /** rowSource: sk-rows.js's reader of the run's training rows, for the rows a node lists (or null). */
  function show(value, criterion, rowSource) {
    tree = value;
    source = rowSource || null;
    const nodes = tree.nodes || [];
    const { positions, width, depth } = layoutTree(nodes);
    const w = width * (BOX_W + GAP_X);
    const h = depth * (BOX_H + GAP_Y);
    const picture = svg('svg', { width: w, height: h, viewBox: '0 0 ' + w + ' ' + h, role: 'img',
      'aria-label': '결정 트리: 노드 ' + nodes.length + '개, 깊이 ' + (depth - 1) });
    const byId = new Map(nodes.map((n) => [n.id, n]));
    nodes.forEach((n) => {
      [[n.left, true], [n.right, false]].forEach(([child, yes]) => {
        if (byId.has(child)) picture.appendChild(edge(positions.get(n.id), positions.get(child), yes));
      });
    });
    nodes.forEach((n) => picture.appendChild(nodeBox(n, positions.get(n.id), criterion)));
    scroll.textContent = '';
    scroll.appendChild(picture);
    element.hidden = false;
    /* a tree at most twice the box's width is fitted to it; a bigger one keeps readable boxes and scrolls, root in view */
    fit.checked = w <= 2 * (scroll.clientWidth || w);
    scroll.classList.toggle('pg-tree-fit', fit.checked);
    const root = nodes.find((n) => n.depth === 0);
    if (!fit.checked && root) scroll.scrollLeft = positions.get(root.id).x * (BOX_W + GAP_X) + BOX_W / 2 - scroll.clientWidth / 2;
    rows.textContent = '';
    rows.removeAttribute('data-id');
    note.textContent = '상자를 누르면 그 노드에 닿은 훈련 데이터가 아래에 나옵니다.'
      + (tree.truncated ? ' (노드가 많아 위쪽 일부만 그렸습니다.)' : '');
  }

  function clear() {
    scroll.textContent = '';
    rows.textContent = '';
    element.hidden = true;
  }

  return { element, show, clear };
}
