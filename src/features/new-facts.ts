import type { Article } from '../core/types.ts';
import { splitSentences } from '../engine/sentences.ts';
import { isStopWord, stem, tokenize } from '../engine/text.ts';

/** A sentence whose words are mostly (this share) in one sentence already shown repeats it. */
const REPEATS = 0.6;
/** A new fact brings at least this many content words (or numbers) no earlier article had. */
const MIN_NEW_WORDS = 2;
const MIN_WORDS = 4;

function contentWords(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .filter((word) => !isStopWord(word))
      .map(stem),
  );
}

function containment(words: Set<string>, other: Set<string>): number {
  let common = 0;
  for (const word of words) if (other.has(word)) common++;
  return words.size === 0 ? 1 : common / words.size;
}

export interface NewSentence {
  text: string;
  article: Article;
}

/**
 * The sentences of the later articles that carry facts the earlier ones did not: not mostly a sentence
 * already shown (same words in another order, a reworded lead), and bringing at least two content words
 * or numbers no earlier article used. In article order, each fact once.
 */
export function newSentences(later: Article[], earlier: Article[]): NewSentence[] {
  const shown = earlier.flatMap((article) => splitSentences(article.text).map((span) => contentWords(span.text)));
  const known = new Set(shown.flatMap((words) => [...words]));
  const found: NewSentence[] = [];
  for (const article of later) {
    for (const span of splitSentences(article.text)) {
      const words = contentWords(span.text);
      if (words.size < MIN_WORDS) continue;
      if (shown.some((other) => containment(words, other) >= REPEATS)) continue;
      if ([...words].filter((word) => !known.has(word)).length < MIN_NEW_WORDS) continue;
      found.push({ text: span.text.trim(), article });
      shown.push(words);
      for (const word of words) known.add(word);
    }
  }
  return found;
}
