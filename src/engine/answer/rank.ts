import type { Span } from '../../core/types.ts';
import { SentenceCollection } from '../bm25.ts';
import { featureContext, featuresOf, type Candidate } from './features.ts';
import type { QuestionInfo } from './question.ts';
import type { PreparedDoc, Sentence, Token } from './tokens.ts';

export interface ScoredCandidate {
  candidate: Candidate;
  features: number[];
}

/** How many candidates, the best by BM25, get the full features (the model was trained on as many). */
export const SHORTLIST = 60;

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
      if (next && (hits[i] || hits[i + 1]) && next.span.end - sentence.span.start <= maxChars) {
        pool.push({ candidate: { docIndex, first: i, count: 2 }, bm25: pairBm25(q, collection, sentence, next) });
      }
    }
  });
  // Stable order on ties (the sort is stable), so the result never depends on anything but the input.
  pool.sort((a, b) => b.bm25 - a.bm25);
  return pool.slice(0, SHORTLIST).map(({ candidate }) => ({
    candidate,
    features: featuresOf(q, docs[candidate.docIndex]!, candidate, ctx),
  }));
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
 * the window that holds the most question weight, widened to a word boundary on both sides.
 */
export function candidateSpan(doc: PreparedDoc, c: Candidate, q: QuestionInfo, idf: (term: string) => number, maxChars: number): Span {
  const first = doc.sentences[c.first]!;
  const last = doc.sentences[c.first + c.count - 1]!;
  const start = first.span.start;
  const end = last.span.end;
  if (end - start <= maxChars) return { text: doc.text.slice(start, end), start, end };
  const tokens = doc.sentences.slice(c.first, c.first + c.count).flatMap((s) => s.tokens);
  const [from, to] = bestWindow(tokens, q, idf, maxChars, start, end);
  return { text: doc.text.slice(from, to), start: from, end: to };
}

function bestWindow(tokens: Token[], q: QuestionInfo, idf: (term: string) => number, maxChars: number, start: number, end: number): [number, number] {
  const terms = new Set(q.terms);
  const weight = tokens.map((t) => (!t.stop && terms.has(t.stem) ? idf(t.stem) : 0));
  let bestScore = -1;
  let tied: number[] = [];
  // Windows start at a token (or the sentence start) and run to the last token that still fits.
  const starts = [start, ...tokens.map((t) => t.start)];
  let right = 0;
  let sum = 0;
  const seen = new Map<string, number>();
  let left = 0;
  for (const from of starts) {
    while (left < tokens.length && tokens[left]!.start < from) {
      const t = tokens[left]!;
      if (weight[left]! > 0) {
        const n = seen.get(t.stem)! - 1;
        if (n === 0) {
          seen.delete(t.stem);
          sum -= weight[left]!;
        } else seen.set(t.stem, n);
      }
      left++;
    }
    while (right < tokens.length && tokens[right]!.end - from <= maxChars) {
      const t = tokens[right]!;
      if (weight[right]! > 0) {
        const n = seen.get(t.stem) ?? 0;
        if (n === 0) sum += weight[right]!;
        seen.set(t.stem, n + 1);
      }
      right++;
    }
    if (sum > bestScore) {
      bestScore = sum;
      tied = [from];
    } else if (sum === bestScore) tied.push(from);
  }
  // Of the windows holding the most question weight, the middle one puts the matched words in the
  // centre, leaving room for the answer on either side of them.
  const bestFrom = tied[Math.floor((tied.length - 1) / 2)] ?? start;
  let to = Math.min(end, bestFrom + maxChars);
  const lastFit = tokens.filter((t) => t.start >= bestFrom && t.end <= to).at(-1);
  if (lastFit && to < end) to = lastFit.end;
  return [bestFrom, to];
}
