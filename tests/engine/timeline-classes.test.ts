import { describe, expect, it } from 'vitest';
import { tagTimex } from '../../src/engine/timeline.ts';

// Classes of timeline errors found on the TimeBank part of the evaluation data (issue 15), each
// with an article written for this test. Published on Thursday 2 November 2028.
const publishedAt = '2028-11-02T09:00:00Z';
const values = (text: string) => tagTimex(text, { publishedAt }).map((t) => [t.text, t.value]);

describe('timeline: earnings-report comparisons', () => {
  it('dates "last year" next to a compared figure as the same quarter a year back', () => {
    const text =
      'Harrow Mills posted third-quarter earnings of $12 million, compared with a loss of $4 million last year. Sales in the latest period rose 8% from last year’s $310 million.';
    expect(values(text)).toEqual([
      ['third-quarter', '2028-Q3'],
      ['last year', '2027-Q3'],
      ['the latest period', '2028-Q3'],
      ['last year', '2027-Q3'],
    ]);
  });

  it('keeps "last year" a year after a verb or in a comparison of whole years', () => {
    expect(values('Third-quarter profit will be lower than the 20 cents a share it reported last year.')).toEqual([
      ['Third-quarter', '2028-Q3'],
      ['last year', '2027'],
    ]);
    expect(values('Analysts expect third-quarter earnings to slip. For this year, profit should reach $3 a share, up from last year’s $2.40.')).toEqual([
      ['third-quarter', '2028-Q3'],
      ['this year', '2028'],
      ['last year', '2027'],
    ]);
  });

  it('compares a year-ago period with the quarter reported, not with a forecast quarter named before', () => {
    const text = 'Steelmakers may report losses through the third quarter of 2029, analysts said. In the year-ago period, Calder Steel earned $90 million.';
    expect(values(text)).toEqual([
      ['the third quarter of 2029', '2029-Q3'],
      ['the year-ago period', '2027-Q3'],
    ]);
  });

  it('reads "the 2027 period" as the compared quarter, or as a year beside a nine-month total', () => {
    expect(values('Wexley Systems earned $8 million in its fiscal first quarter. In the 2027 period, it lost $2 million.')).toEqual([
      ['its fiscal first quarter', '2028-Q1'],
      ['the 2027 period', '2027-Q1'],
    ]);
    expect(values('In the first nine months, net was $40 million, compared with a loss of $9 million in the 2027 period.')).toEqual([
      ['the first nine months', 'P9M'],
      ['the 2027 period', '2027'],
    ]);
  });
});

describe('timeline: titles that hold a time word', () => {
  it('does not tag a quoted show title or an outlet’s "Today"', () => {
    const text =
      "The minister said on Channel 4’s \"This Week,\" that talks would resume tomorrow. She later appeared on ''60 Minutes'' and was quoted by USA Today.";
    expect(values(text)).toEqual([['tomorrow', '2028-11-03']]);
  });

  it('still tags a quoted time that is not a title', () => {
    expect(values('"Next week we vote," the chairman wrote. He said "this week" twice.')).toEqual([
      ['Next week', '2028-W45'],
      ['this week', '2028-W44'],
    ]);
  });
});

describe('timeline: dates in a schedule', () => {
  it('keeps a later day of a schedule in the year of the coming date named before it', () => {
    const text = 'The ferry line said two sailings would leave Harwich on Mondays from March 30, with a third sailing each Friday from August 6.';
    expect(values(text).filter(([t]) => /\d$/.test(t!))).toEqual([
      ['March 30', '2029-03-30'],
      ['August 6', '2029-08-06'],
    ]);
    // Without a coming date before it, a day of the year with no tense cue is still the nearer past one.
    expect(values('The ferry line has run a third sailing each Friday from August 6.').filter(([t]) => /\d$/.test(t!))).toEqual([['August 6', '2028-08-06']]);
  });
});

describe('timeline: halves', () => {
  it('does not read "the last half of" a decade as the half-year before publication', () => {
    expect(values("Beer sales followed the trend of the last half of the '80s, and the last half of 2027 was weak.")).toEqual([
      ["the '80s", '198'],
      ['the last half of 2027', '2027-H2'],
    ]);
  });
});

describe('timeline: today as an age', () => {
  it('does not date "today’s world" or "the leaders of tomorrow" to the publication day', () => {
    const text = "Few of today's computers run for a week, and the leaders of tomorrow will need today's youth. Tomorrow's vote matters, the mayor said today.";
    expect(values(text)).toEqual([
      ['a week', 'P1W'],
      ['Tomorrow', '2028-11-03'],
      ['today', '2028-11-02'],
    ]);
  });
});

