import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Speaker classes of issue 15's eighth round, read in British news (BBC, measured only).
// Each article is invented; each case failed before its rule.
function quotes(text: string): { text: string; speaker: string | null }[] {
  return extractQuotes(text).map((q) => ({ text: q.text, speaker: q.speaker }));
}

describe('a person named after an office and the body it serves', () => {
  it('gives "she said" after "Economic Secretary to the Treasury Helen Pike attacked …" to Pike, not to the office', () => {
    const text = `The opposition set out plans to close 40 agencies.

But Economic Secretary to the Treasury Helen Pike attacked the plans on Monday. "These cuts would close police stations in every county," she said.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Helen Pike']);
  });

  // A guard: the office after a preposition is an object, and so is the person it heads.
  it('keeps the subject when the office and the person are written to', () => {
    const text = `Councillor Jo Roe wrote to Economic Secretary to the Treasury Helen Pike on Monday. "These cuts would close police stations in every county," she said.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Jo Roe']);
  });
  // A guard: a person named before "of the" is not an office; the publication after it does not speak.
  it('keeps "Lara Quinn of the Film Courier said …" with Quinn', () => {
    const text = `Lara Quinn of the Film Courier said that the drama was "moving". "It is very emotional, even the hardest critics were in tears," she said.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Lara Quinn', 'Lara Quinn']);
  });
});

describe('a nickname quoted inside a name', () => {
  it('leaves out `Marcus "Big M" Fenton` as a quote and keeps his words', () => {
    const text = `Marcus "Big M" Fenton, head of the record label, said: "I can think of nobody better to take the company forward."`;
    expect(quotes(text)).toEqual([{ text: 'I can think of nobody better to take the company forward.', speaker: 'Fenton' }]);
  });
});

describe("a spokesman owned by a name: 'Mrs Lund's official spokesman said:'", () => {
  it('gives the quote to the spokesman as a description, not to no one', () => {
    const text = `Mrs Lund and the cabinet have backed the treaty from the start. Mrs Lund's official spokesman said: "The prime minister meets both leaders before every summit."`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(["Mrs Lund's official spokesman"]);
  });
});

describe('a quote opening a paragraph after reported speech by another person', () => {
  it('goes to the director whose reported speech ends the paragraph before, not to the star quoted earlier in it', () => {
    const text = `The singer Mara Quist pulled out of the gala on Sunday. "I am sorry to miss it, but my doctors told me to rest," she said in a statement. Hundreds of fans waited in the rain outside the cinema. The film's director Tobias Wren said he was sad that Quist could not come.

"It is a pity. She has been ill all week and had to cancel her interviews too." The cast signed autographs until midnight.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Mara Quist', 'Tobias Wren']);
  });

  // A guard: without a speech report at the end of the paragraph, the quote runs on from the last one.
  it('keeps the last speaker when the paragraph ends with no one else speaking', () => {
    const text = `The singer Mara Quist pulled out of the gala on Sunday. "I am sorry to miss it, but my doctors told me to rest," she said in a statement. Hundreds of fans waited in the rain outside the cinema.

"I hope to see all of them at the next screening in the spring." The cast signed autographs until midnight.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Mara Quist', 'Mara Quist']);
  });
});

describe('a whole-sentence quote between a cued quote and the next speaker, in one paragraph', () => {
  it('runs on from the speaker before it, not the one after it', () => {
    const text = `Critics agree the drama is the favourite. Mr Hale said the awards so far made it "the clear front-runner" for the night. "Nobody would believe it if it lost," he said. "It is as near a certainty as you will get." "If the comedy had opened a month earlier it might be different, but it did not," said Nina Brooke, editor of Reel Weekly.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Hale', 'Hale', 'Hale', 'Nina Brooke']);
  });

  // A guard: a sentence of its own between the cued quote and this one leaves it to the next speaker.
  it('borrows from the next quote when a sentence introduces another person in between', () => {
    const text = `"What a way to end the season," said Ruiz afterwards. Team coach Paul Adler wants his players to train more on grass. "It will teach them to play smarter on every surface." "We cannot change the calendar, but we can change how we prepare," said Adler.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Ruiz', 'Paul Adler', 'Paul Adler']);
  });
});

describe('the agent of a passive naming verb before a partial quote', () => {
  it('gives "The phone - which goes on sale in May - was described by Ortiz as “…”" to Ortiz, not to the clause', () => {
    const text = `Lena Ortiz, head of Brightline, showed the new handset in Lisbon on Tuesday.

The phone - which goes on sale in May - was described by Ortiz as "the smallest we have ever built, and the cheapest".`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Lena Ortiz']);
  });
});

describe('a he/she after a person introduced with a role in apposition', () => {
  it('goes to the person introduced as an object with a role, not to the speaker of an earlier quote', () => {
    const text = `"I think the thriller will win," said Mr Laski. "It has had the best reviews of the season." The drama is also the choice of Viktor Brandt, executive editor of the trade paper Screen Daily. But while he tipped the thriller for best actor, he predicted a close race. "Anything can change with a handful of votes," he told the BBC.`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Laski', 'Laski', 'Viktor Brandt']);
  });
});

describe('"it" with no organisation to refer to', () => {
  it('goes to the country heading the sentence before, which speaks through its government', () => {
    const text = `The currency fell after a Norwegian newspaper said the fund would sell its bonds. On Thursday, however, Norway moved to calm the markets. It issued a statement that "the fund will keep its holdings of bonds as they are for now".`;
    expect(quotes(text).map((q) => q.speaker)).toEqual(['Norway']);
  });
});
