import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Speaker classes of issue 15's seventh round, read on the tuning half of PolNeAR's train split.
// Each article is invented; each case failed before its rule.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('an inverted cue whose subject has a service and a rank before the name', () => {
  it('gives "said Army Capt. Dana Holt" to Holt, not to the Army', () => {
    const text = `Soldiers at the base in Fort Reno were split on the race.

"Neither of them understands what we do out here," said Army Capt. Dana Holt, who has served for nine years.`;
    expect(speakers(text)).toEqual(['Dana Holt']);
  });

  it('reads through "Sgt." and "Adm." as well', () => {
    const text = `Soldiers at the base in Fort Reno were split on the race.

"Neither of them understands what we do out here," said Marine Sgt. Leo Brandt.

"We will vote, but without much hope this year," said Navy Adm. Ines Varga.`;
    expect(speakers(text)).toEqual(['Leo Brandt', 'Ines Varga']);
  });
});

describe('a role heading the clause of a partial quote, with its verb', () => {
  it('resolves "The retired surgeon addressed his plans …, remarking" to the person, not to the clause', () => {
    const text = `Dr. Owen Mercer, who left surgery to run for the Senate, spoke in Dover on Monday.

The retired surgeon addressed his plans in another interview on Tuesday, remarking that he did "not see a very hard road ahead."`;
    expect(speakers(text)).toEqual(['Owen Mercer']);
  });

  // A guard: a description that no one was introduced with and that heads no verb stays a description.
  it('keeps "a retired surgeon" who is never named as that description', () => {
    const text = `Dr. Owen Mercer spoke in Dover on Monday.

"We never saw a budget like this one in all my years," said a retired surgeon from Dover.`;
    expect(speakers(text)).toEqual(['a retired surgeon']);
  });
});

describe('a participle after a subordinate clause, with no comma before it', () => {
  it('gives "He sent an email as the meeting began vowing to “…”" to the he, not to "the meeting"', () => {
    const text = `Supporters of Senator Rob Tillman met in Carson City this week, and the delegates sided with his rival.

The Nevada senator said last month he would stay in the race. He sent out a fundraising email as the rules committee meeting began vowing to "fight for every single vote" in the last primary.`;
    expect(speakers(text)).toEqual(['Rob Tillman']);
  });
});

describe('"It\'s" before a partial quote', () => {
  it('reads "It\'s “…”" as a copula with no speaker, so the quote keeps its neighbour\'s', () => {
    const text = `The Lakeview Port Authority hired new guards in March.

"They follow us to the gate every morning," Nora Quill says. "It's a show for the cameras," she says. It's "this new kind of street theatre."`;
    expect(speakers(text)).toEqual(['Nora Quill', 'Nora Quill', 'Nora Quill']);
  });
});

describe('a speech verb inside quoted words', () => {
  it('is no cue for the quote after that sentence ("“The government is claiming …” were words …")', () => {
    const text = `The Harbor Transit Authority fined the drivers in May.

Ada Morrow, the drivers' lawyer, argues that they broke no rule. "The government is claiming that the drivers blocked the road on purpose" were words picked for the cameras. "Nobody blocked anything that morning."`;
    expect(speakers(text)).toEqual(['Ada Morrow', 'Ada Morrow']);
  });
});

describe('more verbs that report speech', () => {
  it('reads "who proclaimed … that" as a cue for both quotes of the sentence', () => {
    const text = `The idea came, as such ideas often do, from the mouth of Victor Hale, who proclaimed in May - wrongly - that farmers from the valley "cannot sell in this market anymore" but traders from the coast "can sell here so easily."`;
    expect(speakers(text)).toEqual(['Victor Hale', 'Victor Hale']);
  });

  it('reads "expressed confidence that … “…”" as the subject\'s words', () => {
    const text = `The mayor spoke on the radio on Wednesday, in an interview in which Ruth Okafor expressed confidence that the audit would not be an issue "that is going to hurt the city or my second term."`;
    expect(speakers(text)).toEqual(['Ruth Okafor']);
  });
});

