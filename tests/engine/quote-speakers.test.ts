import { describe, expect, it } from 'vitest';
import { entitiesOf } from '../../src/engine/entities.ts';
import { extractQuotes } from '../../src/engine/quotes.ts';

// One test per speaker rule, on short articles written for these tests.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('quote speakers: cues', () => {
  it('takes a country as the speaker of a speech verb when no person is named', () => {
    const text = 'The launch was condemned across the region. “We will answer any further launch with new sanctions,” Japan said on Friday.';
    expect(speakers(text)).toEqual(['Japan']);
  });

  it('prefers the name nearest the verb over an earlier pronoun in the clause', () => {
    const text = `The Fire Department gave no details on Monday.

Questioned over the theory that it had started in a kitchen, Mayor Jane Doe said, “We will know more about the cause by tomorrow morning.”`;
    expect(speakers(text)).toEqual(['Jane Doe']);
  });

  it('reads through a state abbreviation in an apposition', () => {
    const text = `Governor Lena Marsh vetoed the levee bill on Friday.

“We expect the override to pass with room to spare,” Sen. Tom Reed, R-Kan., said Tuesday.`;
    expect(speakers(text)).toEqual(['Tom Reed']);
  });

  it('finds the clause subject after a leading adverbial for a quote without a speech verb', () => {
    const text = 'Lawmakers debated the treaty for hours. In July, Senator Mark Lane dismissed the treaty as “a relic of another century.”';
    expect(speakers(text)).toEqual(['Mark Lane']);
  });

  it('gives a quote after ", saying," to the subject of the main clause', () => {
    const text = 'During a speech in Ohio, Governor Tom Baker attacked Jane Doe for her record on taxes, saying, “She has raised them every single year.”';
    expect(speakers(text)).toEqual(['Tom Baker']);
  });

  it('gives a quote after ", calling" to the main subject, not to the object before the comma', () => {
    const text = 'Governor Anna Weber also took aim at Senator Mark Lane, calling his plan “a tax raise in all but name.”';
    expect(speakers(text)).toEqual(['Anna Weber']);
  });

  it('gives an uncued quote the speaker of the sentence before it in the paragraph', () => {
    const text = 'The vote may slip to next week, Senator Mark Lane said. “Nobody has read the budget yet, and that matters.”';
    expect(speakers(text)).toEqual(['Mark Lane']);
  });

  it('does not read a subject after a participle that follows the quote', () => {
    const text = 'In a statement, Acme Corp said: “Our results were strong in every region this year,” adding that its shares had doubled.';
    expect(speakers(text)).toEqual(['Acme Corp']);
  });
});

