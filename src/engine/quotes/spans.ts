/** A quotation-marked segment. `start`/`end` exclude the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset just after the closing mark, or `end` when the paragraph ended with the quote open. */
  after: number;
  closed: boolean;
  /** Continues an unclosed quote of the previous paragraph (multi-paragraph quote). */
  continued: boolean;
  paraStart: number;
  paraEnd: number;
}

const OPEN_CONTEXT = /[\s([{—–\-/:]/;

/**
 * Pairs quotation marks paragraph by paragraph: “ opens and ” closes; a straight " (or a ”
 * misused as an opener) opens after a space and closes otherwise. Single quotes count only at
 * the top level, opening after a space and closing before a space or punctuation, so
 * apostrophes ("Obama's", "don't") are never marks. A quote open at the end of a paragraph ends
 * there; when the next paragraph opens with a mark, the quote continues (the news convention).
 */
// The summary, the quotes and the timeline of one article all read its quotation marks: keep the last result.
let last: { text: string; spans: readonly QuoteSpan[] } | null = null;

/** findQuoteSpans, remembering the last text. The result is shared: do not change it. */
export function quoteSpansOf(text: string): readonly QuoteSpan[] {
  if (last?.text !== text) last = { text, spans: scan(text) };
  return last.spans;
}

export function findQuoteSpans(original: string): QuoteSpan[] {
  return quoteSpansOf(original).slice();
}

// Every character that can be a mark: the scan jumps from one to the next instead of reading the
// text a character at a time (reading a character of a two-byte string allocates a string).
const MARKS = /["“”‘’']/g;

function scan(original: string): QuoteSpan[] {
  // Two apostrophes stand for a double mark in some archives and transcripts (''…''): read as a
  // space and a straight mark, which keeps every offset.
  // Three ('''), a single and a double mark together, read as the single, a space and the double.
  const text = original.includes("''") ? original.replace(/'''/g, `' "`).replace(/''/g, ' "') : original;
  const out: QuoteSpan[] = [];
  let prevUnclosed = false;
  for (let base = 0; base < text.length; ) {
    let end = text.indexOf('\n', base);
    if (end < 0) end = text.length;
    if (end > base) prevUnclosed = paragraph(text, base, end, prevUnclosed, out);
    base = end + 1;
  }
  return out;
}

/** The quotes of the paragraph [base, end) into `out`; whether it ends with a quote still open. */
function paragraph(text: string, base: number, end: number, prevUnclosed: boolean, out: QuoteSpan[]): boolean {
  let paraEnd = end;
  while (paraEnd > base && WHITE.test(text[paraEnd - 1]!)) paraEnd--;
  let open = -1;
  let single = -1;
  let firstInPara = true;
  // The mark that reopened a quote left open in this paragraph (see `reopens`): that quote runs on.
  let reopened = -1;
  const push = (o: number, close: number, closed: boolean): void => {
    let a = o + 1;
    let b = close;
    while (a < b && WHITE.test(text[a]!)) a++;
    while (b > a && WHITE.test(text[b - 1]!)) b--;
    const continued = (firstInPara && prevUnclosed && BLANK.test(text.slice(base, o))) || o === reopened;
    if (b > a) out.push({ start: a, end: b, open: o, after: closed ? close + 1 : b, closed, continued, paraStart: base, paraEnd });
    firstInPara = false;
  };
  MARKS.lastIndex = base;
  // test, not exec: no match array per mark (apostrophes are many).
  while (MARKS.test(text)) {
    const i = MARKS.lastIndex - 1;
    if (i >= end) break;
    // A single mark between two letters is an apostrophe ("Obama's", "don't"), which neither opens
    // nor closes a quote: skipped before any character is read out as a string.
    const code = text.charCodeAt(i);
    if (code !== 34 && code !== 0x201c && code !== 0x201d && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1))) continue;
    const ch = text[i]!;
    const before = i === base ? ' ' : text[i - 1]!;
    const next = i + 1 < end ? text[i + 1]! : ' ';
    if (ch === '"' || ch === '“' || ch === '”') {
      // A “ right after the quote's last punctuation and before a space is a closing mark typed the wrong way.
      const misusedCloser = ch === '“' && /[,.!?]/.test(before) && WHITE.test(next);
      const runsOn = open >= 0 && reopens(text, i, base);
      if (open >= 0 && (ch !== '“' || misusedCloser) && !runsOn) {
        push(open, i, true);
        open = -1;
      } else if (ch === '“' || (OPEN_CONTEXT.test(before) && !WHITE.test(next))) {
        if (open >= 0) push(open, i, false);
        if (runsOn) reopened = i;
        open = i;
        single = -1;
      }
      continue;
    }
    if (open >= 0) continue;
    if (single < 0 && ch !== '’' && OPEN_CONTEXT.test(before) && LETTER.test(next)) single = i;
    else if (single >= 0 && ch !== '‘' && !WHITE.test(before) && SINGLE_CLOSE_NEXT.test(next)) {
      push(single, i, true);
      single = -1;
    }
  }
  if (open >= 0) push(open, end, false);
  return open >= 0;
}
const WHITE = /\s/;
/**
 * A straight mark after a sentence's end and a space, before a capital, opens a quote even while
 * one is open: `…overnight. "They have …"`. It is the news convention for a quote running on into
 * a new paragraph (no closing mark at the paragraph's end), seen when an archive or a feed joins
 * the paragraphs into one line; reading it as a closer would turn every later mark inside out.
 */
function reopens(text: string, i: number, base: number): boolean {
  return text[i] === '"' && i - 2 >= base && /[.!?]\s$/.test(text.slice(i - 2, i)) && /\p{Lu}/u.test(text[i + 1] ?? '');
}
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const BLANK = /^\s*$/;
const LETTER = /\p{L}/u;
const SINGLE_CLOSE_NEXT = /[\s.,;:!?)—–-]/;
