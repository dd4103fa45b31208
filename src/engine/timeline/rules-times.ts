import { fmtDate, fmtTime, type Ymd } from './calendar.ts';
import { parseNumber } from './lexicon.ts';
import type { ClockTime, Resolved, Rule } from './types.ts';
import { ZONE, impliedOffset, toUtc, zoneOffset } from './zones.ts';

// Clock times: "3pm ET", "10:35 a.m.", "15:00 CET", "noon BST", "11.43am (02:43 GMT)", "0735 GMT",
// "4 in the morning". A stated zone makes the value UTC (with Z) and can move the date;
// without one the time stays local, as TimeML wants.

const CORE = `(?:(\\d{1,2})(?:[:.](\\d\\d))?\\s?([ap])\\.?\\s?m\\b\\.?|(\\d{1,2})[:.](\\d\\d)(?::\\d\\d)?(?![\\d.,:])|(noon|midnight|midday)|(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: o'clock)?\\s+in\\s+the\\s+(morning|afternoon|evening)|(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o'clock|\\b([01]\\d|2[0-3])([0-5]\\d)(?=\\s?(?:GMT|UTC|Z)\\b))`;
// "3pm ET", "3pm (ET)"; a ")" is taken only with its "(": in "(09:00 GMT)" it closes a bracket opened before the time.
const TAIL_ZONE = new RegExp(`\\s?(?:\\((${ZONE})\\)|(${ZONE})\\b)`, 'y');
// "11.43am (02:43 GMT)", "5pm local time (09:00 GMT)": one instant, told twice.
const TAIL_RESTATED = new RegExp(`(?:\\s+local\\s+time,?)?\\s?\\(\\s?(?:or\\s+)?(${CORE})\\s?(${ZONE})\\s?\\)`, 'iy');
const CORE_ONLY = new RegExp(`^${CORE}$`, 'i');

function clockOf(m: RegExpExecArray | RegExpMatchArray, base = 0): { hour: number; minute: number; dotted: boolean } | null {
  const g = (i: number): string | undefined => m[base + i];
  let hour: number;
  let minute = 0;
  let dotted = false;
  if (g(1) !== undefined) {
    hour = Number(g(1));
    minute = Number(g(2) ?? 0);
    if (hour < 1 || hour > 12) return null;
    if (g(3)!.toLowerCase() === 'p' && hour < 12) hour += 12;
    if (g(3)!.toLowerCase() === 'a' && hour === 12) hour = 0;
  } else if (g(4) !== undefined) {
    hour = Number(g(4));
    minute = Number(g(5));
    dotted = !m[base]!.includes(':');
  } else if (g(6) !== undefined) {
    hour = /midnight/i.test(g(6)!) ? 24 : 12;
  } else if (g(7) !== undefined) {
    hour = parseNumber(g(7)!) ?? -1;
    if (hour < 1 || hour > 12) return null;
    if (!/morning/i.test(g(8)!) && hour < 12) hour += 12;
  } else if (g(9) !== undefined) {
    hour = parseNumber(g(9)!) ?? -1;
    if (hour < 1 || hour > 12) return null;
  } else {
    hour = Number(g(10));
    minute = Number(g(11));
  }
  if (hour > 24 || minute > 59) return null;
  return { hour, minute, dotted };
}

/** The UTC time of a clock time on a local day, when its zone is stated (or it is restated in one); else null. */
export function utcOf(day: Ymd, c: ClockTime): { date: Ymd; hour: number; minute: number } | null {
  if (c.restated) {
    const off2 = zoneOffset(c.restated.zone, day);
    if (off2 !== null) {
      const utcMinutes = c.restated.hour * 60 + c.restated.minute - off2;
      const local = c.zone ? null : impliedOffset(c.hour * 60 + c.minute, utcMinutes);
      const off = local ?? zoneOffset(c.zone!, day) ?? impliedOffset(c.hour * 60 + c.minute, utcMinutes);
      return toUtc(day, c.hour, c.minute, off);
    }
  }
  if (c.zone) {
    const off = zoneOffset(c.zone, day);
    if (off !== null) return toUtc(day, c.hour, c.minute, off);
  }
  return null;
}

/** Puts a clock time on a day; converts to UTC when a zone is stated (or restated in brackets). */
export function timeOn(day: Ymd | null, c: ClockTime): Resolved {
  const hour = c.hour === 24 ? 24 : c.hour;
  if (!day) {
    const hh = String(hour).padStart(2, '0');
    return { value: `XXXX-XX-XXT${hh}:${String(c.minute).padStart(2, '0')}`, type: 'TIME' };
  }
  const u = utcOf(day, c);
  if (u) return { value: fmtTime(u.date, u.hour, u.minute, true), type: 'TIME', day };
  if (hour === 24) return { value: `${fmtDate(day)}T24:00`, type: 'TIME', day };
  return { value: fmtTime(day, hour, c.minute, false), type: 'TIME', day };
}

export const TIME_RULES: Rule[] = [
  {
    name: 'clock',
    re: new RegExp(`(?<![\\d.,:$£€])\\b${CORE}`, 'gi'),
    priority: 2,
    build: (m, text) => {
      const base = clockOf(m);
      if (!base) return null;
      // "high noon" is a showdown (and a film), not twelve o'clock.
      if (m[6] !== undefined && /\bhigh\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return null;
      let end = m.index + m[0].length;
      // "at 4.30pm." ends a sentence: the full stop belongs to the time only after "p.m".
      if (/[ap]m\.$/i.test(m[0]) && !/[ap]\.\s?m\.$/i.test(m[0])) end -= 1;
      let zone: string | null = null;
      TAIL_ZONE.lastIndex = end;
      const z = TAIL_ZONE.exec(text);
      if (z) {
        zone = (z[1] ?? z[2])!;
        end = z.index + z[0].length;
      }
      // "14.30" with a dot is a clock time only with a zone or "hrs"; otherwise it is likely a number.
      if (base.dotted && !zone && !/^\s?(?:hrs|h)\b/i.test(text.slice(end, end + 5))) return null;
      if (m[10] !== undefined && !zone) return null;
      let restated: ClockTime['restated'] = null;
      TAIL_RESTATED.lastIndex = end;
      const r = TAIL_RESTATED.exec(text);
      if (r) {
        const inner = CORE_ONLY.exec(r[1]!);
        const c2 = inner ? clockOf(inner) : null;
        const zone2 = r[r.length - 1]!;
        if (c2 && /^[A-Z+-]/.test(zone2)) {
          restated = { hour: c2.hour, minute: c2.minute, zone: zone2 };
          end = r.index + r[0].length;
        }
      }
      const clock: ClockTime = { hour: base.hour, minute: base.minute, zone, restated };
      const start = m.index;
      return {
        type: 'TIME',
        end,
        clock,
        resolve: (ctx) => timeOn(ctx.clockDay(start, end, clock), clock),
      };
    },
  },
];
