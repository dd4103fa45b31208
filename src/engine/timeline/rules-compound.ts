import { addDays, fmtWeek, fmtYear } from './calendar.ts';
import { dayValue, resolveMonthDay, resolveWeekday, shifted } from './clock.ts';
import { HOLIDAY, holidayDate } from './holidays.ts';
import { MONTH_STRICT, WEEKDAY, monthNumber, weekdayNumber } from './lexicon.ts';
import type { Resolved, Rule } from './types.ts';

// Expressions built on another one: "the week of March 6", "the day before last Tuesday",
// "(will) one day". Each wins over its parts by being longer (or by priority for "one day").

const rx = (source: string): RegExp => new RegExp(source, 'gi');

export const COMPOUND_RULES: Rule[] = [
  {
    // "the week of March 6": the ISO week holding that day
    name: 'week-of',
    re: rx(`\\bthe\\s+week\\s+of\\s+(${MONTH_STRICT})\\s*(\\d{1,2})\\b`),
    priority: 3,
    build: (m) => {
      const month = monthNumber(m[1]!);
      const day = Number(m[2]);
      if (month === undefined || day < 1 || day > 31) return null;
      const start = m.index;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const r = resolveMonthDay(ctx.ref, month, day, ctx.tense(start, start + m[0].length));
          return r.day ? { value: fmtWeek(r.day) } : { value: 'XXXX-WXX' };
        },
      };
    },
  },
  {
    // "the day before last Tuesday", "the day after tomorrow", "the night before Friday"
    name: 'day-around-day',
    re: rx(`\\b(?:the\\s+)?(day|night)\\s+(before|after)\\s+(?:(last|next|this)\\s+)?(${WEEKDAY}|yesterday|today|tomorrow)\\b`),
    priority: 3,
    build: (m) => {
      const night = m[1]!.toLowerCase() === 'night';
      const step = m[2]!.toLowerCase() === 'before' ? -1 : 1;
      const det = m[3]?.toLowerCase();
      const word = m[4]!.toLowerCase();
      const start = m.index;
      return {
        type: night ? 'TIME' : 'DATE',
        resolve: (ctx) => {
          let base: Resolved;
          if (word === 'yesterday' || word === 'today' || word === 'tomorrow') {
            base = shifted(ctx.ref, 'D', word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0);
          } else {
            const shift = det === 'last' ? -1 : det === 'next' ? 1 : 0;
            base = resolveWeekday(ctx.ref, weekdayNumber(word)!, ctx.tense(start, start + m[0].length), shift);
          }
          if (!base.day) return { value: night ? 'XXXX-XX-XXTNI' : 'XXXX-XX-XX' };
          const r = dayValue(addDays(base.day, step));
          return night ? { value: `${r.value}TNI`, day: r.day } : r;
        },
      };
    },
  },
  {
    // "Easter week", "Thanksgiving week": the ISO week holding the holiday nearest publication
    name: 'holiday-week',
    re: new RegExp(`\\b(${HOLIDAY})\\s+week\\b`, 'g'),
    priority: 3,
    build: (m) => {
      const name = m[1]!;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (!ctx.ref) return { value: 'XXXX-WXX' };
          const ref = ctx.ref.date;
          const near = [ref.y - 1, ref.y, ref.y + 1]
            .map((y) => holidayDate(name, y))
            .filter((d) => d !== null)
            .sort(
              (a, b) =>
                Math.abs(Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(ref.y, ref.m - 1, ref.d)) -
                Math.abs(Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(ref.y, ref.m - 1, ref.d)),
            )[0];
          return { value: near ? fmtWeek(near) : 'XXXX-WXX' };
        },
      };
    },
  },
  {
    // "the first two quarters of 1990" is the first half; "the last two quarters" the second
    name: 'two-quarters',
    re: /\b(?:the\s+)?(first|last|final)\s+(?:two|2)\s+quarters\s+of\s+(\d{4})\b/gi,
    priority: 3,
    build: (m) => {
      const half = m[1]!.toLowerCase() === 'first' ? 1 : 2;
      const y = Number(m[2]);
      return { type: 'DATE', resolve: () => ({ value: `${fmtYear(y)}-H${half}` }) };
    },
  },
  {
    // "will one day be", "could one day replace": an unspecified future time, not a duration
    name: 'one-day-future',
    re: /\bone day\b/gi,
    priority: 2,
    build: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      if (!/\b(?:will|'ll|could|may|might|would|can|should|must|to)\s+(?:\w+\s+)?$/i.test(before)) return null;
      return { type: 'DATE', resolve: () => ({ value: 'FUTURE_REF' }) };
    },
  },
];
