import type { Span, TimexType } from '../../core/types.ts';
import { splitSentences } from '../sentences.ts';
import { sameDay, type Ymd } from './calendar.ts';
import { quoteSpansOf } from '../quotes/spans.ts';
import { parseReference, type Reference } from './reference.ts';
import { dayOfPastClock, dayOfSameEvent, onCountedDay, storyOffset } from './clock-day.ts';
import { COMPOUND_RULES } from './rules-compound.ts';
import { DATE_RULES } from './rules-dates.ts';
import { DURATION_RULES, SET_RULES } from './rules-durations.ts';
import { QUARTER_RULES } from './rules-quarters.ts';
import { RELATIVE_RULES } from './rules-relative.ts';
import { TIME_RULES, timeOn } from './rules-times.ts';
import { VAGUE_RULES } from './rules-vague.ts';
import { tenseAround, tenseWide } from './tense.ts';
import { TRIGGERS } from './triggers.ts';
import type { Candidate, ResolveContext, Rule, Tense } from './types.ts';

/** A tagged time expression in text order, before it is attached to its sentence. */
export interface Timex {
  text: string;
  start: number;
  end: number;
  type: TimexType;
  value: string;
}

const RULES: Rule[] = [...DATE_RULES, ...RELATIVE_RULES, ...QUARTER_RULES, ...DURATION_RULES, ...SET_RULES, ...TIME_RULES, ...VAGUE_RULES, ...COMPOUND_RULES];

// Rules whose match names a single calendar day: a clock time next to one is put on that day.
const DAY_RULES = new Set(['iso-date', 'month-day', 'day-month', 'numeric-date', 'weekday', 'deictic-day', 'holiday', 'anaphoric-day']);

// "early", "late 1990", "mid-November", "the end of 1990", "earlier this month", "around Nov. 1":
// TimeBank tags the modifier with the expression it modifies.
const MODIFIER =
  /(?:\b(?:the\s+)?(?:very\s+)?(?:(?:early|late|mid|middle|end|beginning|start|close|rest|remainder|latter part|turn|height|dawn)\s+of\s+|(?:early|late|mid)[- ]?|(?:earlier|later)\s+(?:in\s+)?)|\baround\s+)$/i;

// "For the nine months, ... a year earlier": the comparison is with the same months a year back, valued as the year.
const LONG_PERIOD = /\b(?:(?:nine|six|eight|ten|eleven|twelve)[- ]months?|first half|fiscal year|full year|the year(?!-))\b/i;

interface CompiledRule {
  id: number;
  rule: Rule;
  sticky: RegExp;
  /**
   * For a rule that may start before its trigger word: `[^]{0,lookback}?(rule)`, sticky, so one
   * call finds the leftmost start within the look-back window (null when the rule's source has a
   * back-reference, which the added group would renumber).
   */
  window: RegExp | null;
  lookback: number;
}

// Trigger word -> the rules it can anchor; digit-led tokens and special tokens have their own lists.
const BY_WORD = new Map<string, CompiledRule[]>();
const BY_DIGIT: { test: (t: string) => boolean; rule: CompiledRule }[] = [];
const BY_TEST: { test: (t: string) => boolean; rule: CompiledRule }[] = [];
for (const [id, rule] of RULES.entries()) {
  const trig = TRIGGERS[rule.name];
  if (!trig) throw new Error(`timeline rule ${rule.name} has no trigger`);
  const flags = rule.re.flags.replace('g', '') + 'y';
  const window = trig.lookback > 0 && !/\\[1-9]/.test(rule.re.source) ? new RegExp(`[^]{0,${trig.lookback}}?(${rule.re.source})`, flags) : null;
  const compiled: CompiledRule = { id, rule, sticky: new RegExp(rule.re.source, flags), window, lookback: trig.lookback };
  for (const w of trig.words ?? []) {
    const list = BY_WORD.get(w) ?? [];
    list.push(compiled);
    BY_WORD.set(w, list);
  }
  if (trig.digits) BY_DIGIT.push({ test: trig.digits, rule: compiled });
  if (trig.test) BY_TEST.push({ test: trig.test, rule: compiled });
}

