import type { Span } from '../../core/types.ts';
import { SentenceCollection } from '../bm25.ts';
import { featuresOf, type Candidate } from './features.ts';
import type { QuestionInfo } from './question.ts';
import type { PreparedDoc, Token } from './tokens.ts';

export interface ScoredCandidate {
  candidate: Candidate;
  features: number[];
}

/**
 * Every single sentence that shares a term with the question, and every pair of adjacent
 * sentences (at least one of them sharing a term) that fits in `maxChars`, with its features.
 */
export function scoreCandidates(q: QuestionInfo, docs: PreparedDoc[], collection: SentenceCollection, maxChars: number): ScoredCandidate[] {
  const idf = new Map<string, number>();
  let totalIdf = 0;
  for (const t of q.terms) {
    const w = collection.idf(t);
    idf.set(t, w);
    totalIdf += w;
  }
  const out: ScoredCandidate[] = [];
  if (totalIdf === 0) return out;
  docs.forEach((doc, docIndex) => {
    const hits = doc.sentences.map((s) => q.terms.some((t) => s.termFreq.has(t)));
    for (let i = 0; i < doc.sentences.length; i++) {
      if (hits[i]) {
        const c = { docIndex, first: i, count: 1 };
        out.push({ candidate: c, features: featuresOf(q, doc, c, collection, idf, totalIdf) });
      }
      const next = doc.sentences[i + 1];
      if (next && (hits[i] || hits[i + 1]) && next.span.end - doc.sentences[i]!.span.start <= maxChars) {
        const c = { docIndex, first: i, count: 2 };
        out.push({ candidate: c, features: featuresOf(q, doc, c, collection, idf, totalIdf) });
      }
    }
  });
  return out;
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
  let bestFrom = start;
  let bestScore = -1;
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
      bestFrom = from;
    }
  }
  let to = Math.min(end, bestFrom + maxChars);
  const lastFit = tokens.filter((t) => t.start >= bestFrom && t.end <= to).at(-1);
  if (lastFit && to < end) to = lastFit.end;
  return [bestFrom, to];
}
