import type { TimexType } from '../../core/types.ts';
import type { Ymd } from './calendar.ts';
import type { Reference } from './reference.ts';

/** Direction a bare "Friday" or "in March" points to, read from the words around it. */
export type Tense = 'past' | 'future' | 'none';

/** What a rule's resolver can read: the publication time, the last fully dated day, the wording around the match. */
export interface ResolveContext {
  text: string;
  ref: Reference | null;
  /** The most recent explicit calendar date mentioned before this expression ("that day" refers to it). */
  anchor: Ymd | null;
  /** The most recent month and year named ("the following month", "that year" refer to them). */
  anchorMonth: { y: number; m: number } | null;
  anchorYear: number | null;
  /**
   * The last year counted back or on from the year named before ("in 2027 ... a year earlier"):
   * the offset's wording, the year it counted from and the year it gave.
   */
  counted: { wording: string; from: number; gave: number } | null;
  /** The most recent quarter named before this expression ("the quarter", "a year earlier" refer to it). */
  quarter: { y: number; q: number } | null;
  /** Whether the sentence around [start, end) talks about a reporting period (quarter, period). */
  aboutQuarter: (start: number, end: number) => boolean;
  /** Whether the sentence compares a longer reporting period (nine months, the fiscal year) and no quarter. */
  aboutLongPeriod: (start: number) => boolean;
  /** A day named in the same sentence, for bare clock times ("at 10 p.m. ... on Friday"). */
  sentenceDay: (start: number, end: number) => Ymd | null;
  /**
   * The day of a bare clock time (no day next to it): a day named in its sentence, else the one
   * `sentenceDay` falls back on or the publication day -- moved to the day before when the time,
   * told in the past, is later than the publication time there (see the tagger's `clockDay`).
   */
  clockDay: (start: number, end: number, clock: ClockTime) => Ymd | null;
  /**
   * The month and year of an expression that writes them ("in March 2021"), when it comes before
   * `start` in the same clause or in one joined to it by "and" ("joined in March 2021 and left in May").
   */
  narrativeMonth: (start: number) => { y: number; m: number } | null;
  tense: (start: number, end: number) => Tense;
  /** `tense`, falling back on the rest of the sentence (after, then before) when the clause has no cue. */
  tenseWide: (start: number, end: number) => Tense;
}

export interface Resolved {
  value: string;
  type?: TimexType;
  /** A calendar day this expression fixes, offered as the anchor to later anaphora ("the next day"). */
  day?: Ymd;
  /** A quarter this expression fixes, offered to later "the quarter" / "a year earlier". */
  quarter?: { y: number; q: number };
}

export interface Candidate {
  start: number;
  end: number;
  type: TimexType;
  rule: string;
  /** Breaks ties between overlapping candidates of equal length. */
  priority: number;
  resolve: (ctx: ResolveContext) => Resolved | null;
  /** Set on clock times, so a neighbouring day can be merged in ("10 p.m. Wednesday"). */
  clock?: ClockTime;
}

/** What a clock expression says, before it is put on a day. */
export interface ClockTime {
  hour: number;
  minute: number;
  zone: string | null;
  /** The same instant restated in another zone, in brackets: preferred when it is UTC/GMT. */
  restated: { hour: number; minute: number; zone: string } | null;
}

/** A rule: one pre-compiled global regex and what a match means. */
export interface Rule {
  name: string;
  re: RegExp;
  priority?: number;
  build: (m: RegExpExecArray, text: string) => (Omit<Candidate, 'rule' | 'priority' | 'start' | 'end'> & { start?: number; end?: number }) | null;
}
