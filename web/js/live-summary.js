/*
 * The live summary: every edit (once the student pauses) sends the run document to POST /api/summary, which
 * validates it and answers the Keras-style summary (widget-summary.js draws it) or the rule it breaks (the form
 * shows it beside its control). Run reuses the last answer when the document has not changed since. Test hook:
 * the root's data-summary = pending | ok | invalid | unknown.
 */
const DELAY_MS = 250;

function postSummary(json) {
  return fetch('/api/summary', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: json
  }).then((response) => {
    if (response.status === 200) return response.json().then((body) => ({ ok: true, body }));
    if (response.status === 400) return response.json().then((body) => ({ ok: false, error: body }));
    return { unknown: true };
  }).catch(() => ({ unknown: true }));
}

/** The summary of doc (edited in place by the form) for the widget at root. */
export function createLiveSummary({ root, doc, view, settings }) {
  let timer = null;
  let sequence = 0;
  let validated = null; /* {json, result}: the last answer and the document it was about */

  /** Asks now; resolves to {ok, body} | {ok: false, error} | {unknown: true}. Only the latest answer is shown. */
  function request() {
    clearTimeout(timer);
    const json = JSON.stringify(doc);
    const ticket = ++sequence;
    root.setAttribute('data-summary', 'pending');
    return postSummary(json).then((result) => {
      if (ticket !== sequence) return result;
      root.setAttribute('data-summary', result.ok ? 'ok' : result.unknown ? 'unknown' : 'invalid');
      validated = result.unknown ? null : { json, result };
      if (result.unknown) {
        view.note('요약을 불러오지 못했습니다. 서버에 연결되어 있는지 확인하세요.');
        return result;
      }
      settings.clearErrors();
      view.markStale(!result.ok);
      if (result.ok) {
        view.render(result.body);
        settings.setRows(result.body, JSON.parse(json));
      } else {
        view.note('설정을 고치면 요약이 다시 나타납니다.');
        settings.showFieldError(result.error.field, result.error.message);
      }
      return result;
    });
  }

  /** After an edit: once the student pauses, first() runs and the summary is asked for again. */
  function later(first) {
    clearTimeout(timer);
    timer = setTimeout(() => {
      first();
      request();
    }, DELAY_MS);
  }

  /** The answer for the document as it is now: the last one if it was about this document, else (onAsk first) a new one. */
  function validate(onAsk) {
    if (validated && validated.json === JSON.stringify(doc)) return Promise.resolve(validated.result);
    onAsk();
    return request();
  }

  return { request, later, validate };
}
