import { describe, expect, it } from 'vitest';
import { extractTags } from '../../src/engine/tags.ts';

const KREMLIN = `MOSCOW (Reuters) — President Vladimir Putin said on Tuesday that Russia’s economy would grow next year, despite sanctions.

Putin told a meeting of the Central Bank of Russia that inflation was slowing. The Kremlin did not give details.

Analysts in London doubted the forecast. "The numbers do not add up," said Jane Doe, an economist at Barclays. Growth had stalled, she added, and unemployment was rising.

Later, Putin. Then Mr. Putin again, and the bank's governor, Elvira Nabiullina, said interest rates would stay high. Posts on Twitter. Twitter.`;

describe('extractTags', () => {
  it('merges titles, surname-only mentions and trailing punctuation into one full name', () => {
    const tags = extractTags(KREMLIN);
    expect(tags.people[0]).toBe('Vladimir Putin');
    expect(tags.people.filter((p) => p.includes('Putin'))).toEqual(['Vladimir Putin']);
    expect(tags.people).toContain('Jane Doe');
    expect(tags.people).toContain('Elvira Nabiullina');
  });

  it('drops possessives and full stops from names', () => {
    const tags = extractTags(KREMLIN);
    const all = [...tags.people, ...tags.organizations, ...tags.places];
    expect(tags.places).toContain('Russia');
    expect(all.some((n) => /['’]s$|\.$/.test(n))).toBe(false);
    expect(tags.organizations).toContain('Twitter');
    expect(tags.organizations).toContain('Central Bank of Russia');
  });

  it('reads datelines as places; the wire credited there filed the story and is no tag', () => {
    const tags = extractTags(KREMLIN);
    expect(tags.places).toContain('Moscow');
    expect(tags.places).toContain('London');
    expect(tags.organizations).not.toContain('Reuters');
    expect(tags.people).not.toContain('Reuters');
    expect(extractTags('LISBON (Harbour Wire) — The port reopened on Monday, the Harbour Authority said.').organizations).toEqual(['Harbour Authority']);
    const paris = extractTags('Paris: The mayor of Paris, Anne Hidalgo, opened a new bridge on Monday. Hidalgo said it would cut traffic.');
    expect(paris.places).toEqual(['Paris']);
    expect(paris.people).toEqual(['Anne Hidalgo']);
  });

  it('does not take sentence-initial common words for names', () => {
    const tags = extractTags(
      'Bombs were not falling. Critics said the plan was weak. However, the senator from Ohio, Mark Lane, defended it. Lane said it was sound.',
    );
    const all = [...tags.people, ...tags.organizations, ...tags.places];
    expect(all).not.toContain('Bombs');
    expect(all).not.toContain('Critics');
    expect(all).not.toContain('However');
    expect(tags.people).toEqual(['Mark Lane']);
    expect(tags.places).toEqual(['Ohio']);
  });

  it('does not take a pageant title for a person', () => {
    const tags = extractTags('Tom Baker praised former Miss Universe Carla Mendes on Friday. Mendes said she would run for office.');
    expect(tags.people).toContain('Carla Mendes');
    expect(tags.people).not.toContain('Universe');
  });

  it('gives topics and no garbage names for lower-case text', () => {
    const text =
      'the economy slowed as inflation rose and unemployment climbed. economists expect the central bank to raise interest rates, and markets fell on the news about jobs.';
    const tags = extractTags(text);
    expect(tags.people).toEqual([]);
    expect(tags.organizations).toEqual([]);
    expect(tags.places).toEqual([]);
    expect(tags.topics[0]).toBe('economy');
  });

  it('returns empty tags for empty text', () => {
    expect(extractTags('')).toEqual({ people: [], organizations: [], places: [], topics: [] });
  });

  it('strips "of State" after a title split inside a run of capitals', () => {
    const tags = extractTags(
      'The count went on all night. Ohio Secretary of State Jon Husted said the result would be certified on Friday. Husted left early.',
    );
    expect(tags.people).toEqual(['Jon Husted']);
  });

  it('reads a capitalised occupation before a full name as a title, not part of the name', () => {
    const tags = extractTags('Comedian Mia Torres joined Actor Tom Reyes and Novelist Ada Okafor on stage in Dayton. Torres said it was a good night.');
    expect(tags.people).toEqual(['Mia Torres', 'Tom Reyes', 'Ada Okafor']);
    expect(extractTags('Manager Carl Brandt said the striker would be fit on Saturday. Brandt smiled.').people).toEqual(['Carl Brandt']);
  });

  it('does not take a nationality for a person, but keeps a surname that is also one', () => {
    const tags = extractTags(
      'The 24-year-old Hungarian said he had slept badly. Team owner Mark Cuban watched from the front row. Cuban said the result was fair.',
    );
    expect(tags.people).toContain('Mark Cuban');
    expect(tags.people).not.toContain('Hungarian');
    expect(tags.people).not.toContain('Cuban');
  });

  it('reads a name introduced by a business noun as an organisation ("the streaming service Vidora", "The operator, TejoLink, said")', () => {
    const tags = extractTags(
      'Regulators fined the streaming service Vidora on Tuesday. Vidora said it would appeal. The ferry operator, Tagora, said services would resume on Monday.',
    );
    expect(tags.organizations).toEqual(expect.arrayContaining(['Vidora', 'Tagora']));
    expect(tags.people).toEqual([]);
  });

  it('joins a family name written first to the full name ("Li" is "Li Wenhao")', () => {
    const tags = extractTags(
      'Challenger Adam Varga beat world champion Li Wenhao in 41 moves on Wednesday. Li spent 38 minutes on his reply, and Varga said he had prepared the move at home.',
    );
    expect(tags.people).toEqual(['Adam Varga', 'Li Wenhao']);
  });

  it('reads short datelines in capitals as the places they spell ("NEW DELHI —", "PARIS —"), but keeps acronyms', () => {
    expect(extractTags('NEW DELHI — The rains were heavy this year, officials said.').places).toEqual(['New Delhi']);
    expect(extractTags('PARIS — The strike spread to the ports on Monday.').places).toEqual(['Paris']);
    expect(extractTags('NATO said on Friday it would send more ships, and the FBI opened an inquiry.').organizations).toEqual(['NATO', 'FBI']);
  });

  it('reads company names by their business words and drops a kind of business before them ("Chipmaker Arvion Semiconductor")', () => {
    const tags = extractTags('Chipmaker Arvion Semiconductor agreed on Thursday to buy Tallis Robotics for $4.2 billion, the companies said.');
    expect(tags.organizations).toEqual(expect.arrayContaining(['Arvion Semiconductor', 'Tallis Robotics']));
    expect(tags.people).toEqual([]);
  });

  it('reads football clubs as organisations ("Manchester United", "Blackburn Rovers"), not places or people', () => {
    const tags = extractTags(
      'Manchester United beat Blackburn Rovers 2-0 on Saturday, and Tottenham Hotspur drew with Leeds United. The United States was not involved.',
    );
    expect(tags.organizations).toEqual(expect.arrayContaining(['Manchester United', 'Blackburn Rovers', 'Tottenham Hotspur', 'Leeds United']));
    expect(tags.places).toEqual(['United States']);
  });
});
