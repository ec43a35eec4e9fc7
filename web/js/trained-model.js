/*
 * After a run, what the trained model itself says: where EarlyStopping stopped (Keras's 0-based stopped_epoch
 * beside the epoch count the chart shows), the test split's confusion matrix as a coloured grid (classification),
 * and "모델 내려받기": a JSON file of the run document (the layer config, Keras's names) and the trained weights in
 * model.get_weights() order, which the Keras code's set_weights block opens. The file name and the size limit come
 * from the vocabulary's model_download. Test hooks: section.pg-trained, .pg-stopping, .pg-confusion,
 * button.pg-download-model, .pg-download-note.
 */
import { el, withCommas } from './widget-dom.js';
import { confusionGrid } from './confusion-grid.js';

/** The downloaded file's contents: what bench/forward_pass.py and Keras's set_weights read. */
function download(run, event) {
  return {
    format: 'deep-learning-playground/keras-weights',
    config: run.doc,
    seed: run.seed,
    test: event.test,
    stopped_epoch: event.stopped_epoch,
    best_epoch: event.best_epoch,
    weights: event.weights
  };
}

/** "에포크 12에서 멈췄습니다 …" for a done event with EarlyStopping. */
function stoppingText(event, epochsRun) {
  if (event.stopped_epoch > 0) {
    return 'EarlyStopping: 에포크 ' + (event.stopped_epoch + 1) + '에서 훈련을 멈췄습니다 (Keras의 stopped_epoch = '
      + event.stopped_epoch + ', 0부터 셉니다). 가장 좋았던 에포크: ' + (event.best_epoch + 1) + '.';
  }
  return 'EarlyStopping: 멈출 때가 오지 않아 ' + epochsRun + '에포크를 모두 훈련했습니다 (stopped_epoch = 0). 가장 좋았던 에포크: '
    + (event.best_epoch + 1) + '.';
}

/** options: vocabulary. Returns {element, show(event, run, info), clear()}. */
export function createTrainedModel(options) {
  const limits = options.vocabulary.options.model_download || {};
  const stopping = el('p', { className: 'pg-stopping', 'aria-live': 'polite' });
  const confusion = el('div', { className: 'pg-confusion-box' });
  const button = el('button', { type: 'button', className: 'pg-download-model', 'data-testid': 'pg-download-model', text: '모델 내려받기' });
  const note = el('p', { className: 'pg-download-note pg-hint' });
  const element = el('section', { className: 'pg-trained', 'aria-label': '학습된 모델' },
    [stopping, confusion, el('div', { className: 'pg-download' }, [button, note])]);
  let file = null;

  button.addEventListener('click', () => {
    if (!file) return;
    const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
    const link = el('a', { href: URL.createObjectURL(blob), download: limits.file || 'model.json' });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    note.textContent = (limits.file || 'model.json') + '을(를) 내려받았습니다. 코드 패널의 set_weights 부분으로 Keras에서 불러올 수 있습니다.';
  });

  function clear() {
    element.hidden = true;
    file = null;
  }

  function show(event, run, info) {
    stopping.hidden = typeof event.stopped_epoch !== 'number';
    if (!stopping.hidden) stopping.textContent = stoppingText(event, run.loss.length);
    const matrix = event.test && event.test.confusion_matrix;
    confusion.textContent = '';
    if (Array.isArray(matrix)) confusion.appendChild(confusionGrid(matrix, info && info.classes));
    file = Array.isArray(event.weights) ? download(run, event) : null;
    button.disabled = !file;
    note.textContent = file
      ? '학습된 가중치(model.get_weights() 순서)와 층 설정을 JSON으로 받습니다.'
      : '가중치가 ' + withCommas(limits.max_params) + '개를 넘는 모델은 내려받을 수 없습니다. 층의 유닛 수를 줄여 보세요.';
    element.hidden = false;
  }

  clear();
  return { element, show, clear };
}
