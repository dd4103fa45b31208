import type { Quote } from './types.ts';

/**
 * Two quotes of one speaker closer than this (in characters between them) were broken only to
 * name the speaker: `…again," Ruiz said after the vote. "Tonight …` has 31.
 */
const ATTRIBUTION_GAP = 60;

/**
 * The quotes as a reader should see them. A speaker's words that the article interrupts only to say
 * who spoke (`"Two years ago we promised …," Ruiz said. "Tonight we kept …"`) are one quote, as a
 * paper would print it in a box, and the comma that led into the attribution ends the words with a
 * full stop when what follows is a new sentence. Phrases of a word to three borrowed inside the
 * article's own sentence ("called the plans “wasteful”") are left out when longer quotes are there.
 * The analysis keeps each quote verbatim with its offsets; only what is shown is joined and chosen.
 * `start`/`end` span the first quote's start to the last's end.
 */
export function quotesAsShown(quotes: readonly Quote[]): Quote[] {
  const shown: Quote[] = [];
  for (const quote of [...quotes].sort((a, b) => a.start - b.start)) {
    const last = shown.at(-1);
    if (last && quote.speaker !== null && quote.speaker === last.speaker && quote.start >= last.end && quote.start - last.end <= ATTRIBUTION_GAP) {
      shown[shown.length - 1] = { ...last, text: joinWords(last.text, quote.text), end: quote.end };
    } else {
      shown.push({ ...quote });
    }
  }
  // "wasteful", "ludicrous improbability": a word or two the article quotes inside its own sentence
  // are not key quotes; they are listed only when the article has nothing longer.
  const key = shown.filter((quote) => wordCount(quote.text) >= KEY_QUOTE_WORDS);
  return (key.length > 0 ? key : shown).map((quote) => ({ ...quote, text: closed(quote.text) }));
}

/** Fewer words than this, and a quote is a phrase the article borrows, not something said at length. */
const KEY_QUOTE_WORDS = 4;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function joinWords(before: string, after: string): string {
  const head = before.trimEnd();
  // "I think," he said, "we can win." reads on as one sentence; "…again," she said. "Tonight …" starts a
  // new one, as does "I …" after "she said." far more often than after "she said,".
  const newSentence = /^\p{Lu}/u.test(after.trimStart());
  const ended = /[.!?…]$/.test(head) ? head : `${head.replace(/[,;]$/, '')}${newSentence ? '.' : ','}`;
  return `${ended} ${after.trimStart()}`;
}

// Words that ended with the comma leading into "she said" end with a full stop when shown alone.
function closed(text: string): string {
  return text.trimEnd().replace(/,$/, '.');
}
