import { addDays, addMonths, fmtDate, fmtMonth, fmtTime, fmtWeek, fmtYear } from './calendar.ts';
import { dayValue, resolveMonth, resolveWeekday, resolveWeekdayThisWeek, shifted, unknownOf, type Grain } from './clock.ts';
import { DAY_PARTS, MONTH_STRICT, NUM, UNIT, VAGUE, WEEKDAY, monthNumber, parseNumber, unitCode, weekdayNumber } from './lexicon.ts';
import { overnightUse } from './overnight.ts';
import type { ResolveContext, Resolved, Rule } from './types.ts';

// Expressions whose value depends on the publication time or on a date mentioned earlier:
// "yesterday", "last week", "next Tuesday", "two years ago", "the day before", "Friday morning".

const rx = (source: string): RegExp => new RegExp(source, 'gi');

const withPart = (r: Resolved, part: string | undefined): Resolved => {
  if (!part) return r;
  const code = DAY_PARTS[part.toLowerCase()]!;
  return { value: /^\d{4}-\d\d-\d\d$|^XXXX-XX-XX$/.test(r.value) ? `${r.value}T${code}` : r.value, type: 'TIME', day: r.day };
};

const GRAIN: Record<string, Grain> = { week: 'W', weekend: 'WE', month: 'M', year: 'Y', quarter: 'Q', decade: 'E', century: 'C', half: 'H', day: 'D' };

function shiftOf(word: string): number {
  const w = word
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ');
  if (/^(last|past|previous|preceding|prior|this past)$/.test(w)) return -1;
  if (/^(next|coming|following|this coming|upcoming)$/.test(w)) return 1;
  return 0;
}

/** Anaphoric phrases ("the following day", "that year") count from the last date the text named. */
function anchored(ctx: ResolveContext, grain: Grain, n: number): Resolved {
  if (grain === 'M' && ctx.anchorMonth) {
    const r = addMonths(ctx.anchorMonth.y, ctx.anchorMonth.m, n);
    return { value: fmtMonth(r.y, r.m) };
  }
  if (grain === 'Y' && ctx.anchorYear !== null) return { value: fmtYear(ctx.anchorYear + n) };
  const a = ctx.anchor;
  if (!a) return shifted(ctx.ref, grain, n);
  return shifted({ date: a, hour: null, minute: null, offset: null }, grain, n);
}

/** The reporting quarter a bare "the quarter" means: the one just ended early in a quarter, else the current one. */
export function reportingQuarter(ctx: ResolveContext): { y: number; q: number } | null {
  if (!ctx.ref) return null;
  const { y, m, d } = ctx.ref.date;
  const q = Math.floor((m - 1) / 3) + 1;
  const intoQuarter = ((m - 1) % 3) * 31 + d;
  if (intoQuarter <= 50) return q === 1 ? { y: y - 1, q: 4 } : { y, q: q - 1 };
  return { y, q };
}

/**
 * The quarter whose figures a year-ago comparison is about: the last quarter the text named, unless
 * that one starts after publication (a forecast, `losses through the third quarter of 1990`), whose
 * results cannot have been reported yet; then the reporting quarter.
 */
export function comparedQuarter(ctx: ResolveContext): { y: number; q: number } | null {
  const q = ctx.quarter;
  if (q && ctx.ref) {
    const r = ctx.ref.date;
    if (q.y * 12 + (q.q - 1) * 3 + 1 > r.y * 12 + r.m) return reportingQuarter(ctx);
  }
  return q ?? reportingQuarter(ctx);
}

/**
 * A relative clause without `that`/`when` right after `the night` / `the time`: a determiner or a
 * capitalised name opens its subject (`the night the plane went down`, `at the time Howes was
 * captured`). Pronouns are left out: in `saying at the time he was willing` the clause is reported.
 */
export const RELATIVE_CLAUSE =
  /^\s+(?:the|a|an|his|her|their|its|our|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+\s+[a-z]+)\b/;

const QUARTER_ENDED = new RegExp(`^\\s+ended\\s+(${MONTH_STRICT})\\s*(\\d{1,2})\\b`, 'i');