describe('a description right before the verb, after a comma', () => {
  it('is the subject, not a name in the clause before the comma', () => {
    const text = `Columnist Ai Lin wrote about the race in the Harbor Times on Monday.

But Weller has one thing in common with voters in the valley, the columnist suggested: "His winning streak is solid proof that people are tired of the old guard."`;
    expect(speakers(text)).toEqual(['Ai Lin']);
  });

  it('reads an office there too ("Lane will lose Ohio, the governor said: “…”")', () => {
    const text = `Gov. Ada Roe spent the week in Dayton and Akron.

Mark Lane will lose Ohio by ten points, the governor said: "Nobody here trusts him with the budget anymore."`;
    expect(speakers(text)).toEqual(['Ada Roe']);
  });
});

describe('more person roles for a definite description', () => {
  it('resolves "the front-runner" to the salient person', () => {
    const text = `Senator Nina Ortiz leads every poll in the state by twenty points.

"We are not taking a single vote for granted," the front-runner said in Dayton.`;
    expect(speakers(text)).toEqual(['Nina Ortiz']);
  });
});

describe('names written with combining accents or with UTF-8 read as Latin-1', () => {
  it('keeps a decomposed accent inside the name ("Jose\\u0301 Ortega")', () => {
    const text = `"We will open the port to every ship that pays its fees," said Jose\u0301 Ortega, the harbour master.`;
    expect(speakers(text)).toEqual(['Jose\u0301 Ortega']);
  });

  it('keeps a mis-decoded "ñ" inside the name ("PeÃ±a" for "Peña")', () => {
    const text = `Mexican President Luis PeÃ±a Robles urged people not to "choose the road toward isolation and ruin."`;
    expect(speakers(text)).toEqual(['Luis PeÃ±a Robles']);
  });
});

describe('words after a question that introduce the next quote', () => {
  it('leave the question to the cue before it ("Ortiz responds to Mills with, “…?” Mills then writes back, “…”")', () => {
    const text = `In one exchange between Nina Ortiz and her aide Dana Mills in April, Mills forwards an email with a photo.

Ortiz responds to Mills with, "Why now? That was on my way to Lisbon?" Mills then writes back, "You look great."`;
    expect(speakers(text)).toEqual(['Nina Ortiz', 'Dana Mills']);
  });

  // A guard: a cue that ends its sentence still attributes the question before it.
  it('still reads "“…?” Mills asked." as the question\'s cue', () => {
    const text = `"Why would anyone open a port in the middle of winter?" Dana Mills asked.`;
    expect(speakers(text)).toEqual(['Dana Mills']);
  });
});

describe('a speaker named with a role word before the name', () => {
  it('is shown by name alone, as the tags list the person', () => {
    const text = [
      'The battery maker said on Monday it would hire 900 people at its new plant.',
      '"The question now is whether they can find 900 skilled workers in a year," said Analyst Mira Solberg of Fjord Securities.',
      'Tory Daniel Heathcote-Moray said: "The plan is late and over budget."',
    ].join('\n');
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Mira Solberg', 'Daniel Heathcote-Moray']);
  });
});

describe('a relative clause between the subject and the speech verb', () => {
  it('does not give the quote to a name inside the clause', () => {
    const text = [
      'Film star Aidan Corrigan has held a dinner in Boston to raise money for a theatre in his home town.',
      'The Oscar-nominated actor, whose films include Harbour Lights, Mary Tolland and Star Fields: The Long Night, said: "The theatre gave me my start."',
    ].join('\n');
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['Aidan Corrigan']);
  });
});

describe('an adverb between a document and its verb', () => {
  it('is no part of the description that speaks', () => {
    const text = 'The party issued its list of candidates on Monday. The document reportedly says: "Our candidates will stand in every seat."';
    expect(extractQuotes(text).map((q) => q.speaker)).toEqual(['The document']);
  });
});
