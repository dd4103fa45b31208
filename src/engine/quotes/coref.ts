import type { Entity, EntityIndex, Mention } from '../entities.ts';

/** Where quotes are, so names inside them are not taken for the speaker. */
export type Inside = (pos: number) => boolean;

const MEDIA_HEADS = /^(?:daily|newspaper|paper|outlet|publication|network|broadcaster|channel|magazine|site|website|tabloid|weekly|journal|agency|station)$/;
const MEDIA_NAME = /(?:Times|Post|Journal|News|Herald|Tribune|Daily|Gazette|Magazine|Press|Reuters|Bloomberg|CNN|MSNBC|BBC|NBC|CBS|ABC|NPR|Fox|Politico|Breitbart|Atlantic|Economist|Guardian|Telegraph|Observer|Wire|Today|Axios|BuzzFeed|HuffPost)$/;
const ORG_WORDS = /^(?:ministry|department|company|firm|agency|campaign|committee|group|government|organization|organisation|party|bank|court|office|union|council|commission|administration|board|institute|university|foundation|association|center|centre|service|police|army|military|embassy|corporation|team|club|league|coalition|alliance|senate|house|congress|parliament|kremlin|pentagon|statement)$/;

/** The person a pronoun refers to at `pos`: the subject of the nearest earlier sentence that names a compatible one. */
export function resolvePronoun(pronoun: string, pos: number, index: EntityIndex, inside: Inside, sentenceStarts: number[], previous: Entity | null): Entity | null {
  const p = pronoun.toLowerCase();
  if (p === 'it') return lastOf(index.mentions, pos, inside, (e) => e.kind === 'org');
  if (p === 'they' || p === 'we' || p === 'i') {
    if (previous) return previous;
    return p === 'they' ? null : lastOf(index.mentions, pos, inside, (e) => e.kind === 'person');
  }
  const want = p === 'he' || p === 'his' || p === 'him' ? 'm' : 'f';
  const ok = (e: Entity): boolean => e.kind === 'person' && e.gender !== (want === 'm' ? 'f' : 'm');
  if (previous && ok(previous) && previous.gender === want) {
    // A pronoun right after a quote by a named speaker of that gender nearly always means them.
    const last = lastOf(index.mentions, pos, inside, ok);
    if (!last || last === previous || last.gender !== want) return previous;
  }
  // Walk back sentence by sentence; within a sentence the first compatible name is the subject.
  let hi = pos;
  for (let k = upperBound(sentenceStarts, pos) - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const lo = sentenceStarts[k]!;
    // A sentence whose subject is the same pronoun carries the same referent: look further back.
    if (n > 0 && new RegExp(`^[\\s“"‘]*${p}\\b`, 'i').test(index.text.slice(lo, lo + 12))) {
      hi = lo;
      continue;
    }
    const ms = index.mentions.filter((m) => m.start >= lo && m.start < hi && !inside(m.start) && ok(m.entity));
    const exact = ms.find((m) => m.entity.gender === want);
    const pick = exact ?? ms[0];
    if (pick) return pick.entity;
    hi = lo;
  }
  return previous && ok(previous) ? previous : null;
}

/** The entity a description refers to ("the ministry" -> "Foreign Ministry"), or null. */
export function resolveDescription(head: string, pos: number, index: EntityIndex, inside: Inside): Entity | null {
  const h = head.toLowerCase();
  if (MEDIA_HEADS.test(h)) {
    const media = lastOf(index.mentions, pos, () => false, (e) => e.kind === 'org' && MEDIA_NAME.test(e.name));
    if (media) return media;
  }
  if (ORG_WORDS.test(h)) return lastOf(index.mentions, pos, inside, (e) => e.kind === 'org' && e.descriptors.has(h));
  return lastOf(index.mentions, pos, inside, (e) => e.kind === 'person' && e.descriptors.has(h));
}

function lastOf(mentions: Mention[], pos: number, inside: Inside, ok: (e: Entity) => boolean): Entity | null {
  for (let k = upperBound(mentions.map((m) => m.start), pos) - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (!inside(m.start) && ok(m.entity)) return m.entity;
  }
  return null;
}

export function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
