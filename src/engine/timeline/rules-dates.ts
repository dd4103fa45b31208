import { diffDays, fmtDate, fmtMonth, fmtYear, isValidDate, type Ymd } from './calendar.ts';
import { dayValue, resolveMonth, resolveMonthDay } from './clock.ts';
import { HOLIDAY, holidayDate } from './holidays.ts';
import { pastVerbGoverns } from './tense.ts';
import { MONTH, MONTH_STRICT, ORD, SEASON, SEASONS, WEEKDAY, monthNumber, parseNumber, parseOrdinal, weekdayNumber } from './lexicon.ts';
import type { ResolveContext, Rule } from './types.ts';

// Calendar dates written out: full dates, month and year, bare years, decades, centuries,
// seasons and holidays. Relative words ("last", "next") live in rules-relative.ts.

const rx = (source: string): RegExp => new RegExp(source, 'gi');

const DAY_NUM = `(\\d{1,2})(?:st|nd|rd|th)?\\b|(${ORD})`;
const SPOKEN_YEAR =
  '(?:nineteen|twenty)[- ](?:(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|hundred)|two thousand(?: and)?(?: (?:one|two|three|four|five|six|seven|eight|nine|ten))?';
const YEAR = `(\\d{4}|${SPOKEN_YEAR})`;

// "will hold elections on", "is due in": the clause's modal or schedule says the time is to come.
const WILL_CLAUSE = /\b(?:will|shall|(?:is|are) (?:to|due|scheduled|slated))\b[^.;,!?]{0,60}$/i;

/** "1998", "nineteen ninety-seven", "two thousand" -> number. */
export function parseYear(raw: string): number | null {
  if (/^\d{4}$/.test(raw)) return Number(raw);
  const s = raw.toLowerCase().replace(/-/g, ' ');
  if (s.startsWith('two thousand')) return 2000 + (parseNumber(s.replace(/^two thousand( and)?/, '').trim() || 'zero') ?? 0);
  const [century, ...rest] = s.split(' ');
  const hi = parseNumber(century ?? '');
  const tail = rest.join(' ');
  const lo = tail === 'hundred' ? 0 : parseNumber(tail);
  return hi !== null && lo !== null ? hi * 100 + lo : null;
}

const OF_THAT_YEAR = /^\s+of\s+(?:the\s+same|that(?:\s+same)?)\s+year\b/i;

function dayOf(m: RegExpExecArray, digitGroup: number): number | null {
  const digits = m[digitGroup];
  if (digits) return Number(digits);
  const word = m[digitGroup + 1];
  return word ? parseOrdinal(word) : null;
}

function fullDate(y: number | null, month: number, day: number | null, start: number, end: number, wd?: string) {
  return (ctx: ResolveContext) => {
    if (day === null) return null;
    if (y !== null) return isValidDate(y, month, day) ? dayValue({ y, m: month, d: day }) : null;
    // "an email of January 23, 2013 ... a tweet posted on January 23": the day named last, again.
    if (ctx.anchor && ctx.anchor.m === month && ctx.anchor.d === day) return dayValue(ctx.anchor);
    // "the quarter ended Sept. 30", "since Jan. 1": a closing date already passed.
    const ended = /\b(?:ended|since)\s+$/i.test(ctx.text.slice(Math.max(0, start - 7), start));
    const tense = ended ? 'past' : ctx.tenseWide(start, end);
    // "from March 30, with the third departing each Thursday from August 6", said in February: a
    // later day of the year after a coming date named just before in its sentence is coming too.
    const before = tense === 'none' && ctx.ref ? ctx.sentenceDay(start, end) : null;
    if (
      before &&
      ctx.ref &&
      diffDays(before, ctx.ref.date) > 0 &&
      (month > before.m || (month === before.m && day > before.d)) &&
      isValidDate(before.y, month, day)
    ) {
      return dayValue({ y: before.y, m: month, d: day });
    }
    const lead = ctx.text.slice(Math.max(0, start - 70), start);
    // "will hold elections on March 4", "is due on March 4", said on March 20: the clause's modal or
    // schedule rules out the past date.
    const willClause = tense === 'future' && WILL_CLAUSE.test(lead);
    // "the mill closed on March 3", said on Nov. 2: the act's own past verb rules out next March.
    const pastAct = tense === 'past' && pastVerbGoverns(lead);
    return resolveMonthDay(ctx.ref, month, day, tense, wd ? weekdayNumber(wd) : undefined, ended || willClause || pastAct);
  };
}