// Most tokens of a text are no trigger word: a bitmap of the trigger words' first three letters
// (a third "letter" 26 for two-letter words), with one bit per word length, rules them out before
// the token is cut out, lower-cased and looked up.
const letter = (code: number): number => {
  const c = code | 32;
  return c >= 97 && c <= 122 ? c - 97 : -1;
};
const PREFIXES = new Uint16Array(27 * 27 * 27);
for (const w of BY_WORD.keys()) {
  const a = letter(w.charCodeAt(0));
  const b = letter(w.charCodeAt(1));
  const c = w.length > 2 ? letter(w.charCodeAt(2)) : 26;
  if (a < 0 || b < 0 || c < 0 || w.length < 2 || w.length > 14 || w !== w.toLowerCase())
    throw new Error(`timeline trigger word ${w} is not 2-14 lower-case letters`);
  PREFIXES[(a * 27 + b) * 27 + c]! |= 1 << w.length;
}
function mayTrigger(text: string, start: number, len: number): boolean {
  const a = letter(text.charCodeAt(start));
  const b = letter(text.charCodeAt(start + 1));
  const c = len > 2 ? letter(text.charCodeAt(start + 2)) : 26;
  return a >= 0 && b >= 0 && c >= 0 && (PREFIXES[(a * 27 + b) * 27 + c]! & (1 << len)) !== 0;
}

// The words that mark a quoted document (see quotedDocuments), found on the same pass over the
// tokens: the first three letters rule a token out, a sticky test at its start confirms.
const DOCUMENT_WORD = /(?:e-?mail|letter|memo|message|note|text|diary|minutes|document|post|filing|cable|fax|telegram)/iy;
const DOCUMENT_PREFIXES = new Uint8Array(27 * 27 * 27);
for (const w of ['ema', 'mai', 'let', 'mem', 'mes', 'not', 'tex', 'dia', 'min', 'doc', 'pos', 'fil', 'cab', 'fax', 'tel']) {
  DOCUMENT_PREFIXES[(letter(w.charCodeAt(0)) * 27 + letter(w.charCodeAt(1))) * 27 + letter(w.charCodeAt(2))] = 1;
}
function isDocumentWord(text: string, start: number, len: number): boolean {
  const a = letter(text.charCodeAt(start));
  const b = letter(text.charCodeAt(start + 1));
  const c = letter(text.charCodeAt(start + 2));
  if (len < 3 || a < 0 || b < 0 || c < 0 || DOCUMENT_PREFIXES[(a * 27 + b) * 27 + c] !== 1) return false;
  // "e-mail": the word starts at the "e", a token of its own.
  DOCUMENT_WORD.lastIndex = a === 12 && start >= 2 && text.charCodeAt(start - 1) === 45 && (text.charCodeAt(start - 2) | 32) === 101 ? start - 2 : start;
  return DOCUMENT_WORD.test(text);
}

// ASCII letters and digits: the characters of a token.
const WORD_CHAR = new Uint8Array(65536);
for (let c = 48; c <= 122; c++) WORD_CHAR[c] = c <= 57 || (c >= 65 && c <= 90) || c >= 97 ? 1 : 0;

// Token starts, reused from text to text (the tagger is not re-entrant), and the per-rule marks.
let STARTS = new Int32Array(1024);
const TRIED = new Int32Array(RULES.length);

