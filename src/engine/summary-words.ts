// The summary's word table: every distinct lower-cased word (a run of letters and digits, as
// /[\p{L}\p{N}]+/gu finds in the lower-cased text) gets a process-wide integer id, read straight
// from the char codes of the sentence. Scoring an article then allocates no substring per word
// and hashes each word once, instead of lower-casing, matching and looking up a string per word.
import type { Span } from '../core/types.ts';
import { STOP_WORDS, stem } from './text.ts';

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// Per UTF-16 unit at or above 128: 0 not yet known, 1 a separator, 2 a unit whose lower case is
// one letter or digit (kept in LOWER), 3 one a unit-by-unit reading could get wrong (surrogate
// halves; "Σ", whose lower case depends on the next letter; "İ", which lower-cases to two units):
// a sentence holding one takes the regex path.
const KIND = new Uint8Array(0x10000);
// ASCII: the lower-cased letter or digit, 0 for anything else.
const ASCII = new Uint16Array(128);
for (let c = 48; c <= 57; c++) ASCII[c] = c;
for (let c = 97; c <= 122; c++) ASCII[c] = ASCII[c - 32] = c;
const LOWER = new Uint16Array(0x10000);

function kindOf(c: number): number {
  let k = KIND[c]!;
  if (k !== 0) return k;
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3) k = 3;
  else {
    const lower = String.fromCharCode(c).toLowerCase();
    if (lower.length !== 1) k = 3;
    else if (LETTER_OR_DIGIT.test(lower)) {
      k = 2;
      LOWER[c] = lower.charCodeAt(0);
    } else k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 3 : 1;
  }
  KIND[c] = k;
  return k;
}

// Open addressing over FNV-1a hashes of the lower-cased units. A word's id is where its entry
// starts in one arena of 32-bit numbers: its hash, its length, its code (stem id × 4, + 2 when it
// starts with an ASCII digit, + 1 when it is a stop word), its CUE_* bits, then its units two to a
// number. A lookup then reads the slot and one entry, which holds all it checks (a short word's
// fits one cache line), instead of a record, a pool of units and a table of cues in three places:
// the table outgrows the cache, and a miss in each cost more than the rest of reading a word.
let slots = new Int32Array(1 << 16); // id + 1, 0 when empty
const HASH = 0;
const LENGTH = 1;
const CODE = 2;
const CUES = 3;
const UNITS = 4;
let arena = new Int32Array(1 << 19);
let arenaUsed = 0;
let count = 0;
const stemIds = new Map<string, number>();

/** Words and stems known so far (the caller resets the table between articles when it grows large). */
export function vocabularySize(): number {
  return count;
}

export function resetVocabulary(): void {
  slots.fill(0);
  arenaUsed = 0;
  count = 0;
  stemIds.clear();
}

/** How many stem ids exist: buffers indexed by stem id need at least this length. */
export function stemCount(): number {
  return stemIds.size;
}

/**
 * Cue bits of a word: CUE_ATTRIBUTION when it contains one of the words summary.ts's ATTRIBUTION
 * regex looks for, CUE_BOILERPLATE when it contains a word of one of BOILERPLATE's phrases. Every
 * match of those regexes lies partly inside such a word (their phrases are letters around spaces and
 * colons), so a sentence none of whose words has the bit cannot match and need not be searched.
 */
export const CUE_ATTRIBUTION = 1;
export const CUE_BOILERPLATE = 2;
const ATTRIBUTION_PARTS = ['said', 'says', 'told', 'according', 'added', 'stated', 'explained'];
const BOILERPLATE_PARTS = [
  'scroll',
  'click',
  'read',
  'published',
  'updated',
  'follow',
  'mail',
  'newsletter',
  'reserved',
  'copyright',
  'subscribe',
  'watch',
  'video',
  'pictured',
  'photo',
  'image',
  'getty',
  'reporter',
];

function cuesOf(word: string): number {
  let bits = 0;
  for (const part of ATTRIBUTION_PARTS) if (word.includes(part)) bits |= CUE_ATTRIBUTION;
  for (const part of BOILERPLATE_PARTS) if (word.includes(part)) bits |= CUE_BOILERPLATE;
  return bits;
}

/** The cue bits (CUE_*) of a word id. */
export function wordCues(id: number): number {
  return arena[id + CUES]!;
}

/** The code (see the arena above) of a word id. */
export function wordCode(id: number): number {
  return arena[id + CODE]!;
}

// The word being read, lower-cased, before it is looked up.
let unit = new Uint16Array(256);

function lookup(length: number, hash: number): number {
  // Module tables in locals: read once, not at every probe and unit.
  const table = slots;
  const words = arena;
  const word = unit;
  const mask = table.length - 1;
  for (let at = hash & mask; ; at = (at + 1) & mask) {
    const slot = table[at]!;
    if (slot === 0) return insert(at, length, hash);
    const e = slot - 1;
    if (words[e + HASH] !== hash || words[e + LENGTH] !== length) continue;
    let j = 0;
    let u = e + UNITS;
    while (j + 1 < length && words[u] === (word[j]! | (word[j + 1]! << 16))) {
      j += 2;
      u++;
    }
    if (j + 1 < length) continue;
    if (j === length || words[u] === word[j]) return e;
  }
}

