import type { Span } from '../core/types.ts';
import { isSpaceCode } from './entities/context.ts';

// Titles and other words whose full stop is almost never the end of a sentence.
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'gov',
  'sen',
  'rep',
  'rev',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'pres',
  'supt',
  'insp',
  'det',
  'hon',
  'fr',
  'messrs',
  'cpl',
  'pvt',
  'vs',
  'v',
  'fig',
  'vol',
  'pp',
  'cf',
  'ie',
  'eg',
  'i.e',
  'e.g',
  'approx',
  'dept',
  'univ',
  'assn',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'fla',
  'ga',
  'ill',
  'kan',
  'ky',
  'md',
  'mich',
  'minn',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wis',
  'wyo',
  // German, French, Spanish, Italian.
  'nr',
  'bzw',
  'ca',
  'vgl',
  'usw',
  'ggf',
  'evtl',
  'mme',
  'mlle',
  'sra',
  'srta',
  'dott',
  'sig',
  'dipl',
  'ing',
]);
// "am 3. Oktober": a German ordinal day before a month name is not the end of a sentence.
const MONTHS_DE = /^(januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)$/;
// Abbreviations that often do end a sentence ("... bought by Acme Inc. The deal ...").
const ENDING_ABBREVIATIONS = new Set(['inc', 'ltd', 'corp', 'co', 'plc', 'llc', 'etc', 'bros', 'al', 'jr', 'sr']);

// Words that usually open a sentence: in text without capitals they decide after "U.S." or "...".
const STARTERS = new Set(
  (
    'the a an he she it they we i you his her its their our this that these those there but and so yet ' +
    'however in on at for after before when while if as one some many most all now then still also meanwhile'
  ).split(' '),
);
const SPEECH_VERB =
  /^(?:[\p{L}'.-]+\s+){0,2}?(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|cried|shouted|yelled|replied|replies|continued|explained|wondered|joked)\b/iu;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '›', '」', '』', '）', '】']);
// Line breaks, full stops and the marks of Chinese and Japanese (see isCjkStop).
const NEXT_STOP = /[\n.!?…\u3002\uff01\uff1f]/g;

/** Full stops of Chinese and Japanese: no space follows them, and they always end a sentence. */
function isCjkStop(c: number): boolean {
  return c === 0x3002 /* 。 */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */;
}

/**
 * Splits text into sentences with exact offsets. Handles abbreviations ("Mr.", "U.S.", "Inc."),
 * initials ("J. K. Rowling"), decimals, quotes closing after the full stop, "?" and "!" inside a
 * quote followed by "she asked", ellipses, and blank-line or short-line breaks (headings, datelines).
 * Text without capital letters (lower-cased, PTB-tokenised: "( cnn ) -- he said . she ...") is split
 * on its own rules, so boundaries never depend on case there.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const caseless = isCaseless(text);
  // PTB tokenisation detaches a final stop even after an abbreviation ("the u.s. ."), so there an
  // attached stop never ends a sentence.
  const tokenised = caseless && isTokenised(text);
  const wrapped = isHardWrapped(text) || breaksParagraphsWithBlankLines(text);
  // German quotes open with „ and close with “ (the English opener): only there is “ a closer.
  const lowOpen = text.includes('„');
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    // Straight to the next character that may end a sentence (the regex engine scans faster).
    NEXT_STOP.lastIndex = i;
    if (NEXT_STOP.exec(text) === null) break;
    i = NEXT_STOP.lastIndex - 1;
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ && isLineBreak(text, start, i, wrapped)) {
      push(spans, text, start, i);
      start = skipSpace(text, i);
      i = start;
      continue;
    }
    if (ch >= 0x3002 && isCjkStop(ch)) {
      let end = i + 1;
      while (end < text.length && (isCjkStop(text.charCodeAt(end)) || CLOSERS.has(text[end]!) || (lowOpen && text[end] === '“'))) end++;
      push(spans, text, start, end);
      start = skipSpace(text, end);
      i = start;
      continue;
    }
    if (ch === 46 /* . */ || ch === 33 /* ! */ || ch === 63 /* ? */ || ch === 8230 /* … */) {
      let end = i + 1;
      while (end < text.length && isMark(text.charCodeAt(end))) end++;
      end = absorbClosers(text, end, caseless);
      if (lowOpen) while (end < text.length && (text[end] === '“' || CLOSERS.has(text[end]!))) end++;
      if (isBoundary(text, i, end, caseless, tokenised)) {
        push(spans, text, start, end);
        start = skipSpace(text, end);
        i = start;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  push(spans, text, start, text.length);
  SPLIT_FROM.set(spans, text);
  return spans;
}

// Each list splitSentences returned, and the text it split (weakly held: no leak).
const SPLIT_FROM = new WeakMap<Span[], string>();

/**
 * The text a span list was split from, when splitSentences made it: its spans' text is then
 * `text.slice(start, end)`, so a reader may read the text in place (the callers treat the spans
 * as read-only).
 */
export function splitFrom(spans: Span[]): string | undefined {
  return SPLIT_FROM.get(spans);
}

function isMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 8230;
}

// Few capitals among many letters: lower-cased text, where case carries no signal.
function isCaseless(text: string): boolean {
  let letters = 0;
  let upper = 0;
  const n = Math.min(text.length, 5000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) letters++;
    else if (c >= 65 && c <= 90) {
      letters++;
      upper++;
      // Enough capitals that even all the rest being lower-case letters could not bring them under
      // 0.5 %: cased text is known after its first thousand characters or so.
      if (upper * 200 >= letters + (n - i - 1)) return false;
    }
  }
  return letters > 0 && upper / letters < 0.005;
}

