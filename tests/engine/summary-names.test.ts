import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/engine/summary.ts';
import { eventsNamedInFull, nameInFull } from '../../src/engine/summary-names.ts';
import { splitSentences } from '../../src/engine/sentences.ts';

const TEXT = [
  'Harbour Minister Odile Fenwarth announced on Monday that the old ferry pier in Brantwick will close by spring.',
  'The pier has carried crossings to the island of Moray for ninety years.',
  'Fenwarth said repairs would cost more than the town spends on roads in a year.',
  '“Fenwarth promised us a new pier,” said the shopkeeper Talia Brenn.',
].join(' ');

describe('names in full', () => {
  it('shows a surname-only first mention with the full name and keeps the span verbatim', () => {
    const spans = splitSentences(TEXT);
    const [third] = nameInFull(TEXT, [spans[2]!]);
    expect(third!.shown).toBe('Odile Fenwarth said repairs would cost more than the town spends on roads in a year.');
    expect(TEXT.slice(third!.start, third!.end)).toBe(third!.text);
  });

  it('leaves the surname alone once the full name is shown, and never rewrites inside a quotation', () => {
    const spans = splitSentences(TEXT);
    const out = nameInFull(TEXT, [spans[0]!, spans[2]!]);
    expect(out.every((s) => s.shown === undefined)).toBe(true);
    expect(nameInFull(TEXT, [spans[3]!])[0]!.shown).toBeUndefined();
  });

  it('never opens a summary with a pronoun whose antecedent is not shown', () => {
    const text = [
      'The council of Brantwick voted on Monday to close the old ferry pier by spring after ninety years.',
      'The ferry company will move its boats to the port of Kellin, twelve miles north, from April.',
      'It said the move would cost the company less than repairing the Brantwick pier ever could.',
      'Island shopkeepers said fewer visitors would come without a direct crossing from Brantwick.',
      'Repairs would have cost the town more than its whole yearly budget for roads, the council said.',
    ].join(' ');
    for (const s of summarize(text, { sentences: 3 })) expect(s.text.startsWith('It ')).toBe(false);
  });
});

describe('sentences that count back to people not shown', () => {
  it('does not pick "The two raised …" or "The latter said …" when the sentence naming them is not shown', () => {
    const text = [
      'A visa scheme for wealthy investors will lapse at the end of the month unless Congress extends it, officials said on Monday.',
      'Two developers in Vermont were charged last year with misusing money raised through the scheme.',
      'The two raised 350 million dollars for a ski resort and a factory that was never built.',
      'The latter said on Monday that the charges were unfair and that investors would be repaid.',
      'Lawmakers from both parties have proposed changes to the scheme, including stricter audits.',
      'The scheme has brought more than 20 billion dollars into the country since 2008.',
    ].join(' ');
    const picked = summarize(text, { sentences: 3 });
    for (const s of picked) expect(s.text).not.toMatch(/^The (?:two|latter)\b/);
    expect(picked[0]!.text.startsWith('A visa scheme')).toBe(true);
  });
});

describe('names shared by two people, and peers', () => {
  it('gives a bare surname to the person the story names first, not to a namesake named more often later', () => {
    const text = [
      'Mixed signals on Hallam pension plan.',
      'Governor Roland Hallam unveiled a pension plan on Monday that experts called vague.',
      'A note on the Hallam campaign site says the plan covers only married couples.',
      'Clara Hallam, his daughter, wrote the plan. Clara Hallam said it was fair. Clara Hallam will tour three states.',
    ].join('\n\n');
    const spans = splitSentences(text);
    const site = spans.find((s) => s.text.startsWith('A note'))!;
    const [shown] = nameInFull(text, [site]);
    expect(shown!.shown ?? shown!.text).not.toContain('Clara');
  });

  it("never puts a first name between a peer's title and the surname", () => {
    const text = 'Former prime minister James Callowhill was made a peer in 1987. Tributes were paid to Lord Callowhill on Monday.';
    const spans = splitSentences(text);
    const [second] = nameInFull(text, [spans[1]!]);
    expect(second!.shown ?? second!.text).toContain('Lord Callowhill');
    expect(second!.shown ?? second!.text).not.toContain('Lord James');
  });
});

describe('timeline events named in full', () => {
  const text = 'Aiko Morita opened the Tessel bridge on 23 November 2026. On 24 November 2026, Morita said tolls would start in January 2027.';
  const at = text.indexOf('On 24 November');
  const entry = { start: text.indexOf('24 November', at), event: text.slice(at) };

  it('names the person in full in each event sentence, the entry otherwise unchanged', () => {
    const [shown] = eventsNamedInFull(text, [entry]);
    expect(shown).toEqual({ ...entry, event: 'On 24 November 2026, Aiko Morita said tolls would start in January 2027.' });
  });

  it('leaves an event that is not a sentence of the text (a model’s own words) as it is', () => {
    const model = { start: entry.start, event: 'Morita announced the tolls.' };
    expect(eventsNamedInFull(text, [model])).toEqual([model]);
  });
});

describe('courtesy titles and first names', () => {
  it('does not make "Mr. Ortega" into the article’s Jane Ortega, nor "Mrs. Ortega" into its Daniel Ortega', () => {
    const text = 'Jane Ortega spoke at the harbour on Monday. Mr. Ortega has previously argued for the new pier in his speeches.';
    const at = text.indexOf('Mr. Ortega');
    expect(nameInFull(text, [{ text: text.slice(at), start: at, end: text.length }])[0]!.shown).toBeUndefined();
    const other = 'Daniel Ortega spoke at the harbour on Monday. Mrs. Ortega has previously argued for the new pier in her speeches.';
    const at2 = other.indexOf('Mrs. Ortega');
    expect(nameInFull(other, [{ text: other.slice(at2), start: at2, end: other.length }])[0]!.shown).toBeUndefined();
    const same = 'Jane Ortega spoke at the harbour on Monday. Ms. Ortega has previously argued for the new pier in her speeches.';
    const at3 = same.indexOf('Ms. Ortega');
    expect(nameInFull(same, [{ text: same.slice(at3), start: at3, end: same.length }])[0]!.shown).toBe(
      'Jane Ortega has previously argued for the new pier in her speeches.',
    );
  });
});