describe('timeline: an event’s night and names with a year', () => {
  it('does not date "the night the ferry sank" or "at the time Brandt was arrested" to publication', () => {
    const text =
      'The coastguard released recordings from the night the ferry sank. At the time Brandt was arrested, the port was closed. He said at the time he was sorry.';
    expect(values(text)).toEqual([['the time', 'PAST_REF']]);
  });

  it('does not tag a year that is part of a name, but keeps years after months, holidays and prepositions', () => {
    const text =
      'She founded a venture called Orion 2019, which showed at Expo 2020. Christmas 2021 was quiet; In 2022 sales rose, and by March 2023 they doubled.';
    expect(values(text)).toEqual([
      ['Christmas 2021', '2021-12-25'],
      ['2022', '2022'],
      ['March 2023', '2023-03'],
    ]);
  });
});

describe('timeline: a span given as a range', () => {
  it('reads "in a year or two" told of the future as some time ahead, with the whole range in the expression', () => {
    expect(values('The surgeon said the new ward could open in a year or two, once the funds arrive.')).toEqual([['a year or two', 'FUTURE_REF']]);
    expect(values('Crews hope to reopen the pier within a day or two.')).toEqual([['a day or two', 'FUTURE_REF']]);
  });

  it('keeps "a year" a year when no range follows or the range is of the past', () => {
    expect(values('The surgeon said the new ward could open in a year.')).toEqual([['a year', 'P1Y']]);
    expect(values('The plant closed for a year or two in the 1990s.')).toEqual([
      ['a year', 'P1Y'],
      ['the 1990s', '199'],
    ]);
    expect(values('The orchard had recovered in a year or two, growers said.')).toEqual([['a year or two', 'PXY']]);
  });
});

describe('timeline: the verb before a list of nouns', () => {
  it('reads the tense of a clause whose list of titles holds commas', () => {
    // Published on Thursday 2 November 2028: March told in the past is March 2028.
    const text = 'Ruth Okafor replaces Dan Merrow, who resigned as chair, treasurer and company secretary in March for health reasons.';
    expect(values(text)).toEqual([['March', '2028-03']]);
    // Nothing before the list says which way: the nearer March, as before.
    expect(values('The awards for best actor, director and writer in March.')).toEqual([['March', '2029-03']]);
  });

  it('still leaves an attribution’s "said" out of the clause', () => {
    expect(values('The party said Tuesday, Oregon, Idaho and Utah in March.')).toEqual([
      ['Tuesday', '2028-10-31'],
      ['March', '2029-03'],
    ]);
  });
});

describe('timeline: the day told of', () => {
  it('dates "later in the day" and "earlier in the day" to the day the text is telling of', () => {
    const text =
      'The minister toured the flooded valley on Monday morning. Later in the day she met farmers in Brill. On Tuesday the army arrived, and a bridge was reopened earlier in the day.';
    expect(values(text)).toEqual([
      ['Monday morning', '2028-10-30TMO'],
      ['the day', '2028-10-30'],
      ['Tuesday', '2028-10-31'],
      ['the day', '2028-10-31'],
    ]);
  });

  it('leaves a "before" that opens a clause out of the expression', () => {
    const text = 'The envoy landed in Quito on Monday and spent two hours there, leaving later in the day before flying home.';
    expect(values(text)).toEqual([
      ['Monday', '2028-10-30'],
      ['two hours', 'PT2H'],
      ['the day', '2028-10-30'],
    ]);
  });

  it('reads "<date>, the day before <a clause>" as that date, and "the day before" alone as the day before', () => {
    expect(values('The boat was last seen Oct. 14, the day before coastguards called off the search.')).toEqual([
      ['Oct. 14', '2028-10-14'],
      ['the day', '2028-10-14'],
    ]);
    expect(values('The boat sailed on Oct. 14. The day before, the crew had loaded fuel.')).toEqual([
      ['Oct. 14', '2028-10-14'],
      ['The day before', '2028-10-13'],
    ]);
  });
});

describe('timeline: idioms with a clock word', () => {
  it('does not read "high noon" as twelve o’clock', () => {
    expect(values('For the league, high noon has come: the film "High Noon" said it best.')).toEqual([]);
    expect(values('The vote opens at noon.')).toEqual([['noon', '2028-11-02T12:00']]);
  });
});

describe('timeline: planned events', () => {
  it('reads a planned event as one ahead, unless the plan was overtaken', () => {
    // Published on Thursday 2 November 2028.
    expect(values('Tenants planned a march to the town hall on Saturday.')).toEqual([['Saturday', '2028-11-04']]);
    expect(values('The mayor mentioned a planned vigil on Sunday in Ely.')).toEqual([['Sunday', '2028-11-05']]);
    expect(values('Tenants had planned a march on Saturday, but rain kept them home.')).toEqual([['Saturday', '2028-10-28']]);
    // A past verb after the plan dates the weekday: the report came before the meeting.
    expect(values('News of the planned meeting followed a report by a local paper on Friday.')).toEqual([['Friday', '2028-10-27']]);
  });
});

