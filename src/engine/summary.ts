// Extractive summary: a small learned linear scorer over case-free sentence features (position,
// length, centrality, boilerplate cues), then greedy selection with redundancy control.
// Weights come from scripts/train-summary.ts (see docs/engine-summary.md).
import type { Span } from '../core/types.ts';
import { splitSentences } from './sentences.ts';
import { STOP_WORDS, stem } from './text.ts';
import model from './summary-model.json' with { type: 'json' };

export interface SummaryOptions {
  /** How many sentences (default 3). */
  sentences?: number;
  /** The article's title; its words count as extra mentions when measuring centrality. */
  title?: string;
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
  'pos0', 'pos1', 'pos2', 'pos3', 'pos4', 'pos5', 'pos6_7', 'pos8_10', 'pos11_15', 'pos16up',
  'relPos', 'last',
  'len0_4', 'len5_9', 'len10_14', 'len15_19', 'len20_29', 'len30_39', 'len40up', 'logLen',
  'centrality', 'cosine', 'isf', 'leadOverlap', 'prevOverlap', 'stopFrac', 'numFrac',
  'quote', 'startsQuote', 'digit', 'caption', 'boilerplate', 'question', 'attribution', 'paren', 'colon',
] as const;

const WORD = /[\p{L}\p{N}]+/gu;
// Markers of photo captions, page furniture and bylines in extracted news pages.
const BOILERPLATE =
  /\b(?:scroll down|click here|read more|published :|updated :|follow us|follow @|e-?mail|newsletter|all rights reserved|copyright|subscribe|watch the video|video :|pictured|photo :|image :|getty images|reporter)\b/;
const CAPTION = /^[\p{L}'’\- ]{1,40} : /u;
const QUOTE = /``|''|["“”‘’]|(?:^|\s)'(?=\s|\p{L})/u;
const ATTRIBUTION = /\b(?:said|says|told|according to|added|stated|explained)\b/;

interface Sent {
  span: Span;
  stems: string[];
  content: string[];
  set: Set<string>;
}

function prepare(span: Span): Sent {
  const words = span.text.toLowerCase().match(WORD) ?? [];
  const stems: string[] = new Array(words.length);
  const content: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const s = stem(w);
    stems[i] = s;
    if (!STOP_WORDS.has(w)) content.push(s);
  }
  return { span, stems, content, set: new Set(content) };
}

function overlap(a: Sent, b: Sent): number {
  if (a.set.size === 0 || b.set.size === 0) return 0;
  let shared = 0;
  for (const w of a.set) if (b.set.has(w)) shared++;
  return shared / Math.min(a.set.size, b.set.size);
}

/** Feature vectors (FEATURE_NAMES order) for each sentence, and the prepared sentences. */
export function sentenceFeatures(spans: Span[], title?: string): { sents: Sent[]; features: Float64Array[] } {
  const sents = spans.map(prepare);
  const n = sents.length;
  const tf = new Map<string, number>();
  const sf = new Map<string, number>();
  for (const s of sents) {
    for (const w of s.content) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const w of s.set) sf.set(w, (sf.get(w) ?? 0) + 1);
  }
  if (title) {
    // Title words are what the article is about: count them as three more mentions each.
    for (const w of prepare({ text: title, start: 0, end: title.length }).set) tf.set(w, (tf.get(w) ?? 0) + 3);
  }
  let docNorm = 0;
  for (const v of tf.values()) docNorm += v * v;
  docNorm = Math.sqrt(docNorm) || 1;

  const features: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const s = sents[i]!;
    const text = s.span.text.toLowerCase();
    const len = s.stems.length;
    const f = new Float64Array(FEATURE_NAMES.length);
    const posBucket = i <= 5 ? i : i <= 7 ? 6 : i <= 10 ? 7 : i <= 15 ? 8 : 9;
    f[posBucket] = 1;
    f[10] = n > 1 ? i / (n - 1) : 0;
    f[11] = i === n - 1 && n > 1 ? 1 : 0;
    const lenBucket = len < 5 ? 0 : len < 10 ? 1 : len < 15 ? 2 : len < 20 ? 3 : len < 30 ? 4 : len < 40 ? 5 : 6;
    f[12 + lenBucket] = 1;
    f[19] = Math.log1p(len);
    let central = 0;
    let dot = 0;
    let isf = 0;
    const local = new Map<string, number>();
    for (const w of s.content) local.set(w, (local.get(w) ?? 0) + 1);
    let selfNorm = 0;
    for (const [w, c] of local) {
      const t = tf.get(w) ?? 0;
      central += Math.log1p(t - c);
      dot += c * t;
      selfNorm += c * c;
      isf += Math.log(n / (sf.get(w) ?? 1));
    }
    const k = local.size || 1;
    f[20] = central / k;
    f[21] = dot / ((Math.sqrt(selfNorm) || 1) * docNorm);
    f[22] = isf / k / Math.log(n + 1);
    f[23] = i > 0 ? overlap(s, sents[0]!) : 0;
    f[24] = i > 0 ? overlap(s, sents[i - 1]!) : 0;
    f[25] = len > 0 ? 1 - s.content.length / len : 1;
    let nums = 0;
    for (const w of s.stems) if (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57) nums++;
    f[26] = len > 0 ? nums / len : 0;
    f[27] = QUOTE.test(text) ? 1 : 0;
    f[28] = /^\s*(?:``|["“‘']|`)/.test(text) ? 1 : 0;
    f[29] = nums > 0 ? 1 : 0;
    f[30] = CAPTION.test(text) ? 1 : 0;
    f[31] = BOILERPLATE.test(text) ? 1 : 0;
    f[32] = /\?\s*(?:''|["”’'])?\s*$/.test(text) ? 1 : 0;
    f[33] = ATTRIBUTION.test(text) ? 1 : 0;
    f[34] = text.includes('(') ? 1 : 0;
    f[35] = text.includes(':') ? 1 : 0;
    features.push(f);
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
  while (chosen.length < count && chosen.length < sents.length) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < sents.length; i++) {
      if (used[i]) continue;
      let sim = 0;
      for (const c of chosen) sim = Math.max(sim, overlap(sents[i]!, sents[c]!));
      const s = scores[i]! - redundancy * sim;
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    used[best] = 1;
    chosen.push(best);
  }
  return chosen.sort((a, b) => a - b);
}

const MODEL = model as SummaryModel;

/** The `sentences` (default 3) most informative sentences of the text, in article order, with exact offsets. */
export function summarize(text: string, options: SummaryOptions = {}, m: SummaryModel = MODEL): Span[] {
  const count = Math.max(0, Math.floor(options.sentences ?? 3));
  const spans = splitSentences(text);
  if (count === 0 || spans.length === 0) return [];
  if (spans.length <= count) return spans;
  const { sents, features } = sentenceFeatures(spans, options.title);
  const scores = features.map((f) => scoreFeatures(f, m));
  return select(sents, scores, count, m.redundancy).map((i) => spans[i]!);
}
