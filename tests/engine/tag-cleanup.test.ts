import { describe, expect, it } from 'vitest';
import { cleanPersonName, isResultLine } from '../../src/engine/entities/tag-cleanup.ts';
import { extractTags } from '../../src/engine/tags.ts';

describe('tag cleanup', () => {
  it('drops nationalities and titles written before a name', () => {
    expect(cleanPersonName('American Tessa Marlowe')).toBe('Tessa Marlowe');
    expect(cleanPersonName('South African Pieter Vandam')).toBe('Pieter Vandam');
    expect(cleanPersonName('Jordanian PM Halabi')).toBe('Halabi');
    expect(cleanPersonName('Bosnian Serbs')).toBeNull();
    expect(cleanPersonName('Mark Cuban')).toBe('Mark Cuban');
  });

  it('drops an adjective or participle written before a name, but not a first name', () => {
    expect(cleanPersonName('Ambitious Tessa Marlowe')).toBe('Tessa Marlowe');
    expect(cleanPersonName('Controversial Pieter Vandam')).toBe('Pieter Vandam');
    expect(cleanPersonName('Joining Halabi')).toBe('Halabi');
    expect(cleanPersonName('Executive Ana Lutz')).toBe('Ana Lutz');
    expect(cleanPersonName('Marlowe')).toBe('Marlowe');
  });

  it('tells results-table rows from prose and datelines', () => {
    expect(isResultLine('Fernhill 3 Calder Bay 1')).toBe(true);
    expect(isResultLine('Fernhill 74 60 .552 -')).toBe(true);
    expect(isResultLine('FERNHILL AT CALDER BAY')).toBe(true);
    expect(isResultLine('FERNHILL 2026-05-01')).toBe(false);
    expect(isResultLine('Fernhill 2 (Ortega 61st) Calder Bay 1')).toBe(true);
    expect(isResultLine('Fernhill .552 .500 .480')).toBe(true);
    expect(isResultLine('Fernhill 74 60 .552 -, updated 2026-05-01')).toBe(false);
    expect(isResultLine('Fernhill won 3 of its games at Calder Bay.')).toBe(false);
    expect(isResultLine('The mayor of Fernhill said 3 people were hurt.')).toBe(false);
  });

  it('reads towns in a results table as teams, and returns more than eight names', () => {
    const table = ['Results on Sunday:', 'Boston 3 Chicago 1', 'Toronto 5 Detroit 2', 'Seattle 4 Houston 0'].join('\n');
    const tags = extractTags(table);
    expect(tags.organizations).toEqual(expect.arrayContaining(['Boston', 'Chicago', 'Toronto', 'Detroit', 'Seattle', 'Houston']));
    expect(tags.places).not.toContain('Boston');
  });
});

describe('names the index could not place', () => {
  it('reads two or three capitalised words as a person, but not a team, event or bureau', async () => {
    const { looksLikePersonName } = await import('../../src/engine/entities/tag-cleanup.ts');
    expect(looksLikePersonName('Ria Solberg')).toBe(true);
    expect(looksLikePersonName('G. Tanner')).toBe(true);
    expect(looksLikePersonName('Ajax Amsterdam')).toBe(false);
    expect(looksLikePersonName('Halvor Grand Prix')).toBe(false);
    expect(looksLikePersonName('Solberg')).toBe(false);
  });
});

describe('datelines and table rows', () => {
  it('finds the place of a dateline written in capitals', () => {
    expect(extractTags('Harbour vote delayed\nKVARNBY 2026-05-01\nThe council met on Friday.').places).toContain('Kvarnby');
    expect(extractTags('FORT ELLIS, May 3 (Reuters) - The council met on Friday.').places).toContain('Fort Ellis');
  });

  it('reads a one-word name in results rows as a team', () => {
    const tags = extractTags('Results on Saturday:\nVarnholm 2 Eskdale 1\nBrackwood 0 Varnholm 3\nEskdale 1 Brackwood 1');
    expect(tags.organizations).toEqual(expect.arrayContaining(['Varnholm', 'Eskdale', 'Brackwood']));
  });
});

describe('sides that only open table rows', () => {
  it('reads a name seen only at the start of rows as a team, in capitals too', () => {
    const text = [
      'Results of the northern league on Sunday:',
      'Orvik 2 Tasselby 1',
      'Haldenmoor 0 Skarvik 3',
      'Standings (played, won, drawn, lost, points):',
      'Orvik 9 6 2 1 20',
      'Skarvik 9 5 1 3 16',
      'GRENNAHOLM 4 Tasselby 2',
    ].join('\n');
    const tags = extractTags(text);
    expect(tags.organizations).toEqual(expect.arrayContaining(['Orvik', 'Haldenmoor', 'Grennaholm', 'Tasselby', 'Skarvik']));
    expect(tags.people).toEqual([]);
  });

  it('reads a side in capitals the index left without a kind as a team', () => {
    const text = 'Standings after Sunday games:\nEASTERN DIVISION\nST ARDEN 67 59 .532 -\nCOLDBROOK 60 66 .476 7\nMonday games:\nST ARDEN AT COLDBROOK';
    expect(extractTags(text).organizations).toEqual(expect.arrayContaining(['St Arden', 'Coldbrook']));
  });

  it('leaves out openers of players tables, price tables and months', () => {
    const golf = 'Leading scores after two rounds:\nEdmund Carvell 68 70 138\nMark Wrenfield 69 71 140\nHaskell 70 71 141\nCarvell said he was pleased.';
    expect(extractTags(golf).organizations).not.toContain('Haskell');
    const prices = 'Grain prices on Monday (rupees a tonne):\nMarvala 45 Yellow 12,700-12,950\nSales 120 98 115\nAug 12 14 15\nGrain sales rose.';
    expect(extractTags(prices).organizations).toEqual([]);
  });
});

