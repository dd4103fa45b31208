import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Speaker classes of issue 15's fourth round: who a he/she, a description or a clause refers to.
// Each article is invented; each case failed before its rule.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('he/she: the antecedent sentence', () => {
  it('takes the name after an inverted "said" as the subject of the sentence before', () => {
    const text = `Mark Baker and Tom Lane run very different campaigns.

Whether the Baker or the Lane model works better will be clear in November, said Jonas Wren, editor of the Valley Ledger. “You have one very careful operation and one that lives on attention,” he said.`;
    expect(speakers(text)).toEqual(['Jonas Wren']);
  });

  // A guard for the rule above: the name after "said" must end its clause.
  it('does not take a name opening a clause after "X, a delegate, said"', () => {
    const text = `And Ohio’s Ada Pruitt, one of the few women on the committee, said Quinn Okafor will surprise everyone. “I think Okafor will do just fine in the suburbs,” she said.`;
    expect(speakers(text)).toEqual(['Ada Pruitt']);
  });

  it('walks past a sentence opened by "But he" to the speaker before it', () => {
    const text = `Mr. Okafor said there was nothing wrong with Mr. Lind raising the steel question in the talks. But he suggested that Mr. Lind had his eyes on voters back home. “They are under a lot of pressure at home,” he said.`;
    expect(speakers(text)).toEqual(['Okafor']);
  });

  it('does not refer to a name that only qualifies a noun after "the"', () => {
    const text = `James Halloran bought three newspapers last year.

Peter Vance, a strategist whose firm made the ads, said their goal was a deal on carbon. The Halloran papers have been standing in the way, he said, by building “a bubble where the science does not reach.”`;
    expect(speakers(text)).toEqual(['Peter Vance']);
  });

  it('reads a title after a preposition: "to Mr. Lane" is an object, not a subject', () => {
    const text = `Sean Doyle has known the candidate for years. But he did not deny that he passes his advice on to Mr. Lane and to others in the campaign. “Do I talk to a friend and say what I think? Of course I do,” he said.`;
    expect(speakers(text)).toEqual(['Sean Doyle']);
  });

  it('does not end a sentence at "Govs." before a name', () => {
    const text = `Florida Sen. Marco Ruiz says he did well in the debate.

On Monday, Ruiz refrained from attacking his rivals, particularly Govs. Mark Bell and Tom Hardy, who doubt his experience.

He dismissed talk of a poor debate, saying that it was his campaign’s “best fundraising night, whatever people want to say about it.”`;
    expect(speakers(text)).toEqual(['Marco Ruiz']);
  });

  it('does not attribute a title to the verb of a relative clause after it', () => {
    const text = `Florida Sen. Marco Ruiz says he did well in the debate.

Speaking to “Morning Desk” on Monday, Ruiz refrained from attacking his rivals, Mark Bell and Tom Hardy, who say the senator lacks experience.

He dismissed talk of a poor debate, saying that it was his campaign’s “best fundraising night, whatever people want to say about it.”`;
    expect(speakers(text)).toEqual(['Marco Ruiz']);
  });
});

describe('cues in the quote’s own sentence', () => {
  it('gives a relative clause to the person right before it, even after a preposition', () => {
    const text = `The loss was steep for Mr. Haldane, who said he intended to get “some rest and a day off with the family.”`;
    expect(speakers(text)).toEqual(['Haldane']);
  });

  it('resolves "said the former aide to President X" to the person introduced before', () => {
    const text = `One of the authors of the report, Ari Feld, said the nomination will test its findings. “Certainly the party has gone in the other direction,” said the former top aide to President Tom Hale. “If he loses, he will prove our point.”`;
    expect(speakers(text)).toEqual(['Ari Feld', 'Ari Feld']);
  });

  it('gives a participle after a partial quote to the main clause subject', () => {
    const text = `Senator Cora Mills said last week that Tom Hale stands for “city values,” stating during the debate that they are “soft on crime and soft on spending, with no end in sight.”`;
    expect(speakers(text).at(-1)).toBe('Cora Mills');
  });

  it('gives a verb after "but now" to the main clause subject', () => {
    const text = `Representative Tom Massey used to support fellow Ohioan Paul Rand, but now said the governor had “the chance and the duty to bring us all together.”`;
    expect(speakers(text)).toEqual(['Tom Massey']);
  });

  it('does not read "She replied" after a quote ending in "!" as its attribution', () => {
    const text = `In June, after Senator Ann Cole was hurt in a fall, Tom Weaver wrote to her: “You are our best player and we need you for the long run!” She replied that it was an honour to serve.`;
    expect(speakers(text)).toEqual(['Tom Weaver']);
  });

  it('gives the clause after ", while" its own subject', () => {
    const text = `Gov. Bobby Jindal on Monday signed an order to block the plan, while Mike Harlan, the former Idaho governor, proposed we “wake up and look at the facts” before the vote.`;
    expect(speakers(text)).toEqual(['Mike Harlan']);
  });

  it('reads a parenthetical inverted verb before "is that “…”"', () => {
    const text = `The paradox of the first lady, says Carl Brandt, a historian at the Ferris Library, is that she was “one of the most powerful people in the building for eight years.”`;
    expect(speakers(text)).toEqual(['Carl Brandt']);
  });
});

