import { DAY_PARTS, MONTH_STRICT, NUM, UNIT, VAGUE, WEEKDAY, monthNumber, parseNumber, unitCode, weekdayNumber } from './lexicon.ts';
import { fmtDate } from './calendar.ts';
import { resolveWeekday, shifted, type Grain } from './clock.ts';
import type { Rule } from './types.ts';

// Durations ("three days", "the past two years", "a 10-year note") and sets ("every Monday",
// "daily", "$1 billion a year"), valued as TimeML: P3D, P2Y, P10Y, XXXX-WXX-1, P1D.

const rx = (source: string): RegExp => new RegExp(source, 'gi');

const SMALLER: Record<string, [string, number, boolean]> = {
  Y: ['M', 12, false],
  M: ['D', 30, false],
  W: ['D', 7, false],
  D: ['H', 24, true],
  H: ['M', 60, true],
  S: ['S', 1, true],
};

/** n units as an ISO duration: 2.5 years -> P2Y6M, 5.5 hours -> PT5H30M, unknown n -> PXY. */
export function durationValue(n: number | null, unitWord: string): string {
  const u = unitCode(unitWord);
  let letter = u.letter === 'WE' ? 'D' : u.letter;
  let count = n === null ? null : n * u.factor * (u.letter === 'WE' ? 2 : 1);
  if (count !== null && letter === 'E') {
    count *= 10;
    letter = 'Y';
  } else if (count !== null && letter === 'C') {
    count *= 100;
    letter = 'Y';
  } else if (count !== null && letter === 'Q' && !Number.isInteger(count)) {
    // TimeML keeps whole quarters as quarters ("the past two quarters" is P2Q); a fraction goes to months.
    count *= 3;
    letter = 'M';
  }
  const t = u.time ? 'T' : '';
  if (count === null) return `P${t}X${letter}`;
  const whole = Math.floor(count);
  const frac = count - whole;
  // "M" is minutes among time units (PT1M30S), months otherwise (P1M15D).
  const smaller = u.time && letter === 'M' ? (['S', 60, true] as const) : SMALLER[letter];
  if (frac > 0 && smaller && letter !== 'S') {
    const [small, factor, smallTime] = smaller;
    const part = Math.round(frac * factor);
    const head = whole ? `${whole}${letter}` : '';
    if (!u.time && smallTime) return `P${head}T${part}${small}`;
    return `P${t}${head}${part}${small}`;
  }
  return `P${t}${whole}${letter}`;
}

const MOD =
  '(?:(?:about|around|nearly|almost|roughly|approximately|more than|less than|fewer than|at least|at most|up to|no more than|no less than|just over|just under|well over|over(?!\\s+(?:the|its|their|his|her|this|that)\\b)|under|barely|only|some|another|an additional|a further|the better part of)\\s+)';
const DET =
  '(?:(?:the|its|their|his|her|a|an|each of the|all)\\s+)?(?:(?:past|last|next|first|coming|previous|following|final|initial|latest|preceding|remaining|ensuing|subsequent|same|additional|further|few|other)\\s+)?';

// Built once: the builds below run at every match.
const VAGUE_ONLY = new RegExp(`^${VAGUE}$`, 'i');
const NUM_LEAD = new RegExp(`^(?:${NUM})\\s`, 'i');
const RANGE_TAIL = /^\s+or\s+(?:two|three|2|3)\b(?![- ](?:old|ago)\b)/i;
const WEEKDAY_AND = new RegExp(`\\b(?:${WEEKDAY})\\s+(?:and|or)\\s+$`, 'i');

// "minute" as an adjective: before a colour, a size word or a noun for a small amount or thing.
const TINY_AFTER =
  /^\s+(?:(?:red|black|white|blue|green|yellow|grey|gray|brown|dark|bright|round|little|amounts?|quantit(?:y|ies)|traces?|particles?|fractions?|details?|differences?|changes?|dots?|specks?|drops?|holes?|cracks?|pieces?|organisms?|creatures?|insects?|bits?|doses?)\b)/i;

const FROM_NOW: Record<string, Grain> = { year: 'Y', month: 'M', week: 'W', day: 'D' };