describe('timeline: "around" as a preposition', () => {
  it('keeps "around" out before a possessive day and in before a bare one', () => {
    expect(values('Landlords will look for ways around Monday’s ruling. The storm hit around Monday.')).toEqual([
      ['Monday', '2028-10-30'],
      ['around Monday', '2028-10-30'],
    ]);
  });
});

describe('timeline: a day in an apposition', () => {
  it('dates a day beside a place ("in Lagos, her first stop on Friday") by the verb before the comma', () => {
    // Published on Thursday 2 November 2028.
    expect(values('The minister will spend two hours in Lagos, Nigeria, her first stop on Friday, before flying on to Accra.')).toEqual([
      ['two hours', 'PT2H'],
      ['Friday', '2028-11-03'],
    ]);
    expect(values('The minister is scheduled to land in Lagos, her first stop Friday morning.')).toEqual([['Friday morning', '2028-11-03TMO']]);
    expect(values('The minister spent two hours in Lagos, her first stop on Monday, before flying on to Accra.')).toEqual([
      ['two hours', 'PT2H'],
      ['Monday', '2028-10-30'],
    ]);
  });
});

describe('timeline: a past participle or clause before a "will" of the main clause', () => {
  it('dates "The deal, announced Monday, will close …" by the past verb, and "Friday will be …" forward', () => {
    // Published on Thursday 2 November 2028.
    expect(values('The deal, announced Monday, will close in March.')).toEqual([
      ['Monday', '2028-10-30'],
      ['March', '2029-03'],
    ]);
    expect(values('The talks, which began on Tuesday, will continue next week.')).toEqual([
      ['Tuesday', '2028-10-31'],
      ['next week', '2028-W45'],
    ]);
    expect(values('Friday will be a holiday.')).toEqual([['Friday', '2028-11-03']]);
    expect(values('The mayor said Friday will be a holiday.')).toEqual([['Friday', '2028-11-03']]);
  });
});

describe('timeline: counted from the date a narrative named last', () => {
  it('counts "five years later" from the year named last, not from publication', () => {
    expect(values('The liner sank off the cape in 1912. Five years later, divers found the wreck.')).toEqual([
      ['1912', '1912'],
      ['Five years later', '1917'],
    ]);
    // A reporting period's comparison still counts from the period reported.
    expect(values('For the nine months, the mill earned $9 million, against a loss of $2 million a year earlier.')).toEqual([
      ['the nine months', 'P9M'],
      ['a year earlier', '2027'],
    ]);
  });

  it('counts a second "a year earlier" from the same year as the first, but lets "five years later" go on', () => {
    const comparison =
      'The ferry line carried 2.1 million people in 2027. A year earlier it carried 1.8 million. Its fares rose 4%, after a cut a year earlier.';
    expect(values(comparison)).toEqual([
      ['2027', '2027'],
      ['A year earlier', '2026'],
      ['a year earlier', '2026'],
    ]);
    expect(values('The liner sank off the cape in 1912. Five years later, divers found it. Five years later, they raised the bell.')).toEqual([
      ['1912', '1912'],
      ['Five years later', '1917'],
      ['Five years later', '1922'],
    ]);
  });

  it('reads "the next week" / "the next month" told in the past as the week or month after the date named', () => {
    expect(values('The river burst its banks on Aug. 3, 2024. The next week, volunteers began to clear the mud.')).toEqual([
      ['Aug. 3, 2024', '2024-08-03'],
      ['The next week', '2024-W32'],
    ]);
    expect(values('The river burst its banks on Aug. 3, 2024. The next month, the council began repairs.')).toEqual([
      ['Aug. 3, 2024', '2024-08-03'],
      ['The next month', '2024-09'],
    ]);
    // A span from now is the coming week, even after a past reporting verb.
    expect(values('The river burst its banks on Aug. 3, 2024. Forecasters said more rain was likely over the next week.')).toEqual([
      ['Aug. 3, 2024', '2024-08-03'],
      ['the next week', '2028-W45'],
    ]);
    // Looking ahead, "the next week" is still the coming one.
    expect(values('The river burst its banks on Aug. 3, 2024. The council will vote on repairs in the next week.')).toEqual([
      ['Aug. 3, 2024', '2024-08-03'],
      ['the next week', '2028-W45'],
    ]);
  });
});

