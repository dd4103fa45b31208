import { PERSON_TITLES } from '../engine/entities/gazetteer.ts';
import type { Tags } from '../core/types.ts';

// One way to say "these two names are one entity", for everything in src/features. The engine already
// gives each article's entities by their longest full form ("Vladimir Putin"); people type "Putin",
// "President Putin" or "vladimir putin". A name is its words, lower-cased, without accents, titles or
// company suffixes; its key is its last such word (a surname, the head of an organisation's name), so
// follows and alerts are indexed by key and checked word by word only against names sharing it.

const TITLES = new Set([...PERSON_TITLES.keys()].map((title) => fold(title).replace(/\.$/, '')));
const SUFFIXES = new Set(['ltd', 'inc', 'plc', 'corp', 'co', 'llc', 'gmbh', 'ag', 'sa', 'nv', 'bv']);

export type EntityKind = 'person' | 'organization' | 'place' | 'topic';

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words that identify a name: "President Vladimir Putin's" -> ["vladimir", "putin"]. */
export function nameWords(name: string): string[] {
  const words = (
    fold(name)
      .replace(/['’]s\b/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((word) => !SUFFIXES.has(word));
  // Titles only go from the front ("President Putin"), so a name such as "Lord Street" elsewhere stays whole.
  while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  return words;
}

/** The key a name is indexed by: its last identifying word. Empty for a name with no words. */
export function nameKey(name: string): string {
  return nameWords(name).at(-1) ?? '';
}

/**
 * Whether two names can be one entity: both end with the same word and the words of one are all words
 * of the other ("Putin", "Vladimir Putin", "President Putin" yes; "Vladimir" no, a first name alone is
 * not enough; "Anna Berg" and "Ola Berg" no). An article that names someone only by surname is matched
 * by the full name too.
 */
export function namesEntity(typed: string, entity: string): boolean {
  return sameEntityWords(nameWords(typed), nameWords(entity));
}

/** namesEntity on names already split by nameWords. */
export function sameEntityWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0 || a.at(-1) !== b.at(-1)) return false;
  const [short, long] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  return short.every((word) => long.has(word));
}

export interface NamedEntity {
  name: string;
  kind: EntityKind;
}

/** Every entity and topic an analysis tags, with its kind. */
export function taggedEntities(tags: Tags): NamedEntity[] {
  return [
    ...tags.people.map((name) => ({ name, kind: 'person' as const })),
    ...tags.organizations.map((name) => ({ name, kind: 'organization' as const })),
    ...tags.places.map((name) => ({ name, kind: 'place' as const })),
    ...tags.topics.map((name) => ({ name, kind: 'topic' as const })),
  ];
}

/** The entity in these tags that the typed name means, if any (the longest, fullest form first). */
export function findEntity(typed: string, tags: Tags): NamedEntity | undefined {
  return taggedEntities(tags)
    .filter((entity) => (entity.kind === 'topic' ? nameWords(entity.name).join(' ') === nameWords(typed).join(' ') : namesEntity(typed, entity.name)))
    .sort((a, b) => b.name.length - a.name.length)[0];
}
