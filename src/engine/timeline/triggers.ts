import { MONTHS, SEASONS, WEEKDAYS } from './lexicon.ts';

// Which words can start or anchor a match of each rule, and how far before that word the match
// may begin. The tagger tokenises the text once and tries a rule (as a sticky regex) only at the
// word starts just before one of its trigger words, instead of scanning the whole text once per
// rule: the per-article cost then follows the number of temporal words, not the text length.

export interface Trigger {
  words?: readonly string[];
  /** A token that starts with a digit triggers the rule when this accepts it. */
  digits?: (token: string) => boolean;
  /** Tokens starting with q, f or h ("q3", "fy1999", "h1"). */
  test?: (lowerToken: string) => boolean;
  /** How many characters before the trigger word a match may start. */
  lookback: number;
}

const months = Object.keys(MONTHS);
const weekdays = Object.keys(WEEKDAYS).filter((w) => w.length > 3);
const plural = (ws: string[]): string[] => ws.flatMap((w) => [w, `${w}s`]);
const UNITS = [
  ...plural(['second', 'minute', 'hour', 'day', 'night', 'week', 'weekend', 'fortnight', 'month', 'quarter', 'year', 'decade']),
  'century',
  'centuries',
  'millennium',
  'millennia',
];
const DAY_PARTS = ['morning', 'afternoon', 'evening', 'night'];
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'noon', 'midnight', 'midday'];
const SPOKEN_YEARS = ['nineteen', 'twenty', 'two'];

export const TRIGGERS: Record<string, Trigger> = {
  'iso-date': { digits: (t) => t.length === 4, lookback: 0 },
  'month-day': { words: months, lookback: 16 },
  'day-month': { words: months, lookback: 30 },
  'numeric-date': { digits: (t) => t.length <= 2, lookback: 0 },
  'joined-day': { digits: (t) => /^\d{1,2}(?:st|nd|rd|th)?$/i.test(t), lookback: 0 },
  'month-year': { words: months, lookback: 0 },
  month: { words: months, lookback: 0 },
  year: { digits: (t) => t.length === 4, words: SPOKEN_YEARS, lookback: 26 },
  decade: {
    words: ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
    digits: (t) => /^\d{1,3}0s$/.test(t),
    lookback: 14,
  },
  century: { words: ['century'], lookback: 30 },
  season: { words: Object.keys(SEASONS), lookback: 18 },
  holiday: {
    words: [
      'new',
      'christmas',
      'boxing',
      'valentine',
      'halloween',
      'independence',
      'bastille',
      'veterans',
      'armistice',
      'may',
      'thanksgiving',
      'labor',
      'labour',
      'memorial',
      'martin',
      'presidents',
      'election',
      'easter',
      'good',
    ],
    lookback: 6,
  },
  'deictic-day': { words: ['yesterday', 'today', 'tomorrow', 'tonight'], lookback: 16 },
  'day-part': { words: [...DAY_PARTS, 'overnight', 'mid', 'midmorning', 'midafternoon'], lookback: 12 },
  weekday: { words: weekdays, lookback: 20 },
  'relative-unit': { words: ['week', 'weekend', 'month', 'year', 'quarter', 'decade', 'century', 'half'], lookback: 22 },
  'month-of-relative-year': { words: months, lookback: 0 },
  'relative-month': { words: months, lookback: 16 },
  ago: { words: ['ago', 'earlier', 'later', 'now', 'hence', 'back'], lookback: 64 },
  'bare-ago': { words: ['ago'], lookback: 12 },
  'year-earlier': { words: ['year', 'prior'], lookback: 30 },
  'anaphoric-day': { words: ['day', ...DAY_PARTS], lookback: 30 },
  'the-unit': { words: ['year', 'month', 'week', 'quarter', 'weekend'], lookback: 24 },
  'ordinal-quarter': { words: ['quarter', 'half'], lookback: 72 },
  'q-notation': { test: (t) => /^(?:q[1-4](?:\d\d)?|fy\d*|h[12])$/.test(t), digits: (t) => /^[1-4]q\d*$/i.test(t), lookback: 0 },
  'reporting-period': { words: ['period', 'quarter'], lookback: 30 },
  duration: { words: UNITS, lookback: 80 },
  'bare-units': { words: [...UNITS, 'decades', 'centuries'], lookback: 40 },
  'a-while': { words: ['while', 'time', 'period'], lookback: 30 },
  'every-unit': { words: ['every', 'each', 'per'], lookback: 0 },
  'every-weekday': { words: plural(weekdays), lookback: 7 },
  'weekday-parts': { words: plural(weekdays), lookback: 0 },
  'every-month': { words: months, lookback: 7 },
  'adverb-set': {
    words: ['daily', 'nightly', 'weekly', 'biweekly', 'fortnightly', 'monthly', 'quarterly', 'yearly', 'annually', 'hourly', 'twice', 'once', 'times'],
    lookback: 14,
  },
  clock: { digits: (t) => t.length <= 4, words: NUMBER_WORDS, lookback: 0 },
  present: { words: ['now', 'nowadays', 'currently', 'presently', 'present', 'days', 'current'], lookback: 18 },
  past: { words: ['recently', 'lately', 'formerly', 'past', 'time'], lookback: 16 },
  future: { words: ['soon', 'future', 'term', 'date', 'someday'], lookback: 26 },
  'year-end': { words: ['end'], lookback: 16 },
  'week-of': { words: ['week'], lookback: 4 },
  'day-around-day': { words: ['day', 'night'], lookback: 4 },
  'one-day-future': { words: ['day'], lookback: 4 },
  'holiday-week': { words: ['week'], lookback: 20 },
  'two-quarters': { words: ['quarters'], lookback: 20 },
  'vague-plural': { words: ['years', 'months', 'weeks', 'days', 'quarters', 'decades'], lookback: 10 },
};
