import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Speaker classes of issue 15's ninth round, read in PolNeAR's train tuning half.
// Each article is invented; each case failed before its rule.
function quotes(text: string): { text: string; speaker: string | null }[] {
  return extractQuotes(text).map((q) => ({ text: q.text, speaker: q.speaker }));
}

describe('partial quotes in a long sentence attributed at its end', () => {
  it('gives both quotes listed with "and" to the person the sentence ends with, after a long paraphrase', () => {
    const text = `The slogans "bring the old jobs home" and "put the valley first again" speak to older voters who remember when a mill job paid for a house, a car and a holiday every summer, said Ann Vik, a historian at Lund University.`;
    expect(quotes(text)).toEqual([
      { text: 'bring the old jobs home', speaker: 'Ann Vik' },
      { text: 'put the valley first again', speaker: 'Ann Vik' },
    ]);
  });

  // A guard: a sentence end between the quote and the cue still stops the search.
  it('leaves a quote without a speaker when a full stop comes before the later "said"', () => {
    const text = `The slogan "bring the old jobs home" was everywhere. Older voters remember when a mill job paid for a house, said Ann Vik, a historian at Lund University.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual([null]);
  });
});
