/*
 * Paced playback of a run's events, pure (no DOM, no clock of its own), so node --test runs it. A 100-epoch run
 * ends on the server in ~0.1 s; buffered here, its events come out epoch by epoch at a pace that plays a run in a
 * few seconds ("보통": about 3 s), never holding back what the server has not sent yet: a run slower than the pace
 * is shown as it arrives.
 *
 * createPacer({epochs, speed}) → {push(event), take(nowMs), skip(), setSpeed(name), pending(), shownEpoch()}.
 * push splits an `epochs` event into one `epoch` event per item; take(now) returns, in order, the events whose
 * epoch the playhead has reached (an event without an epoch, such as started or done, goes with the one before it).
 * skip() ("즉시") releases everything at the next take, and what comes later at once.
 */

/** The speed control: how long a run takes on screen, and the fewest epochs a second (a 5-epoch run is no film). */
export const SPEEDS = [
  { name: 'slow', label: '느리게', seconds: 9, minRate: 2 },
  { name: 'normal', label: '보통', seconds: 3, minRate: 5 },
  { name: 'fast', label: '빠르게', seconds: 1, minRate: 15 }
];
export const DEFAULT_SPEED = 'normal';

/** Epochs a second for a run of `epochs` at the named speed. */
export function epochsPerSecond(epochs, speedName) {
  const speed = SPEEDS.find((s) => s.name === speedName) || SPEEDS.find((s) => s.name === DEFAULT_SPEED);
  return Math.max(speed.minRate, (epochs || 1) / speed.seconds);
}

/** The events of one server event, each with the epoch at which it is shown (null: with the one before it). */
function unpack(event) {
  if (event.type === 'epochs') {
    return (event.items || []).map((item) => ({ at: item.epoch, event: { type: 'epoch', epoch: item.epoch, logs: item.logs } }));
  }
  const at = event.type === 'epoch' || event.type === 'grid' ? event.epoch : null;
  return [{ at: typeof at === 'number' ? at : null, event }];
}

export function createPacer({ epochs, speed = DEFAULT_SPEED }) {
  const queue = [];
  let rate = epochsPerSecond(epochs, speed);
  let head = 0; /* the epoch the playback has reached, fractional */
  let shown = 0; /* the last epoch released */
  let lastEpochQueued = 0;
  let lastTake = null;
  let instant = false;

  function push(event) {
    unpack(event).forEach((entry) => {
      const at = entry.at === null ? lastEpochQueued : entry.at;
      lastEpochQueued = Math.max(lastEpochQueued, at);
      queue.push({ at, event: entry.event });
    });
  }

  function take(now) {
    /* caught up with the server (or just started): the next epoch to arrive is shown at once, the rest paced */
    if (lastTake === null) head = Math.max(head, shown + 1);
    else if (!instant) head += rate * Math.max(0, now - lastTake) / 1000;
    lastTake = now;
    const out = [];
    while (queue.length && (instant || queue[0].at <= head)) {
      const entry = queue.shift();
      shown = Math.max(shown, entry.at);
      out.push(entry.event);
    }
    /* nothing waits: the playhead stays at what was shown and idle time does not count, so late events are paced */
    if (!queue.length) {
      head = shown;
      lastTake = null;
    }
    return out;
  }

  return {
    push,
    take,
    skip() { instant = true; },
    setSpeed(name) { rate = epochsPerSecond(epochs, name); },
    pending: () => queue.length,
    shownEpoch: () => shown
  };
}
