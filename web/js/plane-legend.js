/*
 * The decision plane's colour legend: which colour is which class (or, for a regression, which end of the scale is
 * low and which high), and what the points' rims mean. legendItems is pure (tested with node --test);
 * renderLegend writes it into an element with textContent only.
 */
import { el } from './widget-dom.js';

/**
 * task: "regression" | "binary" | "multiclass"; labels: the points' labels (numbers); names: the classes' names,
 * or a word ("군집") to number them with, or nothing ("클래스"); range: [min, max] of a regression's colour scale.
 * → {classes: [{index, label}], clusters} or {scale: {min, max}}; clusters: the labels are k-means' own (no test
 * rows, no probabilities), so the notes on rims and shades do not apply.
 */
export function legendItems(task, labels, names, range) {
  if (task === 'regression') return { scale: { min: range[0], max: range[1] } };
  const present = Array.from(new Set(labels.map((v) => Math.round(v)))).sort((a, b) => a - b);
  const word = typeof names === 'string' ? names : '클래스';
  return {
    clusters: typeof names === 'string',
    classes: present.map((index) => ({
      index,
      label: Array.isArray(names) && names[index] !== undefined ? String(names[index]) : word + ' ' + index
    }))
  };
}

function short(value) {
  return String(Number(value.toPrecision(3)));
}

/** items from legendItems; color(index) or scale colours [low, high] as CSS strings. */
export function renderLegend(element, items, color, scale) {
  element.replaceChildren();
  const add = (className, text, swatch) => {
    const box = swatch ? el('span', { className: 'pg-legend-swatch' }) : null;
    if (box) box.style.background = swatch;
    element.appendChild(el('span', { className }, [box, document.createTextNode(text)]));
  };
  if (items.scale) {
    add('pg-legend-item', short(items.scale.min) + ' (낮음)', scale[0]);
    add('pg-legend-item', short(items.scale.max) + ' (높음)', scale[1]);
  } else {
    items.classes.forEach((c) => add('pg-legend-item', c.label, color(c.index)));
    if (items.clusters) return;
    add('pg-legend-note', '배경색이 진할수록 모델이 더 확신합니다');
  }
  add('pg-legend-note', '흰 테두리: 훈련 데이터 · 검은 테두리: 시험 데이터');
}
