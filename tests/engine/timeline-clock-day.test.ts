import { describe, expect, it } from 'vitest';
import { tagTimex } from '../../src/engine/timeline.ts';

// A bare clock time told in the past cannot be later than the article's publication: in a
// follow-up published the next afternoon, "shortly before 7.45pm" is the evening before. The
// articles are written for this test; Tuesday 24 November 2026 is the publication day.
const valueIn = (text: string, publishedAt: string, words: string): string | undefined =>
  tagTimex(text, { publishedAt }).find((t) => t.text.includes(words))?.value;

const FOLLOW_UP =
  'Divers were still searching the river on Tuesday for a passenger missing since two ferries collided on Monday night.\n\n' +
  'The larger boat struck the pier shortly before 7.45pm, witnesses said. The operator has suspended the route.';

describe('timeline: a bare clock time in a follow-up', () => {
  it('puts a past time later than the publication time on the day before', () => {
    // Published at 14:00 on Tuesday: 7.45pm on Tuesday has not happened yet.
    expect(valueIn(FOLLOW_UP, '2026-11-24T14:00:00Z', '7.45pm')).toBe('2026-11-23T19:45');
    // The same words in a story that has no day of its own in the sentence before.
    const plain =
      'Fourteen people were hurt when two ferries collided on Monday night. Rescue boats arrived within minutes.\n\nThe larger boat struck the pier shortly before 7.45pm.';
    expect(valueIn(plain, '2026-11-24T14:00:00Z', '7.45pm')).toBe('2026-11-23T19:45');
  });

  it('keeps the publication day when the time is earlier than the publication, or not in the past', () => {
    const text = 'Two ferries collided on Monday night. Nobody was hurt.\n\nA third boat left the quay at 7.45pm.';
    expect(valueIn(text, '2026-11-24T21:30:00Z', '7.45pm')).toBe('2026-11-24T19:45');
    expect(valueIn(text, '2026-11-24T14:00:00Z', '7.45pm')).toBe('2026-11-23T19:45');
    const ahead = 'Ferry crossings were suspended on Monday night. Nobody was hurt.\n\nThe first boat will leave the quay at 7.45pm.';
    expect(valueIn(ahead, '2026-11-24T14:00:00Z', '7.45pm')).toBe('2026-11-24T19:45');
  });

  it('keeps the day the sentence itself names', () => {
    const text = 'Crossings resumed on Tuesday. On Tuesday the first ferry left the quay at 7.45pm, the operator said.';
    expect(valueIn(text, '2026-11-24T14:00:00Z', '7.45pm')).toBe('2026-11-24T19:45');
  });

  it('without the story’s zone, moves the time only when the article speaks of the day before', () => {
    // Filed at 8 a.m. in New York about a blast in Nairobi, where it was already 4 p.m.: the
    // article names no earlier day, so its 10:35 a.m. stays on the publication day.
    const nairobi =
      'A bomb exploded outside the embassy in Nairobi on Tuesday, killing four people. The blast, at 10:35 a.m., shattered windows across the district.';
    expect(valueIn(nairobi, '2026-11-24T08:00', '10:35 a.m.')).toBe('2026-11-24T10:35');
  });

  it('compares on the story’s clock when the article gives its zone', () => {
    // "local time (01:50 GMT)" puts the story at UTC+9. At 12:00 UTC it is 21:00 there, so a 7pm
    // told in the past is that evening, although 19:00 is later than 12:00 and Monday is named.
    const quake =
      'A strong earthquake struck northern Japan at 10.50am local time (01:50 GMT), the meteorological agency said. The last aftershock was felt at 7pm. Schools had closed on Monday for a holiday.';
    expect(valueIn(quake, '2026-11-24T12:00:00Z', '7pm')).toBe('2026-11-24T19:00');
    // At 06:00 UTC (15:00 there) a 7pm can only be the evening before, and so can a time stated
    // in UTC that is later than the publication.
    const night = 'The earthquake struck at 9.20pm local time (12:20 GMT), the agency said. The first aftershock came at 11pm.';
    expect(valueIn(night, '2026-11-24T06:00:00Z', '12:20 GMT')).toBe('2026-11-23T12:20Z');
    expect(valueIn(night, '2026-11-24T06:00:00Z', '11pm')).toBe('2026-11-23T23:00');
    // Published at 14:00 UTC, 23:00 there: the same evening.
    expect(valueIn(night, '2026-11-24T14:00:00Z', '12:20 GMT')).toBe('2026-11-24T12:20Z');
    expect(valueIn(night, '2026-11-24T14:00:00Z', '11pm')).toBe('2026-11-24T23:00');
    // West of UTC: at 03:00 UTC on the 24th it is 22:00 on the 23rd in New York (UTC-5), so a
    // time with no day near it is on the 23rd, the story's publication day, not the 24th.
    const storm = 'The storm reached the coast at 4pm local time (21:00 GMT), the weather service said.\n\nPower failed across the city at 8pm.';
    expect(valueIn(storm, '2026-11-24T03:00:00Z', '8pm')).toBe('2026-11-23T20:00');
  });
});
