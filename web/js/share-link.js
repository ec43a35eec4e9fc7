/*
 * "링크 복사": the address of this widget with its settings (url-state.js's shareLink), which opens the lesson
 * scrolled to the widget with the form as it is now. Copies it to the clipboard and says "복사했습니다"; where the
 * browser refuses the clipboard, the link stays in the field beside the button to copy by hand.
 * Test hooks: button.pg-share, input.pg-share-url.
 */
import { el } from './widget-dom.js';
import { shareLink } from './url-state.js';

/** The old way, for pages without the async clipboard (http on another host, some webviews). */
function copyBySelection(input) {
  input.hidden = false;
  input.select();
  try {
    return document.execCommand('copy');
  } catch (e) {
    return false;
  }
}

/** options: key (pg1), anchorId (the widget's element id), doc, setStatus. Returns {element}. */
export function createShareLink(options) {
  const button = el('button', { type: 'button', className: 'pg-share', 'data-testid': 'pg-share', text: '링크 복사',
    title: '지금 설정으로 이 위젯을 여는 주소를 복사합니다' });
  const input = el('input', { type: 'text', readonly: true, className: 'pg-share-url', 'aria-label': '공유 링크' });
  input.hidden = true;

  async function copy() {
    const url = shareLink(options.key, options.doc, options.anchorId);
    input.value = url;
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(url);
        copied = true;
      }
    } catch (e) {
      copied = false;
    }
    if (!copied) copied = copyBySelection(input);
    input.hidden = copied;
    options.setStatus(copied ? '복사했습니다. 붙여 넣으면 지금 설정으로 이 위젯이 열립니다.'
      : '복사하지 못했습니다. 옆 칸의 링크를 직접 복사하세요.');
    button.setAttribute('data-copied', copied ? 'true' : 'false');
  }

  button.addEventListener('click', copy);
  return { element: el('div', { className: 'pg-share-box' }, [button, input]) };
}