describe('quote speakers: pronouns and descriptions', () => {
  it('does not keep the previous speaker when another person was named since', () => {
    const text = `Jane Doe defended the plan on Monday. “It will work,” she said.

Mary Roe said Doe does not care about teachers.

“We were never asked what we think about any of it,” she said.`;
    expect(speakers(text)).toEqual(['Jane Doe', 'Mary Roe']);
  });

  it('skips a sentence where the same pronoun reports speech when looking for the antecedent', () => {
    const text = `Senator Mark Lane has spent months courting union voters. After meeting Tom Baker on Monday, he told reporters the talks had gone well.

"We found a lot of common ground on wages," he said.`;
    expect(speakers(text)).toEqual(['Mark Lane']);
  });

  it('gives a quote paragraph to the person introduced just before it', () => {
    const text = `While Jane Doe had support from the unions, that has not been true for Mark Lane, which worries Tom Baker, president of the Ohio Teachers Union.

“Nobody is marching for Lane this year,” he said.`;
    expect(speakers(text)).toEqual(['Tom Baker']);
  });

  it('recognises a person introduced with a long apposition and a speech verb', () => {
    const text = `Odile Marchetti, a Lyon-based architect and spokeswoman for the Builders Guild, which represents small firms, said the scheme had paid off.

“People only look at the finished towers and never at the empty lots,” she said.`;
    expect(speakers(text)).toEqual(['Odile Marchetti']);
  });

  it('resolves a definite description without a matching title to the salient person', () => {
    const text = 'Walter Brandt spoke in Dayton on Friday. The Texas businessman said the plan would bring “thousands of jobs to every county.”';
    expect(speakers(text)).toEqual(['Walter Brandt']);
  });

  it('resolves "the mayor" to the mayor even when his surname opens a sentence', () => {
    const text = `Mayor Bill de Blasio toured the docks on Saturday. On a walk through Chelsea, the mayor also promised that repairs would start soon. De Blasio said the pier would reopen.

“Nobody should expect the ferries back before the spring,” the mayor said.`;
    expect(speakers(text)).toEqual(['Bill de Blasio']);
  });

  it('recognises a person named after an inverted speech verb as an antecedent', () => {
    const text = `Tom Baker, the party chairman, said the debates would decide nothing. “The voters made up their minds in the summer,” he said.

Televised clashes seldom change minds, noted the Herald's Dario Pellegrini.

“Viewers mostly watch to confirm what they already believe,” he wrote.`;
    expect(speakers(text)).toEqual(['Tom Baker', 'Dario Pellegrini']);
  });

  it('reads a long definite description before the verb', () => {
    const text = `Helen Oyelaran appeared on an evening phone-in on Tuesday.

During the programme, the former senator and current independent candidate for governor said she meant to talk “straight to the farmers up north.”`;
    expect(speakers(text)).toEqual(['Helen Oyelaran']);
  });

  it('takes an unclassified full name heading the sentence before a she-quote', () => {
    const text = `Tom Baker spoke first. Marisol Okonkwo-Reyes, political science professor at Lakeside College, described the plan as risky.

"If the money runs out, the city will have to cut its services," she said.`;
    expect(speakers(text)).toEqual(['Marisol Okonkwo-Reyes']);
  });

  it('does not read the subject of a clause joined after the quote', () => {
    const text = 'Governor Anna Weber dismissed the report as “a tax raise in all but name,” and Senator Mark Lane agreed.';
    expect(speakers(text)).toEqual(['Anna Weber']);
  });

  it('trusts a first name over a possessive "her" near the name for gender', () => {
    const text = `Governor Anna Weber met Senator Mark Lane on Monday. Lane praised her budget.

"We will not raise taxes this year," she said.`;
    expect(speakers(text)).toEqual(['Anna Weber']);
  });

  it('resolves "the company" to the organisation last named when none is named as a company', () => {
    const text = 'Acme Corp cut 500 jobs on Friday. “The cuts were painful but necessary for our future,” the company said in a press note.';
    expect(speakers(text)).toEqual(['Acme Corp']);
  });

  it('attributes a definite document ("the letter says") to the last speaker', () => {
    const text = `“Parents deserve answers before the vote,” said Jane Doe, who leads the Parents Union.

The letter says the district “has ignored every request for the budget figures.”`;
    expect(speakers(text)).toEqual(['Jane Doe', 'Jane Doe']);
  });

  it('reads a description opening the clause before an apposition', () => {
    const text = 'Governor Anna Weber toured the plant. The governor, speaking in Dayton, said: “It is a tax raise in all but name.”';
    expect(speakers(text)).toEqual(['Anna Weber']);
  });

  it('resolves party and age descriptions ("the Ohio Republican", "the 54-year-old")', () => {
    const text = `Senator Mark Lane spoke to reporters. "We will win this fight," the Ohio Republican said.

Governor Anna Weber answered on Tuesday. "He will lose it by ten points," the Democrat said.

Lane shrugged. "I have heard that before," the 54-year-old said.`;
    expect(speakers(text)).toEqual(['Mark Lane', 'Anna Weber', 'Mark Lane']);
  });

  it('resolves "the commission" to an organisation named with "on"', () => {
    const text = 'The Commission on Harbour Ferries met on Friday. The commission writes in a notice that “the new timetable will follow in the autumn.”';
    expect(speakers(text)).toEqual(['Commission on Harbour Ferries']);
  });
});

describe('quote speakers: role nouns', () => {
  it('treats a name after a role noun as a person, and the name before it as a modifier', () => {
    const text = `Senator Mark Lane opened the rally in Dayton.

Lane campaign consultant Orrin Quell, a veteran of three races, took up the same theme later. “We looked at every county and the numbers kept moving our way,” he said.`;
    expect(speakers(text)).toEqual(['Orrin Quell']);
  });

  it('resolves a definite role description no one was introduced with to the salient person', () => {
    const text =
      'Victor Osk, who builds flats across the county, met the city council on Monday. “The talks went better than any of us expected,” the property tycoon told reporters afterwards.';
    expect(speakers(text)).toEqual(['Victor Osk']);
  });
});

