/*
 * Small DOM and number helpers shared by the widget's files. Text reaches the page only through textContent.
 */

/** An element with attributes; "text" sets textContent, "className" the class, children are appended. */
export function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (key) {
    var value = attrs[key];
    if (value === undefined || value === null || value === false) return;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'className') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  });
  (children || []).forEach(function (child) { if (child) node.appendChild(child); });
  return node;
}

/** A number input's value as the document wants it: undefined when blank, else the number. */
export function numberValue(input) {
  if (input.value.trim() === '') return undefined;
  var n = Number(input.value);
  return isFinite(n) ? n : input.value;
}

export function formatNumber(value) {
  if (typeof value !== 'number' || !isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** 389000000 → "3.9억", for the cost line. */
export function formatKoreanCount(value) {
  var units = [[1e12, '조'], [1e8, '억'], [1e4, '만']];
  for (var i = 0; i < units.length; i++) {
    if (value >= units[i][0]) return String(Number((value / units[i][0]).toPrecision(3))) + units[i][1];
  }
  return String(value);
}

/** Removes a form's error notes and gives each marked input back its hint as its description. */
export function clearFieldErrors(form) {
  form.querySelectorAll('.pg-error').forEach(function (node) { node.remove(); });
  form.querySelectorAll('[aria-invalid]').forEach(function (node) {
    node.removeAttribute('aria-invalid');
    if (node.hasAttribute('data-hint')) node.setAttribute('aria-describedby', node.getAttribute('data-hint'));
    else node.removeAttribute('aria-describedby');
  });
}

/** "seed, shuffle" (data-hide, data-lock) as {seed: true, shuffle: true}. */
export function nameSet(text) {
  return Object.fromEntries(String(text || '').split(',').map(function (n) { return n.trim(); })
    .filter(Boolean).map(function (n) { return [n, true]; }));
}

export function withCommas(value) {
  return Number(value).toLocaleString('en-US');
}

/** A select of {value, label} choices, plus the current value when it is not among them (a lesson may name any). */
export function selectInput(choices, current) {
  var select = el('select');
  var all = choices.slice();
  if (current !== undefined && !choices.some(function (c) { return c.value === current; })) {
    all.push({ value: String(current), label: String(current) });
  }
  all.forEach(function (c) { select.appendChild(el('option', { value: c.value, text: c.label })); });
  return select;
}
