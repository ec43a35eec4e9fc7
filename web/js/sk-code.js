/*
 * The scikit-learn code for the widget's document, to paste into Colab: the server writes it (POST /api/summary
 * answers an estimator document with it, as it answers a network's with the Keras code), so the code and the run
 * are the same document. Asked again, debounced, after every edit; hidden while the server has none.
 *
 * createSkCode(doc) → {element, later()}, with the data set's CSV files and the run's estimated cost. Test hook:
 * .pg-sk-code code, .pg-sk-code .pg-copy, .pg-sk-code a.pg-csv-link.
 */
import { el, formatKoreanCount } from './widget-dom.js';
import { fillCsvLinks } from './widget-summary.js';

const DEBOUNCE_MS = 400;

export function createSkCode(doc) {
  const code = el('code', { className: 'language-python' });
  const copy = el('button', { type: 'button', className: 'pg-copy', text: '코드 복사' });
  const csv = el('div', { className: 'pg-csv', 'data-testid': 'pg-csv' });
  const cost = el('p', { className: 'pg-cost' });
  const element = el('details', { className: 'pg-keras pg-sk-code' }, [
    el('summary', { text: 'Colab에 붙여넣을 scikit-learn 코드' }), cost, copy, csv,
    el('pre', { className: 'language-python', tabindex: '0' }, [code])
  ]);
  element.hidden = true;
  let timer = null;
  let asked = 0;

  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(code.textContent).then(() => { copy.textContent = '복사했습니다'; },
      () => { copy.textContent = '복사하지 못했습니다: 코드를 직접 선택하세요'; });
  });

  async function ask() {
    const mine = ++asked;
    let text = null;
    try {
      const response = await fetch('/api/summary', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc), credentials: 'same-origin'
      });
      const body = response.ok ? await response.json() : {};
      text = typeof body.sklearn === 'string' ? body.sklearn : null;
      fillCsvLinks(csv, text ? body.csv_files : null);
      cost.textContent = typeof body.cost === 'number' && typeof body.budget === 'number'
        ? '예상 계산량 ' + formatKoreanCount(body.cost) + '회 · 예산 ' + formatKoreanCount(body.budget) + '회' : '';
    } catch (e) {
      text = null; /* no code is shown rather than a wrong one */
    }
    if (mine !== asked) return; /* a later edit asked again */
    element.hidden = !text;
    code.textContent = text || '';
    copy.textContent = '코드 복사';
    if (text && globalThis.Prism) globalThis.Prism.highlightElement(code);
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, DEBOUNCE_MS);
  }

  return { element, later };
}