function insert(at: number, length: number, hash: number): number {
  const id = arenaUsed;
  const size = UNITS + ((length + 1) >> 1);
  if (id + size > arena.length) {
    const bigger = new Int32Array(Math.max(arena.length * 2, id + size));
    bigger.set(arena);
    arena = bigger;
  }
  let word = '';
  for (let j = 0; j < length; j += 4096) word += String.fromCharCode(...unit.subarray(j, Math.min(length, j + 4096)));
  const st = stem(word);
  let stemId = stemIds.get(st);
  if (stemId === undefined) {
    stemId = stemIds.size;
    stemIds.set(st, stemId);
  }
  const first = unit[0]!;
  arena[id + HASH] = hash;
  arena[id + LENGTH] = length;
  arena[id + CODE] = stemId * 4 + (first >= 48 && first <= 57 ? 2 : 0) + (STOP_WORDS.has(word) ? 1 : 0);
  arena[id + CUES] = cuesOf(word);
  for (let j = 0; j < length; j += 2) arena[id + UNITS + (j >> 1)] = unit[j]! | (j + 1 < length ? unit[j + 1]! << 16 : 0);
  arenaUsed = id + size;
  count++;
  slots[at] = id + 1;
  if (count * 2 > slots.length) rehash();
  return id;
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function rehash(): void {
  slots = new Int32Array(slots.length * 2);
  const mask = slots.length - 1;
  for (let id = 0; id < arenaUsed; id += UNITS + ((arena[id + LENGTH]! + 1) >> 1)) {
    let at = arena[id + HASH]! & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = id + 1;
  }
}

function hashUnit(hash: number, c: number): number {
  return Math.imul(hash ^ c, 0x01000193);
}

const FNV = 0x811c9dc5 | 0;
let idBuf = new Int32Array(256);

// Arrays handed out are views into a shared chunk, each on a part of it no other is given (a full
// chunk is left to the views on it and a new one taken): a typed array of more than 64 bytes made
// on its own gets a buffer outside the heap, which costs more to make (and to collect) than
// reading a sentence's words.
const CHUNK = 1 << 15;
let chunk = new Int32Array(CHUNK);
let chunkUsed = 0;

/** A copy of the first `n` numbers of `from`, as `from.slice(0, n)` gives them. */
export function kept(from: Int32Array, n: number): Int32Array {
  if (n > CHUNK >> 3) return from.slice(0, n);
  if (chunkUsed + n > CHUNK) {
    chunk = new Int32Array(CHUNK);
    chunkUsed = 0;
  }
  const to = chunk;
  const at = chunkUsed;
  for (let j = 0; j < n; j++) to[at + j] = from[j]!;
  chunkUsed = at + n;
  return new Int32Array(to.buffer, at * 4, n);
}

/**
 * The word ids of `text` (or of its part from `from` to `to`) in order. Same words as
 * `text.slice(from, to).toLowerCase().match(/[\p{L}\p{N}]+/gu)`. Reading a sentence in place in
 * its (flat) article is faster than through the sliced string of its own text. The unit buffer is
 * held in a local (a module variable is reloaded from the context at every unit).
 */
export function wordIds(text: string, from = 0, to = text.length): Int32Array {
  let out = idBuf;
  let u = unit;
  let n = 0;
  let length = 0;
  let hash = FNV;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c < 128) c = ASCII[c]!;
    else {
      const k = kindOf(c);
      if (k === 3) return slowIds(from === 0 && to === text.length ? text : text.slice(from, to));
      c = k === 2 ? LOWER[c]! : 0;
    }
    if (c !== 0) {
      if (length === u.length) u = unit = growUnits(u);
      u[length++] = c;
      hash = Math.imul(hash ^ c, 0x01000193);
    } else if (length > 0) {
      if (n === out.length) out = idBuf = grown(out);
      out[n++] = lookup(length, hash);
      length = 0;
      hash = FNV;
    }
  }
  if (length > 0) {
    if (n === out.length) out = idBuf = grown(out);
    out[n++] = lookup(length, hash);
  }
  return kept(out, n);
}

function growUnits(a: Uint16Array): Uint16Array<ArrayBuffer> {
  const b = new Uint16Array(a.length * 2);
  b.set(a);
  return b;
}

function slowIds(text: string): Int32Array {
  const words = text.toLowerCase().match(WORD) ?? [];
  const out = new Int32Array(words.length);
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word.length > unit.length) unit = new Uint16Array(word.length * 2);
    let hash = FNV;
    for (let j = 0; j < word.length; j++) {
      const c = word.charCodeAt(j);
      unit[j] = c;
      hash = hashUnit(hash, c);
    }
    out[w] = lookup(word.length, hash);
  }
  return out;
}

/**
 * A RepeatCheck (summary-readable.ts) by word ids: two spans repeat each other exactly when their
 * word sequences (letters and digits, lower-cased) are equal.
 */
export function idRepeats(idsOf: (span: Span) => Int32Array): (span: Span) => boolean {
  const seen = new Map<number, Int32Array[]>();
  return (span) => {
    const ids = idsOf(span);
    let hash = FNV;
    for (let j = 0; j < ids.length; j++) hash = hashUnit(hash, ids[j]!);
    const same = seen.get(hash);
    if (same === undefined) {
      seen.set(hash, [ids]);
      return false;
    }
    for (const other of same) if (equal(other, ids)) return true;
    same.push(ids);
    return false;
  };
}

function equal(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}