describe('quote speakers: more cues', () => {
  it('reads "shot back" and "remembered" as speech verbs', () => {
    const text = `Senator Mark Lane lost the vote on Friday. Asked about the result, Lane shot back, “We will bring the bill again next spring.”

“A lot of people told her not to run for the seat,” remembered Tom Reed, her former campaign manager.`;
    expect(speakers(text)).toEqual(['Mark Lane', 'Tom Reed']);
  });

  it('reads an inverted speech verb right before the quote', () => {
    const text =
      'The committee wrote the calendar last year. Because of how the rules were drafted, explained Tom Reed, “the race will be over by the middle of March.”';
    expect(speakers(text)).toEqual(['Tom Reed']);
  });

  it('skips a name that only modifies a role noun after an inverted verb', () => {
    const text = 'Senator Mark Lane lost the vote on Friday. “We will bring the bill back in the spring,” said Lane ally Orrin Quell.';
    expect(speakers(text)).toEqual(['Orrin Quell']);
  });

  it('takes the main-clause subject, not a name in an opening subordinate clause, as the antecedent', () => {
    const text = `Asked whether the party leader, Governor Mark Lane, who has called the report a fraud, could win the next election, Senator Tom Reed demurred.

"There is only one set of numbers and everyone can read them," he said.`;
    expect(speakers(text)).toEqual(['Tom Reed']);
  });

  it('reads a description through an adverb before the verb ("the president also said")', () => {
    const text = `President Anna Weber visited the plant on Monday. The president also said the plant “would stay open for many years to come.”

The Acme Corporation filed its results. The company also says that “sales rose in every single region last year.”`;
    expect(speakers(text)).toEqual(['Anna Weber', 'Acme Corporation']);
  });

  it('takes no gender from a pronoun after a name in object position', () => {
    const text = `Avery Lusk apologised to Kerrin Dale at the debate. “That is not how our team does things,” he said.

Dale said the apology was welcome and that the matter was closed. “We were upset when we heard about it,” she said.`;
    expect(speakers(text)).toEqual(['Avery Lusk', 'Kerrin Dale']);
  });

  it('skips an organisation or place that only modifies a title before a name', () => {
    const text = `The bill passed on Friday. “We will bring it back in the spring,” said Senate Minority Leader Walter Brandt.

“This vote changes nothing for the plant,” said United Millworkers Political Director Tom Reed.

“The numbers speak for themselves,” said Ohio Gov. Anna Weber.`;
    expect(speakers(text)).toEqual(['Walter Brandt', 'Tom Reed', 'Anna Weber']);
  });

  it('gives a quote after a possessive speech noun ("his remark that") to the possessor', () => {
    const text = `Senator Mark Lane spoke in Dayton on Monday. Critics seized on his remark that “the plant was never going to stay open anyway.”

Unions were angry about Governor Anna Weber’s claim that “wages have never been higher in this state.”`;
    expect(speakers(text)).toEqual(['Mark Lane', 'Anna Weber']);
  });

  it('keeps the subject for a quote that judges someone else’s remarks', () => {
    const text = 'Governor Anna Weber spoke first. Senator Mark Lane called Weber’s remarks on Monday “a disgrace to the whole state.”';
    expect(speakers(text)).toEqual(['Mark Lane']);
  });
});

