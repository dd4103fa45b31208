import type { Span } from '../core/types.ts';
import { prepareDoc, questionStems, type PreparedDoc, type Sentence } from './answer/tokens.ts';

const K1 = 1.2;
const B = 0.75;

/**
 * Sentence statistics for BM25: every sentence of every document is one "document" of the
 * collection, so a word frequent across the article weighs little.
 */
export class SentenceCollection {
  readonly size: number;
  readonly avgLength: number;
  // Only the question's few terms ever need an idf: sum the documents' counts on demand.
  private readonly idfs = new Map<string, number>();

  constructor(readonly docs: PreparedDoc[]) {
    let n = 0;
    let total = 0;
    for (const doc of docs) {
      n += doc.sentences.length;
      total += doc.contentLength;
    }
    this.size = n;
    this.avgLength = n > 0 ? total / n : 0;
  }

  /** Number of sentences holding the term. */
  docFreq(term: string): number {
    let df = 0;
    for (const doc of this.docs) df += doc.sentenceFreq.get(term) ?? 0;
    return df;
  }

  /** BM25 idf, kept positive (Lucene's variant); a term absent from the collection gets the largest weight. */
  idf(term: string): number {
    let idf = this.idfs.get(term);
    if (idf === undefined) {
      const df = this.docFreq(term);
      idf = Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      this.idfs.set(term, idf);
    }
    return idf;
  }

  /** BM25 score of a bag of terms (`termFreq`, `length` content tokens) for the distinct query terms. */
  score(terms: Iterable<string>, termFreq: Map<string, number>, length: number): number {
    let score = 0;
    const norm = K1 * (1 - B + (B * length) / (this.avgLength || 1));
    for (const term of terms) {
      const tf = termFreq.get(term) ?? 0;
      if (tf > 0) score += (this.idf(term) * tf * (K1 + 1)) / (tf + norm);
    }
    return score;
  }

  scoreSentence(terms: Iterable<string>, sentence: Sentence): number {
    return this.score(terms, sentence.termFreq, sentence.length);
  }
}

/** Top sentence of a prepared text by BM25, or null when no question term occurs in it. */
export function bm25Rank(question: string, collection: SentenceCollection): { docIndex: number; sentence: Sentence; score: number } | null {
  const terms = [...new Set(questionStems(question, true))];
  let best: { docIndex: number; sentence: Sentence; score: number } | null = null;
  collection.docs.forEach((doc, docIndex) => {
    for (const sentence of doc.sentences) {
      const score = collection.scoreSentence(terms, sentence);
      if (score > 0 && (best === null || score > best.score)) best = { docIndex, sentence, score };
    }
  });
  return best;
}

/**
 * The plain baseline: the sentence of `text` with the highest BM25 score for the question
 * (stop words removed, Porter stems), cut to its first `maxChars` characters at a word boundary.
 * Null when no content word of the question occurs in the text.
 */
export function bm25Answer(question: string, text: string, options: { maxChars?: number } = {}): { span: Span; score: number } | null {
  const best = bm25Rank(question, new SentenceCollection([prepareDoc('', text, true)]));
  if (!best) return null;
  return { span: truncateSpan(text, best.sentence.span, options.maxChars ?? 300), score: best.score };
}

/** The first `maxChars` characters of a span, cut back to a word boundary when that keeps most of it. */
export function truncateSpan(text: string, span: Span, maxChars: number): Span {
  if (span.end - span.start <= maxChars) return span;
  let end = span.start + maxChars;
  const lastSpace = text.lastIndexOf(' ', end);
  if (lastSpace > span.start + maxChars / 2) end = lastSpace;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { text: text.slice(span.start, end), start: span.start, end };
}
