import type { Span, TimelineEntry } from '../core/types.ts';
import { splitSentences } from './sentences.ts';
import { mondayOfWeek } from './timeline/calendar.ts';
import { tagTimeExpressions, type Timex } from './timeline/tagger.ts';

export type { Timex } from './timeline/tagger.ts';

export interface TimelineOptions {
  /** ISO 8601 publication time; relative expressions ("yesterday", "Friday") are resolved against it. */
  publishedAt?: string;
  /**
   * The text already split by `splitSentences` (offsets into this same text), so an engine that
   * needs the sentences for other parts does not split twice. Omitted: split here.
   */
  sentences?: Span[];
}

/** The raw tagged expressions in text order, without events. */
export function tagTimex(text: string, options: TimelineOptions = {}): Timex[] {
  return tagTimeExpressions(text, options.publishedAt, options.sentences);
}

const SEASON_MONTH: Record<string, number> = { WI: 1, SP: 4, SU: 7, FA: 10 };
const PART_HOUR: Record<string, number> = { MO: 8, AF: 14, EV: 19, NI: 22 };

/**
 * A point in time (ms) to order an entry by: the start of the period its value names. Null for
 * durations, sets, vague references and values with unknown parts; those go after, in text order.
 */
export function sortKey(entry: Pick<Timex, 'type' | 'value'>): number | null {
  if (entry.type === 'DURATION' || entry.type === 'SET') return null;
  const v = entry.value;
  // Every pattern below opens with a digit: PRESENT_REF, XXXX-… and the like need none of them tried.
  const first = v.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return null;
  let m = /^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(?:(\d\d)(?::(\d\d))?|(MO|AF|EV|NI)))?)?)?Z?$/.exec(v);
  if (m) {
    const hour = m[4] !== undefined ? Number(m[4]) : m[6] ? PART_HOUR[m[6]]! : 0;
    return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), hour, Number(m[5] ?? 0));
  }
  if ((m = /^(\d{4})-W(\d\d?)(?:-WE)?$/.exec(v))) {
    const d = mondayOfWeek(Number(m[1]), Number(m[2]));
    return Date.UTC(d.y, d.m - 1, d.d) + (v.endsWith('WE') ? 5 * 86_400_000 : 0);
  }
  if ((m = /^(\d{4})-([QH])(\d)$/.exec(v))) return Date.UTC(Number(m[1]), (Number(m[3]) - 1) * (m[2] === 'Q' ? 3 : 6), 1);
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) return Date.UTC(Number(m[1]), SEASON_MONTH[m[2]!]! - 1, 1);
  if ((m = /^(\d{3})X?$/.exec(v))) return Date.UTC(Number(m[1]) * 10, 0, 1);
  if ((m = /^(\d{2})X{0,2}$/.exec(v))) return Date.UTC(Number(m[1]) * 100, 0, 1);
  return null;
}

/**
 * The time expressions of a text as a timeline: one entry per occurrence, each with its TimeML
 * type and value and the sentence it dates, ordered by the time it names (expressions without a
 * calendar position -- durations, sets, PRESENT_REF, unresolved -- follow in text order).
 */
export function extractTimeline(text: string, options: TimelineOptions = {}): TimelineEntry[] {
  if (!text) return [];
  const sentences = options.sentences ?? splitSentences(text);
  const tagged = tagTimeExpressions(text, options.publishedAt, sentences);
  let s = 0;
  const entries = tagged.map((t, index) => {
    while (s + 1 < sentences.length && sentences[s + 1]!.start <= t.start) s++;
    const sentence = sentences[s];
    const event = sentence && sentence.start <= t.start && t.start < sentence.end ? sentence.text : t.text;
    // A literal, not a spread: the spread copied each entry through a generic slow path (3 % of the timeline's time).
    const entry: TimelineEntry = { text: t.text, start: t.start, end: t.end, type: t.type, value: t.value, event };
    return { entry, key: sortKey(t), index };
  });
  entries.sort((a, b) => {
    if (a.key !== null && b.key !== null) return a.key - b.key || a.index - b.index;
    if (a.key !== null) return -1;
    if (b.key !== null) return 1;
    return a.index - b.index;
  });
  return entries.map((e) => e.entry);
}
