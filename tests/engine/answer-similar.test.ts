import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/engine/answer.ts';
import { rowCosine, vectorRow } from '../../src/engine/answer/vectors.ts';

// Articles written for these tests (invented places, people and events). In each, the sentence that
// answers words the question's verb differently ("constructed" for "built"), and another sentence
// repeats the question's other words with a name beside them.
const OTHER_NEWS = [
  'The weather was mild for the time of year.',
  'Schools in the region reopen next week after the holiday.',
  'Shops in the old town stayed open late on Friday.',
  'A market is held in the square every Thursday.',
];

const BRIDGE = [
  'HALMOUTH — Mayor Ilse Marwick opened the Tarrow bridge to traffic on Monday.',
  'The Tarrow bridge was constructed by the engineering firm Delmark Partners.',
  ...OTHER_NEWS,
].join(' ');

const THEFT = [
  'The museum theft was reported by the director, Anna Lind, on Tuesday morning.',
  'Police detained Piet Varga, a 41-year-old painter, over the museum theft.',
  ...OTHER_NEWS,
].join(' ');

const ask = (question: string, text: string) => answerQuestion(question, [{ id: 'story', text }])?.span.text;
const cosine = (a: string, b: string) => rowCosine(vectorRow(a), vectorRow(b));

describe('answers a question worded differently from the article', () => {
  it('has word vectors that put words of like use in news close ("win" / "defeat") and unrelated ones apart', () => {
    expect(cosine('win', 'defeat')).toBeGreaterThan(0.6);
    expect(cosine('build', 'construct')).toBeGreaterThan(0.6);
    expect(cosine('win', 'hospit')).toBeLessThan(0.35);
    expect(vectorRow('zzyzx')).toBe(-1);
  });

  it('answers "who built" with the sentence that says who constructed it, over one that names the mayor who opened it', () => {
    expect(ask('Who built the Tarrow bridge?', BRIDGE)).toContain('constructed by the engineering firm Delmark Partners');
  });

  it('answers "who was arrested" with the sentence that says who was detained, over one that names who reported the theft', () => {
    expect(ask('Who was arrested over the museum theft?', THEFT)).toContain('Police detained Piet Varga');
  });
});
