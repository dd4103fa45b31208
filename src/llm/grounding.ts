import type { Quote, Span, SummarySentence } from '../core/types.ts';

// Keeping the model honest: what it says is in the article must be found in the article. Matching
// folds white space and the many quote marks (“ ” ‘ ’ « » „ ‚ ′ ″ ` ´) so a model that re-wraps a line
// or straightens a quote still matches, and every hit is mapped back to exact offsets of the text.

const DOUBLE_QUOTES = new Set([...'“”„‟«»″〝〞＂'].map((ch) => ch.charCodeAt(0)));
const SINGLE_QUOTES = new Set([...'‘’‚‛′`´‹›＇'].map((ch) => ch.charCodeAt(0)));

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a)
  );
}

/** The text with runs of white space folded to one space and quote marks to ' and ", with an offset map. */
export interface FoldedText {
  folded: string;
  /** `starts[i]`: offset in the original of folded character i; `starts[folded.length]` = original length. */
  starts: number[];
}

export function fold(text: string): FoldedText {
  const out: string[] = [];
  const starts: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (lastSpace) continue;
      out.push(' ');
      lastSpace = true;
    } else {
      out.push(DOUBLE_QUOTES.has(code) ? '"' : SINGLE_QUOTES.has(code) ? "'" : text[i]!);
      lastSpace = false;
    }
    starts.push(i);
  }
  starts.push(text.length);
  return { folded: out.join(''), starts };
}

/** Every occurrence of `needle` in the text (folded alike), as exact spans of the original text. */
export function findAll(text: string, haystack: FoldedText, needle: string, options: { ignoreCase?: boolean } = {}): Span[] {
  const target = fold(needle).folded.trim();
  if (target === '') return [];
  const source = options.ignoreCase ? haystack.folded.toLowerCase() : haystack.folded;
  const wanted = options.ignoreCase ? target.toLowerCase() : target;
  const spans: Span[] = [];
  for (let at = source.indexOf(wanted); at >= 0; at = source.indexOf(wanted, at + 1)) {
    const start = haystack.starts[at]!;
    // The last matched character's original offset + 1 (not starts[at + len], which would swallow folded white space).
    const end = haystack.starts[at + wanted.length - 1]! + 1;
    spans.push({ text: text.slice(start, end), start, end });
  }
  return spans;
}

const EDGE_QUOTES = /^[\s"'“”„‟«»‘’‚‛‹›]+|[\s"'“”„‟«»‘’‚‛‹›]+$/g;

/** A model's quote without the quotation marks it may have put around it. */
export function bareQuote(value: string): string {
  return value.replace(EDGE_QUOTES, '');
}

// Titles a model may put before a name that the article itself does not use.
const TITLES = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president prime minister sen senator rep gov governor gen general chancellor secretary judge justice king queen prince princess pope'.split(
    ' ',
  ),
);

function words(value: string): string[] {
  return value
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((word) => word.replace(/^['’-]+|['’-]+$/g, ''))
    .filter(Boolean);
}

/** An article prepared once for many look-ups: folded text and its set of lower-cased words. */
export interface ArticleIndex {
  text: string;
  folded: FoldedText;
  words: Set<string>;
}

export function indexArticle(text: string): ArticleIndex {
  return { text, folded: fold(text), words: new Set(words(text).map((word) => word.toLowerCase())) };
}

/**
 * True when the article names this person or body: every capitalised word of the name ("Maria Lopez")
 * appears in the text as a word, titles aside; a description without capitals ("a police spokesman")
 * must appear whole.
 */
export function mentions(article: ArticleIndex, name: string): boolean {
  const nameWords = words(name).filter((word) => !TITLES.has(word.toLowerCase().replace(/\.$/, '')));
  const proper = nameWords.filter((word) => /^\p{Lu}/u.test(word));
  if (proper.length === 0) return nameWords.length > 0 && findAll(article.text, article.folded, name, { ignoreCase: true }).length > 0;
  return proper.every((word) => article.words.has(word.toLowerCase()) || article.words.has(word.toLowerCase().replace(/['’]s$/, '')));
}

export interface ModelQuote {
  text: string;
  speaker: string | null;
}

/** Quotes found verbatim in the article whose speaker the article names; the rest are dropped. */
export function groundQuotes(article: ArticleIndex, quotes: ModelQuote[]): { kept: Quote[]; dropped: ModelQuote[] } {
  const { text, folded: haystack } = article;
  const kept: Quote[] = [];
  const dropped: ModelQuote[] = [];
  for (const quote of quotes) {
    const quoted = bareQuote(quote.text);
    const speaker = quote.speaker?.trim() || null;
    const spans = quoted.length >= 3 ? findAll(text, haystack, quoted) : [];
    const span = spans.find((candidate) => !kept.some((other) => overlaps(other, candidate)));
    if (!span || (speaker !== null && !mentions(article, speaker))) {
      dropped.push(quote);
      continue;
    }
    kept.push({ ...span, speaker });
  }
  kept.sort((a, b) => a.start - b.start);
  return { kept, dropped };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Summary sentences as the model wrote them; those copied from the article keep their offsets. */
export function locateSummary(article: ArticleIndex, sentences: string[], limit: number): SummarySentence[] {
  const { text, folded: haystack } = article;
  const seen = new Set<string>();
  const out: SummarySentence[] = [];
  for (const raw of sentences) {
    const sentence = raw.replace(/\s+/g, ' ').trim();
    if (sentence === '' || seen.has(sentence.toLowerCase())) continue;
    seen.add(sentence.toLowerCase());
    const span = findAll(text, haystack, sentence)[0];
    out.push(span ? { text: span.text, start: span.start, end: span.end } : { text: sentence });
    if (out.length >= limit) break;
  }
  return out;
}
