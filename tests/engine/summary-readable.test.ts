import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/engine/summary.ts';
import { deckEnd, headlineEnd, isWholeSentence } from '../../src/engine/summary-readable.ts';

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

// A headline with a full stop, a stray line and a deck, then the wire-datelined story.
const DECKED = `Lighthouse keeper's logbooks go on show in Kellin.

In his words,.

Ninety years of storms, wrecks and rescues on display.

KELLIN, Moray - The logbooks of the last keeper of the Kellin lighthouse went on show at the town museum on Saturday, forty years after the light was automated.
Agnes Tulloch, the museum's curator, said the twelve volumes record every ship the keeper saw pass.
The keeper, Hamish Orr, wrote his last entry on the night the light was switched to automatic in 1986.
Visitors may turn the pages of a facsimile; the originals stay behind glass.`;

describe('decks and datelines', () => {
  it('keeps a headline, a stray line and a deck before a wire dateline out of a pasted summary', () => {
    const summary = summarize(DECKED);
    expect(summary[0]!.text).toMatch(/^KELLIN, Moray - The logbooks/);
    expect(summary.some((s) => /logbooks go on show|In his words|Ninety years/.test(s.text))).toBe(false);
    expect(deckEnd(DECKED, 0)).toBe(DECKED.indexOf('KELLIN'));
  });

  it('starts a titled body at its dateline when deck lines come first', () => {
    const body = DECKED.slice(DECKED.indexOf('\n\n') + 2);
    const summary = summarize(body, { title: "Lighthouse keeper's logbooks go on show in Kellin" });
    expect(summary[0]!.text).toMatch(/^KELLIN, Moray - The logbooks/);
    expect(summary.some((s) => s.text.startsWith('Ninety years'))).toBe(false);
  });

  it('does not take short opening paragraphs for a deck unless a capitals dateline follows', () => {
    const text = 'The keeper retired in 1986.\n\nHe said: "The light will outlive us all, and so it should."\n\nThe museum opens daily.';
    expect(deckEnd(text, 0)).toBe(0);
    const plain = 'The keeper retired in 1986.\n\nThe museum opens daily.\n\nKellin is a small town of fishermen and farmers on the north coast of Moray.';
    expect(deckEnd(plain, 0)).toBe(0);
  });

  it('reads a headline before a one-line deck, and a dateline with a date, as headlines', () => {
    const decked =
      "The keeper's logbooks go on show at the Kellin museum.\n\nTwelve volumes of storms and rescues.\n\nThe logbooks of the last keeper of the Kellin lighthouse went on show at the town museum on Saturday, forty years after the light was automated.";
    expect(headlineEnd(decked)).toBe("The keeper's logbooks go on show at the Kellin museum.".length);
    const dated = 'The museum of Kellin shows the logbooks of its last lighthouse keeper.\n\nKELLIN, Aug. 19 (Coast Wire) — The logbooks are on show.';
    expect(headlineEnd(dated)).toBe('The museum of Kellin shows the logbooks of its last lighthouse keeper.'.length);
  });

  it('shows a short text whole, less its headline, and a pronoun only after the sentence it points to', () => {
    const short =
      'Logbooks go on show in Kellin.\n\nKELLIN (Coast Wire) — The logbooks of the last lighthouse keeper went on show on Saturday. They cover ninety years.';
    const summary = summarize(short);
    expect(summary.map((s) => s.text)).toEqual([
      'KELLIN (Coast Wire) — The logbooks of the last lighthouse keeper went on show on Saturday.',
      'They cover ninety years.',
    ]);
  });

  it('leaves fragments out of a cased text with few whole sentences instead of filling up with them', () => {
    const text = 'Opening hours\n\nThe museum of Kellin shows the keeper logbooks from Saturday.\n\nTickets\n\nFree for children under twelve';
    const summary = summarize(text, { title: 'Logbooks on show' });
    expect(summary.map((s) => s.text)).toEqual(['The museum of Kellin shows the keeper logbooks from Saturday.']);
  });
});