export const DURATION_RULES: Rule[] = [
  {
    // "the past three years", "about two weeks", "a minute and a half", "2 1/2 years", "two to three weeks"
    name: 'duration',
    re: rx(
      `\\b${MOD}?${DET}(${NUM}|${VAGUE})(?:\\s+(?:to|or)\\s+(${NUM}))?(?:\\s+(?:more|additional|full|straight|consecutive|long|trading|business|working|calendar))?[- ](${UNIT})(?:\\s+and\\s+a\\s+half)?(?:[- ](?:long|period|stretch|span|term|run|old(?=\\s+(?:truce|war|conflict|ceasefire|strike|dispute|crisis|boom|slump|fight|battle|campaign|investigation))))?(?:\\s+or\\s+so)?\\b(?![- ](?:old\\b|olds\\b|ago\\b))`,
    ),
    priority: 1,
    build: (m, text) => {
      const count = m[1]!;
      const unit = m[3]!;
      const vague = VAGUE_ONLY.test(count);
      let n = vague ? null : parseNumber(count);
      if (!vague && n === null) return null;
      if (/\band a half$/i.test(m[0]) && n !== null) n += 0.5;
      const hyphenated = m[0].includes(`-${unit}`) || m[0].endsWith(`${unit}-long`);
      // "in a year or two", told of what is to come, is some time ahead (TimeML FUTURE_REF), not a
      // stretch of a year.
      const range =
        n === 1 && !hyphenated && /\b(?:in|within)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))
          ? RANGE_TAIL.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 12))
          : null;
      if (range) {
        const end = m.index + m[0].length + range[0].length;
        // A modal right before it looks ahead even in reported speech ("said the ward could open in …").
        const modal = /\b(?:will|would|could|may|might|should|can|hope to|expects? to|plans? to)\b[^.,;]*$/i.test(
          text.slice(Math.max(0, m.index - 40), m.index),
        );
        return {
          type: 'DURATION',
          end,
          resolve: (ctx) => (modal || ctx.tense(m.index, end) !== 'past' ? { value: 'FUTURE_REF', type: 'DATE' } : { value: durationValue(null, unit) }),
        };
      }
      const single = /^(?:an?)$/i.test(count.trim());
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      // "$1 billion a year", "four flights a week": a rate after a quantity is a set, not a duration.
      if (
        single &&
        !hyphenated &&
        /^(?:an?)\s/i.test(m[0]) &&
        /(?:\d|million|billion|trillion|times|twice|once|percent|%|\$\S*|\w\ws)\s*$/i.test(before) &&
        !/\b(?:in|for|within|over|than|after|about|of|last|past|whole)\s*$/i.test(before)
      ) {
        return { type: 'SET', resolve: () => ({ value: durationValue(1, unit) }) };
      }
      // "a quarter-century" is twenty-five years, not a quarter.
      if (/^quarter$/i.test(unit) && /^[- ]century\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 9))) {
        return { type: 'DURATION', end: m.index + m[0].length + 8, resolve: () => ({ value: `P${25 * (n ?? 1)}Y` }) };
      }
      // "a second group", "a few second serves": the ordinal, not the unit (a count of seconds takes the
      // plural). "A minute red dot", "minute traces": tiny, not sixty seconds.
      if ((single || (vague && !hyphenated)) && /^second$/i.test(unit)) return null;
      if (/^minute$/i.test(unit) && TINY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      // "quarter" is also a fraction: "a quarter of the shares", "three quarters of them".
      if (/^quarter/i.test(unit) && !vague && (n ?? 0) < 4 && /^\s+of\b/i.test(text.slice(m.index + m[0].length))) return null;
      // "the 30-year" bond, "a 10-year note": still a duration per TimeBank; "12-day-old" is an age, excluded by the regex.
      // "a two-hour meeting": TimeBank tags the adjective, not the article ("a three-year period" keeps it).
      const article = hyphenated && /^an?\s/i.test(m[0]) && !/(?:period|stretch|span|term|run)$/i.test(m[0]) ? m[0].indexOf(' ') + 1 : 0;
      const grain = FROM_NOW[unit.toLowerCase().replace(/s$/, '')];
      // "will be redeemed in five years": a point that far from now, not a stretch of time.
      if (grain && n !== null && Number.isInteger(n) && !hyphenated && /\bin\s+$/i.test(before) && NUM_LEAD.test(m[0])) {
        const end = m.index + m[0].length;
        return {
          type: 'DURATION',
          resolve: (ctx) =>
            ctx.tense(m.index, end) === 'future' && ctx.ref ? { ...shifted(ctx.ref, grain, n), type: 'DATE' } : { value: durationValue(n, unit) },
        };
      }
      return { type: 'DURATION', start: m.index + article, resolve: () => ({ value: durationValue(n, unit) }) };
    },
  },
  {
    // "for years", "within weeks", "centuries", "decades-long", "the weeks ahead"
    name: 'bare-units',
    re: /\b(?:(for|in|within|over|after|of|during|the)\s+)(?:(?:the\s+)?(?:coming|recent|ensuing|early|following|first|final|last|past|next)\s+)?(minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?:\s+(?:ahead|to come))?\b(?![- ](?:old|ago|of age|earlier|later)\b)|\b(decades|centuries|years|months|weeks|days|day|hours|hour|year|month|week)-(?:long|old)\b/gi,
    priority: 0,
    build: (m, text) => {
      const unit = m[2] ?? m[3]!;
      const prep = m[1]?.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (prep === 'of' && !/recent|coming/i.test(m[0])) return null;
      if (
        prep === 'the' &&
        !/\s(?:ahead|to come)$|coming|early|ensuing|following|first|final|last|past|next/i.test(m[0]) &&
        !/^\s+(?:that|before|after|since|following|leading)\b/i.test(after)
      )
        return null;
      if (/^\s*(?:of age|old)\b/i.test(after)) return null;
      // "24-year-old", "a day-old truce": an age, not a span of time ("decades-old" still is one).
      if (m[3] !== undefined && ((/-old$/i.test(m[0]) && !/s-old$/i.test(m[0])) || /[\w]-$/.test(text.slice(Math.max(0, m.index - 1), m.index)))) return null;
      const start = prep && prep !== 'the' ? m.index + m[1]!.length + m[0].slice(m[1]!.length).search(/\S/) : m.index;
      // "a day-long meeting" is one day; "decades-long" and "for years" are unspecified.
      const one = m[3] !== undefined && !/s$/i.test(unit);
      return { type: 'DURATION', start, resolve: () => ({ value: durationValue(one ? 1 : null, unit) }) };
    },
  },
  {
    // "recent years", "past years", "coming months" without an article: vague references
    name: 'vague-plural',
    re: /\b(recent|past|coming)\s+(years|months|weeks|days|quarters|decades)\b/gi,
    priority: 1,
    build: (m, text) => {
      const w = m[1]!.toLowerCase();
      if (/\bthe\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))) return null;
      if (w === 'recent' && !/years/i.test(m[2]!)) return { type: 'DURATION', resolve: () => ({ value: durationValue(null, m[2]!) }) };
      return { type: 'DATE', resolve: () => ({ value: w === 'coming' ? 'FUTURE_REF' : 'PAST_REF' }) };
    },
  },
  {
    name: 'a-while',
    re: /\b(?:a (?:long |short |little )?while|a long time|a short time|a (?:fairly |very )?(?:long|lengthy|brief) period)\b/gi,
    priority: 0,
    build: () => ({ type: 'DURATION', resolve: () => ({ value: 'PXX' }) }),
  },
];

