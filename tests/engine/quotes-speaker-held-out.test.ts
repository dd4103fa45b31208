import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../src/engine/quotes.ts';

// Issue 15, read on held-out British news: speaker classes the PolNeAR tuning never showed.
// Each article is invented; each case failed before its rule.
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).map((q) => q.speaker);
}

describe('a relative clause with "which"', () => {
  it('gives the quote to the organisation named right before ", which described"', () => {
    const text = `The council's plan was welcomed at the time by the Harwell Trust, which described the scheme as a "bold step for the town centre and its shops".`;
    expect(speakers(text)).toEqual(['Harwell Trust']);
  });
});

describe('a clause is not a description of the speaker', () => {
  it('leaves the quote unattributed rather than naming "the standard of proof to be applied"', () => {
    const text = `Town ministers lodged an appeal arguing that the standard of proof to be applied in cases alleging abuse should "be far stricter than in civil courts".`;
    expect(speakers(text)).toEqual([null]);
  });
});

describe('an office after "the" that the tagger read as a name', () => {
  it('gives "The Judge wrote:" to the judge the text named', () => {
    const text = `The ruling was handed down by Superior Court Judge Martha Ellison on Friday. The Judge wrote: "Nothing in the filings shows that the public interest is served here."`;
    expect(speakers(text)).toEqual(['Martha Ellison']);
  });
});

describe('he/she after a quote that follows a name', () => {
  it('does not refer to the name the quoted words are about ("Mr Pike “made …,” he told")', () => {
    const text = `The trial heard from the former chief, Dan Orley, on Tuesday. Speaking in court, Mr Orley denied that he pushed his deputy Sam Pike to alter the figures. Mr Pike "made his own decisions about the books," he told the court.`;
    expect(speakers(text)).toEqual(['Dan Orley']);
  });
});

describe('a person called by nationality or sporting role', () => {
  it('resolves "said the American" to the salient person, not to the last speaker', () => {
    const text = `Karl Brenner beat Tom Adair in three sets in Leeds on Sunday. "I had a plan and I stuck to it," he said. And Adair, who was outpaced from the baseline, said Brenner had simply played better on the day. "Younger players are not afraid of anyone now," said the American.`;
    expect(speakers(text)).toEqual(['Karl Brenner', 'Tom Adair']);
  });
});

describe('"confirmed" as a speech verb', () => {
  it('keeps "confirmed a Rovers spokesman" as the description, for the quote and the one running on', () => {
    const text = `Harwell Rovers coach Ian Mills has given his approval. "We have had an approach from the national side," confirmed a Harwell Rovers spokesman. "It is in the early stages but we are giving it serious thought."`;
    expect(speakers(text)).toEqual(['a Harwell Rovers spokesman', 'a Harwell Rovers spokesman']);
  });
});

describe('"the firm said" with two organisations named', () => {
  it('refers to the organisation heading a recent sentence, not to one named later as an object', () => {
    const text = `Brightwell Foods has agreed to buy Gallo Dairies for $2bn. Brightwell said it would merge several departments, adding that there may be job cuts. The deal will see its dairy arm overtake Norland Mills Inc as the biggest maker of cheese in Europe.

"The growth of the dairy arm is expected to make up for the cuts we must now make," the firm said in a statement.`;
    expect(speakers(text)).toEqual(['Brightwell Foods']);
  });
});

describe('a short quote with a he/she cue ends the clause before the next quote', () => {
  it('gives the quote after ", saying" to the speaker of the cue, not to the name before the short quote', () => {
    const text = `The trial heard from the former chief, Dan Orley, on Tuesday. Speaking in court, Mr Orley denied that he pushed his deputy Sam Pike to alter the figures. Mr Pike "made accounting decisions," he told the court, saying his finance chief had "a firm grasp of every number".`;
    expect(speakers(text)).toEqual(['Dan Orley', 'Dan Orley']);
  });
});

