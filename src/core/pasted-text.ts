/**
 * Pasted article text as people paste it: a headline on its own line (no full stop), blank lines,
 * perhaps a byline ("By Jane Ortega") and a deck, then the body, which may open with a dateline
 * ("PARIS:", "LONDON (Reuters) —", "WASHINGTON —"). This finds the headline; the body keeps every
 * other line (bylines and datelines stay in the text, where the engine knows them as furniture), so
 * nothing pasted is lost.
 */
export interface PastedText {
  title?: string;
  body: string;
}

// A dateline that runs into the lead: "PARIS:", "LONDON (Reuters) —", "WASHINGTON —", "Paris, May 3 -".
const DATELINE = /^(?:[\p{Lu}][\p{L}.'’ -]{1,40}?)(?:,\s*[\p{L}. ]{1,20}\d{0,2})?\s*(?:\([^()\n]{1,30}\)\s*)?(?::|[—–]|--?\s)/u;
const BYLINE = /^(?:by|par|von|por|di|door)\s+\p{Lu}/iu;

/** Whether a line is a dateline alone or one that opens the lead. */
export function startsWithDateline(line: string): boolean {
  const m = DATELINE.exec(line.trim());
  if (!m) return false;
  const place = m[0].replace(/[\s:—–-]+$/u, '').replace(/\s*\([^)]*\)$/, '');
  // "PARIS", "Paris", "New York", "SAN JUAN, Puerto Rico": one to four words, each capitalised.
  const words = place.split(/[\s,]+/).filter(Boolean);
  return words.length >= 1 && words.length <= 4 && words.every((word) => /^\p{Lu}/u.test(word));
}

/** Whether a line is a byline ("By Jane Ortega and Tomas Reyes"). */
export function isByline(line: string): boolean {
  const t = line.trim();
  return t.length <= 100 && BYLINE.test(t) && !/[.!?]$/.test(t.replace(/\b\p{Lu}\.$/u, ''));
}

/**
 * The headline of pasted text, if its first line is one: at most 150 characters, no closing
 * sentence punctuation, not a dateline or byline, and followed by more text. Leading blank lines
 * are skipped. Text with no such line is all body.
 */
export function splitPastedText(input: string): PastedText {
  const text = input.replace(/\r\n?/g, '\n').replace(/^\s+/, '');
  const firstBreak = text.indexOf('\n');
  if (firstBreak <= 0) return { body: text.trim() };
  const firstLine = text.slice(0, firstBreak).trim();
  const rest = text.slice(firstBreak + 1).replace(/^\s+/, '');
  if (rest === '' || firstLine.length > 150 || /[.!?:;,"”’»」)]$/u.test(firstLine)) return { body: text.trim() };
  if (isByline(firstLine) || startsWithDateline(firstLine)) return { body: text.trim() };
  return { title: firstLine, body: rest.trimEnd() };
}