describe('quote speakers: cues seen in wire and newspaper copy', () => {
  it('reads a short "X said." sentence after a quote that ends with a full stop', () => {
    const text = 'The council met late into the night.\n\n“We cannot keep the library open on these numbers.” Mayor Jane Doe said.';
    expect(speakers(text)).toEqual(['Jane Doe']);
  });

  it('does not read a sentence without a speech verb after a closed quote', () => {
    const text = 'Mayor Jane Doe spoke first.\n\nTom Roe waited. “We will find the money somewhere else.” Roe left the room soon after.';
    expect(speakers(text)).toEqual(['Tom Roe']);
  });

  it('takes the name right before a parenthetical speech verb', () => {
    const text = 'Governor Anna Weber, Mark Lane said, has built “a machine that runs on favours and fear.”';
    expect(speakers(text)).toEqual(['Mark Lane']);
  });

  it('reads an inverted attribution later in the sentence of a partial quote', () => {
    const text = 'Economists were not alarmed.\n\n“For most families the new tax is a rounding error” at best, said Jane Doe, an economist at Acme Bank.';
    expect(speakers(text)).toEqual(['Jane Doe']);
  });

  it('keeps an unnamed source a description when a name only qualifies it', () => {
    const text = 'Governor Anna Weber spoke in Dayton on Monday.\n\n“The party will split before the summer is out,” said one Weber confidant.';
    expect(speakers(text)).toEqual(['one Weber confidant']);
  });

  it('gives the quote to the person in apposition to a role, not to the place before the role', () => {
    const text = 'In May, Weber’s Ohio state director, Tom Baker, wrote to donors, saying in an email: “We need your help before the deadline.”';
    expect(speakers(text)).toEqual(['Tom Baker']);
  });

  it('gives a quote after "X said, adding," to X, not to the clause before', () => {
    const text = 'Anna Weber and Mark Lane will meet next week, Tom Baker said, adding, “The two of them must meet and settle it.”';
    expect(speakers(text)).toEqual(['Tom Baker']);
  });

  it('does not take "continue to" for a speech verb', () => {
    const text = 'In a statement, Senator Mark Lane said he is certain Anna Weber will continue to be “a voice for the valley’s smallest villages.”';
    expect(speakers(text)).toEqual(['Mark Lane']);
  });

  it('gives an uncued quote after a sentence about a person to that person', () => {
    const text = 'Senator Mark Lane touted his record on jobs. “We brought back four thousand jobs to this county in two years.”';
    expect(speakers(text)).toEqual(['Mark Lane']);
  });

  it('does not give a name the gender of a pronoun in a clause about someone else', () => {
    const text = 'Councillor Okafor said it was important that Anna Weber "let the workers know that she hears them."';
    const okafor = entitiesOf(text).mentions.find((m) => m.entity.name === 'Okafor')?.entity;
    expect(okafor?.kind).toBe('person');
    expect(okafor?.gender).not.toBe('f');
  });

  it('knows the doubled forms of speech verbs ("admitted", "quipped")', () => {
    const text = `The senator was asked about the vote on Monday.

“There was no single cause getting me out of bed each morning. There is now,” Walsh admitted during an interview for a radio show.`;
    expect(speakers(text)).toEqual(['Walsh']);
    expect(speakers('“Bring an umbrella and a sense of humour,” quipped Mayor Ines Costa before the parade.')).toEqual(['Ines Costa']);
  });

  it('gives a speech verb after "but" the subject of the main clause', () => {
    const text =
      'Mayor Ines Costa defended the budget against attacks from councillor Tom Reyes, but warned “the next two years will be hard for every department.”';
    expect(speakers(text)).toEqual(['Ines Costa']);
  });

  it('keeps a surname with the person it was introduced for when a namesake appears later', () => {
    const text = `Senator Carla Diaz spent the morning in Fairview after the floods.

“We will not forget this town, and we will be back with the money it needs,” Diaz said.

The senator later honoured a nurse, Maria Elena Diaz, who treated the wounded for two days.

“This is a town that looks after its own,” Diaz said before leaving.`;
    expect(speakers(text)).toEqual(['Carla Diaz', 'Carla Diaz']);
    const names = entitiesOf(text)
      .entities.filter((e) => e.kind === 'person')
      .map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Carla Diaz', 'Maria Elena Diaz']));
  });

  it('reads "asserted" and "reiterated" as speech verbs', () => {
    const text = `Senator Dana Walsh spoke in Ohio on Tuesday.

“Let me be clear, if I have not said it a hundred times, that the plan is unfit for purpose,” she asserted to reporters.`;
    expect(speakers(text)).toEqual(['Dana Walsh']);
    expect(speakers('“The bridge will reopen in May,” Mayor Ines Costa reiterated on Friday.')).toEqual(['Ines Costa']);
  });

  it('closes a quote at a “ typed the wrong way round after its last comma', () => {
    const text =
      'The fees are rare. “It is very unusual,“ said Tom Reed, a lawyer with the Fair Vote Center. “It is a hard thing to do without crossing a line.”';
    expect(extractQuotes(text).map((q) => [q.text, q.speaker])).toEqual([
      ['It is very unusual,', 'Tom Reed'],
      ['It is a hard thing to do without crossing a line.', 'Tom Reed'],
    ]);
  });

  it('reads a name with an initial before a colon, not the heading before it', () => {
    const text =
      'POLLS SHIFT IN THE NORTH - Mary K. Stone: “The survey finds that twelve towns now lean towards the opposition, a shift not seen since the last census.”';
    expect(speakers(text)).toEqual(['Mary K. Stone']);
  });

  it('skips an opening "As …," clause to find the subject, unless it is the attribution ("As Jo Roe puts it")', () => {
    expect(
      speakers('As the crowd began to chant, Mia Torres was joined on stage by Councillor Tom Reyes and joked, “You are all being ridiculous tonight.”'),
    ).toEqual(['Mia Torres']);
    expect(
      speakers('The council has not moved. As the Gazette’s Dana Pike puts it, the mayor is making councillors “an offer they cannot afford to turn down.”'),
    ).toEqual(['Dana Pike']);
  });

  it('reads through a title in quotation marks to the subject of the clause ("visited “Today” …, saying “…”")', () => {
    const text =
      'Senator Dana Walsh visited the “Morning Show” to discuss her remarks about her rival, Mark Lane, saying “on his worst day” he would still be “a far better mayor than anyone on the other side.”';
    expect(
      extractQuotes(text)
        .filter((q) => q.text.split(' ').length >= 4)
        .map((q) => q.speaker),
    ).toEqual(['Dana Walsh', 'Dana Walsh']);
  });

  it('gives "and said" the main subject even after a relative clause ("the raid that killed X … and said")', () => {
    const text =
      'Mayor Ines Costa praised the 2019 raid that caught gang leader Tom Reyes during a “Safety Forum” hosted by the Gazette and said she has what the job needs: “Patience, and a very thick skin for the bad days.”';
    expect(speakers(text).at(-1)).toBe('Ines Costa');
  });

  it('takes the organisation right before the verb over a person earlier in the clause', () => {
    const text =
      'With polls showing rival Senator Tom Reyes ahead in the state, a story by the website Capitol Daily says that “more than a hundred delegates are ready to switch on a second ballot.”';
    expect(speakers(text)).toEqual(['Capitol Daily']);
  });

  it('takes the gender of a noun before a name over an ambiguous first name ("widow Terry Holloway … She continued")', () => {
    const text = `Mayor Tom Reyes is expected to block the levee fund on Friday.

“Blocking the fund makes no sense. The mayor has the numbers backwards,” said flood widow Terry Holloway.

She continued, “The families on Mill Street only want a judge to look at what happened.”`;
    expect(speakers(text)).toEqual(['Terry Holloway', 'Terry Holloway']);
  });

  it('does not read "spokesman" as male ("Campaign spokesman Hope Fisher … she said")', () => {
    const text = 'Lane did not attend. Campaign spokesman Hope Fisher confirmed that the group was independent. “They are not part of the campaign,” she said.';
    expect(speakers(text)).toEqual(['Hope Fisher']);
  });

  it('gives a he/she with no named antecedent the description the text used ("The mayor said … she said")', () => {
    const text = 'LONDON (Wire) — The mayor said on Monday that the bridge would reopen next week. "We are nearly there," she said.';
    expect(speakers(text)).toEqual(['the mayor']);
  });

  it('keeps "the ministry" a description when the text only ever describes it, instead of another organisation', () => {
    const text = `OSLO — The Nordic Space Agency (NSA) said the satellite was working.

The science ministry put the project’s cost at 4 billion kroner in a written note. "Better warnings save lives, and they save money," the ministry said.`;
    expect(speakers(text)).toEqual(['the ministry']);
  });

  it('does not take a speech word used as a noun ("for answers", "the claims") for the verb of the quote', () => {
    const text = 'Tom Harlan spoke on Monday. He said Republicans would ask the Labor Department for answers "from the first week she is in office."';
    expect(speakers(text)).toEqual(['Tom Harlan']);
  });
});
