import type { TimelineEntry } from './types.ts';

// How a timeline entry's TimeML value reads to a person ("Mon 23 Nov 2026, evening" rather than
// "2026-11-23TEV") and where it falls in time order. The value itself stays in JSON output; this is
// only what the chat shows.

/**
 * Entries a timeline shows: those that place something in time (dates and times, resolved or not),
 * not durations, sets or "now".
 */
export function isDated(entry: TimelineEntry): boolean {
  return (entry.type === 'DATE' || entry.type === 'TIME') && !/_REF$/.test(entry.value);
}

/**
 * A short readable label for a dated value. A value the article does not pin to the calendar
 * ("Tuesday" in text with no date) reads as "date not given" rather than "XXXX-WXX-2".
 */
export function timeLabel(value: string): string {
  const label = formatValue(value);
  return label === value && !/^\d{4}$/.test(value) ? 'date not given' : label;
}

const PARTS_OF_DAY: Record<string, { sort: string; label: string }> = {
  MO: { sort: '06:00', label: 'morning' },
  MI: { sort: '12:00', label: 'midday' },
  AF: { sort: '14:00', label: 'afternoon' },
  EV: { sort: '18:00', label: 'evening' },
  NI: { sort: '22:00', label: 'night' },
  DT: { sort: '09:00', label: 'daytime' },
};
const SEASONS: Record<string, { month: string; label: string }> = {
  SP: { month: '03', label: 'spring' },
  SU: { month: '06', label: 'summer' },
  FA: { month: '09', label: 'autumn' },
  WI: { month: '12', label: 'winter' },
};
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A TimeML value as a string that sorts in time order: weeks, quarters, seasons and parts of a day placed where they fall. */
export function sortKey(value: string): string {
  let key = value.replace(/^(\d{3})X$/, '$1');
  key = key.replace(/T(MO|MI|AF|EV|NI|DT)$/, (_, part: string) => `T${PARTS_OF_DAY[part]!.sort}`);
  key = key.replace(/^(\d{4})-Q([1-4])$/, (_, year: string, quarter: string) => `${year}-${String((Number(quarter) - 1) * 3 + 1).padStart(2, '0')}`);
  key = key.replace(/^(\d{4})-(SP|SU|FA|WI)$/, (_, year: string, season: string) => `${year}-${SEASONS[season]!.month}`);
  const week = /^(\d{4})-W(\d{2})/.exec(key);
  if (week) key = isoWeekMonday(Number(week[1]), Number(week[2]));
  return key;
}

function isoWeekMonday(year: number, week: number): string {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (week - 1) * 7 * 86_400_000);
  return monday.toISOString().slice(0, 10);
}

/** "2026-11-24T07:40" -> "Tue 24 Nov 2026, 07:40"; "2027-03" -> "March 2027"; unknown shapes as given. */
export function formatValue(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:T(.+))?$/.exec(value);
  if (day) {
    const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    const label = `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]!.slice(0, 3)} ${date.getUTCFullYear()}`;
    const time = day[4];
    if (!time) return label;
    const part = PARTS_OF_DAY[time];
    if (part) return `${label}, ${part.label}`;
    const clock = /^(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:?\d{2})?$/.exec(time);
    return clock ? `${label}, ${clock[1]}${clock[2] === 'Z' ? ' UTC' : clock[2] ? ` (UTC${clock[2]})` : ''}` : `${label} ${time}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (season) return `${SEASONS[season[2]!]!.label} ${season[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) return `week ${Number(week[2])} of ${week[1]}`;
  // TimeML writes a decade as its first three digits ("195", or "195X" for "1950s" without "the")
  // and a century as its first two ("19": the 1900s).
  const decade = /^(\d{3})X?$/.exec(value);
  if (decade) return `the ${decade[1]}0s`;
  const century = /^(\d{2})$/.exec(value);
  if (century) return `the ${century[1]}00s`;
  return value;
}