/** The candidates of a text, and whether it names a document (an email, a letter …) anywhere. */
function collect(text: string): { cands: Candidate[]; documentWords: boolean } {
  const n = text.length;
  if (STARTS.length < (n >> 1) + 1) STARTS = new Int32Array((n >> 1) + 1024);
  const starts = STARTS;
  const out: Candidate[] = [];
  let documentWords = false;
  // Per rule, the position before which it has already been tried or matched.
  const tried = TRIED;
  tried.fill(0);
  // The match of rule `c` at token `j`, or false when none is accepted there.
  const tryAt = (c: CompiledRule, j: number, m: RegExpExecArray | null): boolean => {
    const pos = starts[j]!;
    tried[c.id] = pos + 1;
    if (!m || m[0].length === 0) return false;
    const built = c.rule.build(m, text);
    if (!built) return false;
    const start = built.start ?? m.index;
    const end = built.end ?? m.index + m[0].length;
    const cand: Candidate = { start, end, type: built.type, rule: c.rule.name, priority: c.rule.priority ?? 0, resolve: built.resolve, clock: built.clock };
    if (cand.type === 'DATE' || cand.type === 'TIME') extendLeft(text, cand);
    out.push(cand);
    tried[c.id] = m.index + m[0].length;
    return true;
  };
  const sticky = (c: CompiledRule, pos: number): RegExpExecArray | null => {
    c.sticky.lastIndex = pos;
    return c.sticky.exec(text);
  };
  const attempt = (c: CompiledRule, k: number): void => {
    const seed = starts[k]!;
    let j = k;
    while (j > 0 && starts[j - 1]! >= seed - c.lookback) j--;
    while (j <= k && starts[j]! < tried[c.id]!) j++;
    if (c.window) {
      // One call finds where the rule first matches from token j on; tokens before it need no try.
      while (j <= k) {
        c.window.lastIndex = starts[j]!;
        const w = c.window.exec(text);
        const at = w ? w.index + w[0].length - w[1]!.length : seed + 1;
        if (!w || at > seed) {
          tried[c.id] = seed + 1;
          return;
        }
        while (j <= k && starts[j]! < at) j++;
        // A match that starts inside a token: go on token by token, as without the window.
        if (j > k || starts[j] !== at) break;
        const m = w.slice(1) as unknown as RegExpExecArray;
        m.index = at;
        m.input = text;
        m.groups = w.groups;
        if (tryAt(c, j, m)) return;
        j++;
      }
    }
    for (; j <= k; j++) if (tryAt(c, j, sticky(c, starts[j]!))) return;
  };
  // One pass over the text: each token is looked at as soon as its end is found (a rule only ever
  // looks back from its trigger token, so the tokens before it are all known by then).
  let count = 0;
  for (let i = 0; i < n; ) {
    while (i < n && WORD_CHAR[text.charCodeAt(i)] === 0) i++;
    if (i >= n) break;
    const start = i;
    const first = text.charCodeAt(i++);
    while (i < n && WORD_CHAR[text.charCodeAt(i)] === 1) i++;
    const k = count++;
    starts[k] = start;
    const len = i - start;
    if (first <= 57) {
      const token = text.slice(start, i);
      for (const t of BY_DIGIT) if (t.test(token)) attempt(t.rule, k);
      continue;
    }
    if (!documentWords && len >= 3) documentWords = isDocumentWord(text, start, len);
    if (len < 2 || len > 14) continue;
    const trigger = mayTrigger(text, start, len);
    const fq = first | 32;
    // Special tokens, which q-notation's test reads (the only trigger read by a test, see triggers.ts:
    // "q3", "fy2024", "h1"), have a digit or the "y" of "fy" second: the common words that open with
    // the same letters ("he", "for", "has") are not cut out and tested.
    const second = text.charCodeAt(start + 1);
    const special = len <= 6 && (fq === 102 || fq === 104 || fq === 113) && ((second >= 48 && second <= 57) || (second | 32) === 121);
    if (!trigger && !special) continue;
    const token = text.slice(start, i).toLowerCase();
    const list = trigger ? BY_WORD.get(token) : undefined;
    if (list) for (const c of list) attempt(c, k);
    if (special) for (const t of BY_TEST) if (t.test(token)) attempt(t.rule, k);
  }
  return { cands: out, documentWords };
}

const MODIFIER_TAIL = /(?:early|late|mid|of|earlier|later|in|around)[- ]?\s*$/i;

// "later in [the day]": TimeBank leaves the position inside the day out; the value is the day's.
const BARE_DAY = /^the\s+(?:day|night)\b(?!\s+(?:before|after)\b)/i;

