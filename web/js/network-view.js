/*
 * TensorFlow Playground's picture of the network for a 2-D data set: a column per layer (the input features, each
 * hidden layer, the output), every input and neuron as a small heat map of its output over the plane, and every
 * link coloured by its weight's sign (blue +, orange −) and as thick as its size. Frames are the grid events'
 * `network` (RUN-CONFIG extension in the README): shades −s … s per cell from the bottom left, kernels row-major.
 *
 * create(featureNames) → {element, setFrame(network), expect(hiddenUnits, max), reset()}, featureNames() giving the
 * input columns' names; hiddenUnits(doc) counts a run document's hidden units. Test hooks: .pg-network
 * [data-epoch], one canvas.pg-neuron per input and neuron ([data-layer] "input" or the layer's index, [data-unit]),
 * canvas.pg-network-links, .pg-network-note (why no picture is drawn), .pg-network[data-epoch] the frame's epoch.
 */
import { el } from './widget-dom.js';

var NEGATIVE = [245, 147, 34];
var ZERO = [232, 234, 235];
var POSITIVE = [8, 119, 189];
var GAP = 4;
/** Room for the input features' names, left of their heat maps. */
var LABELS = 56;
/** The column of the most units fits in this height; heat maps shrink (to 10 px) to make it fit. */
var MAX_HEIGHT = 420;

/** TensorFlow Playground's colour scale: −1 orange, 0 grey, +1 blue. */
function colour(t) {
  var to = t < 0 ? NEGATIVE : POSITIVE;
  var a = Math.min(1, Math.abs(t));
  return [0, 1, 2].map(function (i) { return Math.round(ZERO[i] + (to[i] - ZERO[i]) * a); });
}

