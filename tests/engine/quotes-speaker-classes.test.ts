import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Error classes found on real political news (issue 15), one invented article per class.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('quote speakers: classes from real political news', () => {
  it('finds the main-clause subject after a long opening for a quote without a speech verb', () => {
    const text = `Tom Reyes lost the primary in May.

In her 2019 keynote, a tribute to Tom Reyes, the nominee that year, Governor Ines Costa decried “the quiet cynicism of people who have given up on their own towns.”

Ever since she backed Tom Reyes last spring, Senator Carla Diaz has been a loud surrogate, with one message: “Do not take a single county for granted.”`;
    expect(speakers(text)).toEqual(['Ines Costa', 'Carla Diaz']);
  });

  it('gives a quote after "said X, a historian." to X even when the sentence holds a scare quote', () => {
    const text = `The promise to “start over” and to “bring the mill back” appeals to older voters who remember the town before the plant closed and who feel that nobody in the capital has listened to them for years, said Marta Lind, a historian at Westfield College. “They remember a town with a mill and a school, and they want it back.”`;
    const quotes = extractQuotes(text);
    expect(quotes.at(-1)?.text).toMatch(/^They remember/);
    expect(quotes.at(-1)?.speaker).toBe('Marta Lind');
  });

  it('takes the name right after an inverted verb, not a person later in the apposition', () => {
    const text = `Turnout fell in every county.

“Unless we reach younger voters this year, we are going to lose a whole generation,” said Ohio’s Dana Whitcombe, a party strategist and longtime Mark Lane critic.`;
    const got = speakers(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/Whitcombe$/);
  });

  it('gives a quote after "X, who said …" to X, not to the description in the apposition', () => {
    const text = `“I doubt the farmers here feel he speaks for them at all,” said Pablo Ferrer, a Fairview media consultant and an influential rural Republican who said he would stay home in November. “They want someone who has driven a tractor.”`;
    expect(speakers(text)).toEqual(['Pablo Ferrer', 'Pablo Ferrer']);
  });
});
