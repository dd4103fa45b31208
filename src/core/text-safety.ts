// One place that makes foreign text (titles, names, article text, feed errors) safe to show in a
// terminal or a chat message. Renderers call it on every string they did not write themselves.

/** Longest title or name any renderer shows; platforms cut lower where their own limits are lower. */
export const MAX_TITLE_CHARS = 300;
/** Longest single text field (a summary sentence, a quote, an answer) a renderer shows. */
export const MAX_FIELD_CHARS = 4_000;
/** One command reply never posts more messages than this on Discord or Slack; the rest is cut with a note. */
export const MAX_REPLY_MESSAGES = 5;

// ESC sequences first (so their parameters go with them): CSI "ESC [ … final", OSC "ESC ] … BEL|ST",
// DCS/SOS/PM/APC "ESC P|X|^|_ … ST", and any other two-character ESC sequence. C1 CSI (U+009B) too.
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|\u001b[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -~]?/g;
// C0 controls except tab and line breaks, DEL, C1 controls; bidi embeddings, overrides and isolates
// (U+202A–202E, U+2066–2069) and the marks U+200E/U+200F and U+061C: they can reorder what a reader
// sees ("Trojan Source"), and plain news text never needs them. Line and paragraph separators too.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** Foreign text without control characters, ESC sequences or bidi controls; tabs and line breaks stay. */
export function safeText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/**
 * A one-line title or name: made safe, white space folded, cut at a word boundary to at most `max`
 * characters with an ellipsis. The input is sliced first, so a 1 MB title costs no more than a short one.
 */
export function safeTitle(text: string, max = MAX_TITLE_CHARS): string {
  // Control characters may vanish, so keep a margin before cleaning; never slice a surrogate pair in half.
  const head = text.length > max * 4 + 64 ? text.slice(0, max * 4 + 64) : text;
  const clean = safeText(head).replace(/\s+/g, ' ').trim();
  if (clean.length <= max && head.length === text.length) return clean;
  return cutAtWord(clean, max);
}

/** A longer text field (line breaks kept): made safe and cut to `max` characters with an ellipsis. */
export function safeField(text: string, max = MAX_FIELD_CHARS): string {
  const head = text.length > max * 2 + 64 ? text.slice(0, max * 2 + 64) : text;
  const clean = safeText(head);
  if (clean.length <= max && head.length === text.length) return clean;
  return cutAtWord(clean, max);
}

function cutAtWord(text: string, max: number): string {
  if (max < 2) return '…';
  let head = text.slice(0, max - 1);
  const last = head.charCodeAt(head.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) head = head.slice(0, -1);
  const space = head.lastIndexOf(' ');
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}
