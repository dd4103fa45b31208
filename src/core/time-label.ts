import type { TimelineEntry } from './types.ts';

// How a timeline entry's TimeML value reads to a person: "Mon 23 Nov 2026, evening" rather than
// "2026-11-23TEV". The value itself stays in JSON output; this is only what the chat shows.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const PARTS: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };

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
  const day = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})|T(MO|AF|EV|NI|DT))?/.exec(value);
  if (day) {
    const [, y, m, d, hh, mm, part] = day;
    const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay()];
    const date = `${weekday} ${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
    if (hh) return `${date}, ${hh}:${mm}${/Z$/.test(value) ? ' UTC' : ''}`;
    return part ? `${date}, ${PARTS[part]}` : date;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(value);
  if (week) return `week ${Number(week[2])} of ${week[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(value);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (season) return `${SEASONS[season[2]!]} ${season[1]}`;
  return /^\d{4}$/.test(value) ? value : 'date not given';
}
