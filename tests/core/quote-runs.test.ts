import { describe, expect, it } from 'vitest';
import { quotesAsShown } from '../../src/core/quote-runs.ts';
import type { Quote } from '../../src/core/types.ts';

// Offsets as in: "We kept the pool open all summer," Dana Okafor said after the meeting. "Next year we open the second one."
const first: Quote = { text: 'We kept the pool open all summer,', start: 1, end: 34, speaker: 'Dana Okafor' };
const second: Quote = { text: 'Next year we open the second one.', start: 73, end: 106, speaker: 'Dana Okafor' };

describe('quotes as shown', () => {
  it('joins the words a speaker’s attribution interrupts, ending the first sentence with a full stop', () => {
    expect(quotesAsShown([second, first])).toEqual([
      { text: 'We kept the pool open all summer. Next year we open the second one.', start: 1, end: 106, speaker: 'Dana Okafor' },
    ]);
  });

  it('reads on with a comma when the words after the attribution continue the sentence', () => {
    const opening: Quote = { text: 'If the money comes,', start: 1, end: 20, speaker: 'Dana Okafor' };
    const rest: Quote = { text: 'we open the second pool in May.', start: 38, end: 69, speaker: 'Dana Okafor' };
    expect(quotesAsShown([opening, rest])[0]!.text).toBe('If the money comes, we open the second pool in May.');
  });

  it('keeps apart quotes of two speakers, of unnamed speakers, and quotes far apart', () => {
    expect(quotesAsShown([first, { ...second, speaker: 'Lena Park' }])).toHaveLength(2);
    expect(
      quotesAsShown([
        { ...first, speaker: null },
        { ...second, speaker: null },
      ]),
    ).toHaveLength(2);
    expect(quotesAsShown([first, { ...second, start: 400, end: 433 }])).toHaveLength(2);
  });

  it('ends words shown alone with a full stop where the article led on into "she said"', () => {
    expect(quotesAsShown([first])[0]!.text).toBe('We kept the pool open all summer.');
  });
});

describe('key quotes', () => {
  const phrase: Quote = { text: 'wasteful', start: 200, end: 208, speaker: 'Lena Park' };

  it('leaves out a word or three the article borrows when there are longer quotes', () => {
    expect(quotesAsShown([first, phrase]).map((quote) => quote.text)).toEqual(['We kept the pool open all summer.']);
  });

  it('still lists such phrases when the article quotes nothing longer', () => {
    expect(quotesAsShown([phrase]).map((quote) => quote.text)).toEqual(['wasteful']);
  });
});

describe('quotes as shown, a second part opening with "I"', () => {
  it('starts a new sentence, as after "she said."', () => {
    const opening: Quote = { text: 'Nobody told us,', start: 1, end: 16, speaker: 'Dana Okafor' };
    const rest: Quote = { text: 'I found out from the radio.', start: 34, end: 61, speaker: 'Dana Okafor' };
    expect(quotesAsShown([opening, rest])[0]!.text).toBe('Nobody told us. I found out from the radio.');
  });
});