function paint(canvas, shades, size, top) {
  var ctx = canvas.getContext('2d');
  var image = ctx.createImageData(size, size);
  for (var i = 0; i < size * size; i++) {
    var row = Math.floor(i / size);
    var col = i % size;
    var c = colour(shades[i] / top);
    var p = ((size - 1 - row) * size + col) * 4;
    image.data[p] = c[0];
    image.data[p + 1] = c[1];
    image.data[p + 2] = c[2];
    image.data[p + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

/** The units of every layer but the output. */
export function hiddenUnits(doc) {
  var layers = (doc && doc.model && doc.model.layers) || [];
  return layers.slice(0, -1).reduce(function (sum, l) { return sum + (l.units || 0); }, 0);
}

export function create(featureNames) {
  var links = el('canvas', { className: 'pg-network-links', 'aria-hidden': 'true' });
  var stage = el('div', { className: 'pg-network-stage' }, [links]);
  var note = el('p', { className: 'pg-network-note pg-hint' });
  var element = el('section', { className: 'pg-network', 'data-testid': 'pg-network', 'aria-label': '신경망 그림' }, [
    el('h4', { text: '신경망 속 들여다보기' }),
    stage,
    el('div', { className: 'pg-network-scale', 'aria-hidden': 'true' }, [
      el('span', { text: '−1' }), el('span', { className: 'pg-network-gradient' }), el('span', { text: '+1' })
    ]),
    el('p', { className: 'pg-hint', text: '칸마다 그 뉴런의 출력을 평면 위에 칠했습니다 (주황 −1 · 회색 0 · 파랑 +1). '
      + '선의 색은 가중치의 부호(파랑 +, 주황 −), 굵기는 크기입니다.' }),
    note
  ]);
  element.hidden = true;
  var nodes = []; /* canvases by column: nodes[0] the inputs, then one column per layer */
  var shape = '';
  var last = null; /* the frame drawn, drawn again when the width changes */
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(function () { if (last && !element.hidden) setFrame(last.network, last.epoch); }).observe(element);
  }

  /** Columns of canvases for a network of this shape, laid out once per shape. */
  function build(network) {
    var columns = [network.inputs.length].concat(network.layers.map(function (l) { return l.units; }));
    /* new names with as many columns relabel, a new width (a phone turned) lays out again */
    var key = columns.join('-') + ' ' + featureNames().join() + ' ' + element.clientWidth;
    if (key === shape) return;
    shape = key;
    stage.textContent = '';
    stage.appendChild(links);
    var tallest = Math.max.apply(null, columns);
    var cell = Math.max(10, Math.min(40, Math.floor(MAX_HEIGHT / tallest) - GAP));
    var height = tallest * (cell + GAP);
    /* the columns spread over the width there is, as TensorFlow Playground's do */
    var room = (element.clientWidth || 320) - LABELS - columns.length * (cell + 2) - 4; /* 2: a heat map's border */
    var gap = Math.max(40, Math.min(160, Math.floor(room / (columns.length - 1))));
    nodes = columns.map(function (units, c) {
      var top = (height - units * (cell + GAP)) / 2;
      var column = [];
      for (var u = 0; u < units; u++) {
        var x = LABELS + c * (cell + gap);
        var y = top + u * (cell + GAP);
        var canvas = el('canvas', { className: 'pg-neuron', title: nodeTitle(network, c, u),
          'data-layer': c === 0 ? 'input' : String(c - 1), 'data-unit': String(u) });
        canvas.width = canvas.height = network.size;
        canvas.style.cssText = 'left:' + x + 'px;top:' + y + 'px;width:' + cell + 'px;height:' + cell + 'px';
        stage.appendChild(canvas);
        if (c === 0) {
          var label = el('span', { className: 'pg-network-label', text: nodeTitle(network, 0, u) });
          label.style.cssText = 'top:' + y + 'px;width:' + (LABELS - 6) + 'px;line-height:' + cell + 'px';
          stage.appendChild(label);
        }
        column.push({ canvas: canvas, x: x, y: y + cell / 2 });
      }
      return column;
    });
    var width = LABELS + (columns.length - 1) * (cell + gap) + cell;
    stage.style.width = width + 'px';
    stage.style.height = height + 'px';
    links.width = width * (window.devicePixelRatio || 1);
    links.height = height * (window.devicePixelRatio || 1);
    links.style.width = width + 'px';
    links.style.height = height + 'px';
    stage.pgCell = cell;
  }

  function nodeTitle(network, column, unit) {
    if (column === 0) return featureNames()[unit] || 'x' + (unit + 1);
    var layer = network.layers[column - 1];
    var name = column === network.layers.length ? '출력층' : '은닉층 ' + column;
    return name + ' · 뉴런 ' + (unit + 1) + ' (' + (layer.activation || 'linear') + ')';
  }

  function drawLinks(network) {
    var ratio = window.devicePixelRatio || 1;
    var ctx = links.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, links.width, links.height);
    var cell = stage.pgCell;
    network.weights.forEach(function (kernel, l) {
      var from = nodes[l];
      var to = nodes[l + 1];
      from.forEach(function (a, i) {
        to.forEach(function (b, j) {
          var w = kernel[i * to.length + j];
          /* faint when small, so the strong links of a dense layer stand out */
          ctx.strokeStyle = 'rgba(' + colour(w > 0 ? 1 : -1).join(',') + ',' + (0.2 + 0.6 * Math.min(1, Math.abs(w) / 2)) + ')';
          ctx.lineWidth = Math.min(6, 0.4 + Math.abs(w) * 1.5);
          ctx.beginPath();
          ctx.moveTo(a.x + cell, a.y);
          ctx.lineTo(b.x, b.y);
          ctx.stroke();
        });
      });
    });
  }

  /** A grid event's network: every heat map and link redrawn. */
  function setFrame(network, epoch) {
    if (!network || !network.layers) return;
    last = { network: network, epoch: epoch };
    element.setAttribute('data-epoch', String(epoch));
    element.hidden = false; /* before build, which reads the width */
    build(network);
    var top = network.shades || 1;
    network.inputs.forEach(function (shades, u) { paint(nodes[0][u].canvas, shades, network.size, top); });
    var n = 0;
    network.layers.forEach(function (layer, l) {
      for (var u = 0; u < layer.units; u++) paint(nodes[l + 1][u].canvas, network.neurons[n++], network.size, top);
    });
    drawLinks(network);
    note.textContent = '';
    element.hidden = false;
  }

  /** The points event came: a network wider than the server draws says so instead of staying blank. */
  function expect(hidden, max) {
    if (typeof max !== 'number' || hidden <= max) return;
    reset();
    note.textContent = '은닉층의 유닛이 모두 ' + hidden + '개라 신경망 그림은 그리지 않습니다. 뉴런마다 그림을 보내면 '
      + '메시지가 너무 커지므로, 은닉 유닛이 ' + max + '개 이하일 때만 그립니다.';
    element.hidden = false;
  }

  function reset() {
    last = null;
    shape = '';
    nodes = [];
    stage.textContent = '';
    stage.appendChild(links);
    note.textContent = '';
    element.hidden = true;
  }

  return { element: element, setFrame: setFrame, expect: expect, reset: reset };
}
