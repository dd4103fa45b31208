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

describe('a paragraph announcing a text ("Transcript as follows:")', () => {
  it('gives the quote paragraphs after it to the person last quoted', () => {
    const text = `Mayor Lena Voss spoke in the square on Friday night. "We are going to finish the bridge," she said.

Transcript as follows:

"Tonight we walked along the river, and we saw the old mill open again.

"We are now up 400 jobs in this town, and the school has a new roof."`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Lena Voss', 'Lena Voss', 'Lena Voss']);
  });

  // A guard: a paragraph ending in a colon that is no announcement of a text keeps its quotes unattributed.
  it('leaves the quote after "Here is the list:" without a speaker', () => {
    const text = `Mayor Lena Voss spoke in the square on Friday night. "We are going to finish the bridge," she said.

Here is the list of projects:

"A new bridge, a new school roof and a new library by the spring of next year."`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Lena Voss', null]);
  });
});

describe('a scare quote in the sentence a he/she refers back to', () => {
  it('gives "he said" to the main clause\'s subject, not to the person whose clause held a one-word quote', () => {
    const text = `Tom Lind and Mark Vik debated in Dayton. When Mr. Lind tried to defend his remarks calling the council "brave" for closing the mill, Mr. Vik sharply differed.

"I think the council let those workers down," he said.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Mark Vik']);
  });
});
