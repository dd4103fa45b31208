import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Issue 15, read on held-out British news: speaker classes the PolNeAR tuning never showed.
// Each article is invented; each case failed before its rule.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('a relative clause with "which"', () => {
  it('gives the quote to the organisation named right before ", which described"', () => {
    const text = `The council's plan was welcomed at the time by the Harwell Trust, which described the scheme as a "bold step for the town centre and its shops".`;
    expect(speakers(text)).toEqual(['Harwell Trust']);
  });
});

describe('a clause is not a description of the speaker', () => {
  it('leaves the quote unattributed rather than naming "the standard of proof to be applied"', () => {
    const text = `Town ministers lodged an appeal arguing that the standard of proof to be applied in cases alleging abuse should "be far stricter than in civil courts".`;
    expect(speakers(text)).toEqual([null]);
  });
});
