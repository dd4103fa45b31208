// Feed dates as feeds write them: RFC 822 (with or without a weekday, two-digit years, named and
// military zones), W3C-DTF / ISO 8601 (date only, no seconds, no colon in the offset, a space for the
// "T"). A date without a zone is read as UTC, never as the server's local time.

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  edt: -4,
  est: -5,
  cdt: -5,
  cst: -6,
  mdt: -6,
  mst: -7,
  pdt: -7,
  pst: -8,
};

const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC822 = /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([a-z]+|[+-]\d{2}:?\d{2})?$/i;

/** Offset in minutes of "+05:30", "-0800", "EST", "Z". */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3] ?? 0));
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named * 60;
  // RFC 822's military letters were defined with the wrong sign; RFC 2822 says to read them as UTC.
  if (/^[a-ik-y]$/i.test(zone)) return 0;
  return undefined;
}

function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offset: number): number {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return Number.NaN;
  return Date.UTC(year, month, day, hour, minute, second, ms) - offset * 60_000;
}

/**
 * Milliseconds since the epoch (NaN when unreadable) and the zone the date states, in minutes east
 * of UTC (0 when it states none, or only as a free-form "GMT+0100").
 */
function readDate(value: string): { time: number; offset: number } {
  const input = value.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(input);
  if (iso) {
    const offset = offsetMinutes(iso[8]);
    if (offset === undefined) return { time: Number.NaN, offset: 0 };
    const fraction = iso[7] ? Math.round(Number(`0.${iso[7]}`) * 1000) : 0;
    const time = utc(
      Number(iso[1]),
      iso[2] ? Number(iso[2]) - 1 : 0,
      iso[3] ? Number(iso[3]) : 1,
      Number(iso[4] ?? 0),
      Number(iso[5] ?? 0),
      Number(iso[6] ?? 0),
      fraction,
      offset,
    );
    return { time, offset };
  }
  const rfc = RFC822.exec(input);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()];
    const offset = offsetMinutes(rfc[7]);
    if (month === undefined || offset === undefined) return { time: Number.NaN, offset: 0 };
    let year = Number(rfc[3]);
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    return { time: utc(year, month, Number(rfc[1]), Number(rfc[4] ?? 0), Number(rfc[5] ?? 0), Number(rfc[6] ?? 0), 0, offset), offset };
  }
  // Anything else that names its zone ("Tue Dec 30 2003 10:14:55 GMT+0100"), as the engine reads it.
  return { time: /(?:gmt|utc|z|[+-]\d{2}:?\d{2})\b/i.test(input) ? Date.parse(input) : Number.NaN, offset: 0 };
}

/**
 * A publication date as newsdesk keeps it: the ISO 8601 instant and, when the date stated a zone
 * other than UTC, that zone in minutes east of UTC ("+09:00" → 540, "EST" → -300): the instant
 * alone loses the publisher's calendar day. Undefined when the date is unreadable.
 */
export function publicationDate(value: string | undefined): { publishedAt: string; publishedOffset?: number } | undefined {
  if (!value) return undefined;
  const { time, offset } = readDate(value.slice(0, 100));
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  // A year outside this window is a template placeholder ("0001-01-01") or a typo, not a publication
  // date. Dates ahead of now are clamped when the item is taken in (feeds/intake.ts), against the clock.
  if (year < 1990 || year > 2200) return undefined;
  const publishedAt = new Date(time).toISOString();
  return offset ? { publishedAt, publishedOffset: offset } : { publishedAt };
}