describe('capitalised common words', () => {
  it('does not take a name whose first or last word the text writes in lower case for a person', () => {
    const text = [
      'Trelwyn Cables lifts profit.',
      'Trelwyn Cables said on Monday its half-year profit rose, as cables for wind farms sold well.',
      'Net Sales were up. Chief executive Maren Hollis said net sales would rise again.',
      'Maren Hollis told analysts the company would open a plant in Osterby.',
    ].join('\n');
    const tags = extractTags(text);
    expect(tags.people).toContain('Maren Hollis');
    expect(tags.people.filter((p) => /Cables|Sales/.test(p))).toEqual([]);
  });
});

describe('sides named by their place in a sentence', () => {
  it('reads a club in brackets after a player, and the sides of a fixture, as teams', () => {
    const text = [
      'The national coach named his squad for the friendly on Wednesday.',
      'He picked John Brekke (Aldra Vik), Peter Ruud (Brenna Haug) and David Sand (Aldra Vik) up front.',
      'The league plays on Saturday, when Molvik v Tarnes and Skjold Orm v Vestby open the season.',
    ].join('\n');
    const tags = extractTags(text);
    expect(tags.organizations).toEqual(expect.arrayContaining(['Aldra Vik', 'Brenna Haug', 'Molvik', 'Tarnes', 'Skjold Orm', 'Vestby']));
    expect(tags.people).toEqual(expect.arrayContaining(['John Brekke', 'Peter Ruud', 'David Sand']));
    expect(tags.people.filter((p) => /Aldra|Brenna|Skjold/.test(p))).toEqual([]);
  });

  it('keeps the sides of a law report and a country in brackets as they were', () => {
    const tags = extractTags('The appeal in Hallam v. Corvey was heard on Monday.\nSeeded: Ana Ribeiro (Portugal) and Mette Lund (Norway).');
    expect(tags.organizations).not.toContain('Hallam');
    expect(tags.places).toEqual(expect.arrayContaining(['Portugal', 'Norway']));
  });
});

describe('car makers', () => {
  it('does not take a car model or a racing chassis and engine for a person', async () => {
    const { notAPerson } = await import('../../src/engine/entities/tag-cleanup.ts');
    expect(notAPerson('Subaru Kestrel', false)).toBe(true);
    expect(notAPerson('Varga Honda', false)).toBe(true);
    expect(notAPerson('Tessa Marlowe', false)).toBe(false);
  });

  it('reads "Jan" opening a name as a first name, and a month elsewhere in a name as a month', async () => {
    const { notAPerson } = await import('../../src/engine/entities/tag-cleanup.ts');
    expect(notAPerson('Jan Ullmann', false)).toBe(false);
    expect(notAPerson('Record Sept', false)).toBe(true);
  });
});

describe('buildings', () => {
  it('files a hospital, a church or a museum under places, not organisations', () => {
    const text =
      'Two people were taken to Dunmere General Hospital after the fire, police said.\nThe fire began near the Harlow Street Church and spread towards the Kelby Museum.';
    const tags = extractTags(text);
    expect(tags.places).toEqual(expect.arrayContaining(['Dunmere General Hospital', 'Harlow Street Church', 'Kelby Museum']));
    expect(tags.organizations.filter((o) => /Hospital|Church|Museum/.test(o))).toEqual([]);
  });
});

describe('wire offices', () => {
  it('files a newsroom or a desk under organisations, not places', () => {
    const text =
      'Grain exports from Kelby rose in May, traders said.\nShippers expect more in June.\n-- Kelby Newsroom +44 20 7542 0000\n-- Harbor Desk, +1 212 555 0100';
    const tags = extractTags(text);
    expect(tags.organizations).toEqual(expect.arrayContaining(['Kelby Newsroom', 'Harbor Desk']));
    expect(tags.places).not.toContain('Kelby Newsroom');
  });
});

describe('bodies named by the noun after them', () => {
  it('reads a name before "daily", "news agency" or "party" as an organisation, not a nationality', () => {
    const text =
      'The Vedrana daily said on Monday that talks had stalled.\nThe Kessavik news agency quoted an Albanian party official as saying the Unity party would walk out.\nSupermarkets group shares fell; supermarkets had a poor month.';
    const tags = extractTags(text);
    expect(tags.organizations).toEqual(expect.arrayContaining(['Vedrana', 'Kessavik', 'Unity']));
    expect(tags.organizations.filter((o) => /Albanian|Supermarkets/.test(o))).toEqual([]);
  });
});

describe('entrants named with their country', () => {
  it('reads a name with a country in brackets, as draws and results list them, as a person', () => {
    const text = 'First-round draw for the Harbour Open:\nPetr Kovar (Slovakia) vs. Ole Lund (Norway)\nAna Ribeiro (Portugal) vs. qualifier';
    expect(extractTags(text).people).toEqual(expect.arrayContaining(['Petr Kovar', 'Ole Lund', 'Ana Ribeiro']));
  });

  it('leaves out the sides of a scored match', () => {
    const text = 'Results of the cup on Thursday:\nAlba Vik (Germany) 75 Kestrel Orm (Norway) 70 (42-41)';
    expect(extractTags(text).people).toEqual([]);
  });
});

describe('towns named for their teams', () => {
  it('does not list a town as a place where it stands for its team, but keeps the venue', () => {
    const team = 'The Seattle Herons won again on Sunday.\nA late homer gave Seattle the lead, and Seattle held on to win 4-3.';
    expect(extractTags(team).places).not.toContain('Seattle');
    const venue = 'The Seattle Herons won again on Sunday.\nThe team plays in Seattle next week, where Seattle fans expect a full stadium.';
    expect(extractTags(venue).places).toContain('Seattle');
  });
});
