// Shared word-level helpers for the embedded engine (summary, answers, tags).
import { stemmer } from 'stemmer';

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Lower-cased word tokens: runs of letters and digits. Punctuation, apostrophes and hyphens split
 * words ("don't" -> "don", "t"), so cased prose and lower-cased PTB-tokenised text ("do n't")
 * give nearly the same tokens.
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

// Stemming dominates the cost of scoring a sentence; news vocabulary repeats a lot, so cache it.
// Bounded so a long-running bot does not grow without limit.
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/** Words the stem cache holds now (at most STEM_CACHE_MAX). */
export function stemCacheSize(): number {
  return STEM_CACHE.size;
}

/**
 * Porter stem of a lower-cased word. Words of three characters or fewer are kept as they are,
 * as Google's rouge-score does (Porter mangles short words: "was" -> "wa").
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let s = STEM_CACHE.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
    STEM_CACHE.set(word, s);
  }
  return s;
}

/** Stems of the lower-cased word tokens of `text`. */
export function stemTokens(text: string): string[] {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) tokens[i] = stem(tokens[i]!);
  return tokens;
}

/** Common English function words (lower case), which carry little content for matching. */
export const STOP_WORDS: Set<string> = new Set(
  (
    'a about above after again against all am an and any are aren as at be because been before being below ' +
    'between both but by can cannot could couldn did didn do does doesn doing don down during each few for ' +
    'from further had hadn has hasn have haven having he her here hers herself him himself his how i if in ' +
    'into is isn it its itself just let ll me more most mustn my myself no nor not now of off on once only or ' +
    'other ought our ours ourselves out over own re s same shan she should shouldn so some such t than that ' +
    'the their theirs them themselves then there these they this those through to too under until up ve very ' +
    'was wasn we were weren what when where which while who whom why will with won would wouldn you your ' +
    'yours yourself yourselves also said says say may might must shall us d m o y n ll'
  ).split(' '),
);

/** True when the token is a stop word or has no letters (pure numbers are kept by callers that want them). */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}
