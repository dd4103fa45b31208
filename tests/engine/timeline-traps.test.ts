import { describe, expect, it } from 'vitest';
import { tagTimex } from '../../src/engine/timeline.ts';

// Articles written for these tests. Published on Monday 7 December 2026.
const publishedAt = '2026-12-07T09:00:00Z';
const values = (text: string) => tagTimex(text, { publishedAt }).map((t) => [t.text, t.value]);

describe('timeline traps in real news', () => {
  it('resolves relative dates inside a quoted older email against the email’s date', () => {
    const text =
      'In an email dated March 3, 2019, the treasurer wrote: "We will pay the contractor tomorrow and close the books next week." The council published the email on Friday.';
    expect(values(text)).toEqual([
      ['March 3, 2019', '2019-03-03'],
      ['tomorrow', '2019-03-04'],
      ['next week', '2019-W10'],
      ['Friday', '2026-12-04'],
    ]);
  });

  it('leaves relative dates in an undated quoted document unresolved, never dated to the article', () => {
    const text =
      'The treasurer wrote in an email to staff: "We will pay the contractor tomorrow and close the books next week." The council released it yesterday.';
    expect(values(text)).toEqual([
      ['tomorrow', 'XXXX-XX-XX'],
      ['next week', 'XXXX-WXX'],
      ['yesterday', '2026-12-06'],
    ]);
  });

  it('finds the document however it is spelled ("e-mail", "MEMO")', () => {
    const email = 'By Sunday the mayor had apologised. In an e-mail sent Dec. 1, 2025, his aide wrote: "The permits go out tomorrow."';
    expect(values(email)).toEqual([
      ['Sunday', '2026-12-06'],
      ['Dec. 1, 2025', '2025-12-01'],
      ['tomorrow', '2025-12-02'],
    ]);
    expect(values('The council read out a MEMO: "Bins are collected tomorrow." It was undated.')).toEqual([['tomorrow', 'XXXX-XX-XX']]);
  });

  it('points weekdays forward in a week-ahead piece', () => {
    const text =
      'The week ahead: what to watch\nThe central bank sets rates on Wednesday. Parliament debates the budget Thursday, and the jobs report comes out on Friday.';
    const days = values(text).filter(([t]) => /day$/.test(t!));
    expect(days).toEqual([
      ['Wednesday', '2026-12-09'],
      ['Thursday', '2026-12-10'],
      ['Friday', '2026-12-11'],
    ]);
    // The same sentences in an ordinary report look back.
    expect(values('The central bank set rates on Wednesday.')).toEqual([['Wednesday', '2026-12-02']]);
  });

  it('does not tag papers and shows named after a day, "the fall of" something, or "second chances"', () => {
    const text =
      'She wrote for the Sunday Times and appeared on Saturday Night Live and the Today programme. The Mail on Sunday said so. The fall of the old regime came a quarter-century ago, and he has had second chances. The fall of 2025 was wet.';
    expect(values(text)).toEqual([
      ['a quarter-century', 'P25Y'],
      ['The fall of 2025', '2025-FA'],
    ]);
  });

  it('finds "over the weekend"', () => {
    expect(values('Police made three arrests over the weekend, the mayor said on Monday.')).toEqual([
      ['the weekend', '2026-W49-WE'],
      ['Monday', '2026-12-07'],
    ]);
  });
});

describe('a month and day without a year follows the tense of its verb', () => {
  // Written for these tests, published on Monday 2 November 2026.
  const atNov2 = (text: string) => tagTimex(text, { publishedAt: '2026-11-02T12:00:00Z' }).map((t) => [t.text, t.value]);
  const atMar20 = (text: string) => tagTimex(text, { publishedAt: '2026-03-20T12:00:00Z' }).map((t) => [t.text, t.value]);

  it('dates a past act to the last such day, though the next one is nearer', () => {
    expect(atNov2('The paper mill closed on March 3, and its last workers were arrested on March 5 at a sit-in.')).toEqual([
      ['March 3', '2026-03-03'],
      ['March 5', '2026-03-05'],
    ]);
    expect(atNov2('The mayor said on March 10 that the bridge was safe.')).toEqual([['March 10', '2026-03-10']]);
  });

  it('keeps a coming day told after a past verb, a day that is due, and one without a cue ahead', () => {
    expect(atNov2('The board said the dividend is payable Jan. 4.')).toEqual([['Jan. 4', '2027-01-04']]);
    expect(atNov2('The deadline was extended to Nov. 20.')).toEqual([['Nov. 20', '2026-11-20']]);
    expect(atMar20('The inspectors’ report is due on March 3, and the shop will open on March 4.')).toEqual([
      ['March 3', '2027-03-03'],
      ['March 4', '2027-03-04'],
    ]);
    // Without a tense cue, the nearer one.
    expect(atNov2('The hearing is on March 3.')).toEqual([['March 3', '2027-03-03']]);
  });
});

describe('a month and day without a year that names the day named last again', () => {
  it('takes that day’s year', () => {
    const text = 'The bridge toll took effect on March 30, 2025. Drivers have paid £4 million since March 30, the council said.';
    expect(values(text)).toEqual([
      ['March 30, 2025', '2025-03-30'],
      ['March 30', '2025-03-30'],
    ]);
  });
});

describe('"overnight" is a night only when it dates an event of the story', () => {
  it('tags the overnight of an event verb or of "the overnight raid", not idioms for "suddenly" or kinds of thing', () => {
    const events =
      'Fighting continued overnight in the north, and two men were arrested overnight. Overnight, rebels shelled the port. The overnight raid killed four.';
    expect(values(events)).toEqual([
      ['overnight', '2026-12-06TNI'],
      ['overnight', '2026-12-06TNI'],
      ['Overnight', '2026-12-06TNI'],
      ['overnight', '2026-12-06TNI'],
    ]);
    const idioms =
      'The town changed overnight. Overnight, the baker became a contender. Her novel was an overnight success, and the reforms will not happen overnight. He served six months of overnight confinement.';
    expect(values(idioms)).toEqual([['six months', 'P6M']]);
  });
});
