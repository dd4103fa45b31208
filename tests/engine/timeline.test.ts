import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/engine/sentences.ts';
import { analyzeArticle } from '../../src/engine/index.ts';
import { extractTimeline, sortKey, tagTimex } from '../../src/engine/timeline.ts';
import { onPublisherClock } from '../../src/engine/timeline/reference.ts';

// All texts are written for these tests. 2026-11-26 is a Thursday.
const published = '2026-11-26T10:00:00Z';

function find(text: string, expression: string, publishedAt: string | null = published) {
  const options = publishedAt === null ? {} : { publishedAt };
  const entry = tagTimex(text, options).find((e) => e.text === expression);
  if (!entry) throw new Error(`"${expression}" not tagged in: ${JSON.stringify(tagTimex(text, options))}`);
  return entry;
}

describe('extractTimeline: types and values', () => {
  it('tags explicit calendar dates as DATE', () => {
    const text = 'The council approved the plan on 3 March 2025 and reviewed it on Sept. 14, 2025. It was first proposed in July 2024.';
    expect(find(text, '3 March 2025')).toMatchObject({ type: 'DATE', value: '2025-03-03' });
    expect(find(text, 'Sept. 14, 2025')).toMatchObject({ type: 'DATE', value: '2025-09-14' });
    expect(find(text, 'July 2024')).toMatchObject({ type: 'DATE', value: '2024-07' });
  });

  it('tags years, decades, quarters and seasons', () => {
    const text = 'Sales peaked in 2019, slumped in the 1990s, rose in the third quarter and should recover by the summer of 2027.';
    expect(find(text, '2019').value).toBe('2019');
    expect(find(text, 'the 1990s').value).toBe('199');
    expect(find(text, 'the third quarter').value).toBe('2026-Q3');
    expect(find(text, 'the summer of 2027').value).toBe('2027-SU');
  });

  it('dates "the quarter ended <day>" as the calendar quarter holding most of it, unless a fiscal quarter was named', () => {
    expect(find('Sales rose 5% in the quarter ended Sept. 30.', 'the quarter')).toMatchObject({ type: 'DATE', value: '2026-Q3' });
    expect(find('In the quarter ended July 31, the chain opened four shops.', 'the quarter').value).toBe('2026-Q2');
    const fiscal = 'The firm earned $3 million in its fiscal first quarter. Sales for the quarter ended Sept. 30 rose 4%.';
    expect(find(fiscal, 'the quarter').value).toBe('2026-Q1');
  });

  it('compares a nine-month or yearly figure with the year before, a quarterly one with the quarter', () => {
    const t = 'Third-quarter profit doubled from a year earlier. For the nine months, profit rose to $9 million from $7 million a year earlier.';
    const values = tagTimex(t, { publishedAt: published })
      .filter((e) => e.text === 'a year earlier')
      .map((e) => e.value);
    expect(values).toEqual(['2025-Q3', '2025']);
  });

  it('tags durations with TimeML values', () => {
    const text = 'The talks lasted three days. Over the past two years the firm grew, and a two-hour meeting followed after 2 1/2 years of delay.';
    expect(find(text, 'three days')).toMatchObject({ type: 'DURATION', value: 'P3D' });
    expect(find(text, 'the past two years')).toMatchObject({ type: 'DURATION', value: 'P2Y' });
    expect(find(text, 'two-hour')).toMatchObject({ type: 'DURATION', value: 'PT2H' });
    expect(find(text, '2 1/2 years')).toMatchObject({ type: 'DURATION', value: 'P2Y6M' });
  });

  it('splits half a minute into seconds, half a month into days', () => {
    expect(find('The alarm rang for a minute and a half.', 'a minute and a half').value).toBe('PT1M30S');
    expect(find('The strike lasted a month and a half.', 'a month and a half').value).toBe('P1M15D');
  });

  it('tags sets: recurring days and rates', () => {
    const text = 'The market opens every Monday. Buses run daily. The plant earns $4 million a year.';
    expect(find(text, 'every Monday')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-1' });
    expect(find(text, 'daily')).toMatchObject({ type: 'SET', value: 'P1D' });
    expect(find(text, 'a year')).toMatchObject({ type: 'SET', value: 'P1Y' });
  });

  it('tags vague references as TimeBank does', () => {
    const text = 'The mayor now leads the party. She recently moved house. The club will expand in the future.';
    expect(find(text, 'now').value).toBe('PRESENT_REF');
    expect(find(text, 'recently').value).toBe('PAST_REF');
    expect(find(text, 'the future').value).toBe('FUTURE_REF');
  });
});

describe('extractTimeline: relative expressions against the publication time', () => {
  const text =
    'The mayor resigned yesterday. The vote was held last week and the budget passes next Tuesday. ' +
    'The bridge opened two years ago. Prices rose this month. The strike began on Friday. ' +
    'Earlier this year the council met, and it will meet again in March.';

  it('resolves each expression against the publication date', () => {
    expect(find(text, 'yesterday').value).toBe('2026-11-25');
    expect(find(text, 'last week').value).toBe('2026-W47');
    expect(find(text, 'next Tuesday').value).toBe('2026-12-01');
    expect(find(text, 'two years ago').value).toBe('2024');
    expect(find(text, 'this month').value).toBe('2026-11');
    expect(find(text, 'Friday').value).toBe('2026-11-20');
    expect(find(text, 'Earlier this year').value).toBe('2026');
    expect(find(text, 'March').value).toBe('2027-03');
  });

  it('reads the verb after a month that opens its clause', () => {
    expect(find('In March, the club sold its stadium to the city.', 'March').value).toBe('2026-03');
    expect(find('In March, the club will sell its stadium.', 'March').value).toBe('2027-03');
    const long = 'On Friday, the national association of independent bakers and pastry makers plans to strike.';
    expect(find(long, 'Friday').value).toBe('2026-11-27');
  });

  it('counts irregular past verbs as past, but not a participle after "is"', () => {
    expect(find('The firm bought the mill in February.', 'February').value).toBe('2026-02');
    expect(find('The reopening is planned in January.', 'January').value).toBe('2027-01');
  });

  it('reads "until mid-January" as a deadline even after a past verb', () => {
    expect(find('The mayor gave the firm until mid-January to reply.', 'mid-January').value).toBe('2027-01');
  });

  it('reads "would", "supposed to" and "planning to" as pointing forward, "would have" not', () => {
    expect(find('The union said it would strike on Monday.', 'Monday').value).toBe('2026-11-30');
    expect(find('The strike would have started on Monday.', 'Monday').value).toBe('2026-11-23');
    expect(find('Talks are supposed to end by March.', 'March').value).toBe('2027-03');
    expect(find('Farmers were planning to march on Saturday.', 'Saturday').value).toBe('2026-11-28');
  });

  it('reads a plan in the past perfect ("had been due to") as past', () => {
    expect(find('The offer had been due to expire on Friday but was extended.', 'Friday').value).toBe('2026-11-20');
    expect(find('The vote previously scheduled for Tuesday was cancelled.', 'Tuesday').value).toBe('2026-11-24');
  });

  it('dates a possessive weekday by its own words, not by the verb of the clause', () => {
    expect(find("Lawyers said they would appeal Wednesday's ruling.", 'Wednesday').value).toBe('2026-11-25');
    expect(find("Police closed roads ahead of Sunday's march.", 'Sunday').value).toBe('2026-11-29');
  });

  it('never puts the end of a period that "ended" after publication', () => {
    expect(find('In the fiscal year ended Dec. 31, sales rose 4%.', 'Dec. 31').value).toBe('2025-12-31');
  });

  it('values expressions built on another date: the week of a day, the day before a weekday', () => {
    expect(find('A hearing is set for the week of Dec. 7.', 'the week of Dec. 7').value).toBe('2026-W50');
    expect(find("The day before last Tuesday's vote, the mayor resigned.", 'The day before last Tuesday').value).toBe('2026-11-23');
  });

  it('values holiday weeks and halves named by their quarters', () => {
    expect(find('Crowds gathered as Easter week began.', 'Easter week', '2026-04-03').value).toBe('2026-W14');
    expect(find('Profit will fall in the last half of 2027.', 'the last half of 2027').value).toBe('2027-H2');
    expect(find('Sales should grow through the first two quarters of 2027.', 'the first two quarters of 2027').value).toBe('2027-H1');
  });

  it('reads "one day" after a modal as an unspecified future, elsewhere as a duration', () => {
    expect(find('Doctors say the drug could one day cure the disease.', 'one day')).toMatchObject({ type: 'DATE', value: 'FUTURE_REF' });
    expect(find('The strike lasted one day.', 'one day')).toMatchObject({ type: 'DURATION', value: 'P1D' });
  });

  it('puts "in the morning" told in the past on the day the story named, else on the publication day', () => {
    expect(find('Shares slid on Monday. Traders sold heavily in the morning.', 'the morning').value).toBe('2026-11-23TMO');
    expect(find('Shares slid on Monday. Trading resumes in the morning.', 'the morning').value).toBe('2026-11-26TMO');
  });

  it('reads a part of the day written before "yesterday"', () => {
    expect(find('Shares rose by mid-afternoon yesterday.', 'mid-afternoon yesterday')).toMatchObject({ type: 'TIME', value: '2026-11-25TAF' });
  });

  it('reads "the day before" from the date named just before', () => {
    const t = 'The treaty was signed on Nov. 10. Protesters had gathered the day before.';
    expect(find(t, 'Nov. 10').value).toBe('2026-11-10');
    expect(find(t, 'the day before').value).toBe('2026-11-09');
  });

  it('reads "that same day" after a month named later than any day as an unknown day of that month', () => {
    const t = 'The plant closed on Nov. 3. Its owner had sold the site last June and left town that same day.';
    expect(find(t, 'that same day').value).toBe('2026-06-XX');
    expect(find('Its owner sold the site last June and left town the next morning.', 'the next morning')).toMatchObject({
      type: 'TIME',
      value: '2026-06-XXTMO',
    });
    expect(find('The plant closed on Nov. 3 and its owner left town that same day.', 'that same day').value).toBe('2026-11-03');
  });

  it('reads "the day before <event>" set off after a date as that same date', () => {
    const t = 'Markets were calm on Oct. 12, the day before the crash, and fell on Oct. 13.';
    expect(find(t, 'the day')).toMatchObject({ type: 'DATE', value: '2026-10-12' });
    expect(find('The treaty was signed on Nov. 10. Protesters had gathered the day before.', 'the day before').value).toBe('2026-11-09');
  });

  it('dates a day number joined to a month and day ("April 24 and 25") in the same month', () => {
    const t = 'The summit meets on April 24 and 25 in Geneva.';
    expect(find(t, 'April 24').value).toBe('2027-04-24');
    expect(find(t, '25')).toMatchObject({ type: 'DATE', value: '2027-04-25' });
    expect(tagTimex('Sales fell on Nov. 3 and 12 percent of stores closed.', { publishedAt: published }).map((e) => e.text)).toEqual(['Nov. 3']);
    expect(tagTimex('On Nov. 3 and 4 more people fled.', { publishedAt: published }).map((e) => e.text)).toEqual(['Nov. 3']);
  });

  it('does not let "overnight" replace the day the story named for later anaphora', () => {
    const t = 'Shares fell on Friday after overnight losses in Asia, and closed 3% below the previous Friday.';
    expect(find(t, 'the previous Friday').value).toBe('2026-11-13');
  });

  it("keeps the publisher's own calendar day when the publication time has an offset", () => {
    // 23:30 on the 26th in UTC+10 is still the 26th there, though it is the 26th 13:30 in UTC.
    expect(find('The port closed today.', 'today', '2026-11-26T23:30:00+10:00').value).toBe('2026-11-26');
    expect(find('The port closed today.', 'today', '2026-11-26T01:30:00-05:00').value).toBe('2026-11-26');
  });

  it('leaves unknown parts as X without a publication time', () => {
    expect(find('The mayor resigned yesterday.', 'yesterday', null).value).toBe('XXXX-XX-XX');
  });
});

describe('extractTimeline: resolution rules for unseen text', () => {
  it('leans to the past for a month named without any tense cue', () => {
    // Said on Oct. 30: last March is seven months back, next March five ahead; news reports the past.
    const t = 'Its shares, at $42 in June and $29 in March, remain cheap.';
    expect(find(t, 'March', '2026-10-30').value).toBe('2026-03');
    expect(find('Talks resume in January.', 'January', '2026-10-30').value).toBe('2027-01');
  });

  it('reads a future cue further back in a long clause, but not a far past verb', () => {
    const far = 'The agency will name the commander of the third flight of its new lunar lander for a long mission in December.';
    expect(find(far, 'December', '2026-03-04').value).toBe('2026-12');
    const agreed = "The group agreed last week to buy the rival's laboratory equipment and testing unit for $22 million in February.";
    expect(find(agreed, 'February', '2026-10-30').value).toBe('2027-02');
  });

  it('reads a present-tense verb of schedule as pointing forward', () => {
    expect(find('The new tariff takes effect on Monday.', 'Monday').value).toBe('2026-11-30');
    expect(find('The trial of the former mayor begins Tuesday.', 'Tuesday').value).toBe('2026-12-01');
    expect(find('Both leaders meet separately on Monday with the envoy.', 'Monday').value).toBe('2026-11-30');
    expect(find("The two sides didn't meet on Monday.", 'Monday').value).toBe('2026-11-23');
    expect(find('The ministers failed to formally meet on Monday.', 'Monday').value).toBe('2026-11-23');
  });

  it('dates a month inside the subject by the verb that follows it', () => {
    expect(find('Sales in December rose 3%.', 'December').value).toBe('2025-12');
    expect(find('The vote in December will decide the matter.', 'December').value).toBe('2026-12');
  });

  it('dates a fronted month by the main verb even after a long apposition', () => {
    const t = 'In January, three weeks after the anniversary of the founding of the old harbour company and its sister firms, a fire destroyed the warehouse.';
    expect(find(t, 'January').value).toBe('2026-01');
    expect(find('In January, the port will open a second terminal.', 'January').value).toBe('2027-01');
  });

  it('dates a fronted deadline set off by a comma by the verb of its clause', () => {
    expect(find('By Tuesday, the storm will have weakened.', 'Tuesday').value).toBe('2026-12-01');
    expect(find('By Tuesday, the storm had weakened.', 'Tuesday').value).toBe('2026-11-24');
  });

  it('puts a quarter two or more behind in next year when the clause looks forward', () => {
    expect(find('Profit will recover in the first quarter.', 'the first quarter').value).toBe('2027-Q1');
    // The quarter just ended is still the one being reported on.
    expect(find('The firm expects to report a third-quarter loss.', 'a third-quarter').value).toBe('2026-Q3');
  });

  it('keeps whole quarters as quarters in durations and sets', () => {
    expect(find('Losses have mounted over the past two quarters.', 'the past two quarters')).toMatchObject({ type: 'DURATION', value: 'P2Q' });
    expect(find('Interest is paid every quarter.', 'every quarter')).toMatchObject({ type: 'SET', value: 'P1Q' });
  });

  it('reads "a week or so ago" as a date, not a duration', () => {
    expect(find('The ferry sank a week or so ago.', 'a week or so ago')).toMatchObject({ type: 'DATE', value: '2026-W47' });
  });

  it('reads "planned for" and "set for" as pointing forward, even after "was"', () => {
    expect(find('The referendum was planned for April.', 'April').value).toBe('2027-04');
    expect(find('The hearing was set for Monday.', 'Monday').value).toBe('2026-11-30');
    // "planned to" after a fronted day stays in the past: the plan itself was that day's news.
    expect(find('On Friday, the ministry planned to pay the first claims.', 'Friday').value).toBe('2026-11-20');
  });

  it('values a singular "day-long" or "hour-long" as one unit, a plural "decades-long" as unspecified', () => {
    const t = 'After a day-long hearing and an hour-long recess, the judge ended their decades-long feud.';
    expect(find(t, 'day-long')).toMatchObject({ type: 'DURATION', value: 'P1D' });
    expect(find(t, 'hour-long')).toMatchObject({ type: 'DURATION', value: 'PT1H' });
    expect(find(t, 'decades-long')).toMatchObject({ type: 'DURATION', value: 'PXE' });
  });

  it('reads a weekday with a plural part of the day as a set, also the weekday joined to it', () => {
    const t = 'The ferry sails on Monday and Tuesday nights, and the fish market runs on Sunday mornings.';
    expect(find(t, 'Tuesday nights')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-2TNI' });
    expect(find(t, 'Monday')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-1TNI' });
    expect(find(t, 'Sunday mornings')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-7TMO' });
    expect(find('The ferry sailed on Monday and Tuesday night.', 'Monday').type).toBe('DATE');
    // Two nights told in the past are those two nights, not a habit.
    const past = 'Storms struck the coast on Monday and Tuesday nights.';
    expect(find(past, 'Monday')).toMatchObject({ type: 'TIME', value: '2026-11-23TNI' });
    expect(find(past, 'Tuesday nights')).toMatchObject({ type: 'TIME', value: '2026-11-24TNI' });
  });

  it('reads "in five years" after a future cue as the date that far ahead, elsewhere as a duration', () => {
    expect(find('The bonds will be redeemed in five years.', 'five years')).toMatchObject({ type: 'DATE', value: '2031' });
    expect(find('The bridge will reopen in two weeks.', 'two weeks')).toMatchObject({ type: 'DATE', value: '2026-W50' });
    expect(find('The bridge was rebuilt in two weeks.', 'two weeks')).toMatchObject({ type: 'DURATION', value: 'P2W' });
    expect(find('The firm will grow in the next five years.', 'the next five years')).toMatchObject({ type: 'DURATION', value: 'P5Y' });
  });

  it('values "then-current" as a past reference', () => {
    expect(find('The plan was drafted by the then-current board.', 'then-current').value).toBe('PAST_REF');
  });
});

describe('extractTimeline: clock times and zones', () => {
  it('prefers the GMT restatement of a local time', () => {
    const t = 'The quake struck at 9.15am (00:15 GMT) on Thursday.';
    const e = tagTimex(t, { publishedAt: published }).find((x) => x.type === 'TIME')!;
    expect(e.text).toContain('9.15am (00:15 GMT)');
    expect(e.value).toBe('2026-11-26T00:15Z');
  });

  it('moves the date back when the UTC time is on the previous day', () => {
    const t = 'Sirens sounded at 1.30am (17:30 GMT) today.';
    const e = tagTimex(t, { publishedAt: published }).find((x) => x.type === 'TIME')!;
    expect(e.value).toBe('2026-11-25T17:30Z');
  });

  it('converts named zones and numeric offsets to UTC', () => {
    expect(find('The polls close at 3pm ET.', '3pm ET', '2026-07-01').value).toBe('2026-07-01T19:00Z');
    expect(find('The polls close at 3pm ET.', '3pm ET', '2026-01-15').value).toBe('2026-01-15T20:00Z');
    expect(find('The match starts at 15:00 CET.', '15:00 CET').value).toBe('2026-11-26T14:00Z');
    expect(find('The statement came at noon BST.', 'noon BST', '2026-06-10').value).toBe('2026-06-10T11:00Z');
    expect(find('Trading resumed at 10:00 +02:00.', '10:00 +02:00').value).toBe('2026-11-26T08:00Z');
  });

  it('keeps a time without a zone local, on the day named next to it', () => {
    expect(find('The shop was robbed at 10 p.m. Wednesday.', '10 p.m. Wednesday').value).toBe('2026-11-25T22:00');
  });
});

describe('extractTimeline: entries', () => {
  it('dates a dateline article', () => {
    const t = 'GENEVA, Nov. 24 (Newswire) - Negotiators resumed talks on Tuesday after a pause of two weeks.';
    const entries = extractTimeline(t, { publishedAt: published });
    expect(entries.find((e) => e.text === 'Nov. 24')?.value).toBe('2026-11-24');
    expect(entries.find((e) => e.text === 'Tuesday')?.value).toBe('2026-11-24');
    expect(entries.find((e) => e.text === 'two weeks')?.value).toBe('P2W');
  });

  it('gives each expression the sentence that contains it as its event', () => {
    const t = 'The dam burst on Monday. Rescuers worked for three days.';
    const entries = extractTimeline(t, { publishedAt: published });
    expect(entries.find((e) => e.text === 'Monday')?.event).toBe('The dam burst on Monday.');
    expect(entries.find((e) => e.text === 'three days')?.event).toBe('Rescuers worked for three days.');
    for (const e of entries) expect(t.slice(e.start, e.end)).toBe(e.text);
  });

  it('orders entries by the time they name, durations and vague references last in text order', () => {
    const t = 'Shares fell for two weeks. The firm was founded in 1998. It now employs 300 people. The merger closed on Nov. 2. Profit doubled in March.';
    const entries = extractTimeline(t, { publishedAt: published });
    expect(entries.map((e) => e.text)).toEqual(['1998', 'March', 'Nov. 2', 'two weeks', 'now']);
  });

  it('uses sentences split by the caller instead of splitting again', () => {
    const t = 'The dam burst on Monday. Rescuers worked for three days.';
    expect(extractTimeline(t, { publishedAt: published, sentences: splitSentences(t) })).toEqual(extractTimeline(t, { publishedAt: published }));
    // One caller-made span over the whole text: every event is that span, so the split was not redone.
    const whole = [{ text: t, start: 0, end: t.length }];
    const entries = extractTimeline(t, { publishedAt: published, sentences: whole });
    expect(entries.map((e) => e.event)).toEqual([t, t]);
  });

  it('keeps one entry per occurrence', () => {
    const t = 'Talks began on Monday. The union walked out on Monday too.';
    expect(extractTimeline(t, { publishedAt: published }).filter((e) => e.text === 'Monday')).toHaveLength(2);
  });

  it('returns nothing for empty text', () => {
    expect(extractTimeline('')).toEqual([]);
    expect(extractTimeline('No dates here at all.')).toEqual([]);
  });

  it('orders weeks, quarters and seasons by their first day', () => {
    expect(sortKey({ type: 'DATE', value: '2026-W01' })).toBe(Date.UTC(2025, 11, 29));
    expect(sortKey({ type: 'DATE', value: '2026-Q3' })).toBe(Date.UTC(2026, 6, 1));
    expect(sortKey({ type: 'DURATION', value: 'P3D' })).toBeNull();
    expect(sortKey({ type: 'DATE', value: 'PRESENT_REF' })).toBeNull();
  });
});

describe('extractTimeline: found on the demo feed', () => {
  // 2026-11-26 (published) is a Thursday.
  it('does not tag an age ("24-year-old") as a duration', () => {
    expect(tagTimex('The 24-year-old goalkeeper said he had slept badly. A 52-year-old man was arrested.', { publishedAt: published })).toEqual([]);
    expect(find('The decades-old dispute flared again.', 'decades-old').value).toBe('PXE');
  });

  it('reads "5pm local time (09:00 GMT)" as one time, the restatement in GMT', () => {
    const text = 'Game 9 began at 5pm local time (09:00 GMT) and lasted four hours.';
    expect(find(text, '5pm local time (09:00 GMT)').value).toBe('2026-11-26T09:00Z');
    expect(tagTimex(text, { publishedAt: published }).filter((e) => e.type === 'TIME')).toHaveLength(1);
  });

  it('reads "is on Friday" and "this Friday" as this week\'s Friday', () => {
    expect(find('Game 10 is on Friday, with Li playing white.', 'Friday').value).toBe('2026-11-27');
    expect(find('The vote is this Friday.', 'this Friday').value).toBe('2026-11-27');
    expect(find('This Monday the office was closed.', 'This Monday').value).toBe('2026-11-23');
  });

  it('puts a bare clock time on the day named in the sentence before it', () => {
    const text = 'Two ferries collided on Monday evening. They struck each other at 7.40pm off the terminal.';
    expect(find(text, '7.40pm').value).toBe('2026-11-23T19:40');
    const lead = 'LISBON — Two ferries collided in fog on Monday evening.\n\nThe ferries struck each other at 7.40pm off the terminal.';
    expect(find(lead, '7.40pm').value).toBe('2026-11-23T19:40');
  });

  it('reads a present-tense fixture verb as scheduling the day ("have a rest day on Friday", "hosts Leeds on Saturday")', () => {
    expect(find('The players have a rest day on Friday.', 'Friday').value).toBe('2026-11-27');
    expect(find('The team hosts Leeds on Saturday.', 'Saturday').value).toBe('2026-11-28');
    expect(find('He has been held since Monday.', 'Monday').value).toBe('2026-11-23');
  });
});

describe('extractTimeline: found on articles written for a review', () => {
  it('does not read "a minute red dot" as a minute, nor "the present study" as the present', () => {
    const texts = ['A minute red dot passes for the crosshair in the game.', 'The present study suggests the cap could help patients.'];
    for (const text of texts) expect(tagTimex(text, { publishedAt: published })).toEqual([]);
    expect(tagTimex('The ward reopened a minute later.', { publishedAt: published }).map((e) => e.text)).toEqual(['a minute later']);
    expect(tagTimex('The past is gone and the present is what counts.', { publishedAt: published }).map((e) => e.value)).toContain('PRESENT_REF');
  });

  it('reads "in the summer" by the tense of its verb: a summer that is over, or the one to come', () => {
    expect(find('We came close to a deal in the summer, but it fell through.', 'the summer', '2027-03-02T12:00:00Z').value).toBe('2026-SU');
    expect(find('The club will test him with a bid in the summer.', 'the summer', '2027-03-02T12:00:00Z').value).toBe('2027-SU');
    expect(find('The harvest was poor in the spring.', 'the spring', '2027-10-02T12:00:00Z').value).toBe('2027-SP');
    expect(find('The school will open in the spring.', 'the spring', '2027-10-02T12:00:00Z').value).toBe('2028-SP');
  });

  it('reads "next summer" said in December as next year\'s summer, and "last summer" as this year\'s', () => {
    expect(find('The dig is planned for next summer.', 'next summer', '2026-12-01T12:00:00Z').value).toBe('2027-SU');
    expect(find('The fossil was found last summer.', 'last summer', '2026-12-01T12:00:00Z').value).toBe('2026-SU');
  });

  it('leaves the full stop after "4.30pm" out of the expression, but keeps the one of "p.m."', () => {
    expect(tagTimex('They host the champions next Sunday at 4.30pm.', { publishedAt: published }).map((e) => e.text)).toEqual(['next Sunday at 4.30pm']);
    expect(tagTimex('The talks ended at 10 p.m. on Friday.', { publishedAt: published }).map((e) => e.text)[0]).toMatch(/^10 p\.m\./);
  });

  it('counts "a month earlier" from the month named before it', () => {
    const text = 'The plant closed in February. A month earlier, workers had gone on strike.';
    expect(find(text, 'A month earlier', '2026-06-20T12:00:00Z').value).toBe('2026-01');
  });

  it('reads "will … on March 4" said on March 20 as next year\'s March 4, but keeps "would" open', () => {
    expect(find('The country will hold elections on March 4.', 'March 4', '2026-03-20T12:00:00Z').value).toBe('2027-03-04');
    expect(find('He said the country would hold elections on March 4.', 'March 4', '2026-03-20T12:00:00Z').value).toBe('2026-03-04');
  });

  it('reads a day chosen for a plan ("have earmarked 14 April for a strike") as the coming one, not last year\'s', () => {
    const text = 'The nurses have already earmarked 14 April for a walkout. Talks about the 14 April stoppage resume today.';
    expect(find(text, '14 April', '2027-03-30T12:00:00Z').value).toBe('2027-04-14');
    expect(find('The mill closed on 14 April.', '14 April', '2027-03-30T12:00:00Z').value).toBe('2026-04-14');
  });

  it('reads "the end of the year" before a past verb, told early in a year, as last year\'s end', () => {
    const told = '2027-02-10T12:00:00Z';
    expect(find('"At the end of the year I was worn out," the skier said.', 'the end of the year', told).value).toBe('2026');
    expect(find('The stadium will be finished by the end of the year.', 'the end of the year', told).value).toBe('2027');
    expect(find('At the end of the month the clinic closed its doors.', 'the end of the month', '2027-02-10T12:00:00Z').value).toBe('2027-01');
  });

  it('dates "August of the same year" by the year named last, not by the publication date', () => {
    const text = 'In March 2019 a storm flooded the depot. In August of the same year, a fire closed it again.';
    expect(find(text, 'August', '2027-03-30T12:00:00Z').value).toBe('2019-08');
    expect(find(text, 'the same year', '2027-03-30T12:00:00Z').value).toBe('2019');
  });

  it("does not read the halves and quarters of a game as half-years and quarters, but keeps a company's", () => {
    expect(tagTimex('Keane scored a first-half goal and missed a penalty midway through the second half.', { publishedAt: published })).toEqual([]);
    expect(tagTimex('The home side kicked three field goals in the fourth quarter of the game.', { publishedAt: published })).toEqual([]);
    expect(find('Profits rose in the second half, the retailer said.', 'the second half').value).toMatch(/^\d{4}-H2$/);
  });

  it('dates "the same period in 2003" by its year, and leaves a magazine\'s "Weekly" untagged', () => {
    const text = 'The deficit for the first ten months of 2026 was 30 billion, 4 billion more than the same period in 2025.';
    expect(find(text, 'the same period').value).toBe('2025');
    expect(tagTimex('The winners were picked by an Entertainment Weekly panel.', { publishedAt: published })).toEqual([]);
    expect(find('The paper is published weekly.', 'weekly').value).toBe('P1W');
  });

  it('reads "by the morning" after a day told in the past as the next morning, and "that morning" as the same day\'s', () => {
    const told = '2026-11-25T12:00:00Z';
    expect(find('She lost on Sunday but felt fresh again by the morning.', 'the morning', told).value).toBe('2026-11-23TMO');
    expect(find('She lost on Sunday. That morning she had felt ill.', 'That morning', told).value).toBe('2026-11-22TMO');
  });

  it('does not read "a few second serves" as seconds, but keeps "a few seconds"', () => {
    expect(tagTimex('She missed a few second serves early on.', { publishedAt: published })).toEqual([]);
    expect(find('The lights went out for a few seconds.', 'a few seconds').value).toBe('PTXS');
  });
});

describe('the publisher’s day', () => {
  const article = { id: 'fares', text: 'Rail fares in Tokyo rise by four percent today, the operator said.' };

  it('resolves "today" on the publisher’s clock when its date stated a zone', () => {
    // 00:30 on 7 December in Tokyo is 15:30 UTC on the 6th.
    const tokyo = analyzeArticle({ ...article, publishedAt: '2026-12-06T15:30:00.000Z', publishedOffset: 540 });
    expect(tokyo.timeline.find((t) => t.text === 'today')?.value).toBe('2026-12-07');
    const utc = analyzeArticle({ ...article, publishedAt: '2026-12-06T15:30:00.000Z' });
    expect(utc.timeline.find((t) => t.text === 'today')?.value).toBe('2026-12-06');
  });

  it('writes the instant on that clock', () => {
    expect(onPublisherClock('2026-12-06T15:30:00.000Z', 540)).toBe('2026-12-07T00:30:00+09:00');
    expect(onPublisherClock('2026-12-07T02:00:00.000Z', -300)).toBe('2026-12-06T21:00:00-05:00');
    expect(onPublisherClock('2026-12-07T02:00:00.000Z', undefined)).toBe('2026-12-07T02:00:00.000Z');
  });
});
