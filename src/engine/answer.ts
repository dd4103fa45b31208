import type { Span } from '../core/types.ts';
import { SentenceCollection } from './bm25.ts';
import model from './answer-model.json' with { type: 'json' };
import { FEATURES } from './answer/features.ts';
import { analyzeQuestion } from './answer/question.ts';
import { candidateSpan, dot, scoreCandidates } from './answer/rank.ts';
import { prepareDoc, type PreparedDoc } from './answer/tokens.ts';
import { DEMONYMS } from './entities/gazetteer.ts';

export interface AnswerModel {
  features: readonly string[];
  weights: readonly number[];
  /** Below this idf-weighted share of the question's terms, the docs are taken not to answer. */
  minCoverage: number;
}

export interface AnswerOptions {
  /** Longest span returned, in characters (default 300). */
  maxChars?: number;
  /**
   * A chosen sentence longer than `maxChars` is returned whole when it is at most this long, rather
   * than as its best window (which starts or ends mid-sentence). The bot's replies set it; the SQuAD
   * eval keeps the data set's 300-character spans.
   */
  wholeSentenceChars?: number;
}

export interface AnswerHit {
  id: string;
  span: Span;
  /** The ranker's score (comparable between answers to the same question only). */
  score: number;
}

/** Documents prepared once (sentences, tokens, stems, collection statistics) for many questions. */
export interface AnswerIndex {
  docs: PreparedDoc[];
  collection: SentenceCollection;
}

export function isCurrentModel(m: AnswerModel): boolean {
  return m.features.join() === FEATURES.join();
}

/** The committed model (src/engine/answer-model.json, written by scripts/train-answer.ts). */
export function defaultModel(): AnswerModel {
  if (!isCurrentModel(model)) {
    throw new Error('answer-model.json was trained on other features; run scripts/train-answer.ts --write');
  }
  return model;
}

// Follow-up questions in one thread hit the same articles again and again: keep their preparation.
// A prepared doc takes about 15 bytes a character of its text (tokens, stems, sentence statistics),
// so the cache is bounded by characters as well as by documents: 256 questions about long feed items
// (MAX_ARTICLE_CHARS, 200,000 characters, each) held 740 MB, where the character bound keeps about
// 30 MB. 256 articles of the usual few thousand characters fit in both bounds.
const PREPARED = new Map<string, PreparedDoc>();
const PREPARED_MAX = 256;
const PREPARED_MAX_CHARS = 2_000_000;
let preparedChars = 0;

function prepared(id: string, text: string, title?: string): PreparedDoc {
  const hit = PREPARED.get(id);
  if (hit) forget(id, hit);
  const doc = hit?.text === text && hit.title === title ? hit : prepareDoc(id, text, false, title);
  // Most recently used last: the oldest goes first; the doc just asked for always stays.
  PREPARED.set(id, doc);
  preparedChars += doc.text.length;
  while (PREPARED.size > 1 && (PREPARED.size > PREPARED_MAX || preparedChars > PREPARED_MAX_CHARS)) {
    const [oldestId, oldest] = PREPARED.entries().next().value!;
    forget(oldestId, oldest);
  }
  return doc;
}

function forget(id: string, doc: PreparedDoc): void {
  PREPARED.delete(id);
  preparedChars -= doc.text.length;
}

/** An article to answer from; its headline, when given, is read as part of its lead (see prepareDoc). */
export interface AnswerDoc {
  id: string;
  text: string;
  title?: string;
}

export function createAnswerIndex(docs: AnswerDoc[]): AnswerIndex {
  const list = docs.map((d) => prepared(d.id, d.text, d.title));
  return { docs: list, collection: new SentenceCollection(list) };
}

/**
 * The span of the docs that best answers the question: one sentence, or two adjacent sentences,
 * of at most `maxChars` characters, ranked by a small linear model over term overlap, phrase and
 * proximity matches and answer-type cues. Null when the docs share too little with the question.
 */
export function answerQuestion(question: string, docs: AnswerDoc[], options: AnswerOptions = {}): AnswerHit | null {
  return answerWithIndex(question, createAnswerIndex(docs), options);
}

export function answerWithIndex(question: string, index: AnswerIndex, options: AnswerOptions = {}, m: AnswerModel = defaultModel()): AnswerHit | null {
  const maxChars = options.maxChars ?? 300;
  const q = analyzeQuestion(question);
  const scored = scoreCandidates(q, index.docs, index.collection, maxChars);
  let best: { i: number; score: number } | null = null;
  for (let i = 0; i < scored.length; i++) {
    const score = dot(m.weights, scored[i]!.features);
    // Ties go to the earlier candidate, so the answer never depends on anything but the input.
    if (best === null || score > best.score) best = { i, score };
  }
  if (best === null) return null;
  const { candidate, features } = scored[best.i]!;
  if (features[0]! < m.minCoverage) return null;
  const doc = index.docs[candidate.docIndex]!;
  if (!namesPresent(question, doc.text)) return null;
  const sentence = doc.sentences[candidate.first]!.span;
  const whole = candidate.count === 1 && sentence.end - sentence.start <= (options.wholeSentenceChars ?? 0);
  const span = whole
    ? { text: doc.text.slice(sentence.start, sentence.end), start: sentence.start, end: sentence.end }
    : candidateSpan(doc, candidate, q, (t) => index.collection.idf(t), maxChars);
  return { id: doc.id, span, score: best.score };
}

/**
 * Whether a name the question asks about ("the capital of France", "what did Vidora say") occurs
 * in the article: a question about names the article never mentions is not answered by it, however
 * many other words a sentence shares with it. Spelling is forgiven (accents, "Ghandi", "Celeron").
 */
function namesPresent(question: string, text: string): boolean {
  const names: string[] = [];
  for (const raw of question.match(/(?<=\S\s+)\p{Lu}[\p{L}'’-]+/gu) ?? []) {
    const word = raw.replace(/['’]s?$/, '');
    const name = fold(word);
    // Nationalities and other adjectives ("the Australian system") are not names to look for.
    if (!QUESTION_CAPS.has(raw) && !DEMONYMS.has(word) && !/(?:ian|ese|ish|al)$/.test(name)) names.push(name);
  }
  if (names.length === 0) return true;
  const folded = fold(text);
  if (names.some((name) => folded.includes(name))) return true;
  const vocabulary = [...new Set(folded.match(/\p{L}[\p{L}'’-]*/gu) ?? [])];
  return names.some(
    (name) => name.length >= 5 && vocabulary.some((word) => word[0] === name[0] && Math.abs(word.length - name.length) <= 2 && editDistance(word, name) <= 2),
  );
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

// Capitalised words that are not names when they start a clause inside a question.
const QUESTION_CAPS = new Set(['I', 'What', 'When', 'Where', 'Who', 'Why', 'How', 'Which', 'Is', 'Are', 'Did', 'Does', 'Do', 'The', 'A', 'An']);