describe('timeline: a bare month going on from a written one', () => {
  it('puts "left in May" after "joined in March 2021 and" in 2021, and "in January" after November 2020 in 2021', () => {
    expect(values('She joined the board in March 2021 and left in May.')).toEqual([
      ['March 2021', '2021-03'],
      ['May', '2021-05'],
    ]);
    expect(values('He was elected in November 2020 and took office in January.')).toEqual([
      ['November 2020', '2020-11'],
      ['January', '2021-01'],
    ]);
  });

  it('keeps a month of another clause, or one the present perfect reaches, near publication', () => {
    // Published on Thursday 2 November 2028.
    expect(values('The firm, founded in March 1985, said in June that it would cut jobs.')).toEqual([
      ['March 1985', '1985-03'],
      ['June', '2028-06'],
    ]);
    expect(values('The firm was set up in May 2020 and its shares have doubled since March.')).toEqual([
      ['May 2020', '2020-05'],
      ['March', '2028-03'],
    ]);
  });
});

describe('timeline: a year-back comparison of figures', () => {
  it('dates "a year earlier" after a compared figure as the year back, not the day of the report, unless the period ended on a named day', () => {
    const text = 'Harrow Mills said Tuesday that it lost $40 million through the first nine months, compared with earnings a year earlier of $12 million.';
    expect(values(text)).toEqual([
      ['Tuesday', '2028-10-31'],
      ['the first nine months', 'P9M'],
      ['a year earlier', '2027'],
    ]);
    expect(values('Shares of Harrow rose yesterday. Its dividend is 5 pence, up from 4 pence a year earlier.')).toEqual([
      ['yesterday', '2028-11-01'],
      ['a year earlier', '2027'],
    ]);
    // The day a year back stays for a period ended on a named day and in a narrative.
    expect(values('For the six months ended Aug. 12, Calder earned $6 million, compared with $9 million a year earlier.')).toEqual([
      ['the six months', 'P6M'],
      ['Aug. 12', '2028-08-12'],
      ['a year earlier', '2027-08-12'],
    ]);
    expect(values('The mill reopened on Sept. 3. A year earlier, a fire had gutted it.')).toEqual([
      ['Sept. 3', '2028-09-03'],
      ['A year earlier', '2027-09-03'],
    ]);
  });
});

describe('timeline: overnight and the past decade', () => {
  it('puts "overnight" on the night before the day told of, or the coming night in the future', () => {
    expect(values('Tokyo shares closed lower on Friday after overnight losses in New York.')).toEqual([
      ['Friday', '2028-10-27'],
      ['overnight', '2028-10-26TNI'],
    ]);
    expect(values('Storms hit the coast overnight.')).toEqual([['overnight', '2028-11-01TNI']]);
    expect(values('Snow will spread east overnight.')).toEqual([['overnight', '2028-11-02TNI']]);
  });

  it('reads "the past decade" as the ten years before, not the calendar decade', () => {
    expect(values('Threats against clinics had become routine over the past decade.')).toEqual([['the past decade', 'P10Y']]);
    expect(values('Rents doubled in the last century.')).toEqual([['the last century', 'P100Y']]);
  });
});

describe('timeline: a clock time of an event dated earlier', () => {
  it('puts a dayless clock time on the day the article gave the same event, not on a later day named', () => {
    const text =
      'The jeweller was stabbed on Oct. 3 outside his shop. Police arrested a suspect on Oct. 20. Charges were filed yesterday. The jeweller was stabbed at 9 p.m. as he locked the door.';
    expect(values(text)).toEqual([
      ['Oct. 3', '2028-10-03'],
      ['Oct. 20', '2028-10-20'],
      ['yesterday', '2028-11-01'],
      ['9 p.m.', '2028-10-03T21:00'],
    ]);
    // A clock time of another event stays on the day of the sentence before.
    const other = 'The jeweller was stabbed on Oct. 3 outside his shop. A suspect was arrested yesterday. He was seen at 9 p.m. near the station.';
    expect(values(other)).toEqual([
      ['Oct. 3', '2028-10-03'],
      ['yesterday', '2028-11-01'],
      ['9 p.m.', '2028-11-01T21:00'],
    ]);
  });
});

describe('timeline: a clock time on a day counted from another event', () => {
  it('leaves the day of "at 6 a.m. ten days before the fire" unknown instead of the publication day', () => {
    expect(values('A neighbour saw the van at 6 a.m. ten days before the fire.')).toEqual([
      ['6 a.m.', 'XXXX-XX-XXT06:00'],
      ['ten days', 'P10D'],
    ]);
    expect(values('The van was parked on Oct. 12. A neighbour saw it at 6 a.m. near the school 10 days before the fire.')).toEqual([
      ['Oct. 12', '2028-10-12'],
      ['6 a.m.', 'XXXX-XX-XXT06:00'],
      ['10 days', 'P10D'],
    ]);
  });
});
