// What a summary may show: whole sentences a reader can take alone (no headings, fragments, quotes
// cut open, questions or repeats), and a pasted headline line kept out of the body.
import type { Span } from '../core/types.ts';

const CLOSED = /[.!…]["”’')\]]*$/;
const QUESTION = /\?["”’')\]]*$/;
// A sentence that opens by pointing back at something it does not show.
export const OPENS_WITH_PRONOUN = /^\s*[“"'‘]?\s*(?:he|she|they|it|his|her|their|its|him|them|this|that|these|those)\b(?!\s*['’]s\b)/i;

/**
 * Whether a sentence can stand alone in a summary. `cased` says the text uses capitals (a
 * lower-cased text cannot show a fragment by its first letter).
 */
export function isWholeSentence(text: string, cased: boolean): boolean {
  const t = text.trim();
  if (!CLOSED.test(t)) return false;
  if (QUESTION.test(t)) return false;
  if (t.split(/\s+/).length < 4) return false;
  if (/^[,;:)\]”’]/.test(t) || (cased && /^\p{Ll}/u.test(t))) return false;
  const opens = (t.match(/“/g) ?? []).length;
  const closes = (t.match(/”/g) ?? []).length;
  if (opens !== closes || (t.match(/"/g) ?? []).length % 2 === 1) return false;
  return true;
}

/** Letters and digits only, lower-cased: two sentences with the same key say the same thing. */
export function sentenceKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// "PARIS —", "LONDON (Reuters) —", "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", "Paris:", "By Jane Roe".
const DATELINE = /^\s*(?:by\s+\p{Lu}|\p{Lu}{3,}[.:]?\s*\n|\p{Lu}[\p{L} .,'-]{1,60}(?:\([^()]{1,40}\))?\s*(?:[—–]|--|:)\s)/u;

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
  const nextWords = next.split('\n')[0]!.split(/\s+/).length;
  const short = lines.length === 1 && words.length <= 14 && nextWords > words.length;
  const open = lines.some((l) => !CLOSED.test(l));
  if (!open && !titleCase && !DATELINE.test(next) && !short) return 0;
  return m.index + m[0].indexOf(m[1]!) + m[1]!.length;
}

/** The spans a summary may pick from, in order: readable, past the headline, each said once. */
export function readableSpans(spans: Span[], text: string, min: number, titled = false): { spans: Span[]; headline: string } {
  // A caller that gives the title has already taken it out of the text.
  const cut = titled ? 0 : headlineEnd(text);
  const headline = cut > 0 ? text.slice(0, cut).trim() : '';
  const cased = /\p{Lu}/u.test(text);
  const seen = new Set<string>(headline ? [sentenceKey(headline)] : []);
  const kept = spans.filter((s) => {
    if (s.start < cut) return false;
    if (!isWholeSentence(s.text, cased)) return false;
    // Shown without the sentence before it, "He …" or "This …" points at nothing.
    if (OPENS_WITH_PRONOUN.test(s.text)) return false;
    const key = sentenceKey(s.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { spans: kept.length >= min ? kept : spans, headline };
}