function extendLeft(text: string, c: Candidate): void {
  if (!MODIFIER_TAIL.test(text.slice(Math.max(0, c.start - 9), c.start))) return;
  if (c.rule === 'anaphoric-day' && BARE_DAY.test(text.slice(c.start, c.end))) return;
  const before = text.slice(Math.max(0, c.start - 30), c.start);
  const m = MODIFIER.exec(before);
  if (!m || /\bas\s+$/i.test(text.slice(Math.max(0, c.start - m[0].length - 4), c.start - m[0].length))) return;
  // "to get around Wednesday's ruling": before a possessive, "around" goes with the verb, not the time.
  if (/^around/i.test(m[0]) && /^['’]s\b/.test(text.slice(c.end, c.end + 3))) return;
  c.start -= m[0].length;
}

// "the Sunday Times", "Saturday Night Live", "the Mail on Sunday", "the Today programme": a day
// word inside the name of a paper or a show is no time.
const NAME_AFTER =
  /^\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Independent|Mail|Star|Tribune|Sport|Review|Magazine|Live|Football|Show|Edition|Programme|Program|Politics|Briefing|Supplement|Business|Age|World)\b|^\s+(?:show|programme|program)\b/;
// Only Sunday papers carry "on Sunday" in their name ("the Times on Friday" is a day).
const SUNDAY_PAPER = /\b(?:Mail|Independent|Scotland|Wales|Ireland|Express)\s+on\s+$/;
const NAME_BEFORE = /\b(?:Good|Meet|Face)\s+$/;
const DAY_WORD_RULES = new Set(['weekday', 'day-part', 'deictic-day']);
function inName(text: string, c: Candidate): boolean {
  if (isQuotedTitle(text, c)) return true;
  if (c.rule === 'year' && c.end - c.start === 4 && isNamedYear(text, c.start)) return true;
  if (!DAY_WORD_RULES.has(c.rule) || !/^\p{Lu}/u.test(text.slice(c.start, c.start + 1))) return false;
  const before = text.slice(Math.max(0, c.start - 18), c.start);
  return NAME_AFTER.test(text.slice(c.end, c.end + 16)) || NAME_BEFORE.test(before) || (SUNDAY_PAPER.test(before) && text.startsWith('Sunday', c.start));
}

/**
 * A show's or a film's title: a time expression of two or more words, each capitalised, right
 * after an opening quotation mark (`ABC's "This Week,"`, `on ''60 Minutes''`), or `Today` after an
 * outlet's acronym (`This is VOA Today.`, `USA Today`).
 */
function isQuotedTitle(text: string, c: Candidate): boolean {
  const prev = text.charCodeAt(c.start - 1);
  const quoted = prev === 34 || prev === 0x201c || prev === 96 || prev === 39;
  if (!quoted && !(c.end - c.start === 5 && prev === 32)) return false;
  const span = text.slice(c.start, c.end);
  if (span === 'Today' && /\b\p{Lu}{2,5}\s$/u.test(text.slice(Math.max(0, c.start - 7), c.start))) return true;
  const words = span.split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^(?:\p{Lu}|\d)/u.test(w))) return false;
  return /(?:["“`]|'')$/.test(text.slice(Math.max(0, c.start - 2), c.start));
}

// Capitalised words a bare year may follow and still be a time: months, seasons, holidays,
// weekdays, prepositions and determiners that open a sentence or a title.
const YEAR_AFTER = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'spring summer fall autumn winter christmas easter thanksgiving halloween ramadan hanukkah passover diwali eid ' +
    'monday tuesday wednesday thursday friday saturday sunday fiscal year calendar class ' +
    'in by since until from of for after before during through to at on around about circa late early mid that this the ' +
    'and or but than as every each until between'
  ).split(' '),
);

/**
 * A bare year right after a capitalised word that is none of those, inside a sentence, is part of
 * a name: `a joint venture called Orion 1980`, `Expo 2030`, `Vision 2040`.
 */
function isNamedYear(text: string, start: number): boolean {
  const m = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+)\s$/u.exec(text.slice(Math.max(0, start - 24), start));
  if (!m || YEAR_AFTER.has(m[1]!.toLowerCase())) return false;
  const wordStart = start - 1 - m[1]!.length;
  return !/(?:^|[.!?:]["”'’)]?\s+|\n\s*|["“(]\s*)$/.test(text.slice(Math.max(0, wordStart - 4), wordStart));
}

const FORWARD_PIECE =
  /\b(?:week|days|month|year) ahead\b|\bthe coming (?:week|days)\b|\bwhat to watch\b|\bweek to come\b|\bcoming up\b|\bdiary\b|\bpreview\b|\bupcoming\b/i;

