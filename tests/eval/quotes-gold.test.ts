import { describe, expect, it } from 'vitest';
import { goldQuotes, sameSpeaker, sourceName } from '../../src/eval/quotes.eval.ts';

// The gold-speaker rule of the quotes evaluation, on annotations written for these tests.

/** BRAT text-bound lines (`T1\tSource 0 8\tJane Roe`) for the first occurrence of a string in `text` (from `from` on). */
function bratSpan(text: string): (id: number, type: string, s: string, from?: number) => string {
  return (id, type, s, from = 0) => {
    const start = text.indexOf(s, from);
    return `T${id}\t${type} ${start} ${start + s.length}\t${s}`;
  };
}
describe('quotes eval gold rule', () => {
  it('reads a date at the end of a Source as no name', () => {
    expect(sourceName('A campaign TV ad released Thursday')).toBeNull();
    expect(sourceName('a Lindqvist poll conducted in February.')).toBeNull();
    expect(sourceName('Jane Doe, interviewed on Monday')).toBe('Doe');
  });

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

  it('reads the name after a title that takes "of"', () => {
    expect(sourceName('Former Secretary of State Jane Doe')).toBe('Doe');
    expect(sourceName('Minister of Finance Tom Roe, a banker,')).toBe('Roe');
  });

  it('reads a headline in capitals as no name', () => {
    expect(sourceName('CITY HALL: MAYOR PLANS NEW BRIDGE')).toBeNull();
    expect(sourceName('NATO')).toBe('NATO');
  });

  it('counts a first name the text uses alone as the full name, but not a description holding it', () => {
    expect(sameSpeaker('Jane Doe', 'Jane')).toBe(true);
    expect(sameSpeaker('Jane Doe', 'Doe')).toBe(true);
    expect(sameSpeaker('Tom Roe', 'Doe')).toBe(false);
    expect(sameSpeaker('one Doe confidant', 'Doe')).toBe(false);
    // An acronym of our name is that name; not under the previous scorer.
    expect(sameSpeaker('Baltic Fisheries Organisation', 'BFO')).toBe(true);
    expect(sameSpeaker('Baltic Fisheries Organisation', 'BFO', false)).toBe(false);
    expect(sameSpeaker('Baltic Ferry Line', 'BFO')).toBe(false);
  });

  it('gives the writer\'s "I" and an indefinite description no referent, and "he" the name before it', () => {
    const text =
      'Tom Doe spoke first. I asked him about it. "We will build the bridge next spring," I said. "It will cost more than we hoped for," a friend said. "The money is there for it," he said.';
    // A span of `s`, searched for from `from` on.
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Tom Doe'),
      span(2, 'Content', 'spoke first'),
      span(3, 'Source', 'I', text.indexOf('I said')),
      span(4, 'Content', 'We will build the bridge next spring,'),
      span(5, 'Source', 'a friend'),
      span(6, 'Content', 'It will cost more than we hoped for,'),
      span(7, 'Source', 'he', text.indexOf('he said')),
      span(8, 'Content', 'The money is there for it,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
      'E3\tAttribution:T5 Source:T5 Content:T6',
      'E4\tAttribution:T7 Source:T7 Content:T8',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => g.referent)).toEqual([null, null, 'Doe']);
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
  it('refers back only from a pronoun or a definite description; "who" takes the name before it; "she" skips a Mr.', () => {
    const text =
      'Mrs. Jane Doe spoke first. Mr. Tom Roe answered. "We will build the bridge next spring," she said. "It will cost far more than we hoped," critics in the town said. Ana Vik, who said "the money is simply not there yet," left early. "We have heard all of this before," another said.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Mrs. Jane Doe'),
      span(2, 'Content', 'spoke first'),
      span(3, 'Source', 'Mr. Tom Roe'),
      span(4, 'Content', 'answered'),
      span(5, 'Source', 'she', text.indexOf('she said')),
      span(6, 'Content', 'We will build the bridge next spring,'),
      span(7, 'Source', 'critics in the town'),
      span(8, 'Content', 'It will cost far more than we hoped,'),
      span(9, 'Source', 'who'),
      span(10, 'Content', 'the money is simply not there yet,'),
      span(11, 'Source', 'another'),
      span(12, 'Content', 'We have heard all of this before,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
      'E3\tAttribution:T5 Source:T5 Content:T6',
      'E4\tAttribution:T7 Source:T7 Content:T8',
      'E5\tAttribution:T9 Source:T9 Content:T10',
      'E6\tAttribution:T11 Source:T11 Content:T12',
    ].join('\n');
    const gold = goldQuotes(text, ann);
    expect(gold.map((g) => g.referent)).toEqual(['Doe', null, 'Vik', null]);
    // The previous rule (before the he/she rule of the fifth round) already skipped a titled Mr. for "she".
    expect(gold.map((g) => g.referentV1)).toEqual(['Doe', null, 'Vik', null]);
  });

  it('refers a he/she to one person of that gender: not an organisation, nor a name the text gives the other first name', () => {
    const text =
      'Jane Roe spoke at the rally. Tom Lind listened. The Valley Watch reported the speech first. "We will fix every road in this county," she said. "I have heard that promise many times before," he said. Anne Baker and Chris Baker run the diner. Baker said it was busy. "We sold out of pie by noon today," he said.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Jane Roe'),
      span(2, 'Content', 'spoke at the rally'),
      span(3, 'Source', 'Tom Lind'),
      span(4, 'Content', 'listened'),
      span(5, 'Source', 'The Valley Watch'),
      span(6, 'Content', 'the speech'),
      span(7, 'Source', 'she', text.indexOf('she said')),
      span(8, 'Content', 'We will fix every road in this county,'),
      span(9, 'Source', 'he', text.indexOf('he said')),
      span(10, 'Content', 'I have heard that promise many times before,'),
      span(11, 'Source', 'Baker', text.indexOf('Baker said')),
      span(12, 'Content', 'it was busy'),
      span(13, 'Source', 'he', text.indexOf('he said', text.indexOf('Baker said'))),
      span(14, 'Content', 'We sold out of pie by noon today,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
      'E3\tAttribution:T5 Source:T5 Content:T6',
      'E4\tAttribution:T7 Source:T7 Content:T8',
      'E5\tAttribution:T9 Source:T9 Content:T10',
      'E6\tAttribution:T11 Source:T11 Content:T12',
      'E7\tAttribution:T13 Source:T13 Content:T14',
    ].join('\n');
    const gold = goldQuotes(text, ann);
    // "she" skips the outlet and Tom; "he" skips the outlet; the Bakers share a surname (and "Chris" is either gender), so "Baker" has no gender.
    expect(gold.map((g) => g.referent)).toEqual(['Roe', 'Lind', 'Baker']);
    expect(gold.map((g) => g.referentV1)).toEqual(['Watch', 'Watch', 'Baker']);
  });

  it("reads a definite description by its head: an owned thing is its owner's, a person is a person, an unnamed one stays unnamed", () => {
    const text =
      'Tom Lind spoke at the mill. The Valley Ledger covered the speech. "We will reopen the mill by spring," the Lind campaign said. Mary Vik runs the bakery. "Bread prices will go up again soon," the businessman said. A city aide was at the rally. "The council has not seen the plan yet," the aide said.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Tom Lind'),
      span(2, 'Content', 'spoke at the mill'),
      span(3, 'Source', 'The Valley Ledger'),
      span(4, 'Content', 'the speech'),
      span(5, 'Source', 'the Lind campaign'),
      span(6, 'Content', 'We will reopen the mill by spring,'),
      span(7, 'Source', 'Mary Vik'),
      span(8, 'Content', 'runs the bakery'),
      span(9, 'Source', 'the businessman'),
      span(10, 'Content', 'Bread prices will go up again soon,'),
      span(11, 'Source', 'A city aide'),
      span(12, 'Content', 'was at the rally'),
      span(13, 'Source', 'the aide', text.indexOf('the aide said')),
      span(14, 'Content', 'The council has not seen the plan yet,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
      'E3\tAttribution:T5 Source:T5 Content:T6',
      'E4\tAttribution:T7 Source:T7 Content:T8',
      'E5\tAttribution:T9 Source:T9 Content:T10',
      'E6\tAttribution:T11 Source:T11 Content:T12',
      'E7\tAttribution:T13 Source:T13 Content:T14',
    ].join('\n');
    const gold = goldQuotes(text, ann);
    // "the businessman" skips Mary (a woman's first name) and the outlet; "the aide" is the unnamed "A city aide".
    expect(gold.map((g) => g.referent)).toEqual(['Lind', 'Lind', null]);
    expect(gold.map((g) => g.referentV1)).toEqual(['Ledger', 'Vik', 'Vik']);
  });

  it('gives a first name used alone its gender for "he"/"she"', () => {
    const text = 'Jane Roe greeted the diners. Her husband Bill waved. "We need every one of you tomorrow," she said.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Jane Roe'),
      span(2, 'Content', 'greeted the diners'),
      span(3, 'Source', 'Her husband Bill'),
      span(4, 'Content', 'waved'),
      span(5, 'Source', 'she'),
      span(6, 'Content', 'We need every one of you tomorrow,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
      'E3\tAttribution:T5 Source:T5 Content:T6',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => [g.referent, g.referentV1])).toEqual([['Roe', 'Bill']]);
  });

  it('gives a plural description of people ("the protesters") no single named referent', () => {
    const text = 'Tom Lind spoke at the mill. Protesters waited outside. "Lind is bad for the valley and bad for you," the protesters chanted.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Tom Lind'),
      span(2, 'Content', 'spoke at the mill'),
      span(3, 'Source', 'the protesters'),
      span(4, 'Content', 'Lind is bad for the valley and bad for you,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => [g.referent, g.referentV1])).toEqual([[null, 'Lind']]);
  });

  it('gives "she" a person the text introduces after the last named Source, when no attribution annotated her', () => {
    const text =
      '"The ramp is the best in town," Ms. Lind said. Linda Okafor, 17, was wary when she first came. "I stayed for the people, not the boards," she said.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Ms. Lind'),
      span(2, 'Content', 'The ramp is the best in town,'),
      span(3, 'Source', 'she', text.indexOf('she said')),
      span(4, 'Content', 'I stayed for the people, not the boards,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => [g.referent, g.referentV1])).toEqual([
      ['Lind', 'Lind'],
      ['Okafor', 'Lind'],
    ]);
  });

  it('keeps the named Source for "he" when the later name is no subject (an object, a modifier, inside a quote)', () => {
    const text =
      'Tom Lind spoke at the mill. He went after Mark Vik, and former Mark Vik aide Sam Oyelaran nodded. "Peter Hale knows it," he said. "Ask anyone at the plant about the pay," he said.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Tom Lind'),
      span(2, 'Content', 'spoke at the mill'),
      span(3, 'Source', 'he', text.indexOf('he said')),
      span(4, 'Content', 'Ask anyone at the plant about the pay,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => g.referent)).toEqual(['Lind']);
  });

  it('reads a Source "Transcript" as the document of the speaker before it, not as a name', () => {
    const text =
      'Gov. Tom Lind spoke in Akron. "We will win this state," Lind said.\n\nTranscript as follows:\n\n"Tonight we arrived in Akron and we went to the diner."';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Lind', text.indexOf('Lind said')),
      span(2, 'Content', 'We will win this state,'),
      span(3, 'Source', 'Transcript'),
      span(4, 'Content', 'Tonight we arrived in Akron and we went to the diner.'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => [g.referent, g.referentV1])).toEqual([
      ['Lind', 'Lind'],
      ['Lind', 'Transcript'],
    ]);
  });

  it('counts an annotated Source whose first name the lists lack as a person the text re-mentions', () => {
    const text =
      '"The board of the club met on Monday," Zoltanne Okafor said. "The ramp is the best in town," Kim Lind said. Okafor, 29, still skates every morning. "I never stopped coming here, not once," she said.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'Zoltanne Okafor'),
      span(2, 'Content', 'The board of the club met on Monday,'),
      span(3, 'Source', 'Kim Lind'),
      span(4, 'Content', 'The ramp is the best in town,'),
      span(5, 'Source', 'she', text.indexOf('she said')),
      span(6, 'Content', 'I never stopped coming here, not once,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
      'E3\tAttribution:T5 Source:T5 Content:T6',
    ].join('\n');
    // "Kim" is given to women and men: the Source before "she" is Lind, but the subject after it is Okafor.
    expect(goldQuotes(text, ann).map((g) => [g.referent, g.referentV1])).toEqual([
      ['Okafor', 'Okafor'],
      ['Lind', 'Lind'],
      ['Okafor', 'Lind'],
    ]);
  });

  it('gives "it" an organisation or a site, never the person named last', () => {
    const text =
      '"We did not know the seller," ShopLane.com said. "The listing is gone," Tom Lind said. It added, "We want no part in the sale of this rifle."';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'ShopLane.com'),
      span(2, 'Content', 'We did not know the seller,'),
      span(3, 'Source', 'Tom Lind'),
      span(4, 'Content', 'The listing is gone,'),
      span(5, 'Source', 'It'),
      span(6, 'Content', 'We want no part in the sale of this rifle.'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
      'E3\tAttribution:T5 Source:T5 Content:T6',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => [g.referent, g.referentV1])).toEqual([
      ['ShopLane.com', 'ShopLane.com'],
      ['Lind', 'Lind'],
      ['ShopLane.com', 'Lind'],
    ]);
  });

  it('gives "who" after a name and its description the name, not the description\'s last capitalised word', () => {
    const text =
      '"Voters here want jobs, not slogans," said Ana Vik, the director of the Center for Rural Policy, who added that the mill was vital. "It is the heart of this town," said Tom Lind, a Dayton lawyer and a lifelong Republican who backs the plan.';
    const span = bratSpan(text);
    const ann = [
      span(1, 'Source', 'who', text.indexOf('who added')),
      span(2, 'Content', 'Voters here want jobs, not slogans,'),
      span(3, 'Source', 'who', text.indexOf('who backs')),
      span(4, 'Content', 'It is the heart of this town,'),
      'E1\tAttribution:T1 Source:T1 Content:T2',
      'E2\tAttribution:T3 Source:T3 Content:T4',
    ].join('\n');
    expect(goldQuotes(text, ann).map((g) => [g.referent, g.referentV1])).toEqual([
      ['Vik', 'Policy'],
      ['Lind', 'Republican'],
    ]);
  });
});