export const RELATIVE_RULES: Rule[] = [
  {
    name: 'deictic-day',
    // "(mid-)afternoon yesterday": the part of the day may also come first
    re: /\b(?:(?:mid-?)?(morning|afternoon|evening)\s+)?(yesterday|today|tomorrow|tonight)\b(?:\s+(morning|afternoon|evening|night))?/gi,
    priority: 2,
    build: (m, text) => {
      const word = m[2]!.toLowerCase();
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      if (m[1] && m[3]) return null;
      if (!m[1] && !m[3] && isGenericDay(text, m.index, m.index + m[0].length)) return null;
      const part = m[1] ?? m[3] ?? (word === 'tonight' ? 'tonight' : undefined);
      return { type: part ? 'TIME' : 'DATE', resolve: (ctx) => withPart(shifted(ctx.ref, 'D', offset), part) };
    },
  },
  {
    name: 'day-part',
    re: /\b(this|last|that|the|tomorrow|yesterday)\s+(morning|afternoon|evening|night)\b|\b(overnight)\b|\bmid[- ]?(morning|afternoon)\b/gi,
    priority: 1,
    build: (m, text) => {
      const det = m[1]?.toLowerCase();
      const part = m[2] ?? m[3] ?? m[4]!;
      if (det === 'the' && /^\s+(?:of|before|after)\b/i.test(text.slice(m.index + m[0].length))) return null;
      // "the night the plane went down": a clause names the night, an event's, not the publication's.
      if (det === 'the' && RELATIVE_CLAUSE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      const overnightAs = m[3] ? overnightUse(text, m.index, m.index + m[0].length) : null;
      if (overnightAs === 'idiom') return null;
      return {
        type: 'TIME',
        resolve: (ctx) => {
          // "that morning", or "in the morning" told in the past after a named day: the narrative's day.
          const narrated = det === 'the' && ctx.anchor && ctx.tense(m.index, m.index + m[0].length) === 'past';
          // "lost on Sunday but felt fresh by the morning": a morning reached after the day told of is the next one.
          if (narrated && ctx.anchor && /^morning$/i.test(part) && /\bby\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index)))
            return withPart(dayValue(addDays(ctx.anchor, 1)), part);
          if (det === 'that' || narrated) return withPart(dayValue(ctx.anchor), part);
          if (m[3]) {
            // "overnight losses" dates the story's night only where the story names its day.
            if (overnightAs === 'bare-adjective' && !ctx.sentenceDay(m.index, m.index + m[0].length)) return null;
            return overnight(ctx, m.index, m.index + m[0].length);
          }
          const offset = det === 'yesterday' || (det === 'last' && part.toLowerCase() === 'night') ? -1 : det === 'tomorrow' ? 1 : 0;
          return withPart(shifted(ctx.ref, 'D', offset), part);
        },
      };
    },
  },
  {
    name: 'weekday',
    re: rx(
      `\\b(?:(last|next|this|this past|this coming|coming|past|the previous|the following|the next)\\s+)?(${WEEKDAY})\\b(?:\\s+(morning|afternoon|evening|night))?`,
    ),
    priority: 2,
    build: (m, text) => {
      const wd = weekdayNumber(m[2]!)!;
      const det = m[1]?.toLowerCase();
      const shift = det ? shiftOf(det) : 0;
      const start = m.index;
      // "Wednesday's ruling" names an event by its day: the verbs of the clause ("would appeal
      // Wednesday's ruling") are about the noun, so only words right before it point forward.
      const possessive = !m[3] && /^['’]s\b/.test(text.slice(start + m[0].length, start + m[0].length + 3));
      const ahead = possessive && /\b(?:ahead of|until|upcoming|awaited)\s+$/i.test(text.slice(Math.max(0, start - 12), start));
      return {
        type: m[3] ? 'TIME' : 'DATE',
        resolve: (ctx) => {
          if (det && /^the /.test(det) && ctx.anchor) {
            return withPart(resolveWeekday({ date: ctx.anchor, hour: null, minute: null, offset: null }, wd, 'none', shift), m[3]);
          }
          let tense = possessive ? (ahead ? 'future' : 'none') : ctx.tenseWide(start, start + m[0].length);
          // "Game 10 is on Friday", "the vote is Thursday": a present-tense copula before the day schedules it.
          if (tense === 'none' && /\b(?:is|are)\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, start - 12), start))) tense = 'future';
          // "The players have a rest day on Thursday", "the team hosts Leeds on Saturday": a present-tense
          // fixture verb in the clause schedules the day.
          if (
            tense === 'none' &&
            /\b(?:(?:have|has)\s+(?:a|an|the|their|its|his|her|no)|hosts?|faces?|plays?|travels?\s+to|visits?)\b[^,.;]{0,40}\s(?:on\s+)?$/i.test(
              text.slice(Math.max(0, start - 60), start),
            )
          )
            tense = 'future';
          // "this Friday" is the Friday of the current week, before or after today.
          if (det === 'this' && tense === 'none') return withPart(resolveWeekdayThisWeek(ctx.ref, wd), m[3]);
          return withPart(resolveWeekday(ctx.ref, wd, tense, shift), m[3]);
        },
      };
    },
  },
  {
    name: 'relative-unit',
    re: /\b(last|this|next|this past|this coming|the past|the last|the next|the coming|the current|the previous|past|previous|coming|current|that|the following|the preceding|the prior|the same|that same)\s+(week|weekend|month|year|quarter|decade|century|fiscal year|half)\b(?!-)/gi,
    priority: 2,
    build: (m, text) => {
      const det = m[1]!.toLowerCase();
      const unit = m[2]!.toLowerCase().replace('fiscal ', '');
      const grain = GRAIN[unit]!;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/^\s+(?:or|and)\s+(?:so|two|more)\b/i.test(after) && det.startsWith('the ')) return null;
      // "the last half of the '80s" is the second half of what follows, not the half-year before this one.
      if (unit === 'half' && /^\s+of\b/i.test(after)) return null;
      const anaphoric = /^(that|the following|the preceding|the prior|the same|that same)$/.test(det);
      const shift = shiftOf(det);
      // "over the past decade", said in 1998, is the ten years before, not the 1980s: a span.
      if ((grain === 'E' || grain === 'C') && /^the (?:past|last)$/.test(det) && !/^\s+and\s+a\s+half\b/i.test(after)) {
        return { type: 'DURATION', resolve: () => ({ value: grain === 'E' ? 'P10Y' : 'P100Y' }) };
      }
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (grain === 'Q' && shift === 0 && !/current/.test(det)) {
            const q = (det === 'that' || det === 'the same' ? ctx.quarter : null) ?? reportingQuarter(ctx);
            return q ? { value: `${fmtYear(q.y)}-Q${q.q}`, quarter: q } : { value: 'XXXX-QX' };
          }
          if (grain === 'WE' && shift === 0 && ctx.ref) {
            return shifted(ctx.ref, 'WE', ctx.tense(m.index, m.index + m[0].length) === 'past' ? -1 : 0);
          }
          // In an earnings report "compared with a loss of $3 million last year", "up from last year's
          // $1.55 billion": the figure compared is the same quarter a year back.
          if (
            grain === 'Y' &&
            det === 'last' &&
            (ctx.quarter !== null || ctx.aboutQuarter(m.index, m.index + m[0].length)) &&
            !ctx.aboutLongPeriod(m.index) &&
            isComparison(text, m.index, m.index + m[0].length)
          ) {
            const q = comparedQuarter(ctx);
            if (q) return { value: `${fmtYear(q.y - 1)}-Q${q.q}` };
          }
          // "The flood struck on Aug. 3. The next week, the town began to rebuild": told in the
          // past, "the next" / "the previous" count from the date named last, as "the following" does.
          // A span from now ("expects two to drop out over the next week") stays the coming one.
          const told =
            (det === 'the next' || det === 'the previous') &&
            !/\b(?:over|within|in|for|during|throughout)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index)) &&
            ctx.tenseWide(m.index, m.index + m[0].length) === 'past';
          const r = anaphoric || told ? anchored(ctx, grain, shift) : shifted(ctx.ref, grain, shift);
          if (grain === 'Q' && /^\d{4}-Q\d$/.test(r.value)) r.quarter = { y: Number(r.value.slice(0, 4)), q: Number(r.value[6]) };
          return r;
        },
      };
    },
  },
  {
    // "April last year", "January this year"
    name: 'month-of-relative-year',
    re: rx(`\\b(${MONTH_STRICT})\\s+(last|this|next)\\s+year\\b`),
    priority: 3,
    build: (m) => {
      const month = monthNumber(m[1]!)!;
      const shift = shiftOf(m[2]!);
      return { type: 'DATE', resolve: (ctx) => ({ value: ctx.ref ? fmtMonth(ctx.ref.date.y + shift, month) : `XXXX-${String(month).padStart(2, '0')}` }) };
    },
  },
  {
    name: 'relative-month',
    re: rx(`\\b(last|next|this|this past|this coming)\\s+(${MONTH_STRICT})(?![\\w'])(?!\\s*\\d)`),
    priority: 2,
    build: (m) => {
      const month = monthNumber(m[2]!);
      if (month === undefined) return null;
      const det = m[1]!.toLowerCase();
      const shift = det === 'this' ? 0 : shiftOf(det);
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (det === 'this') return { value: ctx.ref ? fmtMonth(ctx.ref.date.y, month) : `XXXX-${String(month).padStart(2, '0')}` };
          return resolveMonth(ctx.ref, month, 'none', shift);
        },
      };
    },
  },
  {
    // "two years ago", "about a decade ago", "three weeks from now", "a year earlier", "a week or so ago"
    name: 'ago',
    re: rx(
      `\\b(?:(?:about|around|nearly|almost|some|roughly|approximately|more than|less than|over|just over|only|barely|at least)\\s+)?(${NUM}|${VAGUE})[- ](${UNIT})(?:\\s+or\\s+(?:so|more))?\\s+(ago|earlier|later|from now|hence|back)\\b`,
    ),
    priority: 3,
    build: (m) => {
      const countWord = m[1]!;
      const n = parseNumber(countWord);
      const unit = unitCode(m[2]!);
      const dir = m[3]!.toLowerCase();
      const sign = dir === 'ago' || dir === 'earlier' || dir === 'back' ? -1 : 1;
      const fixedCalendar = !unit.time && unit.letter !== 'D' && unit.letter !== 'W' && unit.letter !== 'WE';
      if ((dir === 'earlier' || dir === 'later') && (!fixedCalendar || n === null)) {
        const amount = n === null ? 'X' : String(n * unit.factor);
        return { type: 'DURATION', resolve: () => ({ value: `P${unit.time ? 'T' : ''}${amount}${unit.letter === 'WE' ? 'D' : unit.letter}` }) };
      }
      if (n === null) return { type: 'DATE', resolve: () => ({ value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' }) };
      const start = m.index;
      return {
        type: unit.time ? 'TIME' : 'DATE',
        resolve: (ctx) => agoValue(ctx, unit.letter, unit.time, Math.round(n * unit.factor) * sign, dir, start, start + m[0].length),
      };
    },
  },
  {
    // "year-end", "year's end", "the fiscal year end": the close of the current year (or the last one, looking back)
    name: 'year-end',
    re: /\b(?:(?:fiscal|calendar)\s+)?year(-end|\s+end|'s\s+end)\b(?!-)/gi,
    priority: 2,
    build: (m, text) => {
      const hyphen = m[1] === '-end';
      const since = /\bsince\s+$/i.test(text.slice(Math.max(0, m.index - 7), m.index));
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (!ctx.ref) return { value: hyphen ? 'XXXX-12-31' : 'XXXX' };
          const y = ctx.ref.date.y - (since || ctx.tense(m.index, m.index + m[0].length) === 'past' ? 1 : 0);
          return hyphen ? dayValue({ y, m: 12, d: 31 }) : { value: fmtYear(y) };
        },
      };
    },
  },
  {
    name: 'bare-ago',
    re: /\b(?:years|months|weeks|days|decades)\s+ago\b/gi,
    priority: 1,
    build: () => ({ type: 'DATE', resolve: () => ({ value: 'PAST_REF' }) }),
  },
  {
    // "year-earlier", "the year-ago quarter", "the comparable year-earlier period"
    name: 'year-earlier',
    re: /\b(?:the\s+)?(?:(?:comparable|same|corresponding)\s+)?(?:year-earlier|year-ago|year earlier|prior-year)(?:\s+(?:(first|second|third|fourth)[- ])?(quarter|period|nine months|six months|three months|half))?(?!\w)/gi,
    priority: 2,
    build: (m) => {
      const ord = m[1]?.toLowerCase();
      const noun = m[2]?.toLowerCase();
      if (noun && /months/.test(noun)) return { type: 'DURATION', resolve: () => ({ value: `P${parseNumber(noun.split(' ')[0]!)}M` }) };
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const quarterish =
            noun === 'quarter' ||
            noun === 'period' ||
            (!noun && !ctx.aboutLongPeriod(m.index) && (ctx.quarter !== null || ctx.aboutQuarter(m.index, m.index + m[0].length)));
          if (quarterish) {
            const q = ord ? { y: ctx.ref?.date.y ?? 0, q: ['first', 'second', 'third', 'fourth'].indexOf(ord) + 1 } : comparedQuarter(ctx);
            return q && ctx.ref ? { value: `${fmtYear(q.y - 1)}-Q${q.q}` } : { value: 'XXXX-QX' };
          }
          return shifted(ctx.ref, 'Y', -1);
        },
      };
    },
  },
  {
    // "the day before", "the following day", "that same day", "the next morning"
    name: 'anaphoric-day',
    re: /\b(?:(the\s+(?:next|following|previous|preceding|same|prior)|that(?:\s+same)?|the\s+same)\s+(day|morning|afternoon|evening|night)|the\s+(day|night)(?:\s+(before|after))?)\b/gi,
    priority: 2,
    build: (m, text) => {
      const det = (m[1] ?? m[4] ?? '').toLowerCase();
      const part = m[2]?.toLowerCase() ?? m[3]!.toLowerCase();
      const end = m.index + m[0].length;
      // "later in the day", "earlier in the night before returning home": the day (or night) the
      // text is telling of; a "before"/"after" that follows starts a clause of its own.
      if (m[3] !== undefined && /\b(?:later|earlier)\s+in\s+$/i.test(text.slice(Math.max(0, m.index - 16), m.index))) {
        const nightOf = m[3].toLowerCase() === 'night' ? 'night' : undefined;
        const close = m[4] === undefined ? end : m.index + m[0].search(/\s+(?:before|after)$/i);
        return { type: nightOf ? 'TIME' : 'DATE', end: close, resolve: (ctx) => withPart(dayValue(ctx.anchor ?? ctx.ref?.date ?? null), nightOf) };
      }
      // A bare "the day" / "the night" is no time expression ("the day the ferry sank").
      if (m[1] === undefined && m[4] === undefined) return null;
      // "on Oct. 12, the day before the crash", "Nov. 3, the day before police raided the flat": set
      // off after a date and followed by an event, it restates that date; the event, not the date,
      // is what "before" counts from.
      const restated =
        m[4] !== undefined &&
        /\d,\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index)) &&
        /^\s+(?!(?:yesterday|tomorrow|last|next|this)\b)[A-Za-z]/i.test(text.slice(end, end + 12));
      if (restated) {
        return { type: 'DATE', end: m.index + m[0].search(/\s+(?:before|after)$/i), resolve: (ctx) => dayValue(ctx.anchor) };
      }
      const n = /next|following|after/.test(det) ? 1 : /previous|preceding|prior|before/.test(det) ? -1 : 0;
      const dayPart = part === 'day' ? undefined : part;
      return {
        type: dayPart ? 'TIME' : 'DATE',
        resolve: (ctx) => {
          // A month named after the last full date ("last October ... that same day") is the one meant: its day is unknown.
          const month = ctx.anchorMonth;
          if (month && (!ctx.anchor || ctx.anchor.y !== month.y || ctx.anchor.m !== month.m)) {
            const code = dayPart ? `T${DAY_PARTS[dayPart]}` : '';
            return { value: `${fmtMonth(month.y, month.m)}-XX${code}`, type: dayPart ? 'TIME' : 'DATE' };
          }
          return withPart(dayValue(ctx.anchor ? addDays(ctx.anchor, n) : ctx.ref ? addDays(ctx.ref.date, n) : null), dayPart);
        },
      };
    },
  },
  {
    // "the year", "the month", "the week", "the fiscal year", "the full year"; "the year ended ..." is a duration
    name: 'the-unit',
    re: /\b(?:the|its)\s+(?:(full|fiscal|calendar|latest|current|whole|entire)\s+)?(?:fiscal\s+)?(year|month|week|quarter|weekend)\b(?!-|\s+(?:\d|two|thousand|of\s+the))/gi,
    priority: 1,
    build: (m, text) => {
      const mod = m[1]?.toLowerCase();
      const unit = m[2]!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      // "the quarter ended Sept. 30" names one quarter: the calendar quarter holding most of its three months.
      const closing = unit === 'quarter' ? QUARTER_ENDED.exec(after) : null;
      if (closing) {
        const endMonth = monthNumber(closing[1]!)!;
        const endDay = Number(closing[2]);
        return {
          type: 'DATE',
          resolve: (ctx) => {
            // A quarter already named ("its fiscal first quarter") is the one meant: fiscal numbering wins.
            if (ctx.quarter) return { value: `${fmtYear(ctx.quarter.y)}-Q${ctx.quarter.q}` };
            if (!ctx.ref) return { value: 'XXXX-QX' };
            const r = ctx.ref.date;
            const y = endMonth > r.m || (endMonth === r.m && endDay > r.d) ? r.y - 1 : r.y;
            const mid = addMonths(y, endMonth, -1);
            const q = { y: mid.y, q: Math.floor((mid.m - 1) / 3) + 1 };
            return { value: `${fmtYear(q.y)}-Q${q.q}` };
          },
        };
      }
      if (/^\s+(?:end(?:ed|ing)|to date)\b/i.test(after)) {
        return { type: 'DURATION', resolve: () => ({ value: unit === 'quarter' ? 'P1Q' : `P1${unit[0]!.toUpperCase()}` }) };
      }
      if (unit === 'quarter') {
        return {
          type: 'DATE',
          resolve: (ctx) => {
            const q = mod === 'current' ? reportingQuarterNow(ctx) : mod === 'latest' ? reportingQuarter(ctx) : (ctx.quarter ?? reportingQuarter(ctx));
            return q ? { value: `${fmtYear(q.y)}-Q${q.q}`, quarter: q } : { value: 'XXXX-QX' };
          },
        };
      }
      const grain = GRAIN[unit]!;
      if (grain === 'WE') {
        return { type: 'DATE', resolve: (ctx) => shifted(ctx.ref, 'WE', ctx.tense(m.index, m.index + m[0].length) === 'future' ? 0 : -1) };
      }
      // "at the end of the year I was exhausted", told in March: this year's end is still to come, so a
      // past verb means last year's.
      const closingPart = (unit === 'year' || unit === 'month') && !mod && END_OF.test(text.slice(Math.max(0, m.index - 24), m.index));
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const ended =
            closingPart &&
            ctx.ref &&
            (unit === 'year' ? ctx.ref.date.m < 12 : ctx.ref.date.d < 25) &&
            (ctx.tense(m.index, m.index + m[0].length) === 'past' || PAST_CLAUSE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)));
          return shifted(ctx.ref, grain, (mod === 'latest' && unit === 'year') || ended ? -1 : 0);
        },
      };
    },
  },
];

