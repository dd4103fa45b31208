// Extractive summary: a small learned linear scorer over case-free sentence features (position,
// length, centrality, boilerplate cues), then greedy selection with redundancy control.
// Weights come from scripts/train-summary.ts (see docs/engine-summary.md).
import type { Span } from '../core/types.ts';
import { splitFrom, splitSentences } from './sentences.ts';
import { quoteSpansOf } from './quotes/spans.ts';
import { nameInFull, type ShownSpan } from './summary-names.ts';
import { readableSpans } from './summary-readable.ts';
import { CUE_ATTRIBUTION, CUE_BOILERPLATE, idRepeats, kept, resetVocabulary, stemCount, vocabularySize, wordCode, wordCues, wordIds } from './summary-words.ts';
import model from './summary-model.json' with { type: 'json' };

export interface SummaryOptions {
  /** How many sentences (default 3). */
  sentences?: number;
  /** The article's title; its words count as extra mentions when measuring centrality. */
  title?: string;
  /** The text's sentences, when the caller has already split it (the engine shares one split). */
  spans?: Span[];
}

export interface SummaryModel {
  features: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Score penalty per unit of content-word overlap (0..1) with an already chosen sentence. */
  redundancy: number;
}

export const FEATURE_NAMES = [
  'pos0',
  'pos1',
  'pos2',
  'pos3',
  'pos4',
  'pos5',
  'pos6_7',
  'pos8_10',
  'pos11_15',
  'pos16up',
  'relPos',
  'last',
  'len0_4',
  'len5_9',
  'len10_14',
  'len15_19',
  'len20_29',
  'len30_39',
  'len40up',
  'logLen',
  'centrality',
  'cosine',
  'isf',
  'leadOverlap',
  'prevOverlap',
  'stopFrac',
  'numFrac',
  'quote',
  'startsQuote',
  'digit',
  'caption',
  'boilerplate',
  'question',
  'attribution',
  'paren',
  'colon',
] as const;

// Markers of photo captions, page furniture and bylines in extracted news pages.
const BOILERPLATE =
  /\b(?:scroll down|click here|read more|published ?:|updated ?:|follow us|follow @|e-?mail|newsletter|all rights reserved|copyright|subscribe|watch the video|video :|pictured|photo :|image :|getty images|reporter)\b/;
// Page furniture that is never summary material: bylines, date stamps, links, share prompts.
const FURNITURE =
  /^(?:by\s[^.!?]{0,60}$|by \.|(?:published|updated|last updated|posted|last modified)\b\s*:?|(?:scroll down|click here|read more|sign up|subscribe|follow us|share this|advertisement|related :|related:)|(?:photo|image|picture|video)s?(?: credit)?\s*:\s*\S{0,40}$)/;
