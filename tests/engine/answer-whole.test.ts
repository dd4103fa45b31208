import { describe, expect, it } from 'vitest';
import { EmbeddedEngine } from '../../src/engine/index.ts';
import { answerQuestion } from '../../src/engine/answer.ts';
import type { Article } from '../../src/core/types.ts';

// An article written for this test: the answer sits in one sentence of about 400 characters.
const LONG =
  'The ferry operator said on Monday that the new timetable, which adds an early crossing at 5.40am on weekdays, ' +
  'a late return at 11.15pm on Fridays and Saturdays, and a Sunday service that had been suspended since the spring, ' +
  'would start on the first of March once the harbour board had approved the extra berthing slots at the northern quay, ' +
  'where repairs to the pontoon are due to finish in February.';
const ARTICLE: Article = {
  id: 'ferry',
  title: 'Ferry timetable adds early and late crossings',
  text: ['PORTLOE — The island ferry will run more crossings from March, its operator said.', LONG, 'Passengers have asked for a later return for years.'].join(
    ' ',
  ),
};

describe('an answer in a long sentence', () => {
  it('is the whole sentence in the bot’s replies, not a window that starts or ends mid-sentence', async () => {
    expect(LONG.length).toBeGreaterThan(300);
    const answer = await new EmbeddedEngine().answer('When will the Sunday service start?', [ARTICLE]);
    expect(answer?.text).toBe(LONG);
    expect(answer?.citation.text).toBe(LONG);
  });

  it('is a window of at most 300 characters when the caller asks for SQuAD-sized spans', () => {
    const hit = answerQuestion('When will the Sunday service start?', [ARTICLE]);
    expect(hit?.span.text.length).toBeLessThanOrEqual(300);
    expect(hit?.span.text).not.toBe(LONG);
  });
});
