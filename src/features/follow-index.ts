import { nameWords, sameEntityWords, type NamedEntity } from './names.ts';
import type { Follow } from './store.ts';

interface Prepared {
  follow: Follow;
  words: string[];
  joined: string;
}

/**
 * Follows indexed by their key (the last word of the name: "putin"), with their words split once, so
 * a story's entities are checked only against the follows that could name them, however many there are.
 */
export class FollowIndex {
  private readonly byKey = new Map<string, Prepared[]>();

  constructor(follows: Iterable<Follow>) {
    for (const follow of follows) {
      const words = nameWords(follow.name);
      const prepared = { follow, words, joined: words.join(' ') };
      const list = this.byKey.get(follow.key);
      if (list) list.push(prepared);
      else this.byKey.set(follow.key, [prepared]);
    }
  }

  /** For each person with a follow the story's entities match: the first follow and the entity it matched. */
  match(entities: NamedEntity[]): Map<string, { follow: Follow; entity: NamedEntity }> {
    const hits = new Map<string, { follow: Follow; entity: NamedEntity }>();
    for (const entity of entities) {
      const words = nameWords(entity.name);
      const candidates = this.byKey.get(words.at(-1) ?? '');
      if (!candidates) continue;
      const joined = words.join(' ');
      for (const { follow, words: followed, joined: followedJoined } of candidates) {
        if (hits.has(follow.userId)) continue;
        // A topic is matched whole; a name by its words (names.ts).
        const matched = entity.kind === 'topic' ? followedJoined === joined : sameEntityWords(followed, words);
        if (matched) hits.set(follow.userId, { follow, entity });
      }
    }
    return hits;
  }
}
