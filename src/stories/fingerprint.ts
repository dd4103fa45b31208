import { isStopWord, stem, tokenize } from '../engine/text.ts';

// Near-duplicate detection without comparing every pair: each article becomes a set of content-word
// stems (title + lead), summarised by a MinHash signature; two signatures agree on a position with
// probability equal to the Jaccard similarity of the sets. Locality-sensitive bands of the signature
// find candidate stories with a handful of key look-ups, whatever the number of stories.

export const SIGNATURE_SIZE = 128;
/**
 * Rows per LSH band. Bands are overlapping pairs of neighbouring positions (0-1, 1-2, …, 127-0), so
 * 128 bands: a pair of articles becomes a candidate ~93% of the time at Jaccard 0.15, 98% at 0.19,
 * ~100% at 0.25 (64 disjoint bands: 79%, 90%, 99%).
 */
export const BAND_ROWS = 2;
/** Words of the article text, after the title, that describe the event (the lead paragraphs). */
const LEAD_WORDS = 90;

// Hash i of a term is mix32(a_i * h + b_i) over the term's mixed FNV hash h. XOR-ing h with a seed
// before one mix (the first version) is not min-wise independent enough for terms that differ only
// in a few trailing characters: it over-estimated similarity by ~0.05 on such sets.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));
const MULTIPLIERS = SEEDS.map((_, i) => (SEEDS[(i + 7) % SIGNATURE_SIZE]! | 1) >>> 0);

/** Stems of the content words of the title (counted as is) and the lead of the text. */
export function storyTerms(title: string | undefined, text: string): Set<string> {
  const terms = new Set<string>();
  const add = (words: string[]) => {
    for (const word of words) {
      if (isStopWord(word) || (word.length < 3 && !/^\d+$/.test(word))) continue;
      terms.add(stem(word));
    }
  };
  add(tokenize(title ?? ''));
  add(tokenize(text).slice(0, LEAD_WORDS));
  return terms;
}

/** MinHash signature of a set of terms (an empty set gives a signature that matches nothing). */
export function signature(terms: Iterable<string>): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  let empty = true;
  for (const term of terms) {
    empty = false;
    const base = mix32(fnv1a(term));
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = mix32((Math.imul(base, MULTIPLIERS[i]!) + SEEDS[i]!) >>> 0);
      if (value < sig[i]!) sig[i] = value;
    }
  }
  return empty ? sig.map((_, i) => -1 - i) : sig;
}

/** Estimated Jaccard similarity of the two term sets. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  const size = Math.min(a.length, b.length);
  for (let i = 0; i < size; i++) if (a[i] === b[i] && a[i]! >= 0) same++;
  return size === 0 ? 0 : same / size;
}

/**
 * A signature as stored with a story member: base64 of its 32-bit values (~700 characters instead of
 * a 1.3 KB JSON array, so reading a story for a digest parses one string per member). An empty
 * signature is stored as ''.
 */
export function packSignature(sig: readonly number[]): string {
  if (sig.length === 0 || sig[0]! < 0) return '';
  const bytes = Buffer.alloc(sig.length * 4);
  sig.forEach((value, i) => bytes.writeUInt32LE(value, i * 4));
  return bytes.toString('base64');
}

/** The values of a packed signature; anything else (a record from before packing, of an older hash family) compares as empty. */
export function unpackSignature(packed: unknown): number[] {
  if (typeof packed !== 'string' || packed === '') return [];
  const bytes = Buffer.from(packed, 'base64');
  return Array.from({ length: Math.floor(bytes.length / 4) }, (_, i) => bytes.readUInt32LE(i * 4));
}

/** Band keys for locality-sensitive look-up: articles sharing any band are candidates. */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let start = 0; start < sig.length; start++) {
    const rows = Array.from({ length: BAND_ROWS }, (_, row) => sig[(start + row) % sig.length]!);
    if (rows.some((n) => n < 0)) continue;
    keys.push(`${start}:${rows.map((n) => n.toString(36)).join('.')}`);
  }
  return keys;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: spreads the bits so the seeded hashes behave as independent permutations. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
