import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/engine/entities.ts';
import { extractQuotes } from '../../src/engine/quotes.ts';
import { extractTags } from '../../src/engine/tags.ts';

// Speaker classes of issue 15's third round: people the name index misread or missed, and
// pronouns resolved to the wrong person. One invented article per class.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('quote speakers: names the index must see as people', () => {
  it('keeps a person whose apposition holds a capitalised business noun that is not its head', () => {
    const text = `Pete Orlov, a former Harbour Service pilot for Governor Tom Berg, has written a book about the years he spent flying the governor around the state.

In the book, Orlov recalls long nights on the tarmac. He wrote, “The governor never once asked how we were doing.”`;
    expect(speakers(text)).toEqual(['Pete Orlov']);
    expect(extractTags(text).people).toContain('Pete Orlov');
  });

  it('reads a name written with a no-break space (pasted web text) as one name', () => {
    const text = `Lena Marsh spoke for an hour on the morning show.

“Nobody in this town has ever asked the fishermen what they want,” said radio co-host Omar\u00A0Castellanos. “We asked them, and they told us.”`;
    expect(speakers(text)).toEqual(['Omar Castellanos', 'Omar Castellanos']);
  });

  it('keeps a common capitalised word that ends a name after a first name, or heads an organisation', () => {
    const text = `In a call with analysts, Dunmore chief executive Ian Read said the merger would go ahead.

“We have assessed this deal against every rule we know of, and it is a good deal,” Read said.

The decision drew criticism from Harbour Watch, a local group. “Nobody asked the towns that will lose their jobs,” Harbour Watch said in a statement.`;
    expect(speakers(text)).toEqual(['Ian Read', 'Harbour Watch']);
  });

  it('does not take an archive section label in capitals ("FULL TEXT.") for a person', () => {
    const text = `Admiral keeps the pressure on the harbour board.

ABSTRACT.

Adm. Lena Voss, who commands the northern fleet, makes no apologies for her attacks on the board.

FULL TEXT.

She has called the board ''reckless and secretive,'' accusing it of ''hiding the books'' from the public. ''You would have to be blind not to see it,'' she said in one hearing.`;
    expect(new Set(speakers(text))).toEqual(new Set(['Lena Voss']));
    expect(extractTags(text).people).not.toContain('FULL TEXT');
  });

  it('joins a surname that is also a common word ("Black") to the full name written before it', () => {
    const text = `The firm lobbied for the casino group for a decade, said lobbyist Charlie Black, a partner of Tom Weller.

Weller "has taken on a hard job, but it is a good choice for the party," said Black, who has known Weller for thirty years.`;
    expect(speakers(text)).toEqual(['Charlie Black']);
  });

  it('takes the name after ", said" when a clause of the sentence comes between the quote and the verb', () => {
    const text = `Polls show Mayor Ana Lind ahead by ten points in the northern wards.

"Many would call that a defeat for Ana Lind" if she won by less than that, said Tom Weller, an analyst at the Harbour Institute.`;
    expect(speakers(text)).toEqual(['Tom Weller']);
  });

  it('reads "the Westfield senator" and "the Senate minority leader" as a role, not as the place or body named in it', () => {
    const text = `Tom Weller ended his campaign in Westfield on Tuesday night.

The Westfield senator sought to calm his supporters, saying the hecklers would "not be thrown out of any rally of mine."

Ana Lind defended the harbour plan in an interview. "I think what the council has done is one of the worst things I have seen in politics," the Senate minority leader said.`;
    expect(speakers(text)).toEqual(['Tom Weller', 'Ana Lind']);
  });

  it('does not take a word made from a name ("a Wellerian post") for a person', () => {
    const text = `Senator Tom Weller spent the weekend in the northern towns.

On Friday, he joined other senators in attacking the harbour plan, writing in a Wellerian post on the town forum: "The new harbour deal is a disaster for every family here."`;
    expect(speakers(text)).toEqual(['Tom Weller']);
    expect(extractTags(text).people).not.toContain('Wellerian');
  });

  it("gives the second part of a split quote to the first part's speaker, whoever its cue names", () => {
    const text = `Billionaire Peter Lund will speak at the party conference next week.

“Many people are unsure this year,” Lund wrote in a statement to Harbour Daily explaining why he is speaking at the conference, “but most of us agree the town is on the wrong track.”`;
    expect(speakers(text)).toEqual(['Peter Lund', 'Peter Lund']);
  });

  it('gives a he/she with no subject to refer to the last person of its gender named before it, in any role', () => {
    const text = `One of the central claims of President Tom Weller’s speech to the party conference on Wednesday does not stand up to scrutiny.

He told the delegates, to loud applause:

“There has never been anyone more qualified than Ana Lind to lead this harbour.”`;
    expect(speakers(text)).toEqual(['Tom Weller']);
  });

  it('takes no gender from a he/she after a possessive ("she is Weller’s equal, and she vows")', () => {
    const text = `Senator Quill Weller and Rennie Lind met the dockers on Monday.

If Lind is unsure on the treaty, she is Weller's equal on wages, and she vows to be tougher than the senator on dumping.`;
    const weller = findEntities(text).entities.find((e) => e.name === 'Quill Weller');
    expect(weller?.kind).toBe('person');
    expect(weller?.gender).not.toBe('f');
  });
});
