import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTextFolder } from '../../src/eval/readability.eval.ts';
import { danglingReferences, keepsLead, leadOf, nonSentence, questionKind, splitTitle } from '../../src/eval/readability.ts';

const ARTICLE = `Harbour town votes to close its ferry pier

BRANTWICK — Mayor Odile Fenwarth said on Monday the council would close the old ferry pier by spring. Fenwarth told reporters the repairs cost too much. She said a new pier could follow.`;

describe('readability measures', () => {
  it('splits the headline line from the body and finds the lead after it', () => {
    const { title, body } = splitTitle(ARTICLE);
    expect(title).toBe('Harbour town votes to close its ferry pier');
    expect(leadOf(body)?.text).toMatch(/^BRANTWICK — Mayor Odile Fenwarth said/);
  });

  it('takes deck lines before a capitals dateline as headings, and keeps an abstract as the lead', () => {
    const decked =
      'Keepers and their storms.\n\nThe keepers kept watch through ninety winters of storms and wrecks.\n\nKELLIN, Moray - The logbooks of the last keeper went on show on Saturday. They fill a room.';
    expect(leadOf(decked)?.text).toBe('KELLIN, Moray - The logbooks of the last keeper went on show on Saturday.');
    const abstract =
      'ABSTRACT.\n\nThe lighthouse logbooks of Kellin are on show at last.\n\nFULL TEXT.\n\nKELLIN - The logbooks of the last keeper went on show on Saturday.';
    expect(leadOf(abstract)?.text).toBe('The lighthouse logbooks of Kellin are on show at last.');
    const quoted = 'The keeper retired in 1986.\n\nHe said: "The light will outlive us."';
    expect(leadOf(quoted)?.text).toBe('The keeper retired in 1986.');
  });

  it('counts a summary as keeping the lead only when it overlaps the lead', () => {
    const lead = { text: 'x', start: 10, end: 50 };
    expect(keepsLead([{ text: 'y', start: 40, end: 80 }], lead)).toBe(true);
    expect(keepsLead([{ text: 'y', start: 50, end: 80 }], lead)).toBe(false);
  });

  it('flags a surname-only first mention and an opening pronoun, but not a surname after the full name', () => {
    const text = splitTitle(ARTICLE).body;
    const start = text.indexOf('Fenwarth told');
    const second = { text: 'Fenwarth told reporters the repairs cost too much.', start, end: start + 50 };
    const sheAt = text.indexOf('She said');
    const she = { text: 'She said a new pier could follow.', start: sheAt, end: text.length };
    expect(danglingReferences(text, [second])).toEqual(['Odile Fenwarth named only as Fenwarth']);
    expect(danglingReferences(text, [she])).toHaveLength(1);
    const lead = leadOf(text)!;
    expect(danglingReferences(text, [lead, second])).toEqual([]);
    expect(danglingReferences(text, [second, { ...she, shown: 'She said a new pier could follow.' }])).toHaveLength(1);
  });

  it('does not count "Mr. Ortega" as a mention of the article’s Jane Ortega', () => {
    const text =
      'Jane Ortega spoke at the harbour on Monday about the pier. Mr. Ortega has previously argued for the pier in his speeches. Ms. Ortega said the work would start soon.';
    const span = (words: string) => {
      const start = text.indexOf(words);
      const end = text.indexOf('.', start + 4) + 1;
      return { text: text.slice(start, end), start, end };
    };
    expect(danglingReferences(text, [span('Mr. Ortega')])).toEqual([]);
    expect(danglingReferences(text, [span('Ms. Ortega')])).toEqual(['Jane Ortega named only as Ortega']);
  });

  it('names the kind of non-sentence', () => {
    expect(nonSentence('Ferry pier to close', [])).toBe('heading');
    expect(nonSentence('and then it closed for good.', [])).toBe('fragment');
    expect(nonSentence('“The pier is done, the mayor said.', [])).toBe('cut quote');
    expect(nonSentence('Who will pay for the new pier?', [])).toBe('question');
    expect(nonSentence('The pier closes in spring.', ['The pier closes in spring.'])).toBe('duplicate');
    expect(nonSentence('The pier closes in spring, the mayor said.', [])).toBeNull();
  });

  it('groups questions by type', () => {
    expect(questionKind('How many ferries ran?')).toBe('how many');
    expect(questionKind('In what year did it close?')).toBe('when');
    expect(questionKind('Who closed the pier?')).toBe('who');
    expect(questionKind('Where is Brantwick?')).toBe('where');
    expect(questionKind('What did the council decide?')).toBe('what');
  });
});

describe('question types', () => {
  it('reads "when" as a conjunction as no time question', () => {
    expect(questionKind('What kind of failure occurs when the pier floods?')).toBe('what');
    expect(questionKind('Since when has the ferry run?')).toBe('when');
  });
});

describe('READABILITY_TEXTS: a folder of plain-text articles', () => {
  it('reads every .txt file below it in path order, in UTF-8 or, failing that, Latin-1, and skips a README', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-texts-'));
    mkdirSync(join(dir, 'business'));
    writeFileSync(join(dir, 'business', '002.txt'), Buffer.from('Pound falls\n\nThe pound fell to \xa31.20 on Monday.\n', 'latin1'));
    writeFileSync(join(dir, 'business', '001.txt'), 'Café opens\n\nA café opened in Dunmore on Friday.\n');
    writeFileSync(join(dir, 'README.TXT'), 'About these files.');
    expect(loadTextFolder(dir)).toEqual(['Café opens\n\nA café opened in Dunmore on Friday.\n', 'Pound falls\n\nThe pound fell to £1.20 on Monday.\n']);
    rmSync(dir, { recursive: true });
  });
});
