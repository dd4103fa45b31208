import type { Span } from '../../core/types.ts';
import { splitSentences } from '../sentences.ts';
import { isStopWord, stem, tokenize } from '../text.ts';

/** A word of a sentence with its offsets in the document text. */
export interface Token {
  /** Lower-cased surface form, as `tokenize` gives it. */
  lower: string;
  stem: string;
  start: number;
  end: number;
  /** First letter upper-case in the source text. */
  capitalized: boolean;
  /** A stop word: not matched against the question, but kept for offsets and proximity. */
  stop: boolean;
}

export interface Sentence {
  span: Span;
  /** Word tokens with offsets; built on first use, as only the shortlisted sentences need them. */
  readonly tokens: Token[];
  /** Distinct content stems of the sentence, with their counts. */
  termFreq: Map<string, number>;
  /** Number of content tokens (the BM25 document length). */
  length: number;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

export interface PreparedDoc {
  id: string;
  text: string;
  sentences: Sentence[];
  /** Sentence index ranges [first, end) of each paragraph. */
  paragraphs: [number, number][];
  /** For each content stem, the number of sentences that hold it. */
  sentenceFreq: Map<string, number>;
  /** Content tokens over all sentences. */
  contentLength: number;
}

/**
 * Word tokens of `text` with offsets. `tokenize` (the engine's one tokenizer) gives no offsets, so
 * its words are located in order in the lower-cased text.
 */
export function tokensWithOffsets(text: string, base = 0): Token[] {
  const lower = text.toLowerCase();
  // Lower-casing changes the length of a few letters ("İ"); then locate words chunk by chunk.
  if (lower.length !== text.length) return tokensByChunk(text, base);
  const out: Token[] = [];
  let from = 0;
  for (const word of tokenize(text)) {
    const at = lower.indexOf(word, from);
    if (at < 0) return tokensByChunk(text, base);
    from = at + word.length;
    out.push(makeToken(text, word, at, from, base));
  }
  return out;
}

function tokensByChunk(text: string, base: number): Token[] {
  const out: Token[] = [];
  const chunk = /\S+/g;
  for (let m = chunk.exec(text); m; m = chunk.exec(text)) {
    for (const word of tokenize(m[0])) out.push(makeToken(text, word, m.index, m.index + m[0].length, base));
  }
  return out;
}

function makeToken(text: string, word: string, start: number, end: number, base: number): Token {
  const first = text[start] ?? '';
  return {
    lower: word,
    stem: stem(word),
    start: base + start,
    end: base + end,
    capitalized: first !== first.toLowerCase(),
    stop: isStopWord(word),
  };
}

export function prepareSentence(span: Span, paragraph = 0): Sentence {
  const termFreq = new Map<string, number>();
  let length = 0;
  for (const word of tokenize(span.text)) {
    if (isStopWord(word)) continue;
    length++;
    const s = stem(word);
    termFreq.set(s, (termFreq.get(s) ?? 0) + 1);
  }
  let tokens: Token[] | undefined;
  return {
    span,
    get tokens() {
      return (tokens ??= tokensWithOffsets(span.text, span.start));
    },
    termFreq,
    length,
    paragraph,
  };
}

export function prepareDoc(id: string, text: string): PreparedDoc {
  let paragraph = 0;
  let previousEnd = 0;
  const sentences = splitSentences(text).map((span) => {
    if (/\n[ \t]*\n/.test(text.slice(previousEnd, span.start))) paragraph++;
    previousEnd = span.end;
    return prepareSentence(span, paragraph);
  });
  const paragraphs: [number, number][] = [];
  sentences.forEach((sentence, i) => {
    const last = paragraphs[sentence.paragraph];
    if (last) last[1] = i + 1;
    else paragraphs[sentence.paragraph] = [i, i + 1];
  });
  const sentenceFreq = new Map<string, number>();
  let contentLength = 0;
  for (const sentence of sentences) {
    contentLength += sentence.length;
    for (const term of sentence.termFreq.keys()) sentenceFreq.set(term, (sentenceFreq.get(term) ?? 0) + 1);
  }
  return { id, text, sentences, paragraphs, sentenceFreq, contentLength };
}

/** Content stems of a question, in order (duplicates kept for bigrams; callers dedupe). */
export function questionStems(question: string): string[] {
  return tokenize(question)
    .filter((w) => !isStopWord(w))
    .map(stem);
}
