/*
 * The loss chart: loss and val_loss per epoch on one Chart.js line chart, like the notes' plot_loss, with the
 * last few runs kept as faded curves to compare. Points are added at once and drawn at most once per
 * animation frame.
 *
 * Needs Chart.js's global Chart (chart-loader.js). create(canvas) returns the wrapper. The Chart instance is
 * also on canvas.pgChart so a browser test can count points: datasets[0] is the current loss, datasets[1]
 * the current val_loss, then two per kept run (dataset.pgRole "loss" | "val_loss" | "past_loss" |
 * "past_val_loss").
 *
 * Compare mode (startCompare(labels)): one pair of curves per compared run instead, each pair in its own
 * colour (loss solid, val_loss dashed), pgRole "compare_loss" | "compare_val_loss", pgVariant its index;
 * selectSeries(i) sends the next addPoint calls to pair i. The next keepCurrent or reset leaves compare mode.
 * markDiverged() flags the pair being filled (dataset.pgDiverged): it no longer sets the automatic top of the y axis.
 */
var PAST_RUNS = 3;
var LOSS_COLOR = '37, 99, 235';
var VAL_COLOR = '234, 88, 12';
/** One colour per compared run (blue, orange, green, purple: told apart with colour-blindness too). */
var COMPARE_COLORS = ['37, 99, 235', '234, 88, 12', '22, 163, 74', '147, 51, 234'];

function lineDataset(label, role, color, alpha, dashed) {
  return {
    label: label,
    pgRole: role,
    data: [],
    borderColor: 'rgba(' + color + ', ' + alpha + ')',
    backgroundColor: 'rgba(' + color + ', ' + alpha + ')',
    borderWidth: alpha < 1 ? 1.5 : 2,
    borderDash: dashed ? [6, 4] : [],
    pointRadius: 0,
    pointHoverRadius: 3,
    tension: 0
  };
}

function chartOptions(onLegendClick) {
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: {
        type: 'linear',
        min: 1,
        title: { display: true, text: '에포크 (Epoch)' },
        ticks: { precision: 0 }
      },
      y: {
        type: 'linear',
        title: { display: true, text: '손실 (Loss)' },
        ticks: { includeBounds: true }
      }
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: {
          boxWidth: 18,
          filter: function (item, data) {
            var role = data.datasets[item.datasetIndex].pgRole;
            return role !== 'past_val_loss' && role !== 'compare_val_loss';
          }
        },
        onClick: onLegendClick
      },
      tooltip: {
        callbacks: {
          title: function (items) { return items.length ? '에포크 ' + items[0].parsed.x : ''; }
        }
      }
    }
  };
}

