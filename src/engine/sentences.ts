import type { Span } from '../core/types.ts';

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'rev', 'col', 'lt',
    'sgt', 'capt', 'cmdr', 'adm', 'maj', 'pres', 'supt', 'insp', 'det', 'hon', 'fr', 'messrs',
    'inc', 'ltd', 'corp', 'co', 'bros', 'plc', 'llc', 'dept', 'univ', 'assn', 'est', 'no', 'nos', 'vs', 'v',
    'etc', 'approx', 'fig', 'vol', 'pp', 'ed', 'al', 'cf', 'ie', 'eg', 'i.e', 'e.g', 'u.s', 'u.k', 'u.n', 'e.u',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
    'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md',
    'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt',
    'wash', 'wis', 'wyo', 'a.m', 'p.m',
  ],
);

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

/**
 * Splits text into sentences with their offsets. A full stop after an abbreviation, an initial
 * ("J. K. Rowling") or inside a number does not end a sentence; closing quotes and brackets stay
 * with the sentence they close; a blank line always ends one (headings, datelines on their own line).
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n' && /\n[ \t]*\n/y.test(text.slice(i, i + 3) + ' ') && isParagraphBreak(text, i)) {
      push(spans, text, start, i);
      start = skipSpace(text, i);
      i = start;
      continue;
    }
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let end = i + 1;
      while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < text.length && CLOSERS.has(text[end]!)) end++;
      if (isBoundary(text, i, end)) {
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
  return spans;
}

function isParagraphBreak(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return text[j] === '\n';
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function push(spans: Span[], text: string, start: number, end: number): void {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}

function isBoundary(text: string, mark: number, end: number): boolean {
  if (end >= text.length) return true;
  if (!/\s/.test(text[end]!)) return false;
  const next = text.slice(skipSpace(text, end), skipSpace(text, end) + 2);
  if (next === '') return true;
  if (text[mark] !== '.') return startsSentence(next);
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, mark - 12), mark))?.[1] ?? '';
  const bare = word.replace(/^\.+/, '').toLowerCase();
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. K. Rowling"
  if (ABBREVIATIONS.has(bare)) return /^[A-Z“"]/.test(next) && !isTitleAbbreviation(bare) && isCommonEnd(bare);
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return startsSentence(next) && /^[A-Z“"]/.test(next); // U.S. / a.m.
  return startsSentence(next);
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'rev', 'col', 'lt', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'pres', 'supt', 'insp', 'det', 'hon', 'fr', 'no', 'nos', 'vs', 'v', 'fig', 'vol', 'pp', 'cf', 'ie', 'eg', 'i.e', 'e.g']);

function isTitleAbbreviation(word: string): boolean {
  return TITLES.has(word);
}

// "Inc.", "Ltd.", "etc." often end a sentence; month names rarely do.
function isCommonEnd(word: string): boolean {
  return ['inc', 'ltd', 'corp', 'co', 'plc', 'llc', 'etc', 'bros', 'al', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m'].includes(word);
}

function startsSentence(next: string): boolean {
  return /^[\p{Lu}\p{N}“"'‘(\[]/u.test(next) || /^\p{Ll}/u.test(next) === false;
}
