import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitVerdict, divergedPoints, CHANCE_MARGIN } from '../js/run-outcome.js';

const BOSTON = { normalize: true, learningRate: 0.01, defaultRate: 0.001, generated: false, classes: 0 };

test('a run that learned gets no verdict', () => {
  assert.equal(fitVerdict({ loss: 13, r2: 0.84 }, BOSTON), null);
  assert.equal(fitVerdict({ loss: 0.1, accuracy: 0.97 }, { ...BOSTON, classes: 2 }), null);
});

test('R² below 0 is flagged, and with normalization off on a table the cause named first is normalization', () => {
  const verdict = fitVerdict({ loss: 2184, r2: -25.24 }, { ...BOSTON, normalize: false, learningRate: 10 });
  assert.match(verdict, /^학습이 제대로 되지 않았습니다: 테스트 R²\(-25\.24\)가 0보다 작아/);
  assert.ok(verdict.indexOf('정규화') < verdict.indexOf('학습률'), verdict);
  assert.match(verdict, /학습률\(10\)/, 'Adam at 10 is far above its default 0.001 too');
});

test('with normalization on, a learning rate far above the default is named, not normalization', () => {
  const verdict = fitVerdict({ r2: -3 }, { ...BOSTON, learningRate: 10 });
  assert.doesNotMatch(verdict, /정규화/);
  assert.match(verdict, /학습률\(10\)이 이 옵티마이저의 기본값\(0\.001\)보다/);
});

test('a generated 2-D set is never blamed on normalization', () => {
  const verdict = fitVerdict({ accuracy: 0.5 }, { normalize: false, learningRate: 0.01, defaultRate: 0.001,
    generated: true, classes: 2 });
  assert.doesNotMatch(verdict, /정규화/);
  assert.match(verdict, /에포크를 늘리거나/);
});

test('accuracy at chance (1 / classes + a margin) is flagged; just above it is not', () => {
  const three = { ...BOSTON, classes: 3 };
  assert.match(fitVerdict({ accuracy: 1 / 3 + CHANCE_MARGIN }, three), /찍어서 맞히는 정도\(클래스 3개: 0\.33\)/);
  assert.equal(fitVerdict({ accuracy: 1 / 3 + CHANCE_MARGIN + 0.01 }, three), null);
});

test('a diverged epoch becomes points at fractions of that epoch, finite ones only', () => {
  const points = divergedPoints({ epoch: 3, batch_losses: [10, 1e6, 1e30] });
  assert.deepEqual(points.map((p) => p.x), [2.25, 2.5, 2.75]);
  assert.deepEqual(points.map((p) => p.y), [10, 1e6, 1e30]);
  assert.deepEqual(divergedPoints({ epoch: 1 }), []);
});

test('a learning rate a hundred times below the default is named as too small', () => {
  const verdict = fitVerdict({ r2: -0.5 }, { ...BOSTON, learningRate: 0.000001, defaultRate: 0.01 });
  assert.match(verdict, /학습률\(0\.000001\)이 너무 작아/);
  assert.doesNotMatch(verdict, /에포크를 늘리거나/);
});
