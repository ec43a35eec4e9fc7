/*
 * The playback's controls under the progress bar: 재생 속도 (느리게 / 보통 / 빠르게, playback-pace.js's SPEEDS),
 * 즉시 (show the rest of the run at once) and 다시 보기 (play the last run again). Test hooks: select.pg-speed,
 * buttons .pg-instant and .pg-replay.
 *
 * create(idPrefix, {onSpeed(name), onSkip(), onReplay()}) → {element, speed(), setPlaying(bool), setReplayable(bool)}.
 */
import { el } from './widget-dom.js';
import { SPEEDS, DEFAULT_SPEED } from './playback-pace.js';

function button(className, symbol, text, title, onClick) {
  const b = el('button', { type: 'button', className, 'data-testid': className, title }, [
    el('span', { 'aria-hidden': 'true', text: symbol + ' ' }), document.createTextNode(text)
  ]);
  b.disabled = true;
  b.addEventListener('click', onClick);
  return b;
}

export function create(idPrefix, { onSpeed, onSkip, onReplay }) {
  const speed = el('select', { id: idPrefix + 'speed', className: 'pg-speed' },
    SPEEDS.map((s) => el('option', { value: s.name, text: s.label })));
  speed.value = DEFAULT_SPEED;
  speed.addEventListener('change', () => onSpeed(speed.value));
  const instant = button('pg-instant', '»', '즉시', '남은 에포크를 바로 보여 줍니다', onSkip);
  const replay = button('pg-replay', '↺', '다시 보기', '마지막 실행을 처음부터 다시 재생합니다', onReplay);
  const element = el('div', { className: 'pg-playback' }, [
    el('label', { for: speed.id, text: '재생 속도' }), speed, instant, replay
  ]);
  return {
    element,
    speed: () => speed.value,
    setPlaying(on) { instant.disabled = !on; },
    setReplayable(on) { replay.disabled = !on; }
  };
}
