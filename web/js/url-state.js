/*
 * Each widget's run document in the address, so a link reproduces the run: the hash holds the settings as
 * key=value (#pg1=…&pg2=…, base64url JSON) and may hold a plain anchor, as a heading link leaves it: #heading&pg1=….
 * An entry without "=" is the anchor (so is "heading=", which pages once wrote); it is kept and written bare, so a
 * shared link opens at the heading with the settings (the browser finds no element for the whole hash, so
 * widget.js scrolls to the anchor). A heading link replaces the whole hash with #heading: the settings it dropped
 * are put back behind it at once, so the address never loses them.
 */
import { decodeDoc, encodeDoc } from './widget-state.js';

const STATE_KEY = /^pg\d+$/;

/** The hash as ordered [key, value] pairs; an anchor's value is null: "#top&pg1=abc" → [["top", null], ["pg1", "abc"]]. */
function hashEntries() {
  const hash = location.hash.replace(/^#/, '');
  if (!hash) return [];
  return hash.split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? null : part.slice(eq + 1);
    return [key, value === '' && !STATE_KEY.test(key) ? null : value];
  });
}

function isState(entry) {
  return STATE_KEY.test(entry[0]) && entry[1] !== null;
}

/** The settings the address held last, to put back when a heading link drops them. */
let savedState = hashEntries().filter(isState);
/** Whether the last hash change was only an anchor (a heading link), not settings to apply. */
let anchorOnly = false;

/** Replaces the hash without adding a history entry. */
function replaceHash(entries) {
  const hash = '#' + entries.map((e) => (e[1] === null ? e[0] : e[0] + '=' + e[1])).join('&');
  savedState = entries.filter(isState);
  try {
    history.replaceState(history.state, '', hash);
  } catch (e) {
    /* a sandboxed frame may refuse; the widget works without URL state */
  }
}

/* Registered when this module is evaluated, before any widget's own listener, so they see the settings put back. */
window.addEventListener('hashchange', () => {
  const entries = hashEntries();
  anchorOnly = entries.length > 0 && !entries.some(isState);
  if (anchorOnly && savedState.length) replaceHash(entries.concat(savedState));
  else savedState = entries.filter(isState);
});

/**
 * The document stored under key in location.hash: {doc} when there is one, {problem} when it cannot be
 * read, or null when the hash does not mention the key.
 */
export function readHashDoc(key) {
  const entry = hashEntries().find((e) => e[0] === key && e[1] !== null);
  if (!entry) return null;
  try {
    return { doc: decodeDoc(decodeURIComponent(entry[1])) };
  } catch (e) {
    return { problem: '링크(URL)에 담긴 설정을 읽을 수 없어 기본 설정을 보여 줍니다.' };
  }
}

/** Whether the last hash change brought settings (a link, Back) or nothing, rather than only an anchor. */
export function hashIsState() {
  return !anchorOnly;
}

/** The element id the hash's anchor names (#heading&pg1=… → "heading"), or null. */
export function hashAnchor() {
  const anchor = hashEntries().find((e) => e[1] === null);
  if (!anchor) return null;
  try {
    return decodeURIComponent(anchor[0]);
  } catch (e) {
    return anchor[0];
  }
}

/**
 * The address that opens this page at the element anchorId with doc as widget key's settings (and no other
 * widget's): #anchor&pg1=…, as a heading link with settings reads.
 */
export function shareLink(key, doc, anchorId) {
  return location.origin + location.pathname + location.search + '#' + encodeURIComponent(anchorId) + '&' + key + '='
    + encodeDoc(doc);
}

/** Stores doc under key in location.hash without adding a history entry; other keys and an anchor stay. */
export function writeHashDoc(key, doc) {
  const value = encodeDoc(doc);
  let found = false;
  const entries = hashEntries().map((e) => {
    if (e[0] !== key) return e;
    found = true;
    return [key, value];
  });
  if (!found) entries.push([key, value]);
  replaceHash(entries);
}
