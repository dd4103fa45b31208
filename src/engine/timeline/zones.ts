import { addDays, euSummerTime, usDaylightSaving, type Ymd } from './calendar.ts';

// Offsets in minutes east of UTC. Abbreviations that name a region rather than a fixed offset
// ("ET", "Eastern time") follow that region's daylight-saving rules on the date in question.
const FIXED: Record<string, number> = {
  gmt: 0,
  utc: 0,
  z: 0,
  wet: 0,
  bst: 60,
  ist: 330,
  west: 60,
  cet: 60,
  met: 60,
  cest: 120,
  mest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  gst: 240,
  pkt: 300,
  ict: 420,
  wib: 420,
  hkt: 480,
  sgt: 480,
  awst: 480,
  pht: 480,
  jst: 540,
  kst: 540,
  acst: 570,
  aest: 600,
  acdt: 630,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  ast: -240,
  adt: -180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  sast: 120,
  cat: 120,
  eat: 180,
  wat: 60,
  brt: -180,
};

const US_REGIONS: Record<string, number> = { e: -300, c: -360, m: -420, p: -480 };

/** Regex fragment for a stated zone after a time: "GMT", "ET", "Eastern time", "+02:00", "GMT+2". */
export const ZONE = `(?:(?:${Object.keys(FIXED)
  .filter((z) => z !== 'z')
  .map((z) => z.toUpperCase())
  .join('|')})(?:\\s?[+-]\\d{1,2}(?::?\\d\\d)?)?|[ECMP]T|(?:Eastern|Central|Mountain|Pacific)(?: (?:Standard|Daylight))? [Tt]ime|[+-]\\d\\d:?\\d\\d|Z)`;

/** The offset of a stated zone on a given local date, in minutes east of UTC; null if unknown. */
export function zoneOffset(raw: string, date: Ymd): number | null {
  const s = raw.trim();
  const numeric = /^(?:([A-Za-z]+)\s?)?([+-])(\d{1,2}):?(\d\d)?$/.exec(s);
  if (numeric) {
    const base = numeric[1] ? FIXED[numeric[1].toLowerCase()] : 0;
    if (base === undefined) return null;
    const sign = numeric[2] === '-' ? -1 : 1;
    return base + sign * (Number(numeric[3]) * 60 + Number(numeric[4] ?? 0));
  }
  const lower = s.toLowerCase();
  const fixed = FIXED[lower];
  if (fixed !== undefined) return fixed;
  const region = /^([ecmp])t$/.exec(lower)?.[1] ?? /^(eastern|central|mountain|pacific)(?: (standard|daylight))? time$/.exec(lower);
  if (typeof region === 'string') return US_REGIONS[region]! + (usDaylightSaving(date) ? 60 : 0);
  if (region) {
    const base = US_REGIONS[region[1]![0]!]!;
    if (region[2] === 'standard') return base;
    if (region[2] === 'daylight') return base + 60;
    return base + (usDaylightSaving(date) ? 60 : 0);
  }
  return null;
}

/** Whether a European zone name implies summer time on that date (used to sanity-check CET/CEST). */
export function europeanSummer(date: Ymd): boolean {
  return euSummerTime(date);
}

/** Converts a local wall-clock time at `offset` minutes east of UTC to UTC, moving the date as needed. */
export function toUtc(date: Ymd, hour: number, minute: number, offset: number): { date: Ymd; hour: number; minute: number } {
  let total = hour * 60 + minute - offset;
  let day = 0;
  while (total < 0) {
    total += 1440;
    day--;
  }
  while (total >= 1440) {
    total -= 1440;
    day++;
  }
  return { date: addDays(date, day), hour: Math.floor(total / 60), minute: total % 60 };
}

/**
 * The offset implied by a local time and the same instant stated in UTC ("11.43am (02:43 GMT)"),
 * in minutes, normalised to the range real zones use (-12h..+14h).
 */
export function impliedOffset(localMinutes: number, utcMinutes: number): number {
  let off = localMinutes - utcMinutes;
  while (off > 14 * 60) off -= 1440;
  while (off < -12 * 60) off += 1440;
  return off;
}
