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

const OPEN_CONTEXT = /[\s(\[{—–\-\/:]/;

/**
 * Pairs quotation marks paragraph by paragraph: “ opens and ” closes; a straight " (or a ”
 * misused as an opener) opens after a space and closes otherwise. Single quotes count only at
 * the top level, opening after a space and closing before a space or punctuation, so
 * apostrophes ("Obama's", "don't") are never marks. A quote open at the end of a paragraph ends
 * there; when the next paragraph opens with a mark, the quote continues (the news convention).
 */
// The quotes and the timeline of one article both read its quotation marks: keep the last result.
let last: { text: string; spans: readonly QuoteSpan[] } | null = null;

/** findQuoteSpans, remembering the last text. The result is shared: do not change it. */
export function quoteSpansOf(text: string): readonly QuoteSpan[] {
  if (last?.text !== text) last = { text, spans: findQuoteSpans(text) };
  return last.spans;
}

export function findQuoteSpans(original: string): QuoteSpan[] {
  // Two apostrophes stand for a double mark in some archives and transcripts (''…''): read as a
  // space and a straight mark, which keeps every offset.
  // Three ('''), a single and a double mark together, read as the single, a space and the double.
  const text = original.includes("''") ? original.replace(/'''/g, `' "`).replace(/''/g, ' "') : original;
  const out: QuoteSpan[] = [];
  const paras = /[^\n]+/g;
  let prevUnclosed = false;
  for (let p = paras.exec(text); p; p = paras.exec(text)) {
    const base = p.index;
    const s = p[0];
    const paraEnd = base + s.trimEnd().length;
    let open = -1;
    let single = -1;
    let firstInPara = true;
    const push = (o: number, close: number, closed: boolean): void => {
      let a = base + o + 1;
      let b = base + close;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      const continued = firstInPara && prevUnclosed && s.slice(0, o).trim() === '';
      if (b > a) out.push({ start: a, end: b, open: base + o, after: closed ? base + close + 1 : b, closed, continued, paraStart: base, paraEnd });
      firstInPara = false;
    };
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch !== '"' && ch !== '“' && ch !== '”' && ch !== '‘' && ch !== '’' && ch !== "'") continue;
      const before = i === 0 ? ' ' : s[i - 1]!;
      const next = s[i + 1] ?? ' ';
      if (ch === '"' || ch === '“' || ch === '”') {
        // A “ right after the quote's last punctuation and before a space is a closing mark typed the wrong way.
        const misusedCloser = ch === '“' && /[,.!?]/.test(before) && /\s/.test(next);
        if (open >= 0 && (ch !== '“' || misusedCloser)) {
          push(open, i, true);
          open = -1;
        } else if (ch === '“' || (OPEN_CONTEXT.test(before) && /\S/.test(next))) {
          if (open >= 0) push(open, i, false);
          open = i;
          single = -1;
        }
        continue;
      }
      if (open >= 0) continue;
      if (single < 0 && ch !== '’' && OPEN_CONTEXT.test(before) && /\p{L}/u.test(next)) single = i;
      else if (single >= 0 && ch !== '‘' && /\S/.test(before) && /[\s.,;:!?)—–\-]/.test(next)) {
        push(single, i, true);
        single = -1;
      }
    }
    prevUnclosed = false;
    if (open >= 0) {
      push(open, s.length, false);
      prevUnclosed = true;
    }
  }
  return out;
}
