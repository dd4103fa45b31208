import { addDays, addMonths, addQuarters, fmtDate, fmtMonth, fmtQuarter, fmtWeek, fmtYear, isValidDate, quarterOf, weekday, type Ymd } from './calendar.ts';
import type { Resolved, Tense } from './types.ts';
import type { Reference } from './reference.ts';

// Value builders for expressions relative to the publication time. Without a publication time
// TimeML leaves the unknown part as X ("XXXX-XX-XX"), which is what these return then.

// Without a tense cue a later date must be this much nearer than an earlier one to be chosen:
// news mostly reports what has happened.
const FUTURE_WEIGHT = 1.6;

export type Grain = 'D' | 'W' | 'M' | 'Q' | 'H' | 'Y' | 'E' | 'C' | 'WE';

export function dayValue(day: Ymd | null): Resolved {
  return day ? { value: fmtDate(day), day } : { value: 'XXXX-XX-XX' };
}

/** The period `n` grains away from the reference day ("last week" is n = -1). */
export function shifted(ref: Reference | null, grain: Grain, n: number): Resolved {
  if (!ref) return { value: unknownOf(grain) };
  const t = ref.date;
  switch (grain) {
    case 'D':
      return dayValue(addDays(t, n));
    case 'W':
      return { value: fmtWeek(addDays(t, 7 * n)) };
    case 'WE':
      return { value: `${fmtWeek(addDays(t, 7 * n + (weekday(t) === 7 ? -1 : 0)))}-WE` };
    case 'M': {
      const r = addMonths(t.y, t.m, n);
      return { value: fmtMonth(r.y, r.m) };
    }
    case 'Q': {
      const r = addQuarters(t.y, quarterOf(t.m), n);
      return { value: fmtQuarter(r.y, r.q) };
    }
    case 'H': {
      const half = t.m <= 6 ? 1 : 2;
      const total = t.y * 2 + (half - 1) + n;
      return { value: `${fmtYear(Math.floor(total / 2))}-H${(total % 2) + 1}` };
    }
    case 'Y':
      return { value: fmtYear(t.y + n) };
    case 'E':
      return { value: String(Math.floor(t.y / 10) + n) };
    case 'C':
      return { value: String(Math.floor(t.y / 100) + n) };
  }
}

export function unknownOf(grain: Grain): string {
  switch (grain) {
    case 'D':
      return 'XXXX-XX-XX';
    case 'W':
      return 'XXXX-WXX';
    case 'WE':
      return 'XXXX-WXX-WE';
    case 'M':
      return 'XXXX-XX';
    case 'Q':
      return 'XXXX-QX';
    case 'H':
      return 'XXXX-HX';
    default:
      return 'XXXX';
  }
}

/** The weekday nearest the reference day in the direction the tense suggests (same day counts). */
export function resolveWeekday(ref: Reference | null, wd: number, tense: Tense, shift = 0): Resolved {
  if (!ref) return { value: 'XXXX-XX-XX' };
  const today = weekday(ref.date);
  let delta: number;
  if (shift < 0) delta = -((today - wd + 7) % 7 || 7) - 7 * (-shift - 1);
  else if (shift > 0) delta = ((wd - today + 7) % 7 || 7) + 7 * (shift - 1);
  else if (tense === 'future') delta = (wd - today + 7) % 7;
  else delta = -((today - wd + 7) % 7);
  return dayValue(addDays(ref.date, delta));
}

/** The given ISO weekday (Monday 1 … Sunday 7) of the reference's Monday-to-Sunday week. */
export function resolveWeekdayThisWeek(ref: Reference | null, wd: number): Resolved {
  if (!ref) return { value: 'XXXX-XX-XX' };
  const iso = (d: number): number => (d + 6) % 7;
  return dayValue(addDays(ref.date, iso(wd) - iso(weekday(ref.date))));
}

/** A month named without a year: the nearer one (leaning to the past), or the last/next one when the tense says so. */
export function resolveMonth(ref: Reference | null, month: number, tense: Tense, shift = 0): Resolved {
  if (!ref) return { value: `XXXX-${String(month).padStart(2, '0')}` };
  const cur = ref.date.m;
  let y = ref.date.y;
  if (shift < 0)
    y = month < cur - 1 ? y : y - 1; // "last February" said in March is a year back
  else if (shift > 0) y = month > cur ? y : y + 1;
  else if (tense === 'past') y = month <= cur ? y : y - 1;
  else if (tense === 'future') y = month >= cur ? y : y + 1;
  // Without a cue, the nearer one, leaning to the past as news does (the same weight as
  // resolveMonthDay): "in March" said in October is last March, "in January" next January.
  else if (month !== cur) {
    const back = (cur - month + 12) % 12;
    const forward = (12 - back) * FUTURE_WEIGHT < back;
    if (forward) y = month > cur ? y : y + 1;
    else y = month < cur ? y : y - 1;
  }
  return { value: fmtMonth(y, month) };
}

/**
 * "Nov. 25" without a year: the year that puts the day nearest the reference, nudged by tense.
 * `closed`: the wording says the day has passed ("the quarter ended Jan. 31"), so never a later one.
 */
/** `closed`: the tense is certain ("the quarter ended Sept. 30", "will vote on March 4"), so the other direction is all but ruled out. */
export function resolveMonthDay(ref: Reference | null, month: number, day: number, tense: Tense, wd?: number, closed = false): Resolved {
  if (!ref) return { value: `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  let best: Ymd | null = null;
  let bestScore = Infinity;
  for (const y of [ref.date.y - 1, ref.date.y, ref.date.y + 1]) {
    if (!isValidDate(y, month, day)) continue;
    const cand = { y, m: month, d: day };
    const diff = (Date.UTC(y, month - 1, day) - Date.UTC(ref.date.y, ref.date.m - 1, ref.date.d)) / 86_400_000;
    let score = Math.abs(diff);
    // News mostly reports the past: a future date must be much nearer to win without a cue.
    if (tense === 'past' && diff > 0) score += closed ? 1000 : 120;
    if (tense === 'future' && diff < 0) score += closed ? 1000 : 120;
    if (wd !== undefined && weekday(cand) !== wd) score += 1000;
    if (tense === 'none' && diff > 0) score *= FUTURE_WEIGHT;
    if (score < bestScore) {
      bestScore = score;
      best = cand;
    }
  }
  return dayValue(best);
}