export const SET_RULES: Rule[] = [
  {
    name: 'every-unit',
    re: rx(
      `\\b(every|each|per)\\s+(other\\s+|(${NUM})\\s+)?(second|minute|hour|day|night|week|weekend|month|quarter|year|decade|morning|afternoon|evening)s?\\b`,
    ),
    priority: 2,
    build: (m) => {
      const n = m[2] && /other/i.test(m[2]) ? 2 : m[3] ? parseNumber(m[3]) : 1;
      const unit = m[4]!.toLowerCase();
      if (n === null) return null;
      const part: Record<string, string> = { morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI' };
      if (part[unit] && unit !== 'night') return { type: 'SET', resolve: () => ({ value: `XXXX-XX-XX${part[unit]}` }) };
      return { type: 'SET', resolve: () => ({ value: durationValue(n, unit === 'night' ? 'day' : unit) }) };
    },
  },
  {
    name: 'every-weekday',
    re: rx(`\\b(?:every|each|on)\\s+(${WEEKDAY})s?\\b|\\b(${WEEKDAY})s\\b`),
    priority: 3,
    build: (m) => {
      if (/^on/i.test(m[0]) && !/s$/i.test(m[0])) return null;
      const wd = weekdayNumber((m[1] ?? m[2])!);
      if (wd === undefined) return null;
      const start = /^on\s/i.test(m[0]) ? m.index + 3 : m.index;
      return { type: 'SET', start, resolve: () => ({ value: `XXXX-WXX-${wd}` }) };
    },
  },
  {
    // "Tuesday nights", "on Sunday mornings"; "Monday and Tuesday nights" makes Monday nights a set too
    name: 'weekday-parts',
    re: rx(
      `\\b(${WEEKDAY})s?\\s+(morning|afternoon|evening|night)s\\b|\\b(${WEEKDAY})(?=\\s+(?:and|or)\\s+(?:${WEEKDAY})s?\\s+(morning|afternoon|evening|night)s\\b)`,
    ),
    priority: 3,
    build: (m, text) => {
      const wd = weekdayNumber((m[1] ?? m[3])!);
      const part = DAY_PARTS[(m[2] ?? m[4])!.toLowerCase()];
      if (wd === undefined || !part) return null;
      const end = m.index + m[0].length;
      const paired = m[3] !== undefined || WEEKDAY_AND.test(text.slice(Math.max(0, m.index - 16), m.index));
      return {
        type: 'SET',
        resolve: (ctx) => {
          // "Storms struck on Monday and Tuesday nights": two nights told in the past are those two nights.
          if (paired && ctx.tenseWide(m.index, end) === 'past') {
            const day = resolveWeekday(ctx.ref, wd, 'past').day;
            return day ? { value: `${fmtDate(day)}T${part}`, type: 'TIME', day } : { value: `XXXX-XX-XXT${part}`, type: 'TIME' };
          }
          return { value: `XXXX-WXX-${wd}T${part}` };
        },
      };
    },
  },
  {
    name: 'every-month',
    re: rx(`\\b(?:every|each)\\s+(${MONTH_STRICT})(?![\\w'])`),
    priority: 3,
    build: (m) => {
      const month = monthNumber(m[1]!);
      return month === undefined ? null : { type: 'SET', resolve: () => ({ value: `XXXX-${String(month).padStart(2, '0')}` }) };
    },
  },
  {
    name: 'adverb-set',
    re: /\b(daily|nightly|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually|hourly|twice a (?:day|week|month|year)|once a (?:day|week|month|year)|(?:several|many|\d+|two|three|four|five|six|ten) times a (?:day|week|month|year))\b/gi,
    priority: 1,
    build: (m, text) => {
      const w = m[1]!.toLowerCase();
      // "its quarterly dividend": an adjective of frequency that TimeBank leaves untagged.
      if (w === 'quarterly' && /^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return null;
      // "Entertainment Weekly", "the Atlantic Monthly": capitalised after a capitalised word, a title's word.
      if (/^\p{Lu}/u.test(m[1]!) && /\p{Lu}[\p{L}.'’-]*\s+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
      // "the Communist Party daily": the newspaper, still tagged daily in TimeBank; "quarterly report" is an adjective we keep too.
      const map: Record<string, string> = {
        daily: 'P1D',
        nightly: 'P1D',
        weekly: 'P1W',
        biweekly: 'P2W',
        fortnightly: 'P2W',
        monthly: 'P1M',
        quarterly: 'P3M',
        yearly: 'P1Y',
        annually: 'P1Y',
        hourly: 'PT1H',
      };
      const unit = /(day|week|month|year)$/.exec(w)?.[1];
      const value = map[w] ?? (unit ? durationValue(1, unit) : null);
      if (!value) return null;
      return { type: 'SET', resolve: () => ({ value }) };
    },
  },
];
