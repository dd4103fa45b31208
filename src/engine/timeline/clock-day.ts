import { addDays, diffDays, sameDay, type Ymd } from './calendar.ts';
import type { Reference } from './reference.ts';
import { utcOf } from './rules-times.ts';
import type { Candidate, ClockTime } from './types.ts';
import { impliedOffset, toUtc, zoneOffset } from './zones.ts';

// A bare clock time told in the past ("the crash happened shortly before 7.45pm") cannot be later
// than the article's publication: in a follow-up published at 16:05 it is the evening before. The
// clock time is the story's local time; the publication time is on the publisher's clock when the
// feed stated its zone (Article.publishedOffset), else UTC. Where the article restates a local time in another zone ("5pm local time (09:00
// GMT)") the story's offset is known and the two are compared on the story's clock. Otherwise
// they are compared as given, which is wrong for a story told in a zone far from the
// publication's (a 10:35 a.m. blast in Nairobi in a report filed at 8 a.m. in New York), so the
// day before is taken only when the article itself speaks of that day too (a follow-up's "on
// Monday night").

/**
 * The story's offset in minutes east of UTC, when the article restates a local clock time in a
 * stated zone ("11.43am (02:43 GMT)", "5pm local time (09:00 GMT)"); null when it does not.
 */
export function storyOffset(cands: readonly Candidate[], date: Ymd): number | null {
  for (const { clock: c } of cands) {
    if (!c || c.zone || !c.restated || c.hour === 24) continue;
    const off = zoneOffset(c.restated.zone, date);
    if (off !== null) return impliedOffset(c.hour * 60 + c.minute, c.restated.hour * 60 + c.restated.minute - off);
  }
  return null;
}

/** The publication time on the story's clock (`exact`) or as given, in minutes after midnight; null without a time of day. */
export function publicationClock(ref: Reference, offset: number | null): { date: Ymd; minutes: number; exact: boolean } | null {
  if (ref.hour === null) return null;
  const minute = ref.minute ?? 0;
  if (offset === null || ref.offset === null) return { date: ref.date, minutes: ref.hour * 60 + minute, exact: false };
  const local = toUtc(ref.date, ref.hour, minute, ref.offset - offset);
  return { date: local.date, minutes: local.hour * 60 + local.minute, exact: true };
}

/**
 * The day of a bare past-tense clock time that has no day in its own sentence: `day` (the day of
 * the sentence before, or null for none), or the day before it when the time is later than the
 * publication on that day. `named` says whether the article names a given day.
 */
export function dayOfPastClock(day: Ymd | null, clock: ClockTime, ref: Reference, offset: number | null, named: (d: Ymd) => boolean): Ymd {
  const pub = publicationClock(ref, offset);
  if (!pub || clock.hour === 24) return day ?? ref.date;
  // A time with a stated zone is an instant: compared with the publication's when that is one too.
  const given = day ?? ref.date;
  const utc = utcOf(given, clock);
  if (utc) {
    if (ref.offset === null) return given;
    const at = toUtc(ref.date, ref.hour ?? 0, ref.minute ?? 0, ref.offset);
    const later = diffDays(utc.date, at.date) * 1440 + (utc.hour - at.hour) * 60 + (utc.minute - at.minute) > 0;
    return later ? addDays(given, -1) : given;
  }
  // With the story's clock known, a time with no day at all is on the story's publication day.
  const base = day ?? (pub.exact ? pub.date : ref.date);
  if (!sameDay(base, pub.date) || clock.hour * 60 + clock.minute <= pub.minutes) return base;
  const before = addDays(base, -1);
  return pub.exact || named(before) ? before : base;
}

/**
 * The day an earlier sentence gave the same event, for a dayless clock time in a passive clause
 * ("Slepian was shot to death last Oct. 23 … He was shot to death at 10 p.m. as he stood …"): a
 * follow-up retells the event after other days have been named, so neither the day of the
 * sentence before nor the publication day is the event's. Null when no earlier day follows the
 * same participle.
 */
export function dayOfSameEvent(text: string, start: number, days: readonly { pos: number; day: Ymd }[]): Ymd | null {
  const verb = /\b(?:was|were)\s+([a-z]+(?:ed|en|t)(?:\s+to\s+death)?)\s+(?:at|around|about|shortly\s+(?:before|after))\s+$/i.exec(
    text.slice(Math.max(0, start - 60), start),
  );
  if (!verb) return null;
  const phrase = new RegExp(`\\b${verb[1]!.replace(/\s+/g, '\\s+')}\\b[^.;]{0,20}$`, 'i');
  for (let i = days.length - 1; i >= 0; i--) {
    const d = days[i]!;
    if (d.pos >= start - verb[0].length) continue;
    if (phrase.test(text.slice(Math.max(0, d.pos - 60), d.pos))) return d.day;
  }
  return null;
}

/**
 * Whether a clock time is on a day counted from another event ("at 6 a.m. ten days before the
 * shooting", "at 6 a.m. near his home 10 days before the murder"): that day is not the one of the
 * sentence before nor the publication day, and stays unknown when its own sentence names none.
 */
export function onCountedDay(text: string, end: number): boolean {
  return /^[^.;:!?]{0,40}?\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:days?|weeks?|months?)\s+(?:before|after|earlier|later)\b/i.test(
    text.slice(end, end + 80),
  );
}
