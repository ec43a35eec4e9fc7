/*
 * The widget's banner above the chart (.pg-banner, role alert): a title and a message or a list of them, for a
 * run that failed, a connection that dropped, a link that could not be read. A banner offering to run again
 * (.pg-rerun) keeps its button disabled until /healthz answers, since the usual cause is a server restarting.
 */
import { el } from './widget-dom.js';

const POLL_MS = 2000;
const POLLS = 30;
/** A server that is shutting down may still answer for a moment. */
const FIRST_POLL_MS = 1500;

/** The banner in element (hidden until shown); rerun is what "다시 실행" does. */
export function createBanner(element, rerun) {
  element.hidden = true;

  /** Shows title and message; offerRerun adds "다시 실행", and the title becomes readyTitle (if given) once it is enabled. */
  function show(title, message, offerRerun, readyTitle) {
    element.textContent = '';
    element.hidden = false;
    const heading = el('strong', { text: title });
    element.appendChild(heading);
    [].concat(message || []).forEach((line) => element.appendChild(el('p', { text: line })));
    if (!offerRerun) return;
    const again = el('button', { type: 'button', className: 'pg-rerun', 'data-testid': 'pg-rerun', text: '다시 실행' });
    again.addEventListener('click', rerun);
    element.appendChild(again);
    waitForServer(again, () => { if (readyTitle) heading.textContent = readyTitle; });
  }

  function hide() {
    element.hidden = true;
    element.textContent = '';
  }

  return { element, show, hide };
}

/** Polls /healthz (every 2 s, about a minute at most) while the button waits; enables it when the server answers. */
function waitForServer(button, onReady) {
  let tries = 0;
  button.disabled = true;
  button.textContent = '서버 확인 중…';
  function ready() {
    button.disabled = false;
    button.textContent = '다시 실행';
  }
  function poll() {
    if (!button.isConnected) return;
    fetch('/healthz', { cache: 'no-store' }).then((response) => {
      if (!response.ok) throw new Error('not ready');
      ready();
      onReady();
    }).catch(() => {
      if (++tries >= POLLS) {
        ready();
        return;
      }
      button.textContent = '서버가 다시 켜지기를 기다리는 중…';
      setTimeout(poll, POLL_MS);
    });
  }
  setTimeout(poll, FIRST_POLL_MS);
}
