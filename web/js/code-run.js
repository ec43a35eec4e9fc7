/*
 * "▶ 이 코드 실행" beside a lesson's Keras code. The server marks a Python block it can run as
 * <div class="pg-code pg-code-runnable" data-run-config="{run document}"> (the recogniser read the model, compile,
 * fit and data set from the lesson's code) with a <button class="pg-code-run"> inside. Pressing it opens a
 * playground widget right under the code, pre-filled with that document (the widget HTML Widgets.java writes), and
 * starts the run. Pressing it again scrolls to that widget and runs it again when it is not busy.
 *
 * A scikit-learn cell (its document names model.estimator) opens fit-panel.js's result panel instead.
 * The entry module of a page with runnable code. For the widget it inserts, it imports widget.js (dynamic import:
 * a page without widgets loads it only when asked) and calls its mountAll().
 * Code that almost runs (<div class="pg-code pg-code-refused" title="why">) says why on hover; pressing its note
 * shows the same text under it, for phones.
 * Hooks for browser tests: the opened widget has data-from-code="true"; the .pg-code gets data-opened="true";
 * a shown reason is p.pg-code-reason.
 * No inline script (CSP); nothing here writes HTML from strings.
 */
import { STATES } from './widget-state.js';

var WIDGET_TITLE = '강의 코드로 만든 모델';
var START_TIMEOUT_MS = 20000;

/** Mounts widgets added to the page after it loaded (widget.js is imported the first time only). */
function mountWidgets() {
  return import('./widget.js').then(function (widget) { return widget.mountAll(); })
    .catch(function (e) { console.error('code-run: could not load the widget', e); });
}

/** <div class="pg-widget" data-config=".." data-title=".." data-view="loss"><pre class="pg-widget-fallback">… */
function widgetElement(config) {
  var root = document.createElement('div');
  root.className = 'pg-widget';
  root.setAttribute('data-config', config);
  root.setAttribute('data-title', WIDGET_TITLE);
  root.setAttribute('data-view', 'loss');
  root.setAttribute('data-from-code', 'true');
  var pre = document.createElement('pre');
  pre.className = 'pg-widget-fallback';
  var code = document.createElement('code');
  code.className = 'language-json';
  code.textContent = config;
  pre.appendChild(code);
  root.appendChild(pre);
  return root;
}

/** Presses the widget's own Run button once it is mounted and idle. */
function runWhenReady(root) {
  var started = Date.now();
  function tryRun() {
    var run = root.querySelector('.pg-run');
    var state = root.getAttribute('data-state');
    if (root.getAttribute('data-mounted') === 'true' && run && !run.disabled && state && !STATES[state].busy) {
      run.click();
      return;
    }
    if (Date.now() - started < START_TIMEOUT_MS) setTimeout(tryRun, 100);
  }
  tryRun();
}

function open(block, button) {
  var existing = block.nextElementSibling;
  if (existing && existing.getAttribute('data-from-code') === 'true') {
    existing.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    runWhenReady(existing);
    return;
  }
  var root = widgetElement(block.getAttribute('data-run-config'));
  // The widget names each one by its position among the page's widgets (pg1, pg2 …: element ids and the URL
  // hash). Mounted after every existing widget, the new one gets a name none has; then it moves under the code.
  var widgets = document.querySelectorAll('.pg-widget');
  var last = widgets.length ? widgets[widgets.length - 1] : null;
  var later = last && (block.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (later) last.insertAdjacentElement('afterend', root);
  else block.insertAdjacentElement('afterend', root);
  block.setAttribute('data-opened', 'true');
  button.setAttribute('aria-expanded', 'true');
  mountWidgets().then(function () {
    whenMounted(root, function () {
      if (later) block.insertAdjacentElement('afterend', root);
      root.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      runWhenReady(root);
    });
  });
}

/** A scikit-learn document (model.estimator) opens the fit panel, not a Keras widget. */
function isFit(config) {
  try {
    const doc = JSON.parse(config);
    return !!(doc && doc.model && doc.model.estimator);
  } catch (e) {
    return false;
  }
}

/** The fit panel is imported only on a page whose scikit-learn code is run. */
function openFit(block) {
  import('./fit-panel.js').then(function (panel) { panel.open(block, block.getAttribute('data-run-config')); },
    function () { console.error('code-run: could not load fit-panel.js'); });
}

function whenMounted(root, done) {
  var started = Date.now();
  (function check() {
    if (root.getAttribute('data-mounted') === 'true') done();
    else if (Date.now() - started < START_TIMEOUT_MS) setTimeout(check, 50);
  })();
}

/** Where there is no hover (phones), pressing the note under refused code shows the reason as text. */
function reasonToggle(block) {
  var note = block.querySelector('.pg-code-note');
  if (!note) return;
  note.setAttribute('role', 'button');
  note.setAttribute('aria-expanded', 'false');
  function toggle() {
    var shown = block.querySelector('.pg-code-reason');
    if (shown) {
      shown.parentNode.removeChild(shown);
      note.setAttribute('aria-expanded', 'false');
      return;
    }
    var reason = document.createElement('p');
    reason.className = 'pg-code-reason';
    reason.textContent = block.getAttribute('title') || '';
    note.insertAdjacentElement('afterend', reason);
    note.setAttribute('aria-expanded', 'true');
  }
  note.addEventListener('click', toggle);
  note.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      toggle();
    }
  });
}

function boot() {
  document.querySelectorAll('.pg-code-refused').forEach(reasonToggle);
  document.querySelectorAll('.pg-code-runnable').forEach(function (block) {
    var button = block.querySelector('.pg-code-run');
    if (!button || !block.getAttribute('data-run-config')) return;
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', function () {
      if (isFit(block.getAttribute('data-run-config'))) openFit(block);
      else open(block, button);
    });
  });
}

boot();