describe('"it said" with two organisations named', () => {
  it('refers to the organisation heading a recent sentence, not to the last one named', () => {
    const text = `Brightwell Foods has pulled out of a $300m contract in Leeds. Brightwell Foods said "the original scope of the work could not be delivered at a fair price". But the firm denied reports that it was handing its share to Norland Mills Inc. "Members of the venture remain committed to new projects in the area," it said in a statement.`;
    expect(speakers(text)).toEqual(['Brightwell Foods', 'Brightwell Foods']);
  });
});

describe('a nationality the tagger read as a name', () => {
  it('gives "said the New Zealander" to the salient person', () => {
    const text = `The director Peter Jackson says it could be years before he starts work on a film version of the novel. "I think it is going to be a lot of lawyers sitting in a room trying to work out a deal first," said the New Zealander.`;
    expect(speakers(text)).toEqual(['Peter Jackson']);
  });
});

describe('a participle opening the sentence of a he/she cue', () => {
  it('does not take a name inside "Praising Celtic and Rangers for their efforts, she said:"', () => {
    const text = `Cathy Jamieson said new orders would be a key aim. "That is the kind of thing that will hit them where it hurts the most," she said. Praising Celtic and Rangers for their efforts, she said: "I do not think there is any doubt that we have seen some positive moves from the clubs."`;
    expect(speakers(text)).toEqual(['Cathy Jamieson', 'Cathy Jamieson']);
  });
});

describe('descriptions of a person or a document', () => {
  it('resolves "the legal assistant" to the salient person', () => {
    const text = `Austin Aitken is taking action against the network over its quiz show. Mr Aitken said watching the show made him dizzy. The legal assistant said the network was "sending the wrong message to viewers about what money can make people do".`;
    expect(speakers(text)).toEqual(['Austin Aitken']);
  });

  it('never makes an adjective before a comma ("The hand-written, four-page lawsuit said:") the speaker', () => {
    const text = `Austin Aitken is taking action against the network over its quiz show. Mr Aitken said the network was "sending the wrong message to viewers about what money can make people do". The hand-written, four-page lawsuit said: "To have people on the show eat dead rats was crazy and made me ill."`;
    expect(speakers(text)).toEqual(['Austin Aitken', 'Austin Aitken']);
  });
});

// Round 6 (issue 15): classes left open after the first BBC reading.
describe('the subject of a quoted clause is not the speaker', () => {
  it('resolves he past a name whose verb comes before the quote ("Mrs Cole has “…,” he said")', () => {
    const text = `Health secretary Alan Price defended the reforms. Mrs Cole has "never once visited a ward in this city," he said.`;
    expect(speakers(text)).toEqual(['Alan Price']);
  });
});

describe('a party word before "source" is an anonymous description', () => {
  it('keeps "the Tory source" as the speaker, not "Tory"', () => {
    const text = `Labour's plan was attacked on Monday. "This is a desperate stunt by a failing government," the Tory source said.`;
    expect(speakers(text)).toEqual(['the Tory source']);
  });
});

describe('"it" for a public body the text only describes', () => {
  it('gives "it said" to "the Norwegian government", not to the paper named before', () => {
    const text = `Whaling talks broke down in Oslo on Friday, the Observer reported. The Norwegian government rejected the proposed ban. "We will not accept limits set by others on our coastal waters," it said in a statement.`;
    expect(speakers(text)).toEqual(['the Norwegian government']);
  });

  // A guard: a body whose name holds the head word is still the referent.
  it('still gives "it said" to the named ministry', () => {
    const text = `The Ministry of Fisheries met the fleet owners in Bergen on Friday. The ministry rejected the proposed ban. "We will not accept limits set by others on our coastal waters," it said in a statement.`;
    expect(speakers(text)).toEqual(['Ministry of Fisheries']);
  });
});

describe('"they" after a group heading the sentence', () => {
  it('gives "they said" to the party named after the last quote, not to its speaker', () => {
    const text = `Trade minister Hugo Lind spoke first. "Our exports are growing in every region this year," he said. The Conservative Party unveiled its manifesto on Tuesday. "We offer a real alternative to the tired old government," they said.`;
    expect(speakers(text)).toEqual(['Hugo Lind', 'Conservative Party']);
  });
});

