// Words of the temporal vocabulary and the regex fragments built from them. Every fragment is a
// non-capturing group so rules can combine them freely.

export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const WEEKDAYS: Record<string, number> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
};

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** Parts of the day and their TimeML codes. */
export const DAY_PARTS: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  overnight: 'NI',
  tonight: 'NI',
};

const SMALL: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  dozen: 12,
  single: 1,
  couple: 2,
};

/** Words for an unknown count ("several years"): the value gets an X. */
export const VAGUE_COUNTS = new Set(['few', 'several', 'many', 'some', 'couple', 'number']);

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  last: -1,
};

/** "twenty-four", "twenty four", "24", "1 1/2", "two and a half" -> number; null if not a number. */
export function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/-/g, ' ').trim();
  if (/^\d+(?:[.,]\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  const frac = /^(\d+) 1\/2$/.exec(s);
  if (frac) return Number(frac[1]) + 0.5;
  let total = 0;
  let seen = false;
  for (const word of s.split(/\s+/)) {
    if (word === 'and' || word === 'of') continue;
    if (word === 'half') {
      total += seen ? 0.5 : 0.5;
      seen = true;
      continue;
    }
    const n = SMALL[word];
    if (n === undefined) return null;
    if (word === 'of') continue;
    if (n === 100 || n === 1000) total = (total || 1) * n;
    else if (seen && (word === 'a' || word === 'an')) continue;
    else total += n;
    seen = true;
  }
  return seen ? total : null;
}

/** "third" / "3rd" / "twenty-first" -> 3 / 3 / 21 (last -> -1); null if not an ordinal. */
export function parseOrdinal(raw: string): number | null {
  const s = raw.toLowerCase().replace(/-/g, ' ');
  const digits = /^(\d+)(?:st|nd|rd|th)$/.exec(s);
  if (digits) return Number(digits[1]);
  const parts = s.split(/\s+/);
  if (parts.length === 2) {
    const tens = SMALL[parts[0]!];
    const unit = ORDINALS[parts[1]!];
    return tens !== undefined && unit !== undefined ? tens + unit : null;
  }
  return ORDINALS[s] ?? null;
}

const alt = (words: Iterable<string>): string => [...words].sort((a, b) => b.length - a.length).join('|');

const NUMBER_WORDS = alt(Object.keys(SMALL).filter((w) => !['a', 'an', 'single', 'couple'].includes(w)));

/** A count: digits, "1 1/2", "twenty-four", "two and a half", "a", "an". */
export const NUM = `(?:\\d+(?:\\.\\d+)?(?: 1\\/2)?|(?:${NUMBER_WORDS})(?:[- ](?:${NUMBER_WORDS}))?(?: and a half)?|an?(?: half)?|(?:a )?couple of)`;
export const VAGUE = '(?:a few|few|several|many|some|a number of)';
export const ORD = `(?:\\d+(?:st|nd|rd|th)|(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${alt(Object.keys(ORDINALS).filter((w) => w !== 'last'))})`;

export const MONTH =
  '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?\\.?|july?\\.?|aug(?:ust|\\.)?|sep(?:t(?:ember|\\.)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
/** Months spelled out or abbreviated with a full stop: "Mar" alone is too ambiguous. */
export const MONTH_STRICT =
  '(?:january|jan\\.|february|feb\\.|march|mar\\.|april|apr\\.|may|june|jun\\.|july|jul\\.|august|aug\\.|september|sept?\\.|october|oct\\.|november|nov\\.|december|dec\\.)';
export const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
export const SEASON = '(?:spring|summer|fall|autumn|winter)';
export const DAY_PART = '(?:morning|afternoon|evening|night)';
export const UNIT =
  '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))';

export function monthNumber(raw: string): number | undefined {
  return MONTHS[raw.toLowerCase().replace(/\.$/, '')];
}

export function weekdayNumber(raw: string): number | undefined {
  return WEEKDAYS[raw.toLowerCase().replace(/\.$/, '')];
}

/** A unit word -> the TimeML duration letter and whether it is a time (PT...) unit. */
export function unitCode(raw: string): { letter: string; time: boolean; factor: number } {
  const u = raw.toLowerCase();
  if (u.startsWith('second')) return { letter: 'S', time: true, factor: 1 };
  if (u.startsWith('minute')) return { letter: 'M', time: true, factor: 1 };
  if (u.startsWith('hour')) return { letter: 'H', time: true, factor: 1 };
  if (u.startsWith('day') || u.startsWith('night')) return { letter: 'D', time: false, factor: 1 };
  if (u.startsWith('weekend')) return { letter: 'WE', time: false, factor: 1 };
  if (u.startsWith('fortnight')) return { letter: 'W', time: false, factor: 2 };
  if (u.startsWith('week')) return { letter: 'W', time: false, factor: 1 };
  if (u.startsWith('month')) return { letter: 'M', time: false, factor: 1 };
  if (u.startsWith('quarter')) return { letter: 'Q', time: false, factor: 1 };
  if (u.startsWith('decade')) return { letter: 'E', time: false, factor: 1 };
  if (u.startsWith('centur')) return { letter: 'C', time: false, factor: 1 };
  if (u.startsWith('millenni')) return { letter: 'L', time: false, factor: 1 };
  return { letter: 'Y', time: false, factor: 1 };
}