/** Creates the chart on canvas and returns its wrapper. */
export function create(canvas) {
  var fontFamily = getComputedStyle(canvas).fontFamily;
  if (fontFamily) Chart.defaults.font.family = fontFamily;
  var pastRuns = [];
  var comparing = false;
  var target = null; /* compare mode: the [loss, val_loss] datasets addPoint fills */
  var framePending = false;
  var range = { min: null, max: null }; /* the student's y range (setRange); null ends are automatic */
  var chart;

  function currentDatasets() {
    return [
      lineDataset('loss (훈련)', 'loss', LOSS_COLOR, 1, false),
      lineDataset('val_loss (검증)', 'val_loss', VAL_COLOR, 1, false)
    ];
  }

  /** Clicking a kept run's legend entry hides both of its curves. */
  function onLegendClick(event, item, legend) {
    var datasets = legend.chart.data.datasets;
    var clicked = datasets[item.datasetIndex];
    var visible = !legend.chart.isDatasetVisible(item.datasetIndex);
    datasets.forEach(function (dataset, index) {
      var sameRun = clicked.pgRun !== undefined && dataset.pgRun === clicked.pgRun;
      if (index === item.datasetIndex || sameRun) {
        legend.chart.setDatasetVisibility(index, visible);
      }
    });
    update();
  }

  chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: currentDatasets() },
    options: chartOptions(onLegendClick)
  });
  canvas.pgChart = chart;

  function render() {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(function () {
      framePending = false;
      update();
    });
  }

  function update() {
    applyYRange();
    chart.update('none');
  }

  /**
   * The y axis's ends: the student's (like plt.ylim), else automatic. A diverged run's last finite losses can reach
   * 1e160 and would flatten every other curve, so while one is drawn the automatic top follows the other curves
   * (the diverged line leaves the chart at the top).
   */
  function applyYRange() {
    var y = chart.options.scales.y;
    y.min = range.min === null || (y.type === 'logarithmic' && range.min <= 0) ? undefined : range.min;
    var top = topWithoutDiverged();
    y.max = range.max !== null ? range.max : top;
    y.ticks.includeBounds = range.max !== null || top === undefined; /* no 1,300 label crowding 1,200 */
  }

  /** Just above every point of the curves that did not diverge; undefined when none diverged or no other has points. */
  function topWithoutDiverged() {
    var datasets = chart.data.datasets;
    if (!datasets.some(function (d) { return d.pgDiverged; })) return undefined;
    var top = 0;
    datasets.forEach(function (d) {
      if (!d.pgDiverged) d.data.forEach(function (point) { top = Math.max(top, point.y); });
    });
    return top > 0 ? roundUp(top * 1.1) : undefined;
  }

  /** Two significant digits, upwards: 0.8074 → 0.81, 1234 → 1300. */
  function roundUp(value) {
    var step = Math.pow(10, Math.floor(Math.log10(value)) - 1);
    return Number((Math.ceil(value / step) * step).toPrecision(2));
  }

  function rebuildDatasets() {
    if (comparing) return;
    var datasets = chart.data.datasets.slice(0, 2);
    pastRuns.forEach(function (run, index) {
      var alpha = 0.45 - 0.1 * (pastRuns.length - 1 - index);
      var loss = lineDataset(run.label, 'past_loss', LOSS_COLOR, alpha, false);
      var val = lineDataset(run.label + ' (val_loss)', 'past_val_loss', VAL_COLOR, alpha, true);
      loss.data = run.loss;
      val.data = run.val;
      loss.pgRun = val.pgRun = run.id;
      loss.pgDiverged = val.pgDiverged = run.diverged;
      datasets.push(loss, val);
    });
    chart.data.datasets = datasets;
    render();
  }

  /** Adds one epoch's logs ({loss, val_loss, ...}) to the current curves (in compare mode: the selected pair). */
  function addPoint(epoch, logs) {
    var datasets = comparing ? target : chart.data.datasets;
    if (!datasets) return;
    if (typeof logs.loss === 'number' && isFinite(logs.loss)) datasets[0].data.push({ x: epoch, y: logs.loss });
    if (typeof logs.val_loss === 'number' && isFinite(logs.val_loss)) {
      datasets[1].data.push({ x: epoch, y: logs.val_loss });
    }
    render();
  }

  /** Empties the current curves; kept runs stay. Leaves compare mode (its curves go). */
  function reset() {
    if (leaveCompare()) return;
    emptyCurrent();
    render();
  }

  /** The current loss and val_loss curves start over, not diverged. */
  function emptyCurrent() {
    chart.data.datasets.slice(0, 2).forEach(function (dataset) {
      dataset.data = [];
      dataset.pgDiverged = false;
      dataset.pointRadius = 0;
    });
    chart.options.scales.x.min = 1;
  }

  /** The curves addPoint fills belong to a run that diverged: they stay, but no longer set the y axis's top. */
  function markDiverged() {
    var datasets = comparing ? target : chart.data.datasets;
    if (!datasets) return;
    datasets[0].pgDiverged = datasets[1].pgDiverged = true;
    datasets[0].pointRadius = 3; /* an explosion is often two or three batches: each one seen */
    chart.options.scales.x.min = 0; /* the first epoch's batch losses lie between 0 and 1 */
    render();
  }

  /** One pair of curves per label, none kept from earlier runs; selectSeries picks the pair to fill. */
  function startCompare(labels) {
    comparing = true;
    target = null;
    pastRuns = [];
    var datasets = [];
    labels.forEach(function (label, i) {
      var color = COMPARE_COLORS[i % COMPARE_COLORS.length];
      var loss = lineDataset(label, 'compare_loss', color, 1, false);
      var val = lineDataset(label + ' (val_loss)', 'compare_val_loss', color, 1, true);
      loss.pgRun = val.pgRun = 'compare' + i;
      loss.pgVariant = val.pgVariant = i;
      datasets.push(loss, val);
    });
    chart.data.datasets = datasets;
    render();
  }

  function selectSeries(index) {
    var datasets = chart.data.datasets;
    target = comparing && datasets[2 * index] ? [datasets[2 * index], datasets[2 * index + 1]] : null;
  }

  /** Renames pair index (its val_loss curve gets " (val_loss)" after the label). */
  function labelSeries(index, label) {
    var datasets = chart.data.datasets;
    if (!comparing || !datasets[2 * index]) return;
    datasets[2 * index].label = label;
    datasets[2 * index + 1].label = label + ' (val_loss)';
    render();
  }

  /** Back to the single-run curves; false when not comparing. */
  function leaveCompare() {
    if (!comparing) return false;
    comparing = false;
    target = null;
    chart.data.datasets = currentDatasets();
    render();
    return true;
  }

  /**
   * Moves the current curves into the kept runs (at most PAST_RUNS, oldest dropped) with a tag the
   * caller uses later to label them, and empties the current curves.
   */
  function keepCurrent(tag, id) {
    if (leaveCompare()) return;
    var datasets = chart.data.datasets;
    if (datasets[0].data.length === 0 && datasets[1].data.length === 0) return;
    pastRuns.push({
      id: id, tag: tag, label: '', loss: datasets[0].data, val: datasets[1].data, diverged: !!datasets[0].pgDiverged
    });
    while (pastRuns.length > PAST_RUNS) pastRuns.shift();
    emptyCurrent();
    rebuildDatasets();
  }

  /** Relabels every kept run with labelFor(tag). */
  function labelPast(labelFor) {
    pastRuns.forEach(function (run) { run.label = labelFor(run.tag, run.id); });
    rebuildDatasets();
  }

  /** The tags of the kept runs, oldest first. */
  function pastTags() {
    return pastRuns.map(function (run) { return run.tag; });
  }

  /** Stretches the x axis over the run's epochs, so the curves grow from left to right. */
  function setEpochs(epochs) {
    chart.options.scales.x.suggestedMax = epochs > 1 ? epochs : undefined;
    render();
  }

  function setLogScale(on) {
    chart.options.scales.y.type = on ? 'logarithmic' : 'linear';
    update();
  }

  /** Fixes the y range like plt.ylim; null leaves that end automatic. */
  function setRange(min, max) {
    range = { min: min, max: max };
    update();
  }

  return {
    chart: chart,
    addPoint: addPoint,
    reset: reset,
    keepCurrent: keepCurrent,
    labelPast: labelPast,
    pastTags: pastTags,
    setEpochs: setEpochs,
    setLogScale: setLogScale,
    setRange: setRange,
    startCompare: startCompare,
    selectSeries: selectSeries,
    labelSeries: labelSeries,
    markDiverged: markDiverged
  };
}
