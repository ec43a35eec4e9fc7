/*
 * Compare mode (data-compare="batch_size=323,1,16"): "비교 실행" runs the document once per value, one run client
 * after the other, into one pair of curves per value (loss-chart.js compare mode) and a row of compare-table.js
 * each. A value that diverges is an answer (a learning rate too high), so the comparison goes on; any other error,
 * Stop, or a dropped connection ends it and marks the rest as not run; a value that diverged or ended without
 * learning (widget.verdict) is named in the banner with its likelier cause. Runs of a one-layer model draw their
 * weights side by side. Test hooks: root data-compare-state = running | done | cancelled | error | disconnected, and
 * data-variant = "2/3" while it runs.
 */
import { copyDoc, getPath } from './widget-state.js';
import { variants } from './compare-spec.js';
import { create as createTable, duration } from './compare-table.js';
import { withCommas } from './widget-dom.js';

/**
 * widget: the parts of one widget a comparison drives: root, lossChart, weightsView, banner, settings, and
 * newRun(doc, timing, mode), execute(run), setState, setStatus, clearResults, renderHistory, runError,
 * forgetLastRun, errorTitle(code), disconnected(outcome), verdict(doc, test) (run-outcome.js's fitVerdict).
 */
export function createCompareMode(spec, widget) {
  const table = createTable(spec);
  let series = null; /* the comparison in progress: {variants, index, stopped, seed, entries, troubles} */

  function mode(variant) {
    return {
      variant,
      prefix: () => (variant.index + 1) + '/' + series.variants.length + ': ' + variant.label + ' · ',
      started(event, run) {
        table.started(variant.index, event, run.epochs);
        if (series.seed === null && spec.control !== 'seed') {
          series.seed = event.seed;
          table.setSeed(event.seed);
        }
      }
    };
  }

  /** Runs every variant of doc in turn; timing is the click's, for the first run. */
  async function run(doc, timing) {
    const seed = doc.seed === undefined ? null : doc.seed;
    const list = variants(spec, copyDoc(doc), seed);
    series = { variants: list, index: 0, stopped: false, seed, entries: [], troubles: [] };
    widget.forgetLastRun();
    widget.lossChart.startCompare(list.map((v) => v.label));
    widget.lossChart.setEpochs(Math.max(...list.map((v) => getPath(v.doc, 'fit.epochs') || 1)));
    widget.renderHistory();
    widget.clearResults();
    table.begin(list);
    table.setSeed(seed);
    widget.root.setAttribute('data-compare-state', 'running');
    let ending = { state: 'done' };
    for (const variant of list) {
      series.index = variant.index;
      if (series.stopped) { ending = { state: 'cancelled' }; break; }
      ending = await runVariant(variant, variant.index === 0 ? timing : { clicked: performance.now() });
      if (ending.state !== 'done') break;
      widget.setState('running');
    }
    if (ending.state === 'done') series.index = list.length;
    end(ending.state);
    if (ending.state === 'disconnected') widget.disconnected(ending);
  }

  /** One variant's run: {state: 'done'} to go on with the next, else the outcome that ends the comparison. */
  async function runVariant(variant, timing) {
    if (variant.doc.seed === undefined && series.seed !== null) variant.doc.seed = series.seed;
    widget.root.setAttribute('data-variant', (variant.index + 1) + '/' + series.variants.length);
    table.running(variant.index);
    widget.lossChart.selectSeries(variant.index);
    const current = widget.newRun(variant.doc, timing, mode(variant));
    const outcome = await widget.execute(current);
    const event = outcome.event;
    if (outcome.state === 'done') finished(variant, current, event);
    if (outcome.state !== 'error') return outcome;
    table.failed(variant.index, widget.errorTitle(event.code) || '오류');
    if (event.code !== 'diverged') {
      widget.runError(event);
      return outcome;
    }
    trouble(variant, event.message, true);
    return { state: series.stopped ? 'error' : 'done' };
  }

  /** A compared run ended well: its row, its legend label, its weights beside the others'. */
  function finished(variant, current, event) {
    table.finished(variant.index, { elapsedMs: event.elapsed_ms, loss: current.loss, val: current.val, test: event.test });
    const facts = [];
    if (current.stepsPerEpoch) facts.push('업데이트 ' + withCommas(current.epochs * current.stepsPerEpoch) + '번');
    if (typeof event.elapsed_ms === 'number') facts.push(duration(event.elapsed_ms));
    widget.lossChart.labelSeries(variant.index, variant.label + (facts.length ? ' (' + facts.join(', ') + ')' : ''));
    const verdict = widget.verdict(variant.doc, event.test);
    if (verdict) trouble(variant, verdict, false);
    if (event.feature_weights) {
      series.entries.push({ label: variant.label, weights: event.feature_weights });
      widget.weightsView.show(series.entries, widget.settings.currentDataset());
    }
  }

  /**
   * A compared run diverged, or ended without learning: the banner names each variant that did with its likelier
   * cause (normalization off, a learning rate too large), and a new comparison clears it. No note beside the form's
   * control: it holds the document's value, not necessarily the variant's.
   */
  function trouble(variant, text, diverged) {
    series.troubles.push({ label: variant.label, text: variant.label + ': ' + text, diverged });
    const group = (diverged, title) => {
      const labels = series.troubles.filter((d) => d.diverged === diverged).map((d) => d.label);
      return labels.length ? [labels.join(', ') + ': ' + title] : [];
    };
    const title = group(true, widget.errorTitle('diverged')).concat(group(false, '제대로 배우지 못했습니다')).join(' · ');
    widget.banner.show(title, series.troubles.map((d) => d.text), false);
  }

  /** Ends the comparison (once) in state; the rows not run say why. */
  function end(state) {
    if (!series) return;
    const finishedSeries = series;
    series = null;
    widget.root.removeAttribute('data-variant');
    widget.root.setAttribute('data-compare-state', state);
    table.skipped(finishedSeries.index, state === 'cancelled' ? '중지함' : '실행 안 함');
    widget.setState(state);
    if (state === 'done') widget.setStatus('비교를 마쳤습니다: ' + finishedSeries.variants.length + '번 실행.');
    else if (state === 'cancelled') widget.setStatus('비교를 중지했습니다.');
    widget.renderHistory();
  }

  return {
    element: table.element,
    run,
    /** Whether a comparison is under way (a link opened meanwhile keeps its banner). */
    active: () => series !== null,
    /** Stop: the current run is cancelled and no further variant starts. */
    stop() { if (series) series.stopped = true; },
    hide: table.hide
  };
}
