import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/engine/summary.ts';
import { headlineEnd, isWholeSentence } from '../../src/engine/summary-readable.ts';

const PASTED = `Harbour town votes to close its ferry pier

BRANTWICK — The council of Brantwick voted on Monday to close the old ferry pier by spring, ending ninety years of crossings to the island of Moray.
Mayor Odile Fenwarth said the pier's timbers had rotted beyond repair.
Who will pay for a new pier?
The ferry company said it would move its boats to the port of Kellin, twelve miles north, from April.
Repairs would have cost the town more than its whole yearly budget for roads, the council said.
Island shopkeepers said fewer visitors would come without a direct crossing from Brantwick.`;

describe('readable summaries', () => {
  it('keeps a pasted headline line out of the summary and keeps the datelined lead', () => {
    expect(PASTED.slice(0, headlineEnd(PASTED))).toBe('Harbour town votes to close its ferry pier');
    const summary = summarize(PASTED);
    expect(summary[0]!.text).toMatch(/^BRANTWICK — The council of Brantwick voted/);
    expect(summary.some((s) => s.text.includes('Harbour town votes'))).toBe(false);
    for (const s of summary) expect(PASTED.slice(s.start, s.end)).toBe(s.text);
  });

  it('never picks a question, a heading or a quotation cut open', () => {
    expect(isWholeSentence('Who will pay for a new pier?', true)).toBe(false);
    expect(isWholeSentence('Ferry news in brief', true)).toBe(false);
    expect(isWholeSentence('“The pier is finished, said the mayor.', true)).toBe(false);
    expect(isWholeSentence('and the boats will move north.', true)).toBe(false);
    expect(isWholeSentence('The boats will move north in April.', true)).toBe(true);
    expect(summarize(PASTED, { sentences: 4 }).some((s) => s.text.endsWith('?'))).toBe(false);
  });

  it('reads a one-paragraph lead followed by a blank line as body, not as a headline', () => {
    const text =
      'The council of Brantwick voted on Monday to close the old ferry pier by spring, ending ninety years of crossings to Moray.\n\nThe mayor said the timbers had rotted.';
    expect(headlineEnd(text)).toBe(0);
  });
});
