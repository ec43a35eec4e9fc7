/*
 * TensorFlow Playground's view of a run on a 2-D data set: the model's output over the plane as a heat map (the
 * websocket's grid events) with the data points on top (the points event). Train points have a white rim, test
 * points a dark one. Drawn on a plain canvas at most once per animation frame.
 *
 * create(canvas) → {setTask(task, names), setPoints(points), setGrid(grid), setCenters(centers), reset()}; centers
 * (k-means' cluster centres, [[x, y]…]) are drawn as ringed crosses in their cluster's colour over the points. A
 * legend (.pg-plane-legend, plane-legend.js) under the canvas names the colours: names are the classes' names, or
 * a word to number them with ("군집").
 * canvas.pgPlane holds the last points, grid and centers for browser tests.
 */
import { legendItems, renderLegend } from './plane-legend.js';

var CLASS_COLORS = [[245, 147, 34], [8, 119, 189], [46, 160, 67], [214, 39, 40], [148, 103, 189],
  [140, 86, 75], [227, 119, 194], [127, 127, 127], [188, 189, 34], [23, 190, 207]];
var LOW = [245, 147, 34];
var HIGH = [8, 119, 189];

function mix(a, b, t) {
  return [0, 1, 2].map(function (i) { return Math.round(a[i] + (b[i] - a[i]) * t); });
}

function rgba(color, alpha) {
  return 'rgba(' + color[0] + ', ' + color[1] + ', ' + color[2] + ', ' + alpha + ')';
}

export function create(canvas) {
  var task = 'binary';
  var names = null;
  var legend = document.createElement('div');
  legend.className = 'pg-plane-legend';
  var legendKey = null;
  var points = null;
  var grid = null;
  var centers = null;
  var framePending = false;
  var state = { points: null, grid: null, centers: null };
  canvas.pgPlane = state;

  /** The span of the regression targets and predictions, for one colour scale. */
  function valueRange() {
    var min = Infinity;
    var max = -Infinity;
    function take(v) { if (isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); } }
    if (points) points.train.concat(points.test).forEach(function (p) { take(p[2]); });
    if (grid) grid.values.forEach(take);
    return max > min ? [min, max] : [min - 1, max + 1];
  }

  function cellColor(i, range) {
    var v = grid.values[i];
    if (grid.classes) return rgba(CLASS_COLORS[grid.classes[i] % CLASS_COLORS.length], 0.15 + 0.5 * Math.max(0, v));
    if (task === 'regression') return rgba(mix(LOW, HIGH, (v - range[0]) / (range[1] - range[0])), 0.55);
    return rgba(mix(LOW, HIGH, Math.min(1, Math.max(0, v))), 0.15 + 0.7 * Math.abs(v - 0.5));
  }

  function pointColor(label, range) {
    if (task === 'regression') return rgba(mix(LOW, HIGH, (label - range[0]) / (range[1] - range[0])), 1);
    return rgba(CLASS_COLORS[Math.round(label) % CLASS_COLORS.length], 1);
  }

  function draw() {
    framePending = false;
    var ratio = window.devicePixelRatio || 1;
    var size = canvas.clientWidth || 300;
    if (canvas.width !== Math.round(size * ratio)) {
      canvas.width = Math.round(size * ratio);
      canvas.height = Math.round(size * ratio);
    }
    var ctx = canvas.getContext('2d');
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size, size);
    var range = valueRange();
    var xRange = grid ? grid.x_range : null;
    var yRange = grid ? grid.y_range : null;
    if (grid) {
      var n = grid.size;
      var cell = size / n;
      for (var row = 0; row < n; row++) {
        for (var col = 0; col < n; col++) {
          /* whole pixels that meet exactly: overlapping translucent cells would draw seams */
          var x0 = Math.round(col * cell * ratio) / ratio;
          var y0 = Math.round((n - 1 - row) * cell * ratio) / ratio;
          ctx.fillStyle = cellColor(row * n + col, range);
          ctx.fillRect(x0, y0, Math.round((col + 1) * cell * ratio) / ratio - x0, Math.round((n - row) * cell * ratio) / ratio - y0);
        }
      }
    }
    if (!points) return;
    drawLegend(range);
    if (!xRange) {
      xRange = span(points, 0);
      yRange = span(points, 1);
    }
    var radius = points.train.length + points.test.length > 600 ? 2.2 : 3;
    [[points.train, '#ffffff'], [points.test, '#1f2328']].forEach(function (part) {
      part[0].forEach(function (p) {
        var x = (p[0] - xRange[0]) / (xRange[1] - xRange[0]) * size;
        var y = size - (p[1] - yRange[0]) / (yRange[1] - yRange[0]) * size;
        ctx.beginPath();
        ctx.arc(x, y, radius, 0, 2 * Math.PI);
        ctx.fillStyle = pointColor(p[2], range);
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = part[1];
        ctx.stroke();
      });
    });
    (centers || []).forEach(function (c, k) {
      var x = (c[0] - xRange[0]) / (xRange[1] - xRange[0]) * size;
      var y = size - (c[1] - yRange[0]) / (yRange[1] - yRange[0]) * size;
      ctx.beginPath();
      ctx.arc(x, y, 9, 0, 2 * Math.PI);
      ctx.fillStyle = rgba(CLASS_COLORS[k % CLASS_COLORS.length], 1);
      ctx.fill();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#1f2328';
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(x - 5, y - 5);
      ctx.lineTo(x + 5, y + 5);
      ctx.moveTo(x + 5, y - 5);
      ctx.lineTo(x - 5, y + 5);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
    });
  }

  /** Rewritten only when what it says changes (draw runs every frame of a playback). */
  function drawLegend(range) {
    var labels = points.train.concat(points.test).map(function (p) { return p[2]; });
    var items = legendItems(task, labels, names, range);
    var key = JSON.stringify(items);
    if (!legend.isConnected) canvas.insertAdjacentElement('afterend', legend);
    if (key === legendKey) return;
    legendKey = key;
    renderLegend(legend, items, function (k) { return rgba(CLASS_COLORS[k % CLASS_COLORS.length], 1); },
      [rgba(LOW, 1), rgba(HIGH, 1)]);
  }

  /** The points' span along one axis, widened by a tenth on each side (as the server does for the grid). */
  function span(data, axis) {
    var values = data.train.concat(data.test).map(function (p) { return p[axis]; });
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    var margin = max > min ? (max - min) * 0.1 : 1;
    return [min - margin, max + margin];
  }

  function render() {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(draw);
  }

  /** "regression", "binary" or "multiclass": how values and labels become colours. */
  function setTask(value, classNames) {
    task = value || 'binary';
    names = classNames || null;
  }

  /** The points event: {train: [[x, y, label]…], test: […]}. */
  function setPoints(value) {
    points = { train: value.train || [], test: value.test || [] };
    state.points = points;
    render();
  }

  /** A grid event: {epoch, size, x_range, y_range, values, classes}. */
  function setGrid(value) {
    grid = value;
    state.grid = value;
    render();
  }

  /** k-means' centres, [[x, y]…], one per cluster (null: none). */
  function setCenters(value) {
    centers = value;
    state.centers = value;
    render();
  }

  function reset() {
    points = null;
    grid = null;
    centers = null;
    state.points = null;
    state.grid = null;
    state.centers = null;
    legend.replaceChildren();
    legendKey = null;
    render();
  }

  return { setTask: setTask, setPoints: setPoints, setGrid: setGrid, setCenters: setCenters, reset: reset };
}