const END_OF = /\b(?:end|close|turn|last part|latter part)\s+of\s+$/i;
// The clause an expression opens, when its verb is past: "… at the end of the year I was exhausted".
const PAST_CLAUSE_AFTER = /^,?\s+(?:[\p{L}']+\s+){1,2}(?:was|were|had|did|\p{L}+ed)\b/u;

/**
 * `overnight`: the night before the day told of (named in its sentence or the one before, else
 * the publication day) -- "shares fell Friday after overnight losses in New York" is Thursday
 * night --, or that day's own night when it lies ahead ("rain will spread overnight"). Not offered
 * as a day to later anaphora: it is mostly an adjective ("overnight losses", "an overnight flight").
 */
function overnight(ctx: ResolveContext, start: number, end: number): Resolved {
  const day = ctx.sentenceDay(start, end) ?? ctx.ref?.date ?? null;
  if (!day) return withPart(dayValue(null), 'night');
  const ahead = ctx.tense(start, end) === 'future';
  return { value: withPart(dayValue(ahead ? day : addDays(day, -1)), 'night').value, type: 'TIME' };
}

function reportingQuarterNow(ctx: ResolveContext): { y: number; q: number } | null {
  return ctx.ref ? { y: ctx.ref.date.y, q: Math.floor((ctx.ref.date.m - 1) / 3) + 1 } : null;
}

function agoValue(ctx: ResolveContext, letter: string, time: boolean, n: number, dir: string, start: number, end: number): Resolved {
  const relativeToAnchor = dir === 'earlier' || dir === 'later';
  const base = relativeToAnchor && ctx.anchor ? ctx.anchor : ctx.ref?.date;
  if (!base || !ctx.ref) return { value: time ? 'XXXX-XX-XXTXX:XX' : unknownOf(letter === 'D' ? 'D' : letter === 'W' ? 'W' : letter === 'M' ? 'M' : 'Y') };
  if (time) {
    if (ctx.ref.hour === null) return dayValue(ctx.ref.date);
    const minutes = ctx.ref.hour * 60 + (ctx.ref.minute ?? 0) + (letter === 'H' ? 60 : letter === 'M' ? 1 : 1 / 60) * n;
    const days = Math.floor(minutes / 1440);
    const rest = minutes - days * 1440;
    return { value: fmtTime(addDays(ctx.ref.date, days), Math.floor(rest / 60), Math.floor(rest % 60), false) };
  }
  switch (letter) {
    case 'D':
      return dayValue(addDays(base, n));
    case 'W':
    case 'WE':
      return { value: fmtWeek(addDays(base, 7 * n)) };
    case 'M': {
      // "The plant closed in February. A month earlier, …": counted from the month named last.
      const from = relativeToAnchor && ctx.anchorMonth ? ctx.anchorMonth : base;
      const r = addMonths(from.y, from.m, n);
      return { value: fmtMonth(r.y, r.m) };
    }
    case 'Q': {
      const total = base.y * 4 + Math.floor((base.m - 1) / 3) + n;
      return { value: `${fmtYear(Math.floor(total / 4))}-Q${(total % 4) + 1}` };
    }
    default: {
      const years = letter === 'E' ? 10 * n : letter === 'C' ? 100 * n : letter === 'L' ? 1000 * n : n;
      // In earnings reports "a year ago" is the same quarter a year back.
      if ((years === -1 || years === 1) && !ctx.aboutLongPeriod(start) && (ctx.quarter !== null || ctx.aboutQuarter(start, end))) {
        const q = comparedQuarter(ctx);
        if (q) return { value: `${fmtYear(q.y + years)}-Q${q.q}` };
      }
      // "On Oct. 12 … A year earlier, …" is the day a year back, and so is a figure of a period
      // ended on a named day ("for the six months ended Aug. 12, … a year earlier"); any other
      // compared figure ("from 4 pence a year earlier", "losses through the first nine months,
      // compared with earnings a year earlier") is the year back, not the day of the report.
      if (relativeToAnchor && ctx.anchor && ctx.sentenceDay(start, end) && (!comparesFigure(ctx.text, start) || periodEndsOnDay(ctx.text, start))) {
        const d = ctx.anchor;
        return { value: fmtDate({ y: d.y + years, m: d.m, d: d.d }) };
      }
      // "The ship sank in 1912. Five years later, …": counted from the year named last; a reporting
      // period's comparison ("for the nine months, … a year earlier") from the period reported.
      const narrative = relativeToAnchor && ctx.anchorYear !== null && !ctx.aboutLongPeriod(start) && !ctx.aboutQuarter(start, end);
      if (!narrative) return { value: fmtYear(base.y + years) };
      // Only a look back repeats a comparison; "Five years later, … Five years later" goes on in time.
      const from = (dir === 'earlier' ? sameCountAgain(ctx, start, end) : null) ?? ctx.anchorYear!;
      ctx.counted = { wording: countWording(ctx.text, start, end), from, gave: from + years };
      return { value: fmtYear(from + years) };
    }
  }
}

const countWording = (text: string, start: number, end: number): string => text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');

/**
 * "Sales reached $5m in 2027. A year earlier they were $4m. ... against a loss a year earlier": the
 * same offset again, with nothing dated between, compares with the same year as the first (2026
 * both times), not a year before it. The year the first one counted from, else null.
 */
function sameCountAgain(ctx: ResolveContext, start: number, end: number): number | null {
  const last = ctx.counted;
  if (!last || last.gave !== ctx.anchorYear || last.wording !== countWording(ctx.text, start, end)) return null;
  return last.from;
}

/**
 * Whether "last year" at [start, end) dates a figure being compared: right after an amount
 * (`a loss of $3 million last year`) or as a possessive before one (`from last year's $1.55
 * billion`, `last year's results`); not after a verb (`the 16 cents it reported last year`) and not
 * in a sentence that compares whole years (`this year`).
 */
function isComparison(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  let from = 0;
  for (const b of before.matchAll(/[.!?]["”]?\s+(?=[A-Z"“])|\n/g)) from = b.index + b[0].length;
  const sentence = before.slice(from);
  const after = /^[\s\S]*?(?:[.!?]["”]?\s+(?=[A-Z"“])|\n|$)/.exec(text.slice(end, end + 200))![0];
  // A comparison of whole years ("earnings for this year, up from last year's"), not "this year's third quarter".
  if (/\bthis year\b(?!['’]s)/i.test(sentence + ' ' + after)) return false;
  if (/(?:\d%?|\b(?:million|billion|cents|a share))\s+$/i.test(text.slice(Math.max(0, start - 12), start))) return true;
  return /^['’]s\s+(?:\$|#|\d|results|figures|earnings|profit|net|sales|revenue|loss)/i.test(text.slice(end, end + 12));
}

/** Whether the expression at `start` dates a compared figure: an amount or `compared with earnings` right before it. */
function comparesFigure(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return /(?:\d%?|\b(?:million|billion|cents|pence|a share|earnings|profit|sales|revenue|loss))\s+$/i.test(before);
}

/** Whether the sentence before `start` names a period that ended on a given day (`the six months ended Aug. 12`). */
function periodEndsOnDay(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 300), start);
  const m = /\b(?:ended|ending)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{4}-\d{2}-\d{2})\b(?![\s\S]*[.!?]["”]?\s+[A-Z])/.exec(before);
  return m !== null;
}

/** Nouns that make `today's …` the present age rather than the day: `today's world`, `today's youth`. */
const AGE_NOUN =
  /^['’]s\s+(?:[a-z]+\s+)?(?:world|society|youth|young|generations?|children|kids|teenagers|students|families|parents|women|men|people|economy|technology|culture|politics|music|consumers|workers|schools|marketplace|global|computers|standards|terms|dollars|medicine|science|industry|politicians|voters)\b/;

/**
 * `today` / `tomorrow` naming an age, not a day: before a noun of the present age (`today's world`,
 * `many of today's personal computers`) or after `the <noun> of` (`the people of tomorrow`; not `the rest of today`).
 */
function isGenericDay(text: string, start: number, end: number): boolean {
  if (/^(?:today|tomorrow)$/i.test(text.slice(start, end))) {
    if (AGE_NOUN.test(text.slice(end, end + 40))) return true;
    const of = /\bthe\s+([a-z]+)\s+of\s+$/i.exec(text.slice(Math.max(0, start - 30), start));
    if (of && !/^(?:morning|afternoon|evening|night|day|end|start|beginning|rest|events?|meetings?|session|news)$/i.test(of[1]!)) return true;
  }
  return false;
}
