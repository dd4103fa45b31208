import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/engine/sentences.ts';

function texts(source: string): string[] {
  const spans = splitSentences(source);
  for (const s of spans) expect(source.slice(s.start, s.end)).toBe(s.text);
  return spans.map((s) => s.text);
}

describe('splitSentences', () => {
  it('keeps a dateline, titles and company abbreviations inside their sentence', () => {
    expect(texts('LONDON (Reuters) — Mr. Smith of Acme Inc. met Dr. Jones on Monday. The U.S. Army declined to comment.')).toEqual([
      'LONDON (Reuters) — Mr. Smith of Acme Inc. met Dr. Jones on Monday.',
      'The U.S. Army declined to comment.',
    ]);
  });

  it('handles a colon dateline, initials, decimals and times', () => {
    expect(texts('Paris: The mayor met J. K. Rowling at 3.30 p.m. on Friday. Shares rose 2.5 per cent.')).toEqual([
      'Paris: The mayor met J. K. Rowling at 3.30 p.m. on Friday.',
      'Shares rose 2.5 per cent.',
    ]);
  });

  it('ends a sentence at an abbreviation when a new sentence clearly starts', () => {
    expect(texts('Shares fell sharply in the U.S. The rally faded. It was sold to Borealis Ltd. The deal closed.')).toEqual([
      'Shares fell sharply in the U.S.',
      'The rally faded.',
      'It was sold to Borealis Ltd.',
      'The deal closed.',
    ]);
  });

  it('keeps closing quotes with their sentence, and "?" or "!" inside a quote before "she asked"', () => {
    expect(texts('"We are delighted." Then she left. "Is this real?" she asked. "Stop!" shouted the guard. Nobody moved.')).toEqual([
      '"We are delighted."',
      'Then she left.',
      '"Is this real?" she asked.',
      '"Stop!" shouted the guard.',
      'Nobody moved.',
    ]);
  });

  it('splits after an ellipsis only when a new sentence starts', () => {
    expect(texts('He paused... then he left. The room was silent... Nobody spoke.')).toEqual([
      'He paused... then he left.',
      'The room was silent...',
      'Nobody spoke.',
    ]);
  });

  it('splits lower-cased PTB-tokenised text without relying on capitals', () => {
    const source =
      "( cnn ) -- the mayor said the bridge would reopen in june . she added that `` no one '' had been hurt . " +
      "gov . ruth alder agreed . `` are you serious ? '' he asked . the no . 2 team won . " +
      'it was sold to borealis ltd. , a u.s. firm . the vote is on monday .';
    expect(texts(source)).toEqual([
      '( cnn ) -- the mayor said the bridge would reopen in june .',
      "she added that `` no one '' had been hurt .",
      'gov . ruth alder agreed .',
      "`` are you serious ? '' he asked .",
      'the no . 2 team won .',
      'it was sold to borealis ltd. , a u.s. firm .',
      'the vote is on monday .',
    ]);
  });

  it('keeps a closing quote token that follows a tokenised full stop', () => {
    expect(texts("she said : `` we will rebuild . '' the crowd cheered .")).toEqual(["she said : `` we will rebuild . ''", 'the crowd cheered .']);
  });

  it('splits lower-cased prose that is not tokenised', () => {
    expect(texts('the storm hit the coast. more than 200 homes lost power. dr. lee said repairs would take days.')).toEqual([
      'the storm hit the coast.',
      'more than 200 homes lost power.',
      'dr. lee said repairs would take days.',
    ]);
  });

  it('ends sentences at blank lines and after short heading lines', () => {
    expect(texts('Storm Warning\nThe storm hit the coast overnight. Power was cut\n\nResidents stayed inside.')).toEqual([
      'Storm Warning',
      'The storm hit the coast overnight.',
      'Power was cut',
      'Residents stayed inside.',
    ]);
  });

  it('returns nothing for empty or blank text and one span for text without a stop', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n ')).toEqual([]);
    expect(splitSentences('  no full stop here ')).toEqual([{ text: 'no full stop here', start: 2, end: 19 }]);
  });
});
