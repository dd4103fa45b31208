import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

function quotesOf(text: string): { text: string; speaker: string | null }[] {
  return extractQuotes(text).map((q) => {
    expect(text.slice(q.start, q.end)).toBe(q.text);
    return { text: q.text, speaker: q.speaker };
  });
}

describe('extractQuotes', () => {
  it('resolves a pronoun to the last person of that gender and a surname to the full name', () => {
    const text = `LONDON (Reuters) — Prime Minister Theresa May met President Vladimir Putin on Monday.

"We have agreed to keep talking about trade," Putin said after the meeting. Mrs. May was less warm. "There is a great deal of work still to do," she said.`;
    expect(quotesOf(text)).toEqual([
      { text: 'We have agreed to keep talking about trade,', speaker: 'Vladimir Putin' },
      { text: 'There is a great deal of work still to do,', speaker: 'Theresa May' },
    ]);
  });

  it("attributes a statement by an organisation's title to its name", () => {
    const text = `The Foreign Ministry of Ruritania summoned the ambassador on Friday.

"Such provocations will not go unanswered by our country," the ministry said in a statement.`;
    expect(quotesOf(text)).toEqual([{ text: 'Such provocations will not go unanswered by our country,', speaker: 'Foreign Ministry of Ruritania' }]);
  });

  it('finds a speaker named after the quote behind a description', () => {
    const text = '“The market has already priced in a cut this autumn,” a London-based analyst, Jane Doe, wrote on X.';
    expect(quotesOf(text)).toEqual([{ text: 'The market has already priced in a cut this autumn,', speaker: 'Jane Doe' }]);
  });

  it('gives both halves of a split quote the same speaker', () => {
    const text = 'Coach Maria Lopez was confident before the final. "We will win this game," she said, "and we will win it soon."';
    expect(quotesOf(text)).toEqual([
      { text: 'We will win this game,', speaker: 'Maria Lopez' },
      { text: 'and we will win it soon.', speaker: 'Maria Lopez' },
    ]);
  });

  it('reads a colon introduction and a quote that runs over two paragraphs', () => {
    const text = `Paris: The mayor, Anne Hidalgo, spoke to reporters on Sunday. Hidalgo said:

"The bridge will open next spring, whatever the weather does to the works.

"After that, we will close the old road to cars for good."

Work began in March.`;
    expect(quotesOf(text)).toEqual([
      { text: 'The bridge will open next spring, whatever the weather does to the works.', speaker: 'Anne Hidalgo' },
      { text: 'After that, we will close the old road to cars for good.', speaker: 'Anne Hidalgo' },
    ]);
  });

  it('reads curly single quotes used as quotation marks', () => {
    const text = 'The minister, Tom Baker, was blunt. ‘We cannot afford another delay,’ Mr Baker told the BBC.';
    expect(quotesOf(text)).toEqual([{ text: 'We cannot afford another delay,', speaker: 'Tom Baker' }]);
  });

  it('ignores scare quotes and titles', () => {
    const text = 'The so-called "experts" discussed the "reform" on "The Evening Show With Sam Smith" last night, and the film "Gone" did well.';
    expect(quotesOf(text)).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(extractQuotes('')).toEqual([]);
  });
});
