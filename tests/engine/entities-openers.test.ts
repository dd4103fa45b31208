import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';
import { extractTags } from '../../src/engine/tags.ts';

// Articles written for these tests (invented people, chambers and outlets): words glued onto a
// name by the capital letters around them.

// A sentence-opening adverb or participle before a name: "Certainly Jo Roe", "Given Roe".
const OPENERS = `The Bellmoor race tightened this week.
Certainly Dorian Vasko has the most money. "We will win the county by ten points," Vasko told supporters in Ashby.
Given Vasko's lead, his rival changed course. Interestingly Mirela Tosh spent nothing on television. "Voters do not watch ads any more," Tosh said.
Following Tosh, three other candidates dropped their ads.`;

// A chamber and a party word, or a title's "of" phrase, before a person's name.
const ROLES = `Lawmakers in Carrow argued over the budget on Monday.
"This bill spends money we do not have," said Assembly Republican Teodor Brisk, who voted against it.
Brisk was joined by Chief of Staff Wilma Ardent, who said the governor would veto it. "The governor has the votes to sustain a veto," Ardent said.`;

// A title written with a capital "Of", as some copy capitalises every word of a title.
const CAPITAL_OF = `The harbour board met in Lorrow on Tuesday.
Port Authority Chief Of Staff Benedikt Orlan said the dredging would start in spring. "The channel is too shallow for the new ferries," Orlan said.`;

// A preposition after an outlet's name and before a capitalised word: "Metro News on Election Day".
const OUTLET = `Polls closed at eight in Dunhallow.
"Turnout was the highest in twenty years," the clerk, Ines Parrow, told Harbor News on Election Night.
The Select Committee on Voting Rights will review the count. Harbor News said the results would be final by Friday.`;

const speakers = (text: string): (string | null)[] => extractQuotes(text).map((q) => q.speaker);

describe('names without the words capitals glue onto them', () => {
  it('drops a sentence-opening adverb or participle before a name', () => {
    const tags = extractTags(OPENERS);
    expect(tags.people).toEqual(expect.arrayContaining(['Dorian Vasko', 'Mirela Tosh']));
    expect(tags.people.filter((p) => /Certainly|Given|Interestingly|Following/.test(p))).toEqual([]);
    expect(speakers(OPENERS)).toEqual(['Dorian Vasko', 'Mirela Tosh']);
  });

  it('keeps a chamber, a party word or a title before a name out of the name', () => {
    const tags = extractTags(ROLES);
    expect(tags.people).toEqual(expect.arrayContaining(['Teodor Brisk', 'Wilma Ardent']));
    expect(tags.people.filter((p) => /Assembly|Republican|Staff/.test(p))).toEqual([]);
    expect(speakers(ROLES)).toEqual(['Teodor Brisk', 'Wilma Ardent']);
  });

  it('reads a capital "Of" after a title as part of the title', () => {
    const tags = extractTags(CAPITAL_OF);
    expect(tags.people).toContain('Benedikt Orlan');
    expect(tags.people.filter((p) => /Staff|Chief/.test(p))).toEqual([]);
    expect(speakers(CAPITAL_OF)).toEqual(['Benedikt Orlan']);
  });

  it('ends an outlet name at "on" unless the name is a body working on a subject', () => {
    const tags = extractTags(OUTLET);
    expect(tags.organizations).toContain('Harbor News');
    expect(tags.organizations).toContain('Select Committee on Voting Rights');
    expect(tags.organizations.filter((o) => /News on/.test(o))).toEqual([]);
  });
});
