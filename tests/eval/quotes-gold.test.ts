import { describe, expect, it } from 'vitest';
import { goldQuotes, sourceName } from '../../src/eval/quotes.eval.ts';

// The gold-speaker rule of the quotes evaluation, on annotations written for these tests.
describe('quotes eval gold rule', () => {
  it('names the person, not the organisation, in "X of the Y"', () => {
    expect(sourceName('Mr. Morgan of the Sierra Club')).toBe('Morgan');
    expect(sourceName('Representative Jane Doe of New York')).toBe('Doe');
  });

  it('reads a description ending in a prepositional object as no name', () => {
    expect(sourceName('His former business partner at Acme, Tom Roe,')).toBe('Roe');
    expect(sourceName('a spokesman for Jane Doe')).toBeNull();
    expect(sourceName('The senator from Ohio')).toBeNull();
    expect(sourceName('master of ceremonies Jane Doe, a teacher')).toBe('Doe');
    expect(sourceName('former secretary of state Jane Doe')).toBe('Doe');
  });

  it('scores no speaker for a Source span that is only the speech verb', () => {
    const text = 'Jane Doe spoke first. "We will build the bridge next spring," said Tom Roe.';
    const ann = [
      'T1\tSource 0 8\tJane Doe',
      'T2\tSource 62 66\tsaid',
      'T3\tContent 23 60\tWe will build the bridge next spring,',
      'T4\tContent 9 20\tspoke first',
      'E1\tAttribution:T2 Source:T2 Content:T3',
      'E2\tAttribution:T1 Source:T1 Content:T4',
    ].join('\n');
    const [gold] = goldQuotes(text, ann);
    expect(gold?.source).toBeNull();
    expect(gold?.referent).toBeNull();
  });
});
