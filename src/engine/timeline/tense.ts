import type { Tense } from './types.ts';

// News text reports the past ("said Friday"); a bare weekday or month points forward only when
// the clause around it says so. Without a part-of-speech tagger, these cue words stand in for
// the future-tense and plan verbs a tagger would find.
const FUTURE = /\b(?:will|won't|shall|'ll|going to|is to|are to|is due|are due|due to|scheduled|plans? to|expects? to|is expected to|are expected to|set to|intends? to|upcoming|next(?! to\b)|to meet|to visit|to hold|to begin|to start|to leave|to travel|to return|to vote|to announce|to resume|to expire|as soon as|as early as)\b/i;
const PAST = /\b(?:said|says|was|were|had|did|ago|last|earlier|yesterday|announced|reported|told|\w+ed)\b/i;

/** Reads the clause around [start, end) within the sentence [sStart, sEnd) for future or past cues. */
export function tenseAround(text: string, start: number, end: number, sStart: number, sEnd: number): Tense {
  const before = text.slice(Math.max(sStart, start - 60), start);
  const after = text.slice(end, Math.min(sEnd, end + 25));
  // Only the part of the clause after the last comma or semicolon: an earlier "said" belongs to the attribution.
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  if (FUTURE.test(clause) || /^\W*will\b/i.test(after)) return 'future';
  // A deadline: "until 9 a.m. Tuesday", "postponed until Tuesday morning".
  if (/\buntil\s+(?:\S+\s+){0,3}$/i.test(clause) && !/^\s*,/.test(after)) return 'future';
  if (PAST.test(clause)) return 'past';
  return 'none';
}