// Quotations from a document: a quote whose intro, in its paragraph, names an email, letter, memo …
const DOCUMENT_INTRO =
  /\b(?:an?|the|his|her|their|its|this|that|in|by)\s+(?:[\w-]+\s+){0,2}(?:e-?mails?|letters?|memos?|memorandum|messages?|notes?|texts?|diary|diaries|minutes|documents?|posts?|filings?|cables?|faxe?s?|telegrams?)\b[^“"\n]{0,160}$/i;
function quotedDocuments(text: string, documentWords: boolean, chosen: readonly Candidate[]): { introStart: number; start: number; end: number }[] {
  if (!documentWords || chosen.length === 0 || !/["“]|''/.test(text)) return [];
  const out: { introStart: number; start: number; end: number }[] = [];
  for (const q of quoteSpansOf(text)) {
    // Only a quote that holds an expression needs its intro read.
    if (!chosen.some((c) => c.start >= q.start && c.start < q.end)) continue;
    const introStart = Math.max(q.paraStart, q.open - 200);
    const intro = text.slice(introStart, q.open);
    const m = DOCUMENT_INTRO.exec(intro);
    if (m) out.push({ introStart: introStart + Math.max(0, intro.lastIndexOf('.', m.index) + 1), start: q.start, end: q.end });
  }
  return out;
}

/** Longest match wins; then the rule's priority; then the earlier start. */
function select(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  // A text holds a few dozen candidates at most: checking each against those taken is cheaper than a mark per character.
  const chosen: Candidate[] = [];
  for (const c of cands) if (!chosen.some((t) => Math.max(c.start, t.start) < Math.min(c.end, t.end))) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}

/** "10 p.m. Wednesday", "Friday at 3pm ET", "5 p.m. EST, Nov. 6": one TIME on that day. */
function mergeClockAndDay(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    if (b && b.start - a.end <= 6) {
      const gap = text.slice(a.end, b.start);
      const clockFirst = a.clock && DAY_RULES.has(b.rule) && /^,?\s{1,2}(?:on\s+)?$/i.test(gap);
      const dayFirst = b.clock && DAY_RULES.has(a.rule) && /^,?\s{1,2}(?:at\s+|around\s+)?$/i.test(gap);
      if (clockFirst || dayFirst) {
        const [clock, day] = clockFirst ? [a.clock!, b] : [b.clock!, a];
        out.push({
          start: a.start,
          end: b.end,
          type: 'TIME',
          rule: 'clock+day',
          priority: 3,
          clock,
          resolve: (ctx) => timeOn(day.resolve(ctx)?.day ?? null, clock),
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The number the `count` ASCII digits at `at` of `s` spell, or -1 when one of them is no digit. */
function digitsAt(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

function sentenceIndex(sentences: Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// "in March 2021 and left in May": the words between a written month and a bare one that goes on
// from it, with no clause break (and no present perfect, which reaches to now: "and its shares have
// doubled since March").
const NARRATIVE_GAP = /^(?![\s\S]*\b(?:has|have|'s|'ve)\b)[^,;:()]{0,40}\band\b[^,;:()]{0,40}$/i;

/**
 * Finds the time expressions of a text, in text order, with TimeML types and values resolved
 * against `publishedAt` (relative ones stay X-valued without it). `sentences` may be passed
 * when the caller already split the text.
 */
export function tagTimeExpressions(text: string, publishedAt?: string, sentences: Span[] = splitSentences(text)): Timex[] {
  if (!text) return [];
  const { cands, documentWords } = collect(text);
  const chosen = mergeClockAndDay(text, select(cands.filter((c) => !inName(text, c))));
  const articleRef = parseReference(publishedAt);
  const ref = articleRef;
  // A week-ahead or preview piece speaks of the days to come: a weekday with no cue points forward.
  const ahead = FORWARD_PIECE.test(text.slice(0, 400));
  const lean = (t: Tense): Tense => (t === 'none' && ahead ? 'future' : t);
  const documents = quotedDocuments(text, documentWords, chosen);
  const bounds = (pos: number): Span => sentences[sentenceIndex(sentences, pos)] ?? { text, start: 0, end: text.length };
  const days: { pos: number; day: Ymd }[] = [];
  // Expressions that write their year ("1912", "March 2021", "Aug. 3, 2024"), in text order.
  const written: { pos: number; end: number; y: number; m: number | null }[] = [];
  const ctx: ResolveContext = {
    text,
    ref,
    anchor: null,
    anchorMonth: null,
    anchorYear: null,
    counted: null,
    quarter: null,
    tense: (start, end) => {
      const s = bounds(start);
      return lean(tenseAround(text, start, end, s.start, s.end));
    },
    tenseWide: (start, end) => {
      const s = bounds(start);
      return lean(tenseWide(text, start, end, s.start, s.end));
    },
    aboutQuarter: (start) => /quarter|period/i.test(bounds(start).text),
    aboutLongPeriod: (start) => {
      const t = bounds(start).text;
      return LONG_PERIOD.test(t) && !/quarter/i.test(t);
    },
    sentenceDay: (start) => dayInSentence(start) ?? dayBeforeSentence(start),
    narrativeMonth: (start) => {
      const w = written[written.length - 1];
      if (!w || w.m === null || w.end > start || w.pos < bounds(start).start) return null;
      return NARRATIVE_GAP.test(text.slice(w.end, start)) ? { y: w.y, m: w.m } : null;
    },
    clockDay: (start, end, clock) => {
      const own = dayInSentence(start);
      if (own) return own;
      if (onCountedDay(text, end)) return null;
      const day = dayOfSameEvent(text, start, days) ?? dayBeforeSentence(start);
      if (!ctx.ref || ctx.tense(start, end) !== 'past') return day ?? ctx.ref?.date ?? null;
      offset ??= { value: storyOffset(chosen, ctx.ref.date) };
      return dayOfPastClock(day, clock, ctx.ref, offset.value, (d) => days.some((x) => sameDay(x.day, d)));
    },
  };
  // The story's zone, when the article gives it (see clock-day.ts); read on the first clock time that needs it.
  let offset: { value: number | null } | undefined;
  function dayInSentence(start: number): Ymd | null {
    const s = bounds(start);
    let best: { pos: number; day: Ymd } | null = null;
    for (const d of days) {
      if (d.pos < s.start || d.pos >= s.end) continue;
      if (!best || Math.abs(d.pos - start) < Math.abs(best.pos - start)) best = d;
    }
    return best ? best.day : null;
  }
  // "Two ferries collided on Monday evening. They struck each other at 7.40pm": a time in the
  // next sentence (the lead's next paragraph too), with no day of its own, is on that day.
  function dayBeforeSentence(start: number): Ymd | null {
    const k = sentenceIndex(sentences, start);
    const prev = sentences[k - 1];
    if (!prev) return null;
    const before = days.filter((d) => d.pos >= prev.start && d.pos < prev.end);
    return before.length ? before[before.length - 1]!.day : null;
  }
  // The tagged expression of each chosen candidate (by its index), null while unresolved.
  const tagged: (Timex | null)[] = new Array(chosen.length).fill(null);
  const timex = (c: Candidate, type: TimexType, value: string): Timex => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end, type, value });
  // Clock times last: they take their day from any day named in their sentence, before or after them.
  const clocks: number[] = [];
  // Inside a quoted email or letter, "tomorrow" is the day after the document's date, which the
  // intro may give ("In an email dated March 3, 2019, …: “…”"); without one it stays unresolved.
  const refAt = (pos: number): Reference | null => {
    const doc = documents.find((d) => pos >= d.start && pos < d.end);
    if (!doc) return articleRef;
    const dated = days.filter((d) => d.pos >= doc.introStart && d.pos < doc.start).pop();
    return dated ? { date: dated.day, hour: null, minute: null, offset: null } : null;
  };
  for (let i = 0; i < chosen.length; i++) {
    const c = chosen[i]!;
    if (c.clock && c.rule !== 'clock+day') {
      clocks.push(i);
      continue;
    }
    ctx.ref = refAt(c.start);
    const r = c.resolve(ctx);
    if (!r) continue;
    tagged[i] = timex(c, r.type ?? c.type, r.value);
    if (r.day) {
      ctx.anchor = r.day;
      days.push({ pos: c.start, day: r.day });
    }
    if (r.quarter) ctx.quarter = r.quarter;
    // A value opening with a year ("2016", "2016-10-…") anchors the year, and the month when one follows.
    const year = digitsAt(r.value, 0, 4);
    if (year >= 0) {
      ctx.anchorYear = year;
      const month = r.value.charCodeAt(4) === 45 ? digitsAt(r.value, 5, 2) : -1;
      if (month >= 0) ctx.anchorMonth = { y: year, m: month };
      if (text.slice(c.start, c.end).includes(r.value.slice(0, 4))) written.push({ pos: c.start, end: c.end, y: year, m: month >= 0 ? month : null });
    }
  }
  for (const i of clocks) {
    const c = chosen[i]!;
    ctx.ref = refAt(c.start);
    const r = c.resolve(ctx);
    if (r) tagged[i] = timex(c, r.type ?? c.type, r.value);
  }
  const out: Timex[] = [];
  for (const t of tagged) if (t) out.push(t);
  return out;
}