function isTokenised(text: string): boolean {
  let detached = 0;
  let attached = 0;
  const n = Math.min(text.length, 5000);
  for (let i = 1; i < n - 1; i++) {
    if (text.charCodeAt(i) !== 46 || text.charCodeAt(i + 1) !== 32) continue;
    if (text.charCodeAt(i - 1) === 32) detached++;
    else attached++;
  }
  return detached > 0 && detached >= attached;
}

// Closing quotes and brackets belong to the sentence they close; tokenised text puts a space
// before them (`said . ''`), so a lone closer token after a stop is taken too.
function absorbClosers(text: string, end: number, caseless: boolean): number {
  while (end < text.length && CLOSERS.has(text[end]!)) end++;
  if (caseless && text[end] === ' ') {
    // A lone ' or " could as well open the next quote; only unambiguous closers are taken.
    const m = /^ (''|\)|\]|”|’)(?=\s|$)/.exec(text.slice(end, end + 4));
    if (m) end += m[0].length;
  }
  return end;
}

/**
 * Text wrapped at a fixed width (e-mail, plain-text wires): most lines that run on into another line
 * are nearly as long as the longest of them. There a single line break is only a wrap; in text with
 * neither this nor blank lines between paragraphs, it separates paragraphs.
 */
function isHardWrapped(text: string): boolean {
  if (text.indexOf('\n') < 0) return false;
  // The trimmed length of each line followed by a non-blank line (as text.split('\n') and trim()
  // give them), read in place rather than through a string per line.
  const inner = innerLines;
  inner.length = 0;
  let previous = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const length = trimmedLength(text, start, end);
    if (start > 0 && previous > 0 && length > 0) inner.push(previous);
    previous = length;
    start = end + 1;
  }
  if (inner.length < 3) return false;
  let widest = 0;
  for (const n of inner) if (n > widest) widest = n;
  if (widest > 120) return false;
  let wide = 0;
  for (const n of inner) if (n >= widest * 0.75) wide++;
  return wide >= inner.length * 0.8;
}
const innerLines: number[] = [];

/** The length of `text.slice(start, end).trim()` (trim takes off what \s matches). */
function trimmedLength(text: string, start: number, end: number): number {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end - start;
}

/**
 * Text whose paragraphs are separated by blank lines at least as often as it has single line
 * breaks: there a single break is a wrap inside a paragraph (a quote broken over two lines).
 * Each break is a line feed and any more lines holding only spaces, tabs and carriage returns
 * (/\n(?:[ \t\r]*\n)*\/g), read by index; a break of two line feeds or more is a blank line.
 */
function breaksParagraphsWithBlankLines(text: string): boolean {
  let blank = 0;
  let single = 0;
  for (let at = text.indexOf('\n'); at >= 0; ) {
    let end = at + 1;
    let feeds = 1;
    for (let k = end; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10) {
        end = k + 1;
        feeds++;
      } else if (c !== 32 && c !== 9 && c !== 13) break;
    }
    if (at !== 0 && end < text.length) {
      if (feeds > 1) blank++;
      else single++;
    }
    at = text.indexOf('\n', end);
  }
  return blank > 0 && blank >= single;
}

