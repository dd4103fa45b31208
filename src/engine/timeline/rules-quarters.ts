import { fmtYear, quarterOf } from './calendar.ts';
import { comparedQuarter, reportingQuarter } from './rules-relative.ts';
import type { Rule } from './types.ts';

// Financial periods: "the third quarter", "fourth-quarter", "this year's second quarter",
// "the fiscal first quarter", "the third quarter of 1990", "Q3 2026", "the first half of 1990".

const ORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };
const PREFIX =
  "(?:(?:the|its|their|this|that|a|latest|current|previous|prior|same|comparable|corresponding|fiscal|calendar|(?:this|last|next) year's|year-earlier|year-ago|\\d{4}|fiscal \\d{4})[- ]+){0,4}";

// "a first-half goal", "midway through the second half", "a touchdown in the fourth quarter": the
// periods of a game, told of beside its words and with no word of a company's accounts.
const GAME_WORDS =
  /\b(?:goals?|penalty|penalties|scored?|scoring|shots?|kick(?:ed|-off)?|whistle|half-time|interval|striker|keeper|goalkeeper|tries|touchdowns?|baskets?|innings|match|game|substitute|equali[sz]er|header|free[- ]kick|corner|referee|minutes?)\b/i;
const ACCOUNTS_WORDS =
  /\b(?:profits?|sales|revenues?|earnings|fiscal|growth|economy|output|loss(?:es)?|results|shares|prices|investors?|dividend|forecasts?|GDP)\b/i;
function inGame(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - 160), Math.min(text.length, end + 160));
  return GAME_WORDS.test(around) && !ACCOUNTS_WORDS.test(around);
}

export const QUARTER_RULES: Rule[] = [
  {
    name: 'ordinal-quarter',
    re: new RegExp(
      `\\b(${PREFIX})(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ]+(?:fiscal[- ]+)?(quarter|half)(?:\\s+of\\s+(?:(?:the\\s+)?fiscal\\s+(?:year\\s+)?)?(?:(this|last|next)\\s+year|(\\d{4})))?\\b(?!-point)`,
      'gi',
    ),
    priority: 2,
    build: (m, text) => {
      const prefix = m[1]!.toLowerCase();
      const n = ORDS[m[2]!.toLowerCase()]!;
      const half = m[3]!.toLowerCase() === 'half';
      if (!m[4] && !m[5] && !/\d{4}|year/.test(prefix) && inGame(text, m.index, m.index + m[0].length)) return null;
      const closing = /^(?:last|final)$/i.test(m[2]!);
      // "the last quarter" alone is the previous one (relative rules); "the last half of 1989" is H2.
      if (/^last$/i.test(m[2]!) && !m[5] && !m[4]) return null;
      if (half && n > 2 && !closing) return null;
      const explicit = m[5] ? Number(m[5]) : /(\d{4})/.exec(prefix) ? Number(/(\d{4})/.exec(prefix)![1]) : null;
      const rel = (m[4] ?? /(this|last|next) year's/.exec(prefix)?.[1])?.toLowerCase();
      const yearEarlier = /year-earlier|year-ago/.test(prefix);
      const start = m.index;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          let y: number | null = explicit;
          if (y === null && ctx.ref) {
            y = ctx.ref.date.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
            const curQ = quarterOf(ctx.ref.date.m);
            const tense = rel || half ? 'none' : ctx.tense(start, start + m[0].length);
            // A quarter well ahead is last year's unless the clause looks forward; one well behind
            // is next year's when it does ("profit will rise in the first quarter", said in
            // November). The quarter just ended is still the one being reported on.
            if (!rel && !half && n - curQ >= 2 && tense !== 'future') y -= 1;
            if (!rel && !half && curQ - n >= 2 && tense === 'future') y += 1;
            if (yearEarlier) y -= 1;
          }
          if (y === null) return { value: half ? `XXXX-H${n}` : `XXXX-Q${n}` };
          if (half) return { value: `${fmtYear(y)}-H${closing ? 2 : n}` };
          return { value: `${fmtYear(y)}-Q${n}`, quarter: yearEarlier ? undefined : { y, q: n } };
        },
      };
    },
  },
  {
    name: 'q-notation',
    re: /\b(?:Q([1-4])(?:\s+|\/|-)?((?:19|20)\d\d)?|([1-4])Q((?:19|20)?\d\d)?|(FY|H)([12])?\s?((?:19|20)\d\d))\b/g,
    priority: 2,
    build: (m) => {
      if (m[5]) {
        const y = Number(m[7]);
        return { type: 'DATE', resolve: () => ({ value: m[5] === 'H' && m[6] ? `${fmtYear(y)}-H${m[6]}` : fmtYear(y) }) };
      }
      const q = Number(m[1] ?? m[3]);
      const yRaw = m[2] ?? m[4];
      const y = yRaw ? (yRaw.length === 2 ? 2000 + Number(yRaw) : Number(yRaw)) : null;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const year = y ?? ctx.ref?.date.y ?? null;
          return year === null ? { value: `XXXX-Q${q}` } : { value: `${fmtYear(year)}-Q${q}`, quarter: { y: year, q } };
        },
      };
    },
  },
  {
    // "the latest period", "the year-earlier period" read as the reporting quarter
    name: 'reporting-period',
    re: /\b(?:the|its)\s+(latest|most recent|current|same|comparable|\d{4})\s+(?:fiscal\s+)?(period|quarter)\b/gi,
    priority: 1,
    build: (m, text) => {
      const mod = m[1]!.toLowerCase();
      // "higher than the same period in 2003": the period of that year, whatever it is.
      const inYear = mod === 'same' ? /^\s+(?:in|of)\s+((?:19|20)\d\d)\b/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 12)) : null;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (inYear) return { value: ctx.quarter && !ctx.aboutLongPeriod(m.index) ? `${inYear[1]}-Q${ctx.quarter.q}` : inYear[1]! };
          // "the first nine months … in the 1988 period": the same longer period, a year; otherwise the
          // quarter being compared keeps its number (a fiscal first quarter ended Sept. 30 stays Q1).
          if (/^\d{4}$/.test(mod) && ctx.aboutLongPeriod(m.index)) return { value: mod };
          const q = (mod === 'same' || mod === 'comparable' ? ctx.quarter : /^\d{4}$/.test(mod) ? comparedQuarter(ctx) : null) ?? reportingQuarter(ctx);
          if (!q) return { value: 'XXXX-QX' };
          const y = /^\d{4}$/.test(mod) ? Number(mod) : mod === 'current' && ctx.ref ? ctx.ref.date.y : q.y;
          const qq = mod === 'current' && ctx.ref ? quarterOf(ctx.ref.date.m) : q.q;
          return { value: `${fmtYear(y)}-Q${qq}` };
        },
      };
    },
  },
];
