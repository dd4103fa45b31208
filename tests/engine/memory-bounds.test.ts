import { describe, expect, it } from 'vitest';
import { createAnswerIndex } from '../../src/engine/answer.ts';
import { summarize } from '../../src/engine/summary.ts';
import { vocabularySize, wordIds } from '../../src/engine/summary-words.ts';
import { stem, stemCacheSize } from '../../src/engine/text.ts';

// The bot runs for weeks in one process and meets new words and articles every day: each table the
// engine keeps between articles must stay below its bound however many distinct keys it is given.

/** The n-th made-up word: "zq" and n in base 26 as letters ("zqa", "zqb" … "zqba" …). */
function madeUpWord(n: number): string {
  return `zq${n.toString(26).replace(/[0-9a-p]/g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 26)))}`;
}

const STORY = 'The council met on Tuesday. It voted to repair the old bridge over the river. Work starts in May, the mayor said.';

describe('memory bounds of the embedded engine', () => {
  it('keeps at most 50,000 stems however many distinct words it stems', () => {
    for (let n = 0; n < 50_001; n++) stem(`${madeUpWord(n)}ings`);
    expect(stemCacheSize()).toBeGreaterThan(0);
    expect(stemCacheSize()).toBeLessThanOrEqual(50_000);
  });

  it("starts the summary's word table afresh once it holds more than 200,000 words", () => {
    const words = Array.from({ length: 200_010 }, (_, n) => madeUpWord(n));
    wordIds(words.join(' '));
    expect(vocabularySize()).toBeGreaterThan(200_000);
    summarize(STORY, { sentences: 1 });
    expect(vocabularySize()).toBeLessThan(1_000);
  });

  it('keeps the 256 documents last asked about prepared for answers, and lets older ones go', () => {
    const first = { id: 'first', text: STORY };
    const docs = (prefix: string, count: number) => Array.from({ length: count }, (_, n) => ({ id: `${prefix}-${n}`, text: `${STORY} Story ${n}.` }));
    const prepared = createAnswerIndex([first]).docs[0];
    expect(createAnswerIndex([first]).docs[0]).toBe(prepared);
    createAnswerIndex(docs('earlier', 200));
    // Asked about again, the first document becomes the most recently used and outlives older ones.
    expect(createAnswerIndex([first]).docs[0]).toBe(prepared);
    createAnswerIndex(docs('later', 100));
    expect(createAnswerIndex([first]).docs[0]).toBe(prepared);
    createAnswerIndex(docs('newest', 256));
    expect(createAnswerIndex([first]).docs[0]).not.toBe(prepared);
  });

  it('keeps fewer long documents prepared: at most 2,000,000 characters of them', () => {
    // Ten documents of 200,000 characters (the longest an article can be) fill the bound; ten more
    // push the first out, though 256 documents would fit by count.
    const long = (n: number) => ({ id: `long-${n}`, text: `${STORY} Story ${n}. `.repeat(Math.ceil(200_000 / (STORY.length + 12))).slice(0, 200_000) });
    const prepared = createAnswerIndex([long(0)]).docs[0];
    createAnswerIndex([1, 2, 3, 4, 5, 6, 7, 8, 9].map(long));
    expect(createAnswerIndex([long(0)]).docs[0]).toBe(prepared);
    createAnswerIndex([10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map(long));
    expect(createAnswerIndex([long(0)]).docs[0]).not.toBe(prepared);
  });
});
