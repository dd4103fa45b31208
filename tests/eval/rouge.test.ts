import { describe, expect, it } from 'vitest';
import { rouge, rougeTokens } from '../../src/eval/rouge.ts';

describe('rouge (rouge-score compatible)', () => {
  it('tokenises to lower-case [a-z0-9] runs and stems only words longer than 3 characters', () => {
    expect(rougeTokens("Running DOGS, the dog's 2.5 runs!")).toEqual(['run', 'dog', 'the', 'dog', 's', '2', '5', 'run']);
  });

  it('scores one sentence against another by hand-computed values', () => {
    // 5 of 6 unigrams shared; bigrams "the cat", "on the", "the mat" shared of 5; LCS "the cat on the mat".
    const r = rouge(['the cat sat on the mat'], ['the cat lay on the mat']);
    expect(r.rouge1.f1).toBeCloseTo(5 / 6, 10);
    expect(r.rouge2.f1).toBeCloseTo(3 / 5, 10);
    expect(r.rougeLsum.f1).toBeCloseTo(5 / 6, 10);
  });

  it('matches stems: "Running dogs" against "the dog runs"', () => {
    // candidate run dog, reference the dog run: P = 2/2, R = 2/3, F = 0.8
    const r = rouge(['Running dogs.'], ['the dog runs']);
    expect(r.rouge1.precision).toBeCloseTo(1, 10);
    expect(r.rouge1.recall).toBeCloseTo(2 / 3, 10);
    expect(r.rouge1.f1).toBeCloseTo(0.8, 10);
    expect(r.rouge2.f1).toBe(0);
  });

  it('takes the union LCS per reference sentence for Lsum, unlike a flat LCS', () => {
    // Flat LCS of "a b c d" and "c d a b" is 2, but each reference sentence is fully covered
    // by one candidate sentence, so Lsum is 4/4. Bigrams: ab and cd shared of 3.
    const r = rouge(['c d.', 'a b.'], ['a b', 'c d']);
    expect(r.rougeLsum.f1).toBeCloseTo(1, 10);
    expect(r.rouge2.f1).toBeCloseTo(2 / 3, 10);
  });

  it('clips repeated tokens and gives 0 for an empty candidate', () => {
    // candidate "the the the" vs reference "the cat": 1 hit; P = 1/3, R = 1/2, F = 0.4
    expect(rouge(['the the the'], ['the cat']).rouge1.f1).toBeCloseTo(0.4, 10);
    const empty = rouge([], ['the cat']);
    expect([empty.rouge1.f1, empty.rouge2.f1, empty.rougeLsum.f1]).toEqual([0, 0, 0]);
  });
});
