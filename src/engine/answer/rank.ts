import type { Span } from '../../core/types.ts';
import type { SentenceCollection } from '../bm25.ts';
import { FEATURES, featureContext, featuresOf, isTypedValue, type Candidate } from './features.ts';
import type { QuestionInfo } from './question.ts';
import type { PreparedDoc, Sentence, Token } from './tokens.ts';

export interface ScoredCandidate {
  candidate: Candidate;
  features: number[];
}

/** How many candidates, the best by BM25, get the full features (the model was trained on as many). */
export const SHORTLIST = 60;

// "― Veronica Cruz" after a quote signs that quote: glued to the next quote it would name the wrong speaker.
const SIGNATURE = /^[―—–]\s*\p{Lu}[\p{L}.'’ -]{0,48}$/u;

/**
 * The candidates for a question, with their features: single sentences that share a term with
 * the question and pairs of adjacent sentences (one of them sharing a term) that fit in
 * `maxChars`; only the SHORTLIST best by BM25 are kept, which bounds the cost on many articles.
 */
export function scoreCandidates(q: QuestionInfo, docs: PreparedDoc[], collection: SentenceCollection, maxChars: number): ScoredCandidate[] {
  const ctx = featureContext(q, collection);
  if (ctx.totalIdf === 0) return [];
  const pool: { candidate: Candidate; bm25: number }[] = [];
  docs.forEach((doc, docIndex) => {
    const hits = doc.sentences.map((s) => q.terms.some((t) => s.termFreq.has(t)));
    for (let i = 0; i < doc.sentences.length; i++) {
      const sentence = doc.sentences[i]!;
      if (hits[i]) pool.push({ candidate: { docIndex, first: i, count: 1 }, bm25: collection.scoreSentence(q.terms, sentence) });
      const next = doc.sentences[i + 1];
      // Two sentences are offered together only within one paragraph: across a paragraph break the
      // second is about something else.
      if (
        next &&
        next.paragraph === sentence.paragraph &&
        (hits[i] || hits[i + 1]) &&
        next.span.end - sentence.span.start <= maxChars &&
        !SIGNATURE.test(sentence.span.text)
      ) {
        pool.push({ candidate: { docIndex, first: i, count: 2 }, bm25: pairBm25(q, collection, sentence, next) });
      }
    }
  });
  // Stable order on ties (the sort is stable), so the result never depends on anything but the input.
  pool.sort((a, b) => b.bm25 - a.bm25);
  const loose = FEATURES.indexOf('gluedLoose');
  // A pair whose one sentence holds neither a question word nor a value of the asked type adds
  // nothing but length: such pairs are never offered.
  const scored = pool
    .slice(0, SHORTLIST)
    .map(({ candidate }) => ({ candidate, features: featuresOf(q, docs[candidate.docIndex]!, candidate, ctx) }))
    .filter((s) => s.features[loose] === 0);
  // A how-much question about money is answered with an amount in a currency when the docs give one:
  // a span with none, or with only a share of it ("would contribute 60 million euros towards the
  // cost"), is not offered then, however many of the question's words it holds.
  const money = FEATURES.indexOf('moneyValue');
  return q.money && scored.some((s) => s.features[money] === 1) ? scored.filter((s) => s.features[money] === 1) : scored;
}

function pairBm25(q: QuestionInfo, collection: SentenceCollection, a: Sentence, b: Sentence): number {
  const termFreq = new Map<string, number>();
  for (const t of q.terms) {
    const n = (a.termFreq.get(t) ?? 0) + (b.termFreq.get(t) ?? 0);
    if (n > 0) termFreq.set(t, n);
  }
  return collection.score(q.terms, termFreq, a.length + b.length);
}

export function dot(weights: readonly number[], features: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < features.length; i++) s += (weights[i] ?? 0) * features[i]!;
  return s;
}

/**
 * The span to show for a candidate, at most `maxChars` long. A sentence longer than that is cut to
 * the window that holds the most question weight and, for a typed question (when, how many, who,
 * where), a value of that type; windows that open at the sentence's start or after a clause mark
 * (, ; : — or a bracket) are preferred, and the window closes at a clause mark when that keeps
 * everything it holds, so an over-long sentence is cut at its clauses rather than mid-phrase.
 */
export function candidateSpan(doc: PreparedDoc, c: Candidate, q: QuestionInfo, idf: (term: string) => number, maxChars: number): Span {
  const first = doc.sentences[c.first]!;
  const last = doc.sentences[c.first + c.count - 1]!;
  const start = first.span.start;
  const end = last.span.end;
  if (end - start <= maxChars) return { text: doc.text.slice(start, end), start, end };
  const tokens = doc.sentences.slice(c.first, c.first + c.count).flatMap((s) => s.tokens);
  const [from, to] = bestWindow(doc.text, tokens, q, idf, maxChars, start, end);
  return { text: doc.text.slice(from, to), start: from, end: to };
}

const CLAUSE_END = /[,;:)\]—–]$/;

function bestWindow(
  text: string,
  tokens: Token[],
  q: QuestionInfo,
  idf: (term: string) => number,
  maxChars: number,
  start: number,
  end: number,
): [number, number] {
  const terms = new Set(q.terms);
  const inQuestion = (t: Token): boolean => terms.has(t.stem) || q.words.has(t.lower);
  let maxIdf = 0;
  for (const t of q.terms) maxIdf = Math.max(maxIdf, idf(t));
  const weight = tokens.map((t, i) => {
    if (!t.stop && terms.has(t.stem)) return idf(t.stem);
    return q.type !== 'other' && isTypedValue(q.type, tokens, i, inQuestion) ? -1 : 0;
  });
  // Window starts: the sentence start, then each token; one after a clause mark is a clean start.
  const windows: { score: number; from: number; to: number; clean: boolean }[] = [];
  for (let k = -1; k < tokens.length; k++) {
    const from = k < 0 ? start : tokens[k]!.start;
    if (k >= 0 && from <= start) continue;
    const before = text.slice(start, from);
    const clean = k < 0 || CLAUSE_END.test(before.trimEnd()) || /[(“"]$/.test(before);
    let right = Math.max(k, 0);
    const seen = new Set<string>();
    let sum = 0;
    let typed = false;
    while (right < tokens.length && tokens[right]!.end - from <= maxChars) {
      const w = weight[right]!;
      if (w > 0 && !seen.has(tokens[right]!.stem)) {
        seen.add(tokens[right]!.stem);
        sum += w;
      } else if (w < 0) typed = true;
      right++;
    }
    const to = right >= tokens.length ? end : tokens[right - 1]!.end;
    windows.push({ score: sum + (typed ? 0.5 * maxIdf : 0), from, to, clean });
  }
  const top = Math.max(...windows.map((w) => w.score));
  const tied = windows.filter((w) => w.score >= top - 1e-9);
  // Of the windows holding the most, the middle one leaves room for the answer on either side of
  // the matched words; a clean start nearest to it is taken instead when there is one.
  const middle = tied[Math.floor((tied.length - 1) / 2)]!;
  const clean = tied.filter((w) => w.clean).sort((x, y) => Math.abs(x.from - middle.from) - Math.abs(y.from - middle.from))[0];
  const chosen = clean ?? middle;
  const from = chosen.from;
  const to = chosen.to;
  return [from, to];
}
