// The words right before a name, read backwards from it by index. Each function gives what an
// end-anchored regex over `text.slice(lo, end)` gives (named in its comment), without that regex's
// cost: a pattern ending in $ is tried at every position of the window, and these run for every
// mention of every name. Where a full reading would be long, a quick necessary condition is checked
// by index and the regex is run only when it holds.

/** The characters \s matches. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** [A-Za-z0-9_]: the characters \b and \w go by (NaN, past either end, is none). */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;

/** Start of the run of whitespace that ends at `end` (`end` itself when there is none). */
function spacesBack(text: string, lo: number, end: number): number {
  let k = end;
  while (k > lo && isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k;
}

/** Start of the run of word characters that ends at `end`. */
function wordBack(text: string, lo: number, end: number): number {
  let k = end;
  while (k > lo && isWordCode(text.charCodeAt(k - 1))) k--;
  return k;
}

/** Start of the run of non-whitespace characters that ends at `end`. */
function stretchBack(text: string, lo: number, end: number): number {
  let k = end;
  while (k > lo && !isSpaceCode(text.charCodeAt(k - 1))) k--;
  return k;
}

/** /\b(?:one|of|words)\s+(?:the\s+)?$/: one of `words`, perhaps "the", then the end. */
export function endsWithWord(text: string, lo: number, end: number, words: ReadonlySet<string>): boolean {
  const q = spacesBack(text, lo, end);
  if (q === end) return false;
  const r = wordBack(text, lo, q);
  if (words.has(text.slice(r, q))) return true;
  // "the" must follow whitespace, after one of the words.
  if (q - r !== 3 || text.charCodeAt(r) !== 116 || text.charCodeAt(r + 1) !== 104 || text.charCodeAt(r + 2) !== 101) return false;
  const q2 = spacesBack(text, lo, r);
  return q2 < r && words.has(text.slice(wordBack(text, lo, q2), q2));
}

/** /([a-z]+)\s+$/ : its group, or '' when it does not match. */
export function lowerWordBefore(text: string, lo: number, end: number): string {
  const q = spacesBack(text, lo, end);
  if (q === end) return '';
  let r = q;
  while (r > lo && isLower(text.charCodeAt(r - 1))) r--;
  return text.slice(r, q);
}

/**
 * /(?:^|\s)((?:[a-z][a-z-]+\s+){1,3})$/ : the words of its group, nearest first (none when it does
 * not match). Each is a whole run between whitespace, or one starting the window.
 */
export function lowerWordsBefore(text: string, lo: number, end: number): string[] {
  const out: string[] = [];
  let pos = end;
  while (out.length < 3) {
    const q = spacesBack(text, lo, pos);
    if (q === pos) break;
    const r = stretchBack(text, lo, q);
    if (q - r < 2 || !isLower(text.charCodeAt(r))) break;
    let k = r + 1;
    while (k < q && (isLower(text.charCodeAt(k)) || text.charCodeAt(k) === 45)) k++;
    if (k < q) break;
    out.push(text.slice(r, q));
    pos = r;
  }
  return out;
}

/**
 * Whether `pattern`, which ends in `word\s+$` or `word's\s+$` for one of `words` as in
 * SPEECH_BEFORE, matches: one of the words right before the end settles it; only a possessive
 * there ("said the Herald's ") leaves the question to the regex.
 */
export function endsWithWordOrPossessive(text: string, lo: number, end: number, words: ReadonlySet<string>, pattern: RegExp): boolean {
  const q = spacesBack(text, lo, end);
  if (q === end) return false;
  if (words.has(text.slice(wordBack(text, lo, q), q))) return true;
  const quote = text.charCodeAt(q - 2);
  return q - 2 > lo && text.charCodeAt(q - 1) === 115 && (quote === 39 || quote === 0x2019) && pattern.test(text.slice(lo, end));
}

/**
 * Whether `pattern` (as ORG_BEFORE: `…\s+(?:noun|…)\s*,?\s*$`, case aside) matches: the regex runs
 * only when the run of non-space characters before the end (after one comma at most) is one of
 * `nouns` in lower case and follows whitespace.
 */
/** Lower-case words with the lengths they span, so most candidates are ruled out without a string. */
export interface WordList {
  has(word: string): boolean;
  shortest: number;
  longest: number;
}

export function wordList(words: readonly string[]): WordList {
  const set = new Set(words);
  const lengths = words.map((w) => w.length);
  return { has: (word) => set.has(word), shortest: Math.min(...lengths), longest: Math.max(...lengths) };
}

export function endsWithNoun(text: string, lo: number, end: number, nouns: WordList, pattern: RegExp): boolean {
  let p = spacesBack(text, lo, end);
  if (p > lo && text.charCodeAt(p - 1) === 44) p = spacesBack(text, lo, p - 1);
  const r = stretchBack(text, lo, p);
  return r > lo && p - r >= nouns.shortest && p - r <= nouns.longest && nouns.has(text.slice(r, p).toLowerCase()) && pattern.test(text.slice(lo, end));
}

/** Words to look up in one text. */
export interface WordLookup {
  has(word: string): boolean;
}

/**
 * Whether a word stands in `text` as a whole word, looked up when asked and remembered: rules ask
 * about a few words an article, so the text's words are never all collected. `bounded(text, start,
 * end)` says whether the characters around an occurrence end the word.
 */
export function wordLookup(text: string, bounded: (text: string, start: number, end: number) => boolean): WordLookup {
  const known = new Map<string, boolean>();
  return {
    has(word) {
      let found = known.get(word);
      if (found === undefined) {
        found = false;
        for (let k = text.indexOf(word); k >= 0 && !found; k = text.indexOf(word, k + 1)) found = bounded(text, k, k + word.length);
        known.set(word, found);
      }
      return found;
    },
  };
}
