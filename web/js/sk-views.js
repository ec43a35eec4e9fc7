/*
 * What a scikit-learn run shows, as it grows and when it is done: the decision regions over the plane for 2-D sets
 * (decision-plane.js; k-means' points coloured by cluster with their centres, replayed iteration by iteration, and a
 * tree's regions depth by depth: sk-replay.js), the train and test score as trees, rounds or depth are added (live
 * from the step events' points), a sweep's scores or inertia against its parameter (KNN's k, the elbow), the inertia
 * per k-means iteration, the tree as a diagram (sk-tree.js), then the scores, confusion matrix and learned values
 * (sk-results.js).
 *
 * createSkViews() → {element, wide (the tree, as wide as the widget), start({estimator, info, doc, sweep, twoD,
 * params, preprocessed}), step(event), planeEvent(event), done(event)}. Test hooks: .pg-plane canvas (canvas.pgPlane), .pg-sk-staged canvas, .pg-sk-sweep canvas,
 * .pg-sk-inertia canvas (each canvas.pgChart), .pg-sk-replay (sk-replay.js), .pg-sk-results.
 */
import { el } from './widget-dom.js';
import { create as createPlane } from './decision-plane.js';
import { createSeriesChart } from './sk-chart.js';
import { createTreeView } from './sk-tree.js';
import { confusion, learned, scores } from './sk-results.js';
import { rowSource } from './sk-rows.js';
import { createReplay } from './sk-replay.js';

/** The x axis of a staged fit, by what its steps add. */
const STAGE_AXES = { tree: '트리 수', round: '부스팅 라운드', depth: '트리 깊이' };

function chartBox(className, title) {
  const canvas = el('canvas', { role: 'img', 'aria-label': title });
  const heading = el('h4', { text: title });
  const box = el('div', { className: 'pg-sk-chart ' + className }, [heading, el('div', { className: 'pg-sk-canvas' }, [canvas])]);
  box.hidden = true;
  return { box, canvas, heading };
}