// "May" and "March" are ordinary words too: accept them capitalised, or with a day or year.
function plausibleMonth(word: string, hasNumber: boolean): boolean {
  if (hasNumber) return true;
  if (/^(may|march)$/i.test(word)) return /^[A-Z]/.test(word);
  return true;
}

export const DATE_RULES: Rule[] = [
  {
    name: 'iso-date',
    re: /\b(\d{4})-(\d\d)-(\d\d)\b(?!:)/g,
    priority: 3,
    build: (m) => {
      const y = Number(m[1]),
        mo = Number(m[2]),
        d = Number(m[3]);
      if (!isValidDate(y, mo, d)) return null;
      return { type: 'DATE', resolve: () => dayValue({ y, m: mo, d }) };
    },
  },
  {
    // "Friday, Oct. 23, 1998", "Nov. 6", "March eighth", "Sept. 27, 1989"
    name: 'month-day',
    re: rx(`\\b(?:(${WEEKDAY}),?\\s+(?:the\\s+)?)?(${MONTH})\\s+(?:the\\s+)?(?:${DAY_NUM})(?:,?\\s+${YEAR}\\b)?`),
    priority: 3,
    build: (m) => {
      const month = monthNumber(m[2]!);
      if (month === undefined || (/^may$/i.test(m[2]!) && !/^M/.test(m[2]!))) return null;
      const day = dayOf(m, 3);
      if (day === null || day < 1 || day > 31) return null;
      const y = m[5] ? parseYear(m[5]) : null;
      return { type: 'DATE', resolve: fullDate(y, month, day, m.index, m.index + m[0].length, m[1]) };
    },
  },
  {
    // "April 24 and 25": a day number joined to a month and day is a day of that month
    name: 'joined-day',
    re: rx(
      `(?<=\\b(${MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:and|or)\\s+)(\\d{1,2})(?:st|nd|rd|th)?\\b(?=[,;:.)]?(?:\\s+(?:\\d{4}|in|at|on|to|and|or|when|with|for|from|by|the|a|an|this|next|last)\\b|\\s*$)|[,;:)]|\\.\\s)(?:,?\\s+${YEAR}\\b)?`,
    ),
    priority: 3,
    build: (m) => {
      const month = monthNumber(m[1]!);
      const day = Number(m[2]);
      if (month === undefined || day < 1 || day > 31) return null;
      const y = m[3] ? parseYear(m[3]) : null;
      const dated = fullDate(y, month, day, m.index, m.index + m[0].length);
      return {
        type: 'DATE',
        resolve: (ctx) => {
          // The first day fixed the year ("April 24" resolved just before): the second shares it.
          const a = ctx.anchor;
          if (y === null && a && a.m === month && isValidDate(a.y, month, day)) return dayValue({ y: a.y, m: month, d: day });
          return dated(ctx);
        },
      };
    },
  },
  {
    // "26 November 2026", "the 3rd of May"
    name: 'day-month',
    re: rx(`\\b(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(?:${DAY_NUM})\\s+(?:of\\s+)?(${MONTH_STRICT})(?:,?\\s+${YEAR}\\b)?`),
    priority: 3,
    build: (m) => {
      const month = monthNumber(m[4]!);
      if (month === undefined || !plausibleMonth(m[4]!, true)) return null;
      const day = dayOf(m, 2);
      if (day === null || day < 1 || day > 31) return null;
      const y = m[5] ? parseYear(m[5]) : null;
      return { type: 'DATE', resolve: fullDate(y, month, day, m.index, m.index + m[0].length, m[1]) };
    },
  },
  {
    // "11/26/2026" (US order unless the first number cannot be a month), "26.11.2026"
    name: 'numeric-date',
    re: /\b(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})\b/g,
    priority: 2,
    build: (m) => {
      let a = Number(m[1]),
        b = Number(m[3]);
      if (m[2] === '.' || a > 12) [a, b] = [b, a];
      const yRaw = Number(m[4]);
      const y = m[4]!.length === 2 ? (yRaw < 50 ? 2000 + yRaw : 1900 + yRaw) : yRaw;
      if (!isValidDate(y, a, b)) return null;
      return { type: 'DATE', resolve: () => dayValue({ y, m: a, d: b }) };
    },
  },
  {
    // "July 1997", "January nineteen ninety-seven", "June of 1994"
    name: 'month-year',
    re: rx(`\\b(${MONTH_STRICT})(?:,?\\s+|\\s+of\\s+)${YEAR}\\b`),
    priority: 2,
    build: (m) => {
      const month = monthNumber(m[1]!);
      const y = parseYear(m[2]!);
      if (month === undefined || y === null || !plausibleMonth(m[1]!, true)) return null;
      return { type: 'DATE', resolve: () => ({ value: fmtMonth(y, month) }) };
    },
  },
  {
    // "August", alone or before "of the same year" / "of that year".
    name: 'month',
    re: rx(`\\b(${MONTH_STRICT})(?!\\w|'(?!s\\b))`),
    priority: 1,
    build: (m, text) => {
      const word = m[1]!;
      const month = monthNumber(word);
      if (month === undefined || !/^[A-Z]/.test(word)) return null;
      if (/^(may|march)$/i.test(word) && !monthContext(text, m.index)) return null;
      // "In January 2003 … In August of the same year": the year named last.
      const ofThatYear = OF_THAT_YEAR.test(text.slice(m.index + word.length, m.index + word.length + 24));
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (ofThatYear && ctx.anchorYear !== null) return { value: fmtMonth(ctx.anchorYear, month) };
          const tense = ctx.tenseWide(m.index, m.index + word.length);
          // "She joined the board in March 2021 and left in May": a narrative goes on from the month
          // it wrote out, to the first such month from that one.
          const named = tense === 'future' ? null : ctx.narrativeMonth(m.index);
          if (named) return { value: fmtMonth(month >= named.m ? named.y : named.y + 1, month) };
          return resolveMonth(ctx.ref, month, tense);
        },
      };
    },
  },
  {
    // "fiscal 1989", "1998", "the year 2000", "the year two thousand"
    name: 'year',
    re: rx(
      `(?:\\b(?:the\\s+)?(?:fiscal(?:\\s+year)?|FY|the\\s+year|calendar(?:\\s+year)?)\\s*)?(?<![$#£€.,\\d]|\\d-)\\b(1[5-9]\\d\\d|20\\d\\d|${SPOKEN_YEAR})\\b(?![.,]\\d|%|-\\d|\\s*(?:%|percent|per cent|people|persons|shares|points|feet|foot|meters|metres|miles|kilometers|km|tons|tonnes|acres|troops|soldiers|workers|employees|members|students|cars|homes|jobs|cases|deaths|dollars|euros|pounds|yen|barrels|units|\\$|x\\s))`,
    ),
    priority: 0,
    build: (m, text) => {
      const words = m[1]!;
      const spoken = !/^\d/.test(words);
      const introduced = m[0] !== words || /\b(?:in|of|since|until|by|from)\s+$/i.test(text.slice(Math.max(0, m.index - 7), m.index));
      if (spoken && !introduced && !/^nineteen/i.test(words)) return null;
      const y = parseYear(words);
      if (y === null || (!introduced && y < 1700)) return null;
      return { type: 'DATE', resolve: () => ({ value: fmtYear(y) }) };
    },
  },
  {
    // "the 1990s" (TimeBank: "199"), "1960s" ("196X"), "the early '80s", "the nineties"
    name: 'decade',
    re: /\b(the\s+)?(?:(?:early|late|mid)[- ]?)?(?:(1[5-9]\d|20\d)0'?s\b|'(\d)0'?s\b|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)/gi,
    priority: 3,
    build: (m, text) => {
      const words = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
      let decade: string;
      if (m[2]) decade = m[2];
      else if (m[3]) decade = `19${m[3]}`;
      else decade = `19${words.indexOf(m[4]!.toLowerCase()) + 2}`;
      if (m[4] && !m[1] && !/\b(?:in|the|early|late|mid)[- ]$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return null;
      const withThe = Boolean(m[1]) || /\bthe\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index));
      return { type: 'DATE', resolve: () => ({ value: withThe || m[4] ? decade : `${decade}X` }) };
    },
  },
  {
    name: 'century',
    re: rx(`\\b(?:the\\s+)?(${ORD})[- ]century\\b`),
    priority: 2,
    build: (m) => {
      const n = parseOrdinal(m[1]!);
      if (n === null || n < 1 || n > 21) return null;
      return { type: 'DATE', resolve: () => ({ value: String(n - 1).padStart(2, '0') }) };
    },
  },
  {
    // "summer 1998", "the winter of nineteen ninety-four", "(in) the fall"
    name: 'season',
    re: rx(`\\b(?:(the|this|last|next|this past|this coming|that)\\s+)?(?:(early|late|mid)[- ])?(${SEASON})\\b(?:\\s+(?:of\\s+)?${YEAR}\\b)?`),
    priority: 1,
    build: (m, text) => {
      const det = m[1]?.toLowerCase();
      const code = SEASONS[m[3]!.toLowerCase()]!;
      const y = m[4] ? parseYear(m[4]) : null;
      const before = text.slice(Math.max(0, m.index - 7), m.index);
      if (!det && y === null && !/\b(?:in|during|by|since|until|this|over|early|late)\s+$/i.test(before)) return null;
      if (!det && y === null && code === 'FA') return null;
      // "the fall of the regime", "the fall of Saigon": a collapse, not autumn ("the fall of 2025" is).
      if (code === 'FA' && y === null && /^\s+of\s/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))) return null;
      const shift = det === 'last' || det === 'this past' ? -1 : det === 'next' || det === 'this coming' ? 1 : 0;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (y !== null) return { value: `${fmtYear(y)}-${code}` };
          if (det === 'that' && ctx.anchor) return { value: `${fmtYear(ctx.anchor.y)}-${code}` };
          if (!ctx.ref) return { value: `XXXX-${code}` };
          const order = ['WI', 'SP', 'SU', 'FA'];
          const now = order[Math.floor((ctx.ref.date.m % 12) / 3)]!;
          // In December the spring, summer and autumn of this year are all behind: "next summer" is next year's.
          let year = ctx.ref.date.y + (shift !== 0 && ctx.ref.date.m === 12 && code !== 'WI' ? 1 : 0);
          if (shift < 0 && order.indexOf(code) >= order.indexOf(now)) year--;
          if (shift > 0 && order.indexOf(code) <= order.indexOf(now)) year++;
          // "came close to a deal in the summer" said in March is last summer; "will open in the spring" said in October, next spring.
          // A coming season needs the clause's modal, as a month and day does ("to meet demand well into the summer" is not one).
          if (shift === 0 && det !== 'this' && det !== 'this past' && det !== 'this coming') {
            const tense = ctx.tenseWide(m.index, m.index + m[0].length);
            if (tense === 'past' && order.indexOf(code) > order.indexOf(now)) year--;
            if (tense === 'future' && order.indexOf(code) < order.indexOf(now) && WILL_CLAUSE.test(text.slice(Math.max(0, m.index - 70), m.index))) year++;
          }
          return { value: `${fmtYear(year)}-${code}` };
        },
      };
    },
  },
  {
    name: 'holiday',
    re: new RegExp(`\\b(?:(last|next|this)\\s+)?(${HOLIDAY})(?:,?\\s+${YEAR}\\b)?`, 'g'),
    priority: 2,
    build: (m) => {
      const name = m[2]!;
      const y = m[3] ? parseYear(m[3]) : null;
      const shift = m[1]?.toLowerCase() === 'last' ? -1 : m[1]?.toLowerCase() === 'next' ? 1 : 0;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (y !== null) return dayValue(holidayDate(name, y));
          if (!ctx.ref) return { value: 'XXXX-XX-XX' };
          const ref = ctx.ref.date;
          const cands = [ref.y - 1, ref.y, ref.y + 1].map((yy) => holidayDate(name, yy)).filter((d): d is Ymd => d !== null);
          const key = (d: Ymd) => fmtDate(d);
          const today = key(ref);
          let pick: Ymd | undefined;
          if (shift < 0) pick = cands.filter((d) => key(d) < today).pop();
          else if (shift > 0) pick = cands.find((d) => key(d) > today);
          else
            pick = [...cands].sort(
              (a, b) =>
                Math.abs(Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(ref.y, ref.m - 1, ref.d)) -
                Math.abs(Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(ref.y, ref.m - 1, ref.d)),
            )[0];
          return dayValue(pick ?? null);
        },
      };
    },
  },
];

function monthContext(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 12), index);
  const after = text.slice(index, index + 20);
  return (
    /\b(?:in|of|since|until|till|by|from|through|last|next|this|early|late|mid|during|before|after|between|and|to|the)[- ]$/i.test(before) ||
    /^\w+\s+(?:\d|and\b|to\b|through\b)/.test(after)
  );
}
