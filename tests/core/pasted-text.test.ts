import { describe, expect, it } from 'vitest';
import { isByline, splitPastedText, startsWithDateline } from '../../src/core/pasted-text.ts';
import { splitSentences } from '../../src/engine/sentences.ts';
import { summarize } from '../../src/engine/summary.ts';

// Articles written for these tests (invented people and events), pasted the way people paste them.
const WITH_DATELINE = [
  'Harbour strike ends after nine days',
  '',
  'By Lena Castellanos',
  '',
  'LONDON (Reuters) — Dock workers at the port of Tilbury Marsh voted on Friday to end a nine-day strike over pay, the union said.',
  'The deal gives the 1,800 workers a rise of 6 percent this year and 4 percent next year.',
  '',
  'Shipping lines had diverted more than forty vessels to other ports during the strike.',
].join('\n');

const PARAGRAPHS_WITHOUT_STOPS = [
  'Council backs new tram line',
  '',
  'WASHINGTON — The city council approved a new tram line to the eastern suburbs on Tuesday',
  'Construction is expected to start next spring and to take three years',
  'The mayor, Odile Brandt, called it the biggest transport project in a generation',
].join('\n');

describe('splitPastedText', () => {
  it('takes a headline line with no full stop as the title and keeps the rest as the body', () => {
    const { title, body } = splitPastedText(WITH_DATELINE);
    expect(title).toBe('Harbour strike ends after nine days');
    expect(body.startsWith('By Lena Castellanos')).toBe(true);
    expect(body).toContain('LONDON (Reuters) — Dock workers');
  });

  it('skips blank lines before the headline', () => {
    expect(
      splitPastedText('\n\n  Storm closes the ring road\n\nPARIS: The ring road was closed on Monday after a storm brought down trees across all lanes.').title,
    ).toBe('Storm closes the ring road');
  });

  it('does not take a dateline or byline on the first line for a headline', () => {
    const dateline = splitPastedText('WASHINGTON —\nThe Senate passed the farm bill late on Thursday by a vote of 61 to 38.');
    expect(dateline.title).toBeUndefined();
    const byline = splitPastedText('By Tomas Reyes\nThe Senate passed the farm bill late on Thursday by a vote of 61 to 38.');
    expect(byline.title).toBeUndefined();
  });

  it('does not take a first line that ends like a sentence for a headline', () => {
    const text = 'The Senate passed the farm bill late on Thursday.\nIt now goes to the House, where a vote is expected next week.';
    expect(splitPastedText(text)).toEqual({ body: text });
  });

  it('knows datelines and bylines', () => {
    for (const line of ['PARIS:', 'Paris: The minister said', 'LONDON (Reuters) —', 'WASHINGTON — The Senate', 'SAN JUAN, Puerto Rico —'])
      expect(startsWithDateline(line), line).toBe(true);
    for (const line of ['The minister said: no', 'Storm closes the ring road']) expect(startsWithDateline(line), line).toBe(false);
    expect(isByline('By Lena Castellanos and Tomas Reyes')).toBe(true);
    expect(isByline('By the end of the week the strike was over.')).toBe(false);
  });
});

describe('line breaks in pasted text', () => {
  it('ends a sentence at every line break between paragraphs, even with no full stop', () => {
    const { body } = splitPastedText(PARAGRAPHS_WITHOUT_STOPS);
    const sentences = splitSentences(body).map((s) => s.text);
    expect(sentences).toEqual([
      'WASHINGTON — The city council approved a new tram line to the eastern suburbs on Tuesday',
      'Construction is expected to start next spring and to take three years',
      'The mayor, Odile Brandt, called it the biggest transport project in a generation',
    ]);
  });

  it('reads a single line break inside a blank-line paragraph as a wrap (a quote broken over two lines)', () => {
    const text = [
      'The ferry to Rusk Island will run twice a day from June, the operator said on Monday.',
      '',
      '“We have waited a long time for a timetable that works for families',
      'and for the people who commute,” said Ines Varga, who chairs the island council.',
      '',
      'Tickets go on sale next week.',
    ].join('\n');
    const sentences = splitSentences(text).map((s) => s.text);
    expect(sentences).toHaveLength(3);
    expect(sentences[1]!.startsWith('“We have waited') && sentences[1]!.endsWith('chairs the island council.')).toBe(true);
  });

  it('keeps a dateline alone on its line with the lead it opens', () => {
    const sentences = splitSentences('PARIS:\nThe ring road was closed on Monday after a storm brought down trees across all lanes.\nIt reopened on Tuesday.');
    expect(sentences[0]!.text).toBe('PARIS:\nThe ring road was closed on Monday after a storm brought down trees across all lanes.');
    expect(sentences).toHaveLength(2);
  });

  it('joins the lines of text wrapped at a fixed width', () => {
    const wrapped = [
      'The regional water board said on Monday that the reservoir near Kelby would',
      'be finished two years late because the contractor had gone bankrupt and a new',
      'one had to be found, which took most of last winter and cost the board about',
      'four million euros more than planned. The board apologised to residents.',
    ].join('\n');
    const sentences = splitSentences(wrapped);
    expect(sentences).toHaveLength(2);
    expect(sentences[0]!.text.endsWith('more than planned.')).toBe(true);
  });

  it('summarises the pasted body from its lead, without the headline glued to it', () => {
    const { title, body } = splitPastedText(WITH_DATELINE);
    const summary = summarize(body, { sentences: 2, title });
    expect(summary[0]!.text).toContain('Dock workers at the port of Tilbury Marsh voted on Friday');
    expect(summary.some((s) => s.text.includes('Harbour strike ends'))).toBe(false);
    expect(summary.some((s) => s.text.includes('By Lena Castellanos'))).toBe(false);
  });
});