describe('a sentence between two quotes that opens with another person', () => {
  it('gives the second quote to that person, not to the first speaker', () => {
    const text = `The world governing body declined to comment. "Fifa is not in a position to make any comment on the matter yet," said a Fifa spokesman. The move won backing from the anti-doping campaigner Mary Hollins. Hollins, a former director of drug-free sport, insists the club was right to act. "They are saying quite clearly to their players that this will not be tolerated."`;
    expect(speakers(text)).toEqual(['a Fifa spokesman', 'Mary Hollins']);
  });
});

describe('a document issued by someone', () => {
  it('gives "A statement from Halden United … read:" to the club, not to "A statement"', () => {
    const text = `Halden United sacked their striker on Friday. A statement from Halden United explaining the decision read: "We want to make clear that the club has a zero tolerance policy towards drugs."`;
    expect(speakers(text)).toEqual(['Halden United']);
  });
});

describe('a possessed document', () => {
  it('gives "Mr Manzi\'s statement said" to Manzi', () => {
    const text = `Former Brightwave chief Carlo Manzi has apologised to investors. Two former auditors will stand trial later this month.\n\n"I apologise to all who have suffered so much damage as a result of my schemes," Mr Manzi's statement said. "It is my duty to help the prosecutors in every way."`;
    expect(speakers(text)).toEqual(['Carlo Manzi', 'Carlo Manzi']);
  });
});

describe('"the spokesman" after an unnamed one', () => {
  it('keeps the spokesman introduced without a name, not the person named after his verb', () => {
    const text = `A prospective candidate for the Green Party has resigned. Peter Holm, who had been due to stand in Leeds, quit on Monday. A Green spokesman said Mr Holm's resignation followed reports last month about his past. "He did once attend one of their meetings, and he regrets it," the spokesman added.`;
    expect(speakers(text)).toEqual(['a Green spokesman']);
  });
});

describe('an unclassified full name after an opening conjunction', () => {
  it('is the he of the next quote ("But Simon Hart of the Alliance has questioned …")', () => {
    const text = `Police spokesman Nigel Yeo said he expected most people would obey the law.\n\nBut Simon Hart of the Countryside Alliance has questioned how police will ensure there are no violations. "The definitions of legal and illegal hunting are so blurred that the police are being asked to make impossible judgements," he said.`;
    expect(speakers(text)).toEqual(['Simon Hart']);
  });
});

describe('a role description walking back past a sentence opened by he/she', () => {
  it('does not take the object of that sentence ("He then beat Swede Dan Persson") for the role', () => {
    const text = `Britain's Jack Garner won the 60m in Glasgow on Saturday. He then recovered from a poor start in the second race to beat Swede Dan Persson. His times were well short of the world record. "It's a very hard record to break, but I believe I've trained very well," said the world indoor champion.`;
    expect(speakers(text)).toEqual(['Jack Garner']);
  });
});

describe('"it" after a quote from a document', () => {
  it('gives "It added:" to whoever the document spoke for', () => {
    const text = `The strategist denied the report in the Courier on Friday. Mr Crosby's statement said: "The party has been making an impact on the issues of tax and immigration." It added: "The other side will be wanting to do all they can to distract from that."`;
    expect(speakers(text)).toEqual(['Crosby', 'Crosby']);
  });
});

describe('an organisation inside a prepositional phrase before the verb', () => {
  it('is not the subject when a person heads the clause ("Dr Mark Tully … director at software maker Microsoft told")', () => {
    const text = `Most new displays can already show such pictures. "In the next generation of consoles high definition support is mandatory," Dr Mark Tully games systems director at software maker Microsoft told the Courier.`;
    expect(speakers(text)).toEqual(['Mark Tully']);
  });
});

describe('a band or club before a sport or music role', () => {
  it('only qualifies the person ("Arthur Blaine frontman Alex Moray" → Alex Moray)', () => {
    const text = `Arthur Blaine frontman Alex Moray has called for more government help for musicians. "For any cultural output to thrive there needs to be some kind of state input," he said.`;
    expect(speakers(text)).toEqual(['Alex Moray']);
  });
});
