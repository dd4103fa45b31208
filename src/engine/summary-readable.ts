// What a summary may show: whole sentences a reader can take alone (no headings, fragments, quotes
// cut open, questions or repeats), and a pasted headline line kept out of the body.
import type { Span } from '../core/types.ts';

const CLOSED = /[.!…]["”’')\]]*$/;

// A sentence that opens by pointing back at something it does not show.
export const OPENS_WITH_PRONOUN = /^\s*[“"'‘]?\s*(?:he|she|they|it|his|her|their|its|him|them|this|that|these|those)\b(?!\s*['’]s\b)/i;
// "The two raised $350 million", "The latter said", "Both denied it": a count or an order word standing
// for people named before ("The two companies" names its noun and may stand alone).
const OPENS_WITH_COUNT_BACK =
  /^\s*[“"'‘]?\s*(?:the\s+(?:two|three|four)\s+(?:(?:have|has|had|are|were|will|would|said|say|says|also|then|later|each|of|who)\b|\p{Ll}+ed\b)|the\s+(?:latter|former)\b(?!-)|both\s+(?:have|had|are|were|will|would|said|say|says|denied|deny|of)\b)/iu;

/**
 * Whether a sentence can stand alone in a summary. `cased` says the text uses capitals (a
 * lower-cased text cannot show a fragment by its first letter).
 */
export function isWholeSentence(text: string, cased: boolean): boolean {
  const t = text.trim();
  // Char codes instead of a regex for each test: it ends with . ! or … before any closers (not ?).
  let last = t.length - 1;
  while (last >= 0 && CLOSERS.has(t.charCodeAt(last))) last--;
  const end = last >= 0 ? t.charCodeAt(last) : 0;
  if (end !== 46 /* . */ && end !== 33 /* ! */ && end !== 8230 /* … */) return false;
  if (/^[,;:)\]”’]/.test(t) || (cased && /^\p{Ll}/u.test(t))) return false;
  // Fewer than 4 words (t.split(/\s+/)); t is trimmed, so words are white-space runs + 1. The
  // count stops at three; the quote marks are counted by indexOf, which scans faster than a loop.
  let gaps = 0;
  for (let i = 0; i < t.length && gaps < 3; i++) {
    if (isWhiteSpace(t.charCodeAt(i)) && !isWhiteSpace(t.charCodeAt(i - 1))) gaps++;
  }
  if (gaps < 3) return false;
  return occurrences(t, '“') === occurrences(t, '”') && occurrences(t, '"') % 2 === 0;
}

function occurrences(s: string, mark: string): number {
  let n = 0;
  for (let at = s.indexOf(mark); at >= 0; at = s.indexOf(mark, at + 1)) n++;
  return n;
}

// What a sentence may end with after its full stop: ["”’')\]].
const CLOSERS = new Set([34, 0x201d, 0x2019, 39, 41, 93]);

/** JavaScript's \s: white space and line terminators. */
function isWhiteSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Whether a span says what one given before did (its words, lower-cased, are the same in the same
 * order); remembers it either way. summary-words.ts builds it from word ids (idRepeats).
 */
export type RepeatCheck = (span: Span) => boolean;

// "PARIS —", "LONDON (Reuters) —", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "Paris:", "By Jane Roe".
const DATELINE = /^\s*(?:by\s+\p{Lu}|\p{Lu}{3,}[.:]?\s*\n|\p{Lu}[\p{L}\d .,'-]{1,60}(?:\([^()]{1,40}\))?\s*(?:[—–]|--|:)\s)/u;

/**
 * The end of a headline block that opens pasted text: a first paragraph (ended by a blank line) of
 * one or two lines (a headline and its deck), each of at most 30 words, that has no closing
 * punctuation, or is in title case, or is followed by a dateline, byline or section label, or is
 * short (14 words or fewer) beside a longer next paragraph. 0 when the text does not open with one.
 */
export function headlineEnd(text: string): number {
  const m = /^\s*([^\n]{3,250}(?:\n[^\n]{3,250})?)\n[ \t]*\n/.exec(text);
  if (!m) return 0;
  const block = m[1]!.trim();
  const lines = block.split('\n').map((l) => l.trim());
  const words = block.split(/\s+/);
  if (lines.some((l) => l.split(/\s+/).length > 30)) return 0;
  const long = words.filter((w) => /^[\p{L}‘'“"]/u.test(w) && w.replace(/\P{L}/gu, '').length > 3);
  const capitalised = long.filter((w) => /^[‘'“"]?\p{Lu}/u.test(w)).length;
  const titleCase = long.length > 0 && capitalised / long.length >= 0.7;
  const next = text.slice(m.index + m[0].length, m.index + m[0].length + 400);
  const [nextLine = '', gap, afterLine = ''] = next.split('\n', 3);
  const nextWords = nextLine.split(/\s+/).length;
  // Short beside the story: the next paragraph is longer, or is a one-line deck of at most 20
  // words with a longer paragraph after it.
  const deck = gap !== undefined && gap.trim() === '' && nextWords <= 20 && afterLine.split(/\s+/).length > words.length;
  const short = lines.length === 1 && words.length <= 14 && (nextWords > words.length || deck);
  const open = lines.some((l) => !CLOSED.test(l));
  const end = m.index + m[0].indexOf(m[1]!) + m[1]!.length;
  if (!open && !titleCase && !DATELINE.test(next) && !short && deckEnd(text, end) === end) return 0;
  return end;
}

// A wire dateline in capitals that opens a paragraph: "BRUSSELS -", "MYRTLE BEACH, S.C. —",
// "PORTLAND, Maine -", "LONDON (Reuters) —". Stricter than DATELINE: "He said: …" or "Paris: …"
// does not end a deck.
const CAPITALS_DATELINE = /^\s*\p{Lu}{2}[\p{Lu} .,'’-]{0,40}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?\s*(?:\([^()\n]{1,40}\))?\s*(?:[—–-]|--|:)\s/u;

/**
 * Where the body starts after the deck lines that may follow a headline: up to three one-line
 * paragraphs of at most 20 words each ("After Brexit, the bloc aims to rely less on U.S. support.")
 * right before a paragraph that opens with a capitals dateline. `from` (the end of the headline, or
 * 0) when there are none: short first paragraphs without a dateline after them are the story.
 */
export function deckEnd(text: string, from: number): number {
  const paragraph = /[ \t]*\n?[ \t]*\n?[ \t]*([^\n]+)\n[ \t]*\n\s*/y;
  let at = from;
  for (let lines = 0; lines < 3; lines++) {
    paragraph.lastIndex = at;
    const m = paragraph.exec(text);
    // An editor's abstract ("ABSTRACT." then its text) is the best lead there is: it stays.
    if (!m || m[1]!.trim().split(/\s+/).length > 20 || /^abstract\b/i.test(m[1]!.trim())) return from;
    at = paragraph.lastIndex;
    if (CAPITALS_DATELINE.test(text.slice(at, at + 80))) return at;
  }
  return from;
}

/** The spans a summary may pick from, in order: readable, past the headline, each said once. */
export function readableSpans(spans: Span[], text: string, min: number, titled: boolean, repeats: RepeatCheck): { spans: Span[]; headline: string } {
  // A caller that gives the title has already taken it out of the text.
  const headEnd = titled ? 0 : headlineEnd(text);
  const headline = headEnd > 0 ? text.slice(0, headEnd).trim() : '';
  const cut = deckEnd(text, headEnd);
  const cased = /\p{Lu}/u.test(text);
  if (headline) repeats({ text: headline, start: 0, end: headEnd });
  const whole = spans.filter((s) => s.start >= cut && isWholeSentence(s.text, cased) && !repeats(s));
  // Shown without the sentence before it, "He …" or "This …" points at nothing. A text this short
  // is shown whole, so there it may follow the sentence before it when that one is shown.
  const shownWhole = whole.length <= min;
  const pointsBack = (s: Span, i: number): boolean => OPENS_WITH_PRONOUN.test(s.text) || (i > 0 && OPENS_WITH_COUNT_BACK.test(s.text));
  const kept = whole.filter((s, i) => !pointsBack(s, i) || (shownWhole && i > 0 && spans[spans.indexOf(s) - 1] === whole[i - 1]));
  if (kept.length >= min || (cased && kept.length > 0)) return { spans: kept, headline };
  // Too few whole sentences: a lower-cased text (which cannot show a fragment by its first letter)
  // takes the rest back; a cased one takes them back only when nothing at all is readable.
  return { spans: spans.filter((s) => s.start >= cut), headline };
}
