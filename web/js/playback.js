/*
 * One run's playback on the page: its events through the pacer (playback-pace.js) to show(event), one animation
 * frame at a time, keeping what was shown for 다시 보기.
 *
 * createPlayback({epochs, speed, show}) → {push(event), close(), halt(), skip(), setSpeed(name), shownEpoch(),
 * shown()}. close() says no more events will come and resolves {halted: false} once every one has been shown;
 * halt() (중지 after the run ended) drops what is left and resolves {halted: true} at once.
 */
import { createPacer } from './playback-pace.js';

export function createPlayback({ epochs, speed, show }) {
  const pacer = createPacer({ epochs, speed });
  const shown = [];
  let closed = false;
  let halted = false;
  let frame = null;
  let resolveEnd;
  const ended = new Promise((resolve) => { resolveEnd = resolve; });

  function tick(now) {
    frame = null;
    if (halted) return;
    pacer.take(now).forEach((event) => {
      shown.push(event);
      show(event);
    });
    if (pacer.pending()) schedule();
    else if (closed) resolveEnd({ halted: false });
  }

  function schedule() {
    if (frame === null && !halted) frame = requestAnimationFrame(tick);
  }

  return {
    push(event) {
      if (halted) return;
      pacer.push(event);
      schedule();
    },
    close() {
      closed = true;
      schedule();
      return ended;
    },
    halt() {
      halted = true;
      if (frame !== null) cancelAnimationFrame(frame);
      resolveEnd({ halted: true });
    },
    skip() {
      pacer.skip();
      schedule();
    },
    setSpeed: (name) => pacer.setSpeed(name),
    shownEpoch: () => pacer.shownEpoch(),
    /** The events shown so far, in order. */
    shown: () => shown.slice()
  };
}
