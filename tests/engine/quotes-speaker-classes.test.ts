import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Error classes found on real political news (issue 15), one invented article per class.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('quote speakers: classes from real political news', () => {
  it('finds the main-clause subject after a long opening for a quote without a speech verb', () => {
    const text = `Tom Reyes lost the primary in May.

In her 2019 keynote, a tribute to Tom Reyes, the nominee that year, Governor Ines Costa decried “the quiet cynicism of people who have given up on their own towns.”

Ever since she backed Tom Reyes last spring, Senator Carla Diaz has been a loud surrogate, with one message: “Do not take a single county for granted.”`;
    expect(speakers(text)).toEqual(['Ines Costa', 'Carla Diaz']);
  });

  it('gives a quote after "said X, a historian." to X even when the sentence holds a scare quote', () => {
    const text = `The promise to “start over” and to “bring the mill back” appeals to older voters who remember the town before the plant closed and who feel that nobody in the capital has listened to them for years, said Marta Lind, a historian at Westfield College. “They remember a town with a mill and a school, and they want it back.”`;
    const quotes = extractQuotes(text);
    expect(quotes.at(-1)?.text).toMatch(/^They remember/);
    expect(quotes.at(-1)?.speaker).toBe('Marta Lind');
  });

  it('takes the name right after an inverted verb, not a person later in the apposition', () => {
    const text = `Turnout fell in every county.

“Unless we reach younger voters this year, we are going to lose a whole generation,” said Ohio’s Dana Whitcombe, a party strategist and longtime Mark Lane critic.`;
    const got = speakers(text);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/Whitcombe$/);
  });

  it('gives a quote after "X, who said …" to X, not to the description in the apposition', () => {
    const text = `“I doubt the farmers here feel he speaks for them at all,” said Pablo Ferrer, a Fairview media consultant and an influential rural Republican who said he would stay home in November. “They want someone who has driven a tractor.”`;
    expect(speakers(text)).toEqual(['Pablo Ferrer', 'Pablo Ferrer']);
  });
});

describe('quote speakers: pronouns in real political news', () => {
  it('takes the subject of a sentence that reports speech with the same pronoun later on', () => {
    const text = `Mark Lane finished third in Ohio.

Tom Baker has attacked the primary calendar, which he said favours the big states over everyone else.

“It is a broken, unfair, rotten system,” he said on Monday.`;
    expect(speakers(text)).toEqual(['Tom Baker']);
  });

  it('keeps a name of unknown gender heading the sentence over a later name with a gender', () => {
    const text = `Rep. Kim Adair (D-Ore.) said in 2012 that the speed with which farm towns backed Mr. Lane upset old assumptions. “People here decided that a city lawyer could speak for them after all,” he said.`;
    expect(speakers(text)).toEqual(['Kim Adair']);
  });

  it('ends a sentence at a double mark written as two apostrophes', () => {
    const text = `Mr. Baker said having Mr. Lane on his side is a good sign if he wins in May. ''Lane gets along with farmers,'' he said on the radio show ''Morning Fields.'' ''Farmers cannot stand the governor and that is hurting all of us.''`;
    expect(speakers(text)).toEqual(['Baker', 'Baker']);
  });

  it('reads three apostrophes as a single mark closing inside a double one', () => {
    const text = `Mayor Rita Olsen has received hundreds of letters since the vote.

''Some of them say, 'Go back to where you came from,''' said Ms. Olsen, who arrived in the town as a child. ''This is my home and I am staying.''`;
    expect(speakers(text)).toEqual(['Rita Olsen', 'Rita Olsen']);
  });

  it('takes a surname the tagger left unclassified as the person heading the sentence before a he-quote', () => {
    const text = `Five candidates picked a winner for the final on Sunday.

Brandt openly admitted that his pick was about the primary in his home state. “With an eye to the vote in March, Westfield,” he said.`;
    expect(speakers(text).at(-1)).toMatch(/Brandt$/);
  });
});

describe('quote speakers: organisations and places inside a description', () => {
  it('does not take the organisation in "the Acme Media employee" for the speaker', () => {
    const text = `Dana Whitcombe sued Brightline Media in March.

“Nobody in that newsroom ever asked me what I had seen,” the Brightline Media employee said.`;
    const got = speakers(text);
    expect(got).toHaveLength(1);
    expect(got[0]).not.toBe('Brightline Media');
  });
});

describe('quote speakers: several partial quotes in one sentence', () => {
  it('gives a later partial quote in the sentence of a cued one to the same speaker, not to the person it is about', () => {
    const text = `Radio host Vera Quist said on Tuesday that while there are “still some voters angry about the mill closing,” Mark Lane already “paid a heavy price for that vote and has owned his mistake.”`;
    expect(speakers(text)).toEqual(['Vera Quist', 'Vera Quist']);
  });
});

