/*
 * The server's Korean messages beside the form's controls: a note after (or inside the row of) the input that a
 * JSON path names, marked aria-invalid and described by the note, or in the form's general list when no control
 * shows that path. widget-form.js finds the target; this places and clears the notes.
 */
import { el } from './widget-dom.js';

/** Removes every note and gives each input back its own hint as its description. */
export function clearFieldErrors(form) {
  form.querySelectorAll('.pg-error').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    if (node.hasAttribute('data-hint')) node.setAttribute('aria-describedby', node.getAttribute('data-hint'));
    else node.removeAttribute('aria-describedby');
  });
}

/**
 * Shows message for fieldPath: beside target ({input, after | appendTo, visible}) when it is shown, else in
 * general (the form's list of errors). id is the note's element id.
 */
export function placeFieldError({ id, fieldPath, message, target, general }) {
  const note = el('p', { className: 'pg-error', id, role: 'alert', 'data-field': fieldPath || '', text: message });
  if (target && target.visible) {
    if (target.appendTo) target.appendTo.appendChild(note);
    else target.after.insertAdjacentElement('afterend', note);
    target.input.setAttribute('aria-invalid', 'true');
    const hint = target.input.getAttribute('data-hint');
    target.input.setAttribute('aria-describedby', hint ? id + ' ' + hint : id);
  } else {
    general.appendChild(note);
  }
}