function isLineBreak(text: string, start: number, i: number, wrapped: boolean): boolean {
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
  if (text[j] === '\n') return true; // blank line
  if (j >= text.length) return false;
  const before = text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trimEnd();
  // A dateline or a clause left open ("PARIS:", "WASHINGTON —", "the minister said,") runs on.
  if (!wrapped) return before.length > 0 && !/[,;:\-–—]$/.test(before);
  // A short line with no end punctuation is a heading, dateline or byline, not a wrapped sentence.
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  const line = text.slice(Math.max(lineStart, start), i).trim();
  return line.length > 0 && line.length < 60 && !/[,;:\-–—]$/.test(line);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12 || c === 11;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}

function isBoundary(text: string, mark: number, end: number, caseless: boolean, tokenised: boolean): boolean {
  if (end >= text.length) return true;
  if (!isSpace(text.charCodeAt(end))) return false; // "3.5", "U.S.-led", "example.com"
  const from = skipSpace(text, end);
  if (from >= text.length) return true;
  const rest = text.slice(from, from + 40);
  // Whether the next sentence visibly starts: anything but a lower-case letter there
  // (/^[\p{Lu}\p{N}“"‘'`(\[„«‹¿¡「]/u adds nothing to that).
  const first = rest.charCodeAt(0);
  const upperNext = first < 128 ? first < 97 || first > 122 : !/^\p{Ll}/u.test(rest);
  const startsNext = caseless ? true : upperNext;
  const c = text[mark]!;
  const quoted = end > mark + 1 && CLOSERS.has(text[end - 1]!);

  if (c === '?' || c === '!') {
    if (quoted && SPEECH_VERB.test(rest)) return false; // "Why?" she asked.
    return startsNext;
  }
  if (c === '…' || text.startsWith('..', mark)) {
    return caseless ? STARTERS.has(nextWord(rest)) || rest.startsWith('``') : upperNext && !/^\p{Ll}/u.test(rest);
  }
  if (mark > 0 && text[mark - 1] === ' ') {
    // A stop standing alone as a token: tokenised text ends a sentence so, bar "gov . mike", "no . 1".
    const prev = /(\S+)\s+$/.exec(text.slice(Math.max(0, mark - 16), mark))?.[1]?.toLowerCase() ?? '';
    if (TITLES.has(prev) && prev !== 'v') return !/^\p{L}/u.test(rest) ? startsNext : false;
    if (prev === 'no' && /^\p{N}/u.test(rest)) return false;
    return startsNext;
  }
  if (isDigit(text.charCodeAt(mark - 1)) && MONTHS_DE.test(nextWord(rest)) && /(?:^|\s)\d{1,2}$/.test(text.slice(Math.max(0, mark - 3), mark))) return false;
  const word0 = wordBefore(text, mark);
  // A word of plain ASCII letters longer than any abbreviation is no initial, title or abbreviation.
  if (word0.length > LONGEST_ABBREVIATION && /^[a-z]+$/i.test(word0)) return startsNext;
  const bare = word0.replace(/^\.+/, '').toLowerCase();
  if (/^\p{L}$/u.test(word0) && (caseless || /^\p{Lu}$/u.test(word0))) return false; // "J. K. Rowling"
  if (/^\p{Ll}$/u.test(word0) && /^\p{L}\./u.test(rest)) return false; // "z. B.", "d. h."
  const dotted = /^(\p{L}\.)+\p{L}$/u.test(bare); // U.S., a.m.
  if (TITLES.has(bare)) return false;
  if (ENDING_ABBREVIATIONS.has(bare) || dotted) {
    if (tokenised) return false;
    if (caseless) return STARTERS.has(nextWord(rest)) || rest.startsWith('``');
    // "Acme Inc. The deal" ends; "the U.S. Army" does not, "in the U.S. He said" does.
    if (!/^[\p{Lu}“"‘]/u.test(rest)) return false;
    return ENDING_ABBREVIATIONS.has(bare) ? true : STARTERS.has(nextWord(rest));
  }
  return startsNext;
}

/** The word `rest` opens with, lower-cased: read only by the rules that need it. */
function nextWord(rest: string): string {
  return (/^[\p{L}\p{N}]+/u.exec(rest)?.[0] ?? '').toLowerCase();
}

const LONGEST_ABBREVIATION = Math.max(...[...TITLES, ...ENDING_ABBREVIATIONS].map((w) => w.length));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The letters and full stops just before `mark` (at most 12 characters back), as
 * /([\p{L}.]+)$/u finds them, read by char code while they are ASCII.
 */
function wordBefore(text: string, mark: number): string {
  const from = Math.max(0, mark - 12);
  let j = mark;
  while (j > from) {
    const c = text.charCodeAt(j - 1);
    if (c >= 128) return /([\p{L}.]+)$/u.exec(text.slice(from, mark))?.[1] ?? '';
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46)) break;
    j--;
  }
  return text.slice(j, mark);
}