export function createSkViews() {
  const planeCanvas = el('canvas', { role: 'img', 'aria-label': '평면 위 모델의 예측과 데이터 점' });
  const planeHint = el('p', { className: 'pg-hint' });
  const replay = createReplay();
  const planeBox = el('div', { className: 'pg-plane', 'data-testid': 'pg-plane' }, [planeCanvas, replay.element, planeHint]);
  const staged = chartBox('pg-sk-staged', '점수');
  const sweep = chartBox('pg-sk-sweep', '스윕');
  const sweepNote = el('p', { className: 'pg-hint pg-sk-sweep-best' });
  sweep.box.appendChild(sweepNote);
  const inertia = chartBox('pg-sk-inertia', 'k-평균 반복마다 관성 (inertia)');
  const tree = createTreeView();
  const results = el('div', { className: 'pg-sk-results', 'aria-live': 'polite' });
  const element = el('div', { className: 'pg-sk-views' }, [
    el('div', { className: 'pg-sk-row' }, [planeBox, staged.box, sweep.box, inertia.box]), results
  ]);
  const plane = createPlane(planeCanvas);
  const charts = {};
  let run = null; /* start()'s value with the run's points, grid, iterations and k-means init, of the run shown */

  /** The Chart.js charts are made on first use, once their box is in the page. */
  function chart(name, part, spec) {
    part.box.hidden = false;
    if (!charts[name]) charts[name] = createSeriesChart(part.canvas, spec);
    return charts[name];
  }

  function scoreAxis() {
    return run.estimator.task === 'regression' ? 'R² (score)' : '정확도 (score)';
  }

  function scoreSeries() {
    return [{ key: 'train', label: '훈련 (train)' }, { key: 'test', label: '시험 (test)', dashed: true }];
  }

  function stagedChart(kind) {
    staged.heading.textContent = (STAGE_AXES[kind] || kind) + '에 따른 점수';
    const c = chart('staged', staged, { x: STAGE_AXES[kind] || kind, y: scoreAxis(), series: scoreSeries() });
    c.chart.options.scales.x.title.text = STAGE_AXES[kind] || kind;
    return c;
  }

  function sweepChart() {
    const clustering = run.estimator.task === 'clustering';
    sweep.heading.textContent = clustering ? '팔꿈치 그림: ' + run.sweep.param + '에 따른 관성 (inertia)'
      : run.sweep.param + '에 따른 점수';
    const c = chart('sweep', sweep, { x: run.sweep.param, y: clustering ? '관성 (inertia)' : scoreAxis(),
      series: clustering ? [{ key: 'inertia', label: '관성 (inertia)' }] : scoreSeries() });
    c.chart.options.scales.x.title.text = run.sweep.param;
    return c;
  }

  function inertiaChart() {
    return chart('inertia', inertia, { x: '반복 (iteration)', y: '관성 (inertia)', series: [{ key: 'inertia', label: '관성' }] });
  }

  /** "시험 점수가 가장 높은 n_neighbors: 8 (0.9667)", the first of equals; none for the elbow (its k is read off the bend). */
  function bestOfSweep(result) {
    if (!Array.isArray(result.test) || !result.test.length) return '';
    let best = 0;
    result.test.forEach((v, i) => { if (v > result.test[best]) best = i; });
    return '시험 점수가 가장 높은 ' + result.param + ': ' + result.values[best] + ' (' + Number(result.test[best].toFixed(4)) + ')';
  }

  /* ----- the plane ----- */

  function applyPlane(value) {
    if (!value || !run.twoD) return;
    planeBox.hidden = false;
    if (value.points) setPoints(value.points);
    const grid = value.grid || (Array.isArray(value.values) ? value : null);
    if (grid) {
      run.grid = grid;
      plane.setGrid(grid);
    }
  }

  function setPoints(points) {
    run.points = { train: points.train || [], test: points.test || [] };
    plane.setPoints(run.points);
  }

  /**
   * k-means: the points in their cluster's colour (labels run over the training rows, then the test rows; without
   * them, each point takes its nearest centre, as the next assignment would) and the centres, which the server gives
   * in the data's own space (preprocessing undone).
   */
  function showClusters(centers, labels) {
    if (!run.twoD || !run.points) return;
    const all = run.points.train.concat(run.points.test);
    const cluster = (p, i) => {
      if (Array.isArray(labels) && labels[i] !== undefined) return labels[i];
      if (!centers) return p[2];
      let best = 0;
      centers.forEach((c, k) => {
        if ((p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 < (p[0] - centers[best][0]) ** 2 + (p[1] - centers[best][1]) ** 2) best = k;
      });
      return best;
    };
    const coloured = all.map((p, i) => [p[0], p[1], cluster(p, i)]);
    const n = run.points.train.length;
    plane.setPoints({ train: coloured.slice(0, n), test: coloured.slice(n) });
    if (centers) plane.setCenters(centers.map((c) => [c[0], c[1]]));
    planeBox.hidden = false;
  }

  /** k-means, iteration by iteration: the centres of each and the points by their nearest centre. */
  function replayIterations(iterations) {
    replay.load({
      count: iterations.length,
      play: '▶ 반복 다시 보기',
      label: (i) => '반복 ' + i + ' / ' + iterations.length + ' · 관성 ' + Number(iterations[i - 1].inertia.toPrecision(6)),
      show: (i) => {
        const centers = iterations[i - 1].centers;
        if (!centers) return;
        showClusters(centers, null);
        if (run.grid) plane.setGrid(nearestCentreGrid(run.grid, centers));
      }
    });
  }

  /** The regions of an iteration's centres over the done's grid: each cell the cluster of its nearest centre. */
  function nearestCentreGrid(grid, centers) {
    const n = grid.size;
    const classes = [];
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const x = grid.x_range[0] + (col + 0.5) / n * (grid.x_range[1] - grid.x_range[0]);
        const y = grid.y_range[0] + (row + 0.5) / n * (grid.y_range[1] - grid.y_range[0]);
        let best = 0;
        centers.forEach((c, k) => {
          if ((x - c[0]) ** 2 + (y - c[1]) ** 2 < (x - centers[best][0]) ** 2 + (y - centers[best][1]) ** 2) best = k;
        });
        classes.push(best);
      }
    }
    return Object.assign({}, grid, { classes, values: classes.map(() => 1) });
  }

  /** A tree cut at each depth (done.depth_planes, epoch = the depth), up to the tree's own regions. */
  function replayDepths(planes) {
    replay.load({
      count: planes.length,
      play: '▶ 깊이 다시 보기',
      label: (i) => '깊이 ' + planes[i - 1].epoch + ' / ' + planes[planes.length - 1].epoch,
      show: (i) => plane.setGrid(planes[i - 1])
    });
  }

  /* ----- a run's events ----- */

  function start(value) {
    run = Object.assign({ points: null, iterations: [], init: null }, value);
    replay.hide();
    Object.values(charts).forEach((c) => c.reset());
    [staged, sweep, inertia].forEach((part) => { part.box.hidden = true; });
    sweepNote.textContent = '';
    planeBox.hidden = true;
    plane.reset();
    const clusters = run.estimator.task === 'clustering';
    plane.setTask(clusters ? 'multiclass' : run.info && run.info.task, clusters ? '군집' : run.info && run.info.classes);
    planeHint.textContent = clusters ? '점의 색: 묶음(군집) · 큰 점: 중심점(cluster_centers_)' : '배경: 모델의 예측';
    tree.clear();
    results.textContent = '';
  }

  /**
   * A step event: a sweep's values or a staged fit's scores since the last event (points), a k-means iteration
   * (of the init being run: the curve starts again with each init), a plane.
   */
  function step(event) {
    if (event.kind === 'sweep') {
      (event.points || [event]).forEach((p) => sweepChart().addPoint(p.value, p));
    } else {
      (event.points || []).forEach((p) => stagedChart(event.kind).addPoint(p.index, p));
    }
    if (event.kind === 'iteration' && typeof event.inertia === 'number' && !run.sweep) {
      if (event.init !== run.init) {
        run.init = event.init;
        inertiaChart().reset();
      }
      inertiaChart().addPoint(event.index, event);
      showClusters(event.centers, event.labels);
    }
    applyPlane(event.plane);
  }

  function planeEvent(event) {
    if (event.type === 'points') applyPlane({ points: event });
    else applyPlane({ grid: event });
  }

  function done(event) {
    applyPlane(event.plane);
    if (event.staged && event.staged.index) {
      stagedChart(event.staged.kind).setAll(event.staged.index, event.staged);
    }
    if (event.sweep && run.sweep) {
      sweepChart().setAll(event.sweep.values, event.sweep);
      sweepNote.textContent = bestOfSweep(event.sweep);
    }
    if (Array.isArray(event.iterations) && event.iterations.length && !run.sweep) {
      run.iterations = event.iterations;
      inertiaChart().setAll(event.iterations.map((_, i) => i + 1), { inertia: event.iterations.map((it) => it.inertia) });
      if (run.twoD) replayIterations(event.iterations);
    }
    if (run.estimator.task === 'clustering') { /* a sweep's done is the document's own fit too */
      /* cluster_centers_ are in the estimator's space; the last iteration's are in the data's, where the points are */
      const last = run.iterations[run.iterations.length - 1];
      showClusters(last && last.centers ? last.centers : run.preprocessed ? null : event.cluster_centers, event.labels);
    }
    if (event.tree) tree.show(event.tree, criterion(event.tree), rowSource(run.doc, event));
    if (run.twoD && Array.isArray(event.depth_planes)) replayDepths(event.depth_planes);
    showResults(event);
  }

  /** The impurity a tree's boxes name: the server's word, else the first choice parameter (criterion in 1.2's order). */
  function criterion(value) {
    if (value.criterion) return value.criterion;
    const param = (run.estimator.params || []).find((p) => p.kind === 'choice');
    return param ? String(run.params[param.name] !== undefined ? run.params[param.name] : param.default) : 'impurity';
  }

  function showResults(event) {
    const info = run.info || {};
    results.textContent = '';
    results.appendChild(scores(event));
    const m = event.metrics || {};
    if (m.confusion_matrix) results.appendChild(confusion(m.confusion_matrix, info.classes));
    learned(event, event.feature_names || info.features || [], info.classes).forEach((part) => results.appendChild(part));
    if (typeof event.train_rows === 'number') {
      results.appendChild(el('p', { className: 'pg-fit-note', text: event.test_rows ? '훈련 ' + event.train_rows + '행 · 시험 '
        + event.test_rows + '행' : '데이터 ' + event.train_rows + '행 전부로 학습 (정답 열은 쓰지 않음)' }));
    }
  }

  return { element, wide: tree.element, start, step, planeEvent, done };
}
