import { describe, expect, it } from 'vitest';
import { isWholeSentence, readableSpans, type RepeatCheck } from '../../src/engine/summary-readable.ts';
import { idRepeats, kept, wordIds } from '../../src/engine/summary-words.ts';
import { splitFrom, splitSentences } from '../../src/engine/sentences.ts';

const WORD = /[\p{L}\p{N}]+/gu;

/** The reference the id-based repeat check must agree with: letters and digits only, lower-cased. */
function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function keyRepeats(): RepeatCheck {
  const seen = new Set<string>();
  return (span) => {
    const key = sentenceKey(span.text);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  };
}

/** The ids of `text`, checked to name the same words as the regex reading of the lower-cased text. */
function sameWords(texts: string[]): void {
  const idOf = new Map<string, number>();
  for (const text of texts) {
    const words = text.toLowerCase().match(WORD) ?? [];
    const ids = [...wordIds(text)];
    expect(ids).toHaveLength(words.length);
    words.forEach((word, i) => {
      if (!idOf.has(word)) idOf.set(word, ids[i]!);
      expect(ids[i]).toBe(idOf.get(word));
    });
  }
  // Distinct words, distinct ids.
  expect(new Set(idOf.values()).size).toBe(idOf.size);
}

describe('summary word ids', () => {
  it('reads the words the lower-cased regex reading finds, one id a word', () => {
    sameWords([
      'The ferry’s new pier opened on Monday, 3 days late.',
      'THE FERRY pier: “opened” (at last) — the pier.',
      'Café owners in Zürich said the ÉTÉ menu was 12.50 francs.',
      'Straße, STRASSE and strasse are three words here.',
    ]);
  });

  it('gives the same ids when a letter needs the slow path (Σ, İ, astral letters)', () => {
    sameWords(['ΟΔΟΣ and οδος', 'İstanbul and istanbul', 'the 𝐀lpha ferry', 'the ferry 😀 sailed', 'ΣΟΦΙΑ sofia']);
  });

  it('keeps every word its id while the table grows, words of odd and even lengths and units above U+7FFF alike', () => {
    // 40,000 made-up words: the table doubles on the way. Words that differ only in
    // their last unit, or in a unit whose high bit is set, must not share an id.
    const words = Array.from({ length: 40_000 }, (_, k) => `q${k.toString(36)}${k % 3 === 0 ? 'x' : ''}${k % 5 === 0 ? '\uac00' : ''}`);
    const first = words.map((word) => wordIds(word)[0]!);
    expect(new Set(first).size).toBe(words.length);
    expect(words.map((word) => wordIds(word.toUpperCase())[0]!)).toEqual(first);
    expect(Array.from(wordIds('qa qax qa\uac00'))).toEqual([wordIds('qa')[0], wordIds('qax')[0], wordIds('qa\uac00')[0]]);
  });

  it('gives two words whose hashes collide two ids', () => {
    // "yaczfaa" and "glbppaa" have the same 32-bit FNV-1a hash (found by search): only their units tell them apart.
    const [a, b] = [wordIds('yaczfaa')[0], wordIds('glbppaa')[0]];
    expect(a).not.toBe(b);
    expect(Array.from(wordIds('glbppaa yaczfaa'))).toEqual([b, a]);
  });

  it('finds a repeat exactly when the sentence keys match', () => {
    const spans = [
      { text: 'The pier opened on Monday.', start: 0, end: 26 },
      { text: 'THE PIER — opened on Monday!', start: 27, end: 55 },
      { text: 'The pier opened on Tuesday.', start: 56, end: 83 },
    ];
    const repeats = idRepeats((span) => wordIds(span.text));
    expect(spans.map((s) => repeats(s))).toEqual([false, true, false]);
    expect(sentenceKey(spans[0]!.text)).toBe(sentenceKey(spans[1]!.text));
  });

  it('keeps the same readable sentences by word ids as by sentence keys', () => {
    const text =
      'The council approved the new ferry pier on Monday.\n\nThe council approved the new ferry pier on Monday.\n\n' +
      'Work will start in April and last two years.\n\nResidents asked whether the old pier would close?\n\n' +
      'The mayor said the cost would be shared with the port.';
    const spans = splitSentences(text);
    const byKey = readableSpans(spans, text, 1, false, keyRepeats()).spans;
    const byIds = readableSpans(
      spans,
      text,
      1,
      false,
      idRepeats((span) => wordIds(span.text)),
    ).spans;
    expect(byIds).toEqual(byKey);
    expect(byIds.map((s) => s.text)).toHaveLength(3);
  });
});

describe('isWholeSentence word count', () => {
  it('counts words split by any white space, as \\s does', () => {
    expect(isWholeSentence('Ferries\u00a0sail\u2009at\u3000dawn.', true)).toBe(true);
    expect(isWholeSentence('Ferries sail  now.', true)).toBe(false);
    expect(isWholeSentence('The ferries sail at dawn.”', true)).toBe(false);
    expect(isWholeSentence('“The ferries sail at dawn.”', true)).toBe(true);
    expect(isWholeSentence('The ferries sail at dawn?”', true)).toBe(false);
  });
});

describe('reading a sentence in place', () => {
  it('gives the ids of the slice, on the fast and on the regex path', () => {
    // Fiction written for this test; "İ" and "Σ" send a text down the regex path.
    const text = 'The İzmir ferry LEFT at 9. Crew members said 12 passengers were aboard. ΣΟΦΙΑ waved.';
    for (const [from, to] of [
      [0, 26],
      [27, 71],
      [72, text.length],
      [4, 9],
      [0, text.length],
    ] as const) {
      expect(Array.from(wordIds(text, from, to))).toEqual(Array.from(wordIds(text.slice(from, to))));
    }
  });

  it('knows the text a span list was split from, and no other list', () => {
    const text = 'The ferry left at nine. It came back at noon.';
    const spans = splitSentences(text);
    expect(splitFrom(spans)).toBe(text);
    expect(splitFrom([...spans])).toBeUndefined();
    for (const span of spans) expect(span.text).toBe(text.slice(span.start, span.end));
  });
});

describe('kept', () => {
  it('hands out copies that later copies never overwrite, across many chunks', () => {
    const source = new Int32Array(64);
    const given: { copy: Int32Array; first: number; n: number }[] = [];
    // 3,000 copies of up to 64 numbers: several times what one chunk holds.
    for (let k = 0; k < 3000; k++) {
      const n = k % 65;
      for (let j = 0; j < n; j++) source[j] = k * 100 + j;
      given.push({ copy: kept(source, n), first: k * 100, n });
    }
    for (const { copy, first, n } of given) expect(Array.from(copy)).toEqual(Array.from({ length: n }, (_, j) => first + j));
    const long = Int32Array.from({ length: 10_000 }, (_, j) => j);
    expect(Array.from(kept(long, 9_999))).toEqual(Array.from(long.subarray(0, 9_999)));
  });
});