const CAPTION = /^[\p{L}'’\- ]{1,40} : /u;
const QUOTE = /``|''|["“”‘’]|(?:^|\s)'(?=\s|\p{L})/u;
const ATTRIBUTION = /\b(?:said|says|told|according to|added|stated|explained)\b/;
const STARTS_QUOTE = /^\s*(?:``|["“‘']|`)/;
const QUESTION = /\?\s*(?:''|["”’'])?\s*$/;

/** A sentence reduced to integer stem ids (per-process vocabulary), for cheap counting. */
export interface Sent {
  span: Span;
  /** Number of word tokens. */
  length: number;
  /** Stem ids of the content (non-stop) words, in order. */
  content: Int32Array;
  /** Distinct content stem ids. */
  unique: Int32Array;
  /** Tokens that start with a digit. */
  numbers: number;
  /** The CUE_* bits of its words, or-ed: which cue regexes it may match. */
  cues: number;
}

// Counting buffers indexed by stem id, reused across articles so scoring one allocates almost
// nothing. The word table (summary-words.ts) is reset when it grows too large.
const VOCAB_MAX = 200_000;
// Per stem id, four numbers side by side (one cache line holds four ids, where four arrays took
// four lines): its count in the article (tf), the sentences holding it (sf), its count in the
// sentence being scored, and the stamp of the last sentence that marked it. All are whole numbers
// well under 2^31, so 32-bit integers hold them exactly in half the memory doubles took.
const TF = 0;
const SF = 1;
const COUNT = 2;
const MARK = 3;
let stats = new Int32Array(4 << 14);
let stamp = 0;

// log1p of the small whole numbers centrality adds up (the same values Math.log1p gives).
const LOG1P = Float64Array.from({ length: 1024 }, (_, k) => Math.log1p(k));

/** Called before an article's words are read: bounds the word table a long-running bot keeps. */
function beginArticle(): void {
  if (vocabularySize() > VOCAB_MAX) resetVocabulary();
  if (stamp > 2e9) {
    for (let at = MARK; at < stats.length; at += 4) stats[at] = 0;
    stamp = 0;
  }
}

function grow(min: number): void {
  if (min * 4 <= stats.length) return;
  let size = stats.length;
  while (size < min * 4) size *= 2;
  const bigger = new Int32Array(size);
  bigger.set(stats);
  stats = bigger;
}

// Scratch for prepare, grown as needed.
let contentScratch = new Int32Array(256);
let uniqueScratch = new Int32Array(256);

function prepare(span: Span, ids: Int32Array): Sent {
  grow(stemCount());
  if (ids.length > contentScratch.length) {
    contentScratch = new Int32Array(ids.length * 2);
    uniqueScratch = new Int32Array(ids.length * 2);
  }
  const content = contentScratch;
  const unique = uniqueScratch;
  let nContent = 0;
  let nUnique = 0;
  const s = ++stamp;
  let numbers = 0;
  let cues = 0;
  for (let w = 0; w < ids.length; w++) {
    cues |= wordCues(ids[w]!);
    const code = wordCode(ids[w]!);
    if (code & 2) numbers++;
    if (code & 1) continue;
    const id = code >> 2;
    content[nContent++] = id;
    if (stats[id * 4 + MARK] !== s) {
      stats[id * 4 + MARK] = s;
      unique[nUnique++] = id;
    }
  }
  return { span, length: ids.length, content: kept(content, nContent), unique: kept(unique, nUnique), numbers, cues };
}

/** |A ∩ B| / min(|A|, |B|) over distinct content stems. */
function overlap(a: Sent, b: Sent): number {
  if (a.unique.length === 0 || b.unique.length === 0) return 0;
  const s = ++stamp;
  const st = stats;
  for (const id of b.unique) st[id * 4 + MARK] = s;
  let shared = 0;
  for (const id of a.unique) if (st[id * 4 + MARK] === s) shared++;
  return shared / Math.min(a.unique.length, b.unique.length);
}

/**
 * The sentences worth scoring: page furniture (bylines, date stamps, "click here") is dropped,
 * unless that would leave fewer than `min` sentences. Positions are counted among these.
 */
export function candidateSentences(spans: Span[], min: number, text?: string): Span[] {
  const inside = text === undefined ? [] : midQuoteStarts(text);
  const kept = spans.filter((s) => !isFurniture(s.text) && !startsInside(s.start, inside));
  return kept.length >= min ? kept : spans;
}

// The letters FURNITURE's alternatives open with (lower-cased ASCII, one bit each): a sentence that
// opens with another ASCII character cannot match it and is not lower-cased to be tested.
const FURNITURE_FIRST = [...'bplsuscrfaiv'].reduce((bits, c) => bits | (1 << (c.charCodeAt(0) - 97)), 0);

function isFurniture(text: string): boolean {
  const t = text.trim();
  const c = t.charCodeAt(0) | 32;
  if (t.charCodeAt(0) < 128 && !(c >= 97 && c <= 122 && (FURNITURE_FIRST >> (c - 97)) & 1)) return false;
  return FURNITURE.test(t.toLowerCase());
}

function startsInside(start: number, passages: [number, number][]): boolean {
  for (const [open, end] of passages) if (start > open && start < end) return true;
  return false;
}

/**
 * Double-quoted passages as [opening mark, end]: a sentence that starts inside one continues a quote
 * begun in an earlier sentence ("Signing up took one click. Leaving took ten minutes," she said),
 * and shown alone it would read as the writer's words with a stray closing mark; so would a paragraph
 * that continues the quote of the paragraph before. The quotes and
 * the timeline read the same spans: the shared copy is read, not recomputed.
 */
function midQuoteStarts(text: string): [number, number][] {
  return (
    quoteSpansOf(text)
      .filter((span) => /["“”]/.test(text[span.open] ?? ''))
      // A paragraph that reopens the quote of the paragraph before (the news convention for a long
      // quote) has its speaker up there: from its very first mark it is someone's words unattributed.
      .map((span) => [span.continued ? span.open - 1 : span.open, span.end])
  );
}

/** Feature vectors (FEATURE_NAMES order) for each sentence, and the prepared sentences. */
export function sentenceFeatures(
  spans: Span[],
  title?: string,
  /** The spans' word ids, when the caller has read them (then it has called beginArticle). */
  idsOf?: (span: Span) => Int32Array,
): { sents: Sent[]; features: Float64Array[] } {
  if (!idsOf) beginArticle();
  const sents = spans.map((span) => prepare(span, idsOf ? idsOf(span) : wordIds(span.text)));
  const n = sents.length;
  // Read after prepare, which may grow the table (and again after the title's).
  let st = stats;
  const touched: number[] = [];
  for (const s of sents) {
    for (const id of s.content) {
      if (st[id * 4 + TF] === 0) touched.push(id);
      st[id * 4 + TF]! += 1;
    }
    for (const id of s.unique) st[id * 4 + SF]! += 1;
  }
  if (title) {
    // Title words are what the article is about: count them as three more mentions each.
    const span = { text: title, start: 0, end: title.length };
    const { unique } = prepare(span, wordIds(title));
    st = stats;
    for (const id of unique) {
      if (st[id * 4 + TF] === 0) touched.push(id);
      st[id * 4 + TF]! += 3;
    }
  }
  let docNorm = 0;
  for (const id of touched) docNorm += st[id * 4 + TF]! * st[id * 4 + TF]!;
  docNorm = Math.sqrt(docNorm) || 1;

  // log(n / sentence frequency) for each frequency 1..n: an article needs only these n values.
  const isfLog = new Float64Array(n + 1);
  for (let sf = 1; sf <= n; sf++) isfLog[sf] = Math.log(n / sf);
  const features: Float64Array[] = [];
  // One buffer for all the vectors (see kept in summary-words.ts), each a view on its own part.
  const block = new Float64Array(n * FEATURE_NAMES.length);
  for (let i = 0; i < n; i++) {
    const s = sents[i]!;
    // The cue regexes read the lower-cased text, but lower-casing changes no quote mark, space or
    // punctuation: only the caption, boilerplate and attribution tests need it, and the latter two
    // only when a word could start a match (summary-words.ts CUE_*).
    const raw = s.span.text;
    const lower = s.cues !== 0 || raw.includes(' : ') ? raw.toLowerCase() : '';
    const len = s.length;
    const f = new Float64Array(block.buffer, i * FEATURE_NAMES.length * 8, FEATURE_NAMES.length);
    const posBucket = i <= 5 ? i : i <= 7 ? 6 : i <= 10 ? 7 : i <= 15 ? 8 : 9;
    f[posBucket] = 1;
    f[10] = n > 1 ? i / (n - 1) : 0;
    f[11] = i === n - 1 && n > 1 ? 1 : 0;
    const lenBucket = len < 5 ? 0 : len < 10 ? 1 : len < 15 ? 2 : len < 20 ? 3 : len < 30 ? 4 : len < 40 ? 5 : 6;
    f[12 + lenBucket] = 1;
    f[19] = Math.log1p(len);
    // Per distinct stem, in order of first use: the order a Map of counts would iterate in.
    for (const id of s.content) st[id * 4 + COUNT]!++;
    let central = 0;
    let dot = 0;
    let isf = 0;
    let selfNorm = 0;
    for (const id of s.unique) {
      const c = st[id * 4 + COUNT]!;
      st[id * 4 + COUNT] = 0;
      const t = st[id * 4 + TF]!;
      central += t - c < LOG1P.length ? LOG1P[t - c]! : Math.log1p(t - c);
      dot += c * t;
      selfNorm += c * c;
      isf += isfLog[st[id * 4 + SF]! || 1]!;
    }
    const k = s.unique.length || 1;
    f[20] = central / k;
    f[21] = dot / ((Math.sqrt(selfNorm) || 1) * docNorm);
    f[22] = isf / k / Math.log(n + 1);
    f[23] = i > 0 ? overlap(s, sents[0]!) : 0;
    f[24] = i > 0 ? overlap(s, sents[i - 1]!) : 0;
    f[25] = len > 0 ? 1 - s.content.length / len : 1;
    f[26] = len > 0 ? s.numbers / len : 0;
    f[27] = QUOTE.test(raw) ? 1 : 0;
    f[28] = STARTS_QUOTE.test(raw) ? 1 : 0;
    f[29] = s.numbers > 0 ? 1 : 0;
    f[30] = lower !== '' && CAPTION.test(lower) ? 1 : 0;
    f[31] = s.cues & CUE_BOILERPLATE && BOILERPLATE.test(lower) ? 1 : 0;
    f[32] = raw.includes('?') && QUESTION.test(raw) ? 1 : 0;
    f[33] = s.cues & CUE_ATTRIBUTION && ATTRIBUTION.test(lower) ? 1 : 0;
    f[34] = raw.includes('(') ? 1 : 0;
    f[35] = raw.includes(':') ? 1 : 0;
    features.push(f);
  }
  for (const id of touched) {
    st[id * 4 + TF] = 0;
    st[id * 4 + SF] = 0;
  }
  return { sents, features };
}

/** Linear score of one standardised feature vector. */
export function scoreFeatures(f: Float64Array, m: SummaryModel): number {
  let s = m.bias;
  for (let j = 0; j < f.length; j++) s += m.weights[j]! * ((f[j]! - m.mean[j]!) / m.std[j]!);
  return s;
}

/** Greedy pick of `count` sentences by score, penalising overlap with what is already chosen. */
export function select(sents: Sent[], scores: number[], count: number, redundancy: number): number[] {
  const chosen: number[] = [];
  const used = new Uint8Array(sents.length);
  const maxSim = new Float64Array(sents.length);
  while (chosen.length < count && chosen.length < sents.length) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < sents.length; i++) {
      if (used[i]) continue;
      const s = scores[i]! - redundancy * maxSim[i]!;
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    used[best] = 1;
    chosen.push(best);
    if (redundancy !== 0) for (let i = 0; i < sents.length; i++) if (!used[i]) maxSim[i] = Math.max(maxSim[i]!, overlap(sents[i]!, sents[best]!));
  }
  return chosen.sort((a, b) => a - b);
}

const MODEL = model as SummaryModel;

/** The `sentences` (default 3) most informative sentences of the text, in article order, with exact offsets. */
export function summarize(text: string, options: SummaryOptions = {}, m: SummaryModel = MODEL): ShownSpan[] {
  const count = Math.max(0, Math.floor(options.sentences ?? 3));
  const all = options.spans ?? splitSentences(text);
  if (count === 0 || all.length === 0) return [];
  beginArticle();
  // Each sentence's words are read once, for the repeat check and for the features; in place in
  // the text when the spans are splitSentences' own for it (their text is its slice; the headline's
  // span, trimmed, is read in place only when trimming took nothing off).
  const own = splitFrom(all) === text;
  const read = new Map<Span, Int32Array>();
  const idsOf = (span: Span): Int32Array => {
    let ids = read.get(span);
    if (ids === undefined) read.set(span, (ids = own && span.end - span.start === span.text.length ? wordIds(text, span.start, span.end) : wordIds(span.text)));
    return ids;
  };
  const { spans, headline } = readableSpans(candidateSentences(all, count, text), text, count, options.title !== undefined, idRepeats(idsOf));
  const cased = /\p{Lu}/u.test(text);
  // A short text is all summary, less its headline and what a reader cannot take alone.
  if (spans.length <= count) return cased ? nameInFull(text, spans) : spans;
  const { sents, features } = sentenceFeatures(spans, options.title ?? (headline || undefined), idsOf);
  const scores = features.map((f) => scoreFeatures(f, m));
  const chosen = select(sents, scores, count, m.redundancy);
  // The lead (the first readable sentence after any headline, byline or dateline) is the news
  // itself: it stays in, in place of the weakest pick. Only in cased text: a lower-cased text (the
  // CNN/DM release) has lost the capitals that tell a lead from a byline or caption run-in, and there
  // the learned position weights already decide (forcing it there costs 1 ROUGE-1 point).
  if (!chosen.includes(0) && cased) {
    const weakest = chosen.reduce((a, b) => (scores[b]! < scores[a]! ? b : a));
    chosen.splice(chosen.indexOf(weakest), 1, 0);
    chosen.sort((a, b) => a - b);
  }
  const picked = chosen.map((i) => spans[i]!);
  return cased ? nameInFull(text, picked) : picked;
}
