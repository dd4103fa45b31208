// Calendar arithmetic on plain year/month/day numbers (proleptic Gregorian, UTC: no local clock
// is ever consulted) and the ISO 8601 / TimeML formatting of the results.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

export function fmtYear(y: number): string {
  return pad(y, 4);
}

export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function fmtDate(p: Ymd): string {
  return `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
}

export function fmtTime(p: Ymd, hour: number, minute: number, utc: boolean): string {
  return `${fmtDate(p)}T${pad(hour)}:${pad(minute)}${utc ? 'Z' : ''}`;
}

function toDays(p: Ymd): number {
  return Math.floor(Date.UTC(p.y, p.m - 1, p.d) / 86_400_000);
}

function fromDays(days: number): Ymd {
  const dt = new Date(days * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(p: Ymd, n: number): Ymd {
  return fromDays(toDays(p) + n);
}

export function sameDay(a: Ymd, b: Ymd): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

export function diffDays(a: Ymd, b: Ymd): number {
  return toDays(a) - toDays(b);
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const total = y * 12 + (m - 1) + n;
  return { y: Math.floor(total / 12), m: (((total % 12) + 12) % 12) + 1 };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function weekday(p: Ymd): number {
  const w = new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(p: Ymd): { y: number; w: number } {
  const thursday = addDays(p, 4 - weekday(p));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  return { y: thursday.y, w: Math.floor(diffDays(thursday, jan1) / 7) + 1 };
}

export function fmtWeek(p: Ymd): string {
  const { y, w } = isoWeek(p);
  return `${pad(y, 4)}-W${pad(w)}`;
}

/** Monday of an ISO week, for ordering. */
export function mondayOfWeek(y: number, w: number): Ymd {
  const jan4 = { y, m: 1, d: 4 };
  return addDays(jan4, (w - 1) * 7 - (weekday(jan4) - 1));
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export function fmtQuarter(y: number, q: number): string {
  return `${pad(y, 4)}-Q${q}`;
}

/** Shifts a quarter by n quarters. */
export function addQuarters(y: number, q: number, n: number): { y: number; q: number } {
  const total = y * 4 + (q - 1) + n;
  return { y: Math.floor(total / 4), q: (((total % 4) + 4) % 4) + 1 };
}

/** US daylight saving time (second Sunday of March to first Sunday of November, since 2007). */
export function usDaylightSaving(p: Ymd): boolean {
  const nthSunday = (m: number, n: number): number => {
    const first = weekday({ y: p.y, m, d: 1 });
    return 1 + ((7 - first) % 7) + (n - 1) * 7;
  };
  const [startM, startN, endM, endN] = p.y >= 2007 ? [3, 2, 11, 1] : [4, 1, 10, 5];
  const start = { y: p.y, m: startM, d: nthSunday(startM, startN) };
  let endDay = nthSunday(endM, endN);
  if (endDay > daysInMonth(p.y, endM)) endDay -= 7; // "last Sunday of October" before 2007
  const end = { y: p.y, m: endM, d: endDay };
  return diffDays(p, start) >= 0 && diffDays(p, end) < 0;
}

/** EU summer time: last Sunday of March to last Sunday of October. */
export function euSummerTime(p: Ymd): boolean {
  const lastSunday = (m: number): number => {
    const last = daysInMonth(p.y, m);
    return last - (weekday({ y: p.y, m, d: last }) % 7);
  };
  const start = { y: p.y, m: 3, d: lastSunday(3) };
  const end = { y: p.y, m: 10, d: lastSunday(10) };
  return diffDays(p, start) >= 0 && diffDays(p, end) < 0;
}
