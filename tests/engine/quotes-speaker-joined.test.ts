import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/engine/quotes/spans.ts';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Issue 15, held-out check on British news: paragraphs joined into one line (an archive or a feed
// that drops the breaks) keep the convention of a quote running on with no closing mark. The
// article is invented; each case failed before its rule.
const JOINED =
  'Jo Hart, the Harwell coach, was upbeat about the weekend. "We trained hard this week and everyone is fit. ' +
  '"The new signing, Tom Reyes, has settled in well and could start on Sunday." He also warned against complacency. ' +
  '"Nobody in this squad thinks the game is already won," he said.';

describe('a quote that runs on inside a joined paragraph', () => {
  it('reads a straight mark after a sentence end and before a capital as a new opening mark', () => {
    const quoted = findQuoteSpans(JOINED).map((s) => JOINED.slice(s.start, s.end));
    expect(quoted).toEqual([
      'We trained hard this week and everyone is fit.',
      'The new signing, Tom Reyes, has settled in well and could start on Sunday.',
      'Nobody in this squad thinks the game is already won,',
    ]);
  });

  it('gives the run-on part the speaker of the part it continues, and keeps the name it quotes from the next cue', () => {
    expect(extractQuotes(JOINED).map((q) => q.speaker)).toEqual(['Jo Hart', 'Jo Hart', 'Jo Hart']);
  });
});
