import { describe, expect, it } from 'vitest';
import { extractTags } from '../../src/engine/tags.ts';

// Articles written for these tests (invented town, people and organisations).

const PIER = `Harbor Council Votes to Close Old Pier
VELLMORE, March 3 (Northwire) - The Vellmore Harbor Council voted on Tuesday to close the old pier, after Party Treasurer Ana Lutz said repairs would cost too much.
C.E.O. Mark Hale of Dunmore Shipping Ltd. said the company would move its ferries to Port Essel. Hale's decision surprised the Civic Alliance Party.
Ana said the vote was close. Lutz later told the Vellmore Gazette that the Civic Alliance Party would appeal.
American Oliver Brandt, who owns a cafe on the pier, said he would sue. Brandt's lawyer, Rena Okafor, called the vote "a mistake the town will regret for years".
The European Union said the pier was not covered by the Treaty of Kestrel, and the EU would not pay for repairs. Officials from the Baltic Fisheries Organisation (BFO) agreed; the BFO said it had no funds.
Mayor Pia Sandell and Deputy Mayor Joss Whitlow will meet on Friday. Sandell and Whitlow said Vellmore Rovers would still play at the Pier Ground, where the Rovers beat Caddon Athletic 2-1 last week.
Wikiloop, the leaks site, published the council's minutes. The Northwire agency and the Sentinel newspaper reported that the Kestrel Cup would move.
U.S. investors own part of Dunmore Shipping Ltd. The United States embassy declined to comment.`;

const all = (text: string): string[] => {
  const tags = extractTags(text);
  return [...tags.people, ...tags.organizations, ...tags.places];
};

describe('entity names', () => {
  it('keeps titles, nationalities, possessives and trailing punctuation out of names', () => {
    const tags = extractTags(PIER);
    expect(tags.people).toContain('Ana Lutz');
    expect(tags.people).toContain('Mark Hale');
    expect(tags.people).toContain('Oliver Brandt');
    expect(tags.people).toContain('Pia Sandell');
    expect(tags.people).toContain('Joss Whitlow');
    expect(all(PIER).filter((n) => /Treasurer|C\.E\.O\.|American|Mayor|['’]s$|[.,;]$/.test(n))).toEqual([]);
  });

  it('merges fragments, surnames, first names, acronyms and U.S. into one canonical name', () => {
    const tags = extractTags(PIER);
    // "Ana", "Lutz" and "Party Treasurer Ana Lutz" are one person; "Hale", "Brandt" likewise.
    expect(tags.people.filter((p) => /Ana|Lutz/.test(p))).toEqual(['Ana Lutz']);
    expect(tags.people.filter((p) => /Hale|Brandt/.test(p))).toEqual(['Mark Hale', 'Oliver Brandt']);
    // "EU" is the "European Union", "BFO" the "Baltic Fisheries Organisation".
    expect(tags.organizations).toContain('European Union');
    expect(tags.organizations).not.toContain('EU');
    expect(tags.organizations).toContain('Baltic Fisheries Organisation');
    expect(tags.organizations).not.toContain('BFO');
    expect(tags.places.filter((p) => /U\.S\.|United States/.test(p))).toEqual(['United States']);
    // "Dunmore Shipping Ltd." and "Dunmore Shipping" are one company.
    expect(tags.organizations.filter((o) => o.startsWith('Dunmore'))).toEqual(['Dunmore Shipping']);
  });

  it('builds no name across "and", a line break or a headline', () => {
    const names = all(PIER);
    expect(names.filter((n) => / and /.test(n))).toEqual([]);
    // The headline's Title Case run is not a name; nothing spans its line break.
    expect(names.filter((n) => /Votes|Close|Old Pier|\n/.test(n))).toEqual([]);
    const list = extractTags('Talks ended early.\nMarta Quell and Ivo Brandvik signed the Loring Accord.\nQuell said the accord would hold. Brandvik agreed.');
    expect(list.people).toEqual(expect.arrayContaining(['Marta Quell', 'Ivo Brandvik']));
    expect(list.people).toHaveLength(2);
  });

  it('gives outlets, agencies, companies, parties and teams their kind, and treaties and events none', () => {
    const tags = extractTags(PIER);
    for (const org of [
      'Northwire',
      'Wikiloop',
      'Sentinel',
      'Vellmore Gazette',
      'Dunmore Shipping',
      'Civic Alliance Party',
      'Vellmore Rovers',
      'Caddon Athletic',
    ]) {
      expect(tags.organizations).toContain(org);
    }
    expect(tags.people.filter((p) => /Northwire|Wikiloop|Sentinel|Rovers|Athletic|Dunmore/.test(p))).toEqual([]);
    expect(all(PIER).filter((n) => /Treaty|Kestrel/.test(n))).toEqual([]);
    expect(tags.places).toContain('Vellmore');
    expect(tags.places).toContain('Port Essel');
  });

  it('returns every entity, most mentioned first', () => {
    const tags = extractTags(PIER);
    expect(tags.people.length).toBeGreaterThanOrEqual(6);
    expect(tags.people.indexOf('Ana Lutz')).toBeLessThan(tags.people.indexOf('Rena Okafor'));
  });

  it('decides a kind from the whole article, not from one mention', () => {
    // "Carrow" opens the article with no cue; later mentions show it is a company.
    const text =
      'Carrow cut 300 jobs on Monday.\nThe cuts hit the plant in Dellbrook hardest. Shares of Carrow fell 4 percent, and the company, Carrow Inc., said more cuts were possible. Analysts at the firm Pell & Marsh said Carrow had waited too long.';
    const tags = extractTags(text);
    expect(tags.organizations).toContain('Carrow');
    expect(tags.people).not.toContain('Carrow');
    // "&" joins a firm's partners; "and" would have made two names.
    expect(tags.organizations).toContain('Pell & Marsh');
  });

  it('keeps a sports team and its town apart, and drops people named by a nationality noun only', () => {
    const text = `Greyport Mariners beat Lindale Rangers 5-3 on Saturday.
Swede Nils Farrow hit two home runs for the Greyport Mariners, and top-seeded Dane Ulla Krogh won the tennis final in Greyport.
Greyport 5 Lindale 3
Farrow said the Mariners had played their best game of the season. Krogh thanked the crowd.`;
    const tags = extractTags(text);
    expect(tags.organizations).toEqual(expect.arrayContaining(['Greyport Mariners', 'Lindale Rangers']));
    expect(tags.people).toEqual(expect.arrayContaining(['Nils Farrow', 'Ulla Krogh']));
    expect(tags.people.filter((p) => /Swede|Dane|Mariners|Rangers/.test(p))).toEqual([]);
  });
});
