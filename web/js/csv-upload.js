/*
 * "CSV 올리기" under the widget's data-set picker: a student's own table (TF Playground's most asked-for feature).
 * The file's first line names the columns, read here before anything is sent, so the student picks the target
 * column; then POST /api/datasets (README: the body is the file, the answer the new set: name, title, features,
 * target, task, classes, train and test rows) and the widget trains on it like any set. The set is the uploading
 * browser's own and is forgotten after two hours. The server's Korean message (naming the row and column at fault)
 * is shown as it is.
 *
 * export csvUploader({onUploaded, taskLabel}) → an element; onUploaded(info) gets the answer, shaped as
 * /api/datasets's items; taskLabel names a task as the registry does (Vocabulary.taskLabel).
 * Hooks for browser tests: .pg-upload with data-state (idle, chosen, sending, done, error); the file input
 * .pg-upload-file, the target select .pg-upload-target, the button .pg-upload-send, the message .pg-upload-message.
 */
import { el } from './widget-dom.js';

/** The column names of a CSV's first line (comma or tab, quotes allowed), without a BOM. */
export function headerColumns(text) {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] || '';
  const separator = first.includes('\t') && !first.includes(',') ? '\t' : ',';
  const columns = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < first.length; i++) {
    const c = first[i];
    if (quoted) {
      if (c === '"' && first[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { columns.push(cell.trim()); cell = ''; } else cell += c;
  }
  columns.push(cell.trim());
  return columns.filter((name, i) => name !== '' || i < columns.length - 1);
}

export function csvUploader({ onUploaded, taskLabel }) {
  const file = el('input', { type: 'file', accept: '.csv,.tsv,.txt,text/csv', className: 'pg-upload-file' });
  const target = el('select', { className: 'pg-upload-target', disabled: true });
  const send = el('button', { type: 'button', className: 'pg-upload-send', text: '올리기', disabled: true });
  const message = el('p', { className: 'pg-upload-message', 'aria-live': 'polite' });
  const box = el('details', { className: 'pg-upload', 'data-control': 'dataset' }, [
    el('summary', { text: 'CSV 올리기 (내 데이터로 학습)' }),
    el('p', { className: 'pg-hint', text: '첫 줄은 열 이름, 나머지는 숫자. 목표 열을 고르면 과제(회귀·분류)를 알아서 정합니다. '
      + '올린 파일은 이 브라우저에서만 쓰이고 2시간 뒤에 지워집니다.' }),
    el('label', { text: '파일 ' }, [file]),
    el('label', { text: '목표 열 (y) ' }, [target]),
    send,
    message
  ]);
  box.setAttribute('data-state', 'idle');
  let chosen = null;

  function state(name, text) {
    box.setAttribute('data-state', name);
    message.textContent = text || '';
  }

  file.addEventListener('change', () => {
    chosen = file.files && file.files[0];
    target.textContent = '';
    target.disabled = send.disabled = true;
    if (!chosen) return state('idle');
    chosen.slice(0, 64 * 1024).text().then((head) => {
      const columns = headerColumns(head);
      if (columns.length < 2) return state('error', '첫 줄에서 열을 두 개 이상 찾지 못했습니다. 쉼표나 탭으로 나눈 CSV인지 확인해 주세요.');
      columns.forEach((name) => target.appendChild(el('option', { value: name, text: name })));
      target.value = columns[columns.length - 1];
      target.disabled = send.disabled = false;
      return state('chosen', columns.length + '개 열을 찾았습니다. 목표 열을 고르고 올리기를 누르세요.');
    }, () => state('error', '파일을 읽지 못했습니다.'));
  });

  send.addEventListener('click', () => {
    if (!chosen) return;
    send.disabled = true;
    state('sending', '올리는 중…');
    fetch('/api/datasets?target=' + encodeURIComponent(target.value) + '&title=' + encodeURIComponent(chosen.name.slice(0, 80)),
      { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'text/csv' }, body: chosen })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        send.disabled = false;
        if (!ok) return state('error', body.message || '올리지 못했습니다.');
        state('done', '“' + body.title + '”: ' + taskLabel(body.task) + ' · 특성 ' + body.features.length
          + '개 · 훈련 ' + body.train_rows + '행 / 테스트 ' + body.test_rows + '행');
        onUploaded(body);
        return null;
      }, () => {
        send.disabled = false;
        state('error', '서버에 연결하지 못했습니다. 잠시 후 다시 올려 주세요.');
      });
  });

  return box;
}
