/*
 * A fit's stages replayed on the plane: a play button and a slider over the frames (k-means' iterations, a tree's
 * depths), each shown by the caller's show(i) and named by its label(i). The slider starts at the last frame, the
 * picture the run ended on.
 *
 * createReplay() → {element, load({count, show, label, play}), hide()}; i counts from 1. Test hooks: .pg-sk-replay
 * (the range), .pg-sk-replay-play, .pg-sk-replay-label.
 */
import { el } from './widget-dom.js';

const FRAME_MS = 700;

export function createReplay() {
  const range = el('input', { type: 'range', className: 'pg-sk-replay', min: '1', max: '1', value: '1', 'aria-label': '단계' });
  const label = el('span', { className: 'pg-sk-replay-label' });
  const play = el('button', { type: 'button', className: 'pg-sk-replay-play' });
  const element = el('div', { className: 'pg-sk-replay-box' }, [play, range, label]);
  element.hidden = true;
  let frames = null;
  let timer = null;

  function show(i) {
    range.value = String(i);
    label.textContent = frames.label(i);
    frames.show(i);
  }

  play.addEventListener('click', () => {
    clearInterval(timer);
    let i = 1;
    show(i);
    timer = setInterval(() => {
      i += 1;
      if (i > frames.count) clearInterval(timer);
      else show(i);
    }, FRAME_MS);
  });
  range.addEventListener('input', () => {
    clearInterval(timer);
    show(Number(range.value));
  });

  /** value: {count, show(i), label(i), play (the button's text)}; fewer than two frames hide the replay. */
  function load(value) {
    clearInterval(timer);
    frames = value;
    play.textContent = value.play;
    range.max = String(value.count);
    range.value = range.max;
    label.textContent = value.label(value.count);
    element.hidden = value.count < 2;
  }

  function hide() {
    clearInterval(timer);
    element.hidden = true;
  }

  return { element, load, hide };
}
