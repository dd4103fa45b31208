import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Speaker classes of issue 15's fifth round: words around a partial quote that only look like a cue.
// Each article is invented; each case failed before its rule.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

const OPENING = `Marco Lind is opening his push for the primary in Ohio, where Dana Reyes leads the polls.\n\n`;

describe('words after a partial quote that are not its cue', () => {
  it('does not read a preposition run before a plural noun ("in many states") as a subject and its verb', () => {
    const text = `${OPENING}The Ohio senator is telling reporters in Akron that he is counting on "a lot of delegates in the end" after Super Tuesday voting in many states.`;
    expect(speakers(text)).toEqual(['Marco Lind']);
  });

  it('does not take "the vote" after "after" for the speaker', () => {
    const text = `${OPENING}Lind is telling reporters in Akron that he is counting on "a lot of delegates in the end" after the vote in many states.`;
    expect(speakers(text)).toEqual(['Marco Lind']);
  });

  // A guard: an adverbial closed by a comma may still open a subject-first cue.
  it('still reads a cue after an adverbial closed by a comma', () => {
    const text = `${OPENING}"We will hold the line in every county," in Akron on Monday, Lind told reporters.`;
    expect(speakers(text)).toEqual(['Marco Lind']);
  });
});

describe('a description before a progressive verb', () => {
  it('reads "The Ohio senator is telling" as the senator, not "The Ohio senator is"', () => {
    const text = `${OPENING}The Ohio senator is telling reporters that he is counting on "a lot of delegates in the end" after the primaries.`;
    expect(speakers(text)).toEqual(['Marco Lind']);
  });
});

describe('he/she after a sentence headed by a role', () => {
  it('refers to the person the role description means, not to a name later in that sentence', () => {
    const text = `Speaker Tom Lind sat down for a long interview on Sunday about the race.

The Ohio Republican did give Mark Reyes some credit during the interview. "We hope our nominee aspires to more than that in the fall," he said.`;
    expect(speakers(text)).toEqual(['Tom Lind']);
  });
});

describe('he/she after a sentence that ends in its own attribution', () => {
  it('refers to the name that only a speech verb follows at the end of the sentence', () => {
    const text = `Tom Lind is not only right on the issues, he is also the most able candidate Walter Ames argues.

"Lind is our best debater and our most careful planner," he says.`;
    expect(speakers(text)).toEqual(['Walter Ames']);
  });
});

// Round 6 (issue 15): cues the PolNeAR tuning half left without a speaker.
describe('cues that named no speaker', () => {
  it('reads "More from Whitfield:" as going on quoting Whitfield', () => {
    const text = `Dana Whitfield, a pollster at Crane Research, looked at the swing states in her weekly note.\n\nMore from Whitfield: "The suburbs are moving faster than anyone expected this year."`;
    expect(speakers(text)).toEqual(['Dana Whitfield']);
  });

  it('reads "vented to … that “…”" as speech', () => {
    const text = `Carla Mendes ran the firm for six years. Over dinner she vented to her sister that the merger would be "a long and ugly fight from start to finish."`;
    expect(speakers(text)).toEqual(['Carla Mendes']);
  });
});

describe('a quote paragraph after a paragraph about he/she', () => {
  it('gives the quote to the person an opening "She" refers to ("She waits.")', () => {
    const text = `Rosa Delgado, a retired nurse, dials the next number on her list. "Good evening, I am calling for the Weber campaign tonight," Delgado said.\n\nShe waits.\n\n"Well, thank you so much for your time tonight."`;
    expect(speakers(text)).toEqual(['Rosa Delgado', 'Rosa Delgado']);
  });
});

describe('"quoted X as saying" after a quote', () => {
  it('gives the quote to the one quoted, not to the one quoting', () => {
    const text = `Staff gathered outside the headquarters on Friday. "We're mourning the passing of a great company," the agency quoted Brightwave worker Dan Ogden as saying.`;
    expect(speakers(text)).toEqual(['Dan Ogden']);
  });
});

describe('a web address in the cue', () => {
  it('does not end the cue at the dot of ".com"', () => {
    const text = `The title broke the sales record in its first weekend. "It is obviously very, very encouraging for the company because its rival briefly outsold it last week," Jon Hale, editor of Gamesweekly.com told the Courier.`;
    expect(speakers(text)).toEqual(['Jon Hale']);
  });
});
