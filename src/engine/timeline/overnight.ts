// "overnight" is a time only when it dates an event of the story: "fighting continued overnight",
// "was arrested overnight", "Overnight, rebels shelled the town", "the overnight raid". Most uses
// are idioms for "suddenly" ("changed overnight", "became a contender overnight", "it won't happen
// overnight") or name a kind of thing ("an overnight success", "overnight confinement"), with no
// night of the story behind them.

/** How an "overnight" is used: to date an event, as an adjective without a determiner, or not as a time at all. */
export type OvernightUse = 'event' | 'bare-adjective' | 'idiom';

// Words that may follow the adverb: a preposition, a conjunction, an infinitive or a day ("overnight Tuesday").
const AFTER_ADVERB =
  /^(?:to|on|in|at|into|and|or|as|after|before|with|by|from|while|when|but|because|until|amid|near|outside|inside|across|along|over|under|around|through|the|a|an|his|her|their|its|local|despite|without|following|ahead|than|so|then|only|alone|again)$/i;
// "suddenly": a change of state, or something that cannot be done or happen in one night.
const CHANGE_IDIOM =
  /\b(?:bec[oa]me|becom(?:es|ing)|chang(?:e|es|ed|ing)|transform\w*|turn(?:s|ed|ing)?\s+into|happen\w*|vanish\w*|disappear\w*|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|not|never|cannot)\b|n['’]t\b/i;
const DETERMINER = /(?:\b(?:the|this|that|these|those|its|their|his|her|our|last)|'s|’s)\s+$/i;

/** The clause around an adverb "overnight": the words before it back to a comma or a sentence end, or the clause it opens. */
function clauseOf(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 120), start);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('.'), before.lastIndexOf('?'), before.lastIndexOf('!'));
  const own = before.slice(cut + 1);
  if (/\w/.test(own.replace(/\b(?:and|but|then|so)\b/gi, ''))) return own;
  // A fronted "Overnight, Faso became a serious contender": the clause after it.
  const after = text.slice(end, end + 120);
  const stop = after.search(/[.;!?]/);
  return stop >= 0 ? after.slice(0, stop) : after;
}

export function overnightUse(text: string, start: number, end: number): OvernightUse {
  const next = /^\s+([A-Za-z][A-Za-z'-]*)/.exec(text.slice(end, end + 30))?.[1];
  if (next && /^[a-z]/.test(next) && !AFTER_ADVERB.test(next)) {
    // An adjective: "the overnight raid" is the story's; "an overnight success" is a kind of thing.
    const before = text.slice(Math.max(0, start - 20), start);
    if (DETERMINER.test(before)) return 'event';
    if (/\ban?\s+$/i.test(before)) return 'idiom';
    return 'bare-adjective';
  }
  return CHANGE_IDIOM.test(clauseOf(text, start, end)) ? 'idiom' : 'event';
}
