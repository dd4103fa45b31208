import { addDays, daysInMonth, weekday, type Ymd } from './calendar.ts';

// Named days whose date a reader works out from the year. Fixed-date ones are plain month/day;
// the others follow their usual rule (US holidays for the Monday/Thursday ones).

function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  if (n > 0) {
    const first = weekday({ y, m, d: 1 });
    return { y, m, d: 1 + ((wd - first + 7) % 7) + 7 * (n - 1) };
  }
  const lastDay = daysInMonth(y, m);
  const last = weekday({ y, m, d: lastDay });
  return { y, m, d: lastDay - ((last - wd + 7) % 7) };
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

const RULES: Record<string, (y: number) => Ymd> = {
  'new year': (y) => ({ y, m: 1, d: 1 }),
  'new year eve': (y) => ({ y, m: 12, d: 31 }),
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  'boxing day': (y) => ({ y, m: 12, d: 26 }),
  'valentine day': (y) => ({ y, m: 2, d: 14 }),
  halloween: (y) => ({ y, m: 10, d: 31 }),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
  'bastille day': (y) => ({ y, m: 7, d: 14 }),
  'veterans day': (y) => ({ y, m: 11, d: 11 }),
  'armistice day': (y) => ({ y, m: 11, d: 11 }),
  'may day': (y) => ({ y, m: 5, d: 1 }),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3),
  'presidents day': (y) => nthWeekday(y, 2, 1, 3),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  easter: easter,
  'good friday': (y) => addDays(easter(y), -2),
  'easter monday': (y) => addDays(easter(y), 1),
};

export const HOLIDAY =
  "(?:New Year'?s(?: Day| Eve)?|Christmas(?: Day| Eve)?|Boxing Day|Valentine'?s Day|Halloween|Independence Day|Bastille Day|Veterans'? Day|Armistice Day|May Day|Thanksgiving(?: Day)?|Labou?r Day|Memorial Day|Martin Luther King(?: Jr\\.?)? Day|Presidents'? Day|Election Day|Easter(?: Sunday| Monday)?|Good Friday)";

/** The date of a named holiday in a year, or null if the name is not known. */
export function holidayDate(name: string, y: number): Ymd | null {
  const key = name
    .toLowerCase()
    .replace(/'s?\b|'/g, '')
    .replace(/ jr\.?/, '')
    .replace(/labour/, 'labor')
    .replace(/ (?:day|sunday)$/, (s) => (/(thanksgiving|christmas|new year|easter) /.test(name.toLowerCase()) ? '' : s))
    .trim();
  const rule = RULES[key] ?? RULES[key.replace(/ eve$/, ' eve')];
  return rule ? rule(y) : null;
}
