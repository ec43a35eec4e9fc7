import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPacer, epochsPerSecond, SPEEDS } from '../js/playback-pace.js';

/** A run's events as a fast server sends them: everything at once, epochs coalesced, a grid every 10 epochs. */
function fastRun(epochs) {
  const events = [{ type: 'started', seed: 1 }, { type: 'summary' }, { type: 'grid', epoch: 0 }];
  const items = [];
  for (let e = 1; e <= epochs; e++) {
    items.push({ epoch: e, logs: { loss: 1 / e } });
    if (e % 10 === 0) {
      events.push({ type: 'epochs', items: items.splice(0) }, { type: 'grid', epoch: e });
    }
  }
  if (items.length) events.push({ type: 'epochs', items });
  events.push({ type: 'done', test: {} });
  return events;
}

/** Plays the pacer from 0 ms in steps of `stepMs`; the time (ms) at which each released event came out. */
function play(pacer, stepMs, untilMs) {
  const released = [];
  for (let t = 0; t <= untilMs; t += stepMs) pacer.take(t).forEach((event) => released.push({ t, event }));
  return released;
}

test('보통 plays a 100-epoch run in about three seconds, one epoch after another', () => {
  const pacer = createPacer({ epochs: 100, speed: 'normal' });
  fastRun(100).forEach((event) => pacer.push(event));
  const released = play(pacer, 16, 10000);
  const epochs = released.filter((r) => r.event.type === 'epoch');
  assert.deepEqual(epochs.map((r) => r.event.epoch), Array.from({ length: 100 }, (_, i) => i + 1));
  const last = epochs[epochs.length - 1].t;
  assert.ok(last >= 2900 && last <= 3100, 'the last epoch at ' + last + ' ms');
  const half = epochs.find((r) => r.event.epoch === 50).t;
  assert.ok(half >= 1400 && half <= 1600, 'epoch 50 at ' + half + ' ms');
  assert.equal(released[released.length - 1].event.type, 'done', 'done comes after the last epoch');
});

test('started, summary and the untrained grid come out at once; each grid with its epoch', () => {
  const pacer = createPacer({ epochs: 100 });
  fastRun(100).forEach((event) => pacer.push(event));
  assert.deepEqual(pacer.take(0).map((e) => e.type), ['started', 'summary', 'grid', 'epoch']);
  const released = play(pacer, 16, 10000).map((r) => r.event);
  const grid30 = released.findIndex((e) => e.type === 'grid' && e.epoch === 30);
  assert.equal(released[grid30 - 1].epoch, 30, 'the grid of epoch 30 right after epoch 30');
  assert.equal(released[grid30 + 1].epoch, 31);
});

test('the speeds play the same run slower and faster; a short run still takes a moment', () => {
  assert.deepEqual(SPEEDS.map((s) => s.label), ['느리게', '보통', '빠르게']);
  assert.ok(epochsPerSecond(100, 'slow') < epochsPerSecond(100, 'normal'));
  assert.ok(epochsPerSecond(100, 'normal') < epochsPerSecond(100, 'fast'));
  assert.equal(epochsPerSecond(1000, 'normal'), 1000 / 3);
  assert.equal(epochsPerSecond(5, 'normal'), 5, 'a 5-epoch run plays in a second, not in three');
  assert.equal(epochsPerSecond(100, 'no-such-speed'), epochsPerSecond(100, 'normal'));
});

test('changing the speed mid-playback changes the pace from then on', () => {
  const pacer = createPacer({ epochs: 100, speed: 'normal' });
  fastRun(100).forEach((event) => pacer.push(event));
  play(pacer, 10, 1500);
  const at = pacer.shownEpoch();
  assert.ok(at >= 49 && at <= 51, 'half way at 1.5 s: ' + at);
  pacer.setSpeed('fast'); /* 100 epochs a second */
  pacer.take(1600);
  assert.ok(pacer.shownEpoch() >= at + 9 && pacer.shownEpoch() <= at + 11, 'ten more epochs in 0.1 s: ' + pacer.shownEpoch());
});

test('즉시 releases everything buffered, and later events at once', () => {
  const pacer = createPacer({ epochs: 100 });
  const events = fastRun(100);
  events.slice(0, 5).forEach((event) => pacer.push(event));
  pacer.take(0);
  pacer.take(100);
  pacer.skip();
  const out = pacer.take(101);
  assert.ok(out.length > 5);
  assert.equal(pacer.pending(), 0);
  events.slice(5).forEach((event) => pacer.push(event));
  const rest = pacer.take(102);
  assert.equal(rest[rest.length - 1].type, 'done');
  assert.equal(pacer.shownEpoch(), 100);
});

test('a run slower than the pace is shown as it arrives, and a late burst is paced, not flushed', () => {
  const pacer = createPacer({ epochs: 100, speed: 'normal' }); /* 33 epochs a second */
  pacer.push({ type: 'epoch', epoch: 1, logs: {} });
  assert.equal(pacer.take(0).length, 1, 'the first epoch at once');
  assert.deepEqual(pacer.take(5000), [], 'nothing more has arrived');
  pacer.push({ type: 'epoch', epoch: 2, logs: {} });
  assert.equal(pacer.take(5001).length, 1, 'caught up with a slow server: its next epoch shows as it arrives');
  /* the server then sends 30 epochs at once, five seconds on: they play over a second, not in one frame */
  for (let e = 3; e <= 32; e++) pacer.push({ type: 'epoch', epoch: e, logs: {} });
  const first = pacer.take(5016);
  assert.ok(first.length <= 1, 'one epoch in the first 16 ms, not ' + first.length);
  const released = play({ take: (t) => pacer.take(5016 + t) }, 16, 2000);
  assert.equal(released.length + first.length, 30);
  const lastAt = released[released.length - 1].t;
  assert.ok(lastAt >= 800 && lastAt <= 1000, 'the burst took ' + lastAt + ' ms');
});

test('a diverged run: its error comes right after the last epoch that arrived', () => {
  const pacer = createPacer({ epochs: 100 });
  pacer.push({ type: 'epochs', items: [{ epoch: 1, logs: {} }, { epoch: 2, logs: {} }] });
  pacer.push({ type: 'error', code: 'diverged', epoch: 3 });
  const released = play(pacer, 16, 1000).map((r) => r.event.type);
  assert.deepEqual(released, ['epoch', 'epoch', 'error']);
});
