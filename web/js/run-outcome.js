/*
 * What a run's end means, in Korean, pure (no DOM), so node --test runs it: the error titles, the facts of a started
 * event, whether a run that ended learned anything (fitVerdict), and a diverged run's curve up to the explosion.
 */

export const ERROR_TITLES = {
  diverged: '훈련이 발산했습니다',
  timeout: '시간 제한을 넘었습니다',
  too_expensive: '계산량이 예산을 넘습니다',
  busy: '서버가 지금 바쁩니다',
  shutting_down: '서버가 다시 시작되는 중입니다',
  invalid_config: '설정에 오류가 있습니다',
  rate_limited: '실행 요청이 너무 잦습니다',
  invalid_message: '서버가 요청을 이해하지 못했습니다'
};
export const RESTARTED = '서버가 다시 시작되었습니다 — 다시 실행';
/** Errors after which simply pressing Run again (a little later) is the remedy. */
export const RETRYABLE = ['busy', 'shutting_down', 'rate_limited'];
/** Accuracy up to chance (1 / classes) plus this is guessing, not learning. */
export const CHANCE_MARGIN = 0.05;
/** A learning rate this many times its optimizer's Keras default is the likely culprit. */
const LARGE_RATE_FACTOR = 100;

/** ", 훈련 323행 · 검증 81행 · 에포크마다 21번 업데이트" from a started event that has them. */
export function startedFacts(event) {
  if (typeof event.train_rows !== 'number') return '';
  let facts = ', 훈련 ' + event.train_rows + '행';
  if (event.validation_rows) facts += ' · 검증 ' + event.validation_rows + '행';
  if (event.steps_per_epoch) facts += ' · 에포크마다 ' + event.steps_per_epoch + '번 업데이트';
  return facts;
}

/**
 * Why a run that ended did not learn, or null when it did: a test R² below 0 (worse than always answering the mean)
 * or an accuracy at chance. The cause named first is the likelier one: normalization off on a table (its features'
 * scales differ; the generated 2-D sets are all of one scale), then a learning rate far above (or below) its
 * optimizer's default, else the model or the epochs. facts: {normalize, learningRate, defaultRate, generated, classes}.
 */
export function fitVerdict(test, facts) {
  if (!test) return null;
  let what = null;
  if (typeof test.r2 === 'number' && test.r2 < 0) {
    what = '테스트 R²(' + test.r2.toFixed(2) + ')가 0보다 작아, 늘 평균을 답하는 것보다 못합니다.';
  } else if (typeof test.accuracy === 'number' && facts.classes >= 2
      && test.accuracy <= 1 / facts.classes + CHANCE_MARGIN) {
    what = '테스트 정확도(' + test.accuracy.toFixed(2) + ')가 찍어서 맞히는 정도(클래스 ' + facts.classes + '개: '
      + (1 / facts.classes).toFixed(2) + ')입니다.';
  }
  if (!what) return null;
  return '학습이 제대로 되지 않았습니다: ' + what + ' ' + causes(facts).join(' ');
}

function causes(facts) {
  const found = [];
  const largeRate = facts.defaultRate > 0 && facts.learningRate >= LARGE_RATE_FACTOR * facts.defaultRate;
  if (facts.normalize === false && !facts.generated) {
    found.push('입력 정규화(normalize)가 꺼져 있습니다: 특성마다 크기가 크게 다르면 경사 하강이 한 특성에 끌려다닙니다. 정규화를 켜 보세요.');
  }
  if (largeRate) {
    found.push('학습률(' + facts.learningRate + ')이 이 옵티마이저의 기본값(' + facts.defaultRate + ')보다 훨씬 큽니다. 10배 작게 해 보세요.');
  } else if (facts.defaultRate > 0 && facts.learningRate <= facts.defaultRate / LARGE_RATE_FACTOR) {
    found.push('학습률(' + facts.learningRate + ')이 너무 작아 가중치가 거의 움직이지 않았습니다. 10배씩 키워 보세요.');
  }
  if (!found.length) found.push('에포크를 늘리거나 층의 유닛 수를 바꿔 보세요.');
  return found;
}

/**
 * A diverged event's batch losses as chart points: the exploding epoch's steps at fractions of that epoch, after
 * the epochs that ended (epoch 3 of 21 steps: 2.048, 2.095, …).
 */
export function divergedPoints(event) {
  const losses = Array.isArray(event.batch_losses) ? event.batch_losses : [];
  const epoch = typeof event.epoch === 'number' ? event.epoch : 1;
  return losses.filter((y) => typeof y === 'number' && isFinite(y) && y > 0)
    .map((y, i) => ({ x: epoch - 1 + (i + 1) / (losses.length + 1), y }));
}

/** fitVerdict's facts of a run document: its normalization, learning rate and its optimizer's default, the data set. */
export function verdictFacts(doc, info, vocabulary) {
  const optimizer = (doc.compile && doc.compile.optimizer) || {};
  const entry = vocabulary.entry('optimizers', optimizer.name);
  const rate = entry && (entry.params || []).find((p) => p.name === 'learning_rate');
  const defaultRate = rate ? rate.default : null;
  return {
    normalize: !!(doc.model && doc.model.normalize),
    learningRate: typeof optimizer.learning_rate === 'number' ? optimizer.learning_rate : defaultRate,
    defaultRate,
    generated: !!(info && info.generated),
    classes: info && info.classes ? info.classes.length : 0
  };
}