describe('quote speakers: panel transcripts in Title Case', () => {
  it('gives a quoted transcript line "Name: …" to that person, but not a slogan about a person', () => {
    const text = `Tom Baker and the host, Vera Quist, argued that Mark Lane’s tax plan cannot work.

"Vera Quist: Honestly, now. Mark says he will pay for all of it with a small tax on trading. That sounds lovely."

Protesters outside held signs and chanted “Mark Lane: bad for farmers, bad for you” until noon.`;
    const quotes = extractQuotes(text);
    expect(quotes[0]?.speaker).toBe('Vera Quist');
    expect(quotes.find((q) => q.text.startsWith('Mark Lane'))?.speaker ?? null).not.toBe('Mark Lane');
  });
  it('takes a name with a courtesy title as a person for "she said", whatever kind the tagger gave it', () => {
    const text = `Mary Lane, who chairs the board, opened the meeting on Monday. Ruth Okafor, the club's treasurer, said membership had doubled since Mary Lane took over.

In any case, Ms. Okafor said, the fees would stay the same. ''We do not need to charge more to stay open,'' she said.`;
    expect(speakers(text)).toEqual(['Ruth Okafor']);
  });

  it('resolves "he" to the subject after an opening adverbial, not a gendered name later in the sentence', () => {
    const text = `The harbour budget was published on Monday.

In a written reply to the council, Minister Kofi Adebayo dismissed the claims that Tom Berger had raised about the budget.

“The figures are public and anyone can check them,” he said.`;
    expect(speakers(text)).toEqual(['Kofi Adebayo']);
  });

  it('reads the sentence before a quote opened with two apostrophes as before any other mark', () => {
    const text = `Tom Berger spoke first at the harbour meeting on Monday.

Sofia Brandt, the port director, spoke last. Ms. Brandt is unapologetic about her aim. ''I am not hiding the fact that I want the tunnel built.''`;
    expect(speakers(text)).toEqual(['Sofia Brandt']);
  });
  it('reads "It was …" as no subject and takes the person of the clause that a participle continues', () => {
    const text = `The Senate voted on the fishing bill on Tuesday. Senator Alma Reyes and Senator Joan Whitby of the Coastal Party spoke for it.

It was a strong day for the two women of the Coastal Party, as Ms. Whitby repeated the attack, saying the governor “has never once set foot in a fishing town.”`;
    expect(speakers(text)).toEqual(['Joan Whitby']);
  });

  it('does not read "said the region could …" after a quote as an inverted attribution, nor a later "states" as its verb', () => {
    const text = `The ports authority met on Monday.

Mr. Tomas Berg, citing “the quiet strength of the northern ports,” said the region could become a very competitive market for shipping lines like Nordlink, Baltica and Seaway.`;
    expect(speakers(text)).toEqual(['Tomas Berg']);
  });
  it('gives a verb joined by a comma after a verb and its object the same subject ("X slams Y, praises Z as …")', () => {
    const text = `Senator Ines Costa slams Tom Berger, praises Ana Lind as 'a mayor who actually reads the budget.'

HARBOURTON — Senator Ines Costa on Friday attacked Tom Berger over the port plan.`;
    expect(speakers(text)).toEqual(['Ines Costa']);
  });
  it('resolves "she" after "Asked whether X …," past X, whom the question was about', () => {
    const text = `Anna Weber is running against Kate Lind.

Asked whether Ms. Lind could win the district, she replied: “I have not looked at the numbers and I do not plan to.”`;
    expect(speakers(text)).toEqual(['Anna Weber']);
  });

  it('resolves "he" to the name in apposition to a description opening the sentence, not the name inside it', () => {
    const text = `Mr. Mark Lane has courted church voters for a year.

One pastor backing Mr. Lane, Tom Roe of the Harbour Street Church, said he had called more than 150 other pastors.

“Find your polling place and get there,” he tells his congregation.`;
    expect(speakers(text)).toEqual(['Tom Roe']);
  });
  it('takes the signature on the line below a quote paragraph, but not a dash before a bulleted sentence', () => {
    const text = `Convention notebook.

The hall emptied slowly after midnight.

"The whole idea of a tax on boats is something we hear about every single week."

-Mara Velde, Harbourton.

"We came for the music and stayed for the speeches."

- The band played until two in the morning.`;
    expect(speakers(text)).toEqual(['Mara Velde', null]);
  });

  it('reads "A defensive Berg said" as Berg speaking, not as a description qualified by his name', () => {
    const text = `Mayor Tom Berg met the protesters on Monday.

A defensive Berg said his critics "seem to think that shouting louder will fix the harbour."`;
    expect(speakers(text)).toEqual(['Tom Berg']);
  });
  it('gives a headline quote to the person named before the colon opening the headline', () => {
    const text = `Kate Lind: Harbour Tunnel ‘The Best Idea This Town Has Had in Fifty Years’

HARBOURTON — Former mayor Kate Lind on Tuesday backed the tunnel plan that Tom Berg has fought for a decade.`;
    expect(speakers(text)).toEqual(['Kate Lind']);
  });
  it('gives a quote between a possessive and a speech noun to the possessor ("Lind’s “…” promise")', () => {
    const text = `President Ana Lind signed the health law in 2010.

The unions were never convinced. It is the lasting pull of Lind’s "if you like your doctor, you can keep your doctor" promise: many of them gave up raises for good plans.`;
    expect(speakers(text)).toEqual(['Ana Lind']);
  });
});