describe('descriptions and sentence ends', () => {
  // A guard for the rule below: the salient person is not preferred over one titled just before.
  it('gives "the senator" to a person the text called a senator a few sentences before', () => {
    const text = `Sen. Ana Webb spoke first at the town hall. Paul Ortiz, a farmer from Ames, asked about the border. “Securing the border is a matter of national security for every family,” the senator said.`;
    expect(speakers(text)).toEqual(['Ana Webb']);
  });

  it('gives "the senator" to the salient person, not to a senator named long before', () => {
    const text = `Sen. John Marsh voted against the bill last year.

The vote came after a long debate. The bill then went to the House. The House passed it in May. The president signed it in June. It took effect in July. Farmers welcomed it. Ranchers did not. Prices rose in the fall.

Paul Ortiz defends his record in a new ad running on Iowa TV: “Securing the border is a matter of national security for every family,” the senator says to the camera.`;
    expect(speakers(text)).toEqual(['Paul Ortiz']);
  });

  it('does not give "the senator" to the salient person when the text gave them another office', () => {
    const text = `Paul Ortiz released a new ad on Friday. Gov. Tom Hale praised it in Ames. “Securing the border is a matter of national security for every family,” the senator says in it.`;
    expect(speakers(text)).toEqual(['Paul Ortiz']);
  });

  it('reads "The billionaire businessman began …, saying …" as the salient person', () => {
    const text = `Mark Delaney has traded his usual rallies for a town hall. Delaney is taking questions in a lodge in Salem.

The billionaire businessman began by talking about the state’s drug crisis, saying that the drugs are now “cheaper than getting candy at the store.”`;
    expect(speakers(text)).toEqual(['Mark Delaney']);
  });

  it('does not take a name after "over" as a sentence subject', () => {
    const text = `First there was the Ledger’s deputy editor Bret Holm, who, after trading insults with Ann Dale over Mr. Vance, said on the radio that ''too much of the party became an echo chamber of itself.''`;
    expect(speakers(text)).toEqual(['Bret Holm']);
  });

  it('starts a sentence at a bracket before a quote written with two apostrophes', () => {
    const text = `Mr. Nevins praised the cast on Monday. He said he pursued the revival only because Mr. Lutz agreed to take part. (''We have persuaded the original creators to finish the story,'' he said.)`;
    expect(speakers(text)).toEqual(['Nevins']);
  });
});

describe('sources the tagger or the verb list misread', () => {
  it('keeps a person with a known first name whom place cues ("at Holt", "from Holt") made a place', () => {
    const text = `Paul Serra apologized to Maria Holt on Saturday for the breach. But Serra leveled an attack at Holt and at the party before that. The data came from Holt, and the searches ran against Holt for an hour. The party sided with Holt. Staff in Holt had seen the data. The files from Holt were old. Voters in Holt were angry. At Holt, the mood was calm.

Holt said she appreciated the apology and that she wanted to move on.

“Obviously, we were distressed when we learned about it,” she said.`;
    expect(speakers(text)).toEqual(['Maria Holt']);
  });

  it('does not read "will continue" as a verb of speech', () => {
    const text = `Almost 650 courses have closed since 2006, according to the National Golf Association. Between 130 and 160 courses close every year, a trend that the association predicts will continue ''for the next few years at least.''`;
    expect(speakers(text)).toEqual(['National Golf Association']);
  });

  it('gives a block quote after "As X reported, …:" to X', () => {
    const text = `As Valley Wire reported, even on Friday morning the Dunmore Fire Department was refusing to call the fire arson:

“The department is still reluctant to call the fire in Dunmore an act of arson, citing the ongoing investigation by the state police.”`;
    expect(speakers(text)).toEqual(['Valley Wire']);
  });

  it('does not take a platform before a participle for the speaker', () => {
    const text = `Ana Ortiz answered the question on Facebook writing, “Yes, I will. That was a poor choice of words.”`;
    expect(speakers(text)).toEqual(['Ana Ortiz']);
  });

  it('reads an inverted cue past a short quoted word', () => {
    const text = `The bureau looked for a link between the two men and did not find “ties of any real consequence,” aside from knowing each other “casually” from the same gym, said the bureau’s director, James Comey, on Monday.`;
    expect(speakers(text)[0]).toBe('James Comey');
  });

  it('reads a subject-first cue past a short quoted phrase in its apposition', () => {
    const text = `“We have had more successful conventions than this one,” Texas delegate Bill Easton, wearing a cowboy hat and “Team Lane” pins, said matter-of-factly as confetti fell around him.`;
    expect(speakers(text)[0]).toBe('Bill Easton');
  });
});
