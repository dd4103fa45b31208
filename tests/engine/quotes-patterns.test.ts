import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Articles written for these tests (invented people and places), one per speaker pattern.

const speakers = (text: string) => extractQuotes(text).map((q) => [q.speaker, q.text.split(' ').slice(0, 3).join(' ')]);

describe('quote speakers in real-news patterns', () => {
  it('gives anonymous speakers a description, not the last named person', () => {
    const text = `Students at Harwell College gathered outside the library on Monday after Dean Mara Velt announced the closure of the art school.
"We were never asked what we wanted," one said. "It feels like the end of something," said another.
Velt said the decision was final. "The budget does not allow anything else," she said.`;
    expect(speakers(text)).toEqual([
      ['a student', 'We were never'],
      ['another student', 'It feels like'],
      ['Mara Velt', 'The budget does'],
    ]);
  });

  it('gives "X told Y he was …" to X, the subject of the speech verb', () => {
    const text = `Council member Tomas Reyna told Judge Elsa Marlow he was "not aware of any payment made to the firm before the vote."
"I never took a cent from anyone," Reyna told Marlow.`;
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Tomas Reyna', 'Tomas Reyna']);
  });

  it('takes no organisation or place word for a speaker: a platform, a state after a town', () => {
    const tweet = `Renters in Vellmore have taken their fight to Twitter and Facebook. "These rents are beyond what any family here can pay," the group tweeted on Monday.`;
    expect(extractQuotes(tweet).map((q) => q.speaker)).toEqual(['the group']);
    const rally = `Hundreds gathered at the rally. "I drove all night to be here with my daughter," said a woman from Scranton, Pa., who gave only her first name.
"We will keep coming back until they listen," said Martha Gale of Erie, Pa.`;
    expect(extractQuotes(rally).map((q) => q.speaker)).toEqual(['a woman', 'Martha Gale']);
  });

  it('drops scare quotes, titles of works and nicknames, and keeps the real quotes', () => {
    const text = `The mayor, Pia Sandell, called the plan a "quick fix" and said it would not solve the housing crisis in Vellmore.
Ruth Okonjo, whose memoir "The Long Road Back to Lagos" was published last year, spoke at the festival. She appeared on Channel Nine’s “Mornings With Rita Vance,” Okonjo said. The boxer Dan Keeler, nicknamed "The Iron Gate of Vellmore", was in the crowd.
"I wrote the book because nobody else would," Okonjo said. Sandell said: "We will find the money, one way or another, before the winter."`;
    expect(speakers(text)).toEqual([
      ['Ruth Okonjo', 'I wrote the'],
      ['Pia Sandell', 'We will find'],
    ]);
  });

  it('reads quotes written with two apostrophes', () => {
    const text = `The minister, Hal Brenner, defended the budget. ''We cannot spend money we do not have,'' Brenner said on Tuesday.
''The cuts will hurt, but they are necessary,'' he added.`;
    const quotes = extractQuotes(text);
    expect(quotes.map((q) => q.text)).toEqual(['We cannot spend money we do not have,', 'The cuts will hurt, but they are necessary,']);
    expect(quotes.map((q) => q.speaker)).toEqual(['Hal Brenner', 'Hal Brenner']);
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it('finds a speaker named after the quote in the same sentence', () => {
    const text = `"Nobody in this town will forget what happened on that bridge" was how the fire chief, Lena Voss, put it on Monday.
Asked about the repairs, "We will need at least a year and a lot of money" was the answer from the deputy, Per Lind.
"We are still counting the cost," wrote the editor of the Vellmore Gazette, Tom Ekberg, in a column on Tuesday.`;
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Lena Voss', 'Per Lind', 'Tom Ekberg']);
  });
});
