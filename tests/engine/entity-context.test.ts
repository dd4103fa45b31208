import { describe, expect, it } from 'vitest';
import { endsWithNoun, endsWithWord, endsWithWordOrPossessive, lowerWordBefore, lowerWordsBefore, wordList } from '../../src/engine/entities/context.ts';

// Each reader answers what its end-anchored regex answers on text.slice(lo, end); the cases pair
// the reader with that regex so a drift in either shows.
const at = (text: string, name: string) => text.indexOf(name);

describe('words before a name', () => {
  const places = new Set(['in', 'at', 'near']);
  const place = /\b(?:in|at|near)\s+(?:the\s+)?$/;

  it('finds a preposition, with or without "the", as a whole word', () => {
    for (const text of [
      'He lived in Ostrava.',
      'They met at the Harbour.',
      'He lived within Ostrava.',
      'They met at-the Harbour.',
      'He said in\tthe  Ostrava.',
    ]) {
      const end = at(text, text.includes('Harbour') ? 'Harbour' : 'Ostrava');
      expect(endsWithWord(text, 0, end, places)).toBe(place.test(text.slice(0, end)));
    }
    expect(endsWithWord('They met at the Harbour.', 0, 16, places)).toBe(true);
    expect(endsWithWord('He lived within Ostrava.', 0, 16, places)).toBe(false);
  });

  it('stops at the window: a word cut by it is read as the window holds it', () => {
    const text = 'a fin Ostrava';
    const end = at(text, 'Ostrava');
    // The window starts inside "fin", so it holds "in".
    expect(endsWithWord(text, 3, end, places)).toBe(true);
    expect(endsWithWord(text, 0, end, places)).toBe(false);
  });

  it('gives the lower-case words before a name, nearest first, three at most', () => {
    const text = 'Yesterday the former press secretary Jo Roe spoke.';
    expect(lowerWordsBefore(text, 0, at(text, 'Jo'))).toEqual(['secretary', 'press', 'former']);
    expect(lowerWordsBefore('Said: "Jo Roe"', 0, 7)).toEqual([]);
    expect(lowerWordBefore(text, 0, at(text, 'Jo'))).toBe('secretary');
    expect(lowerWordBefore('In 2016 Jo Roe', 0, 8)).toBe('');
  });

  it('reads an inverted "said" and leaves a possessive to the regex', () => {
    const verbs = new Set(['said', 'noted']);
    const pattern = /\b(?:said|noted)\s+(?:(?:the\s+)?\p{Lu}[\p{L}.&-]*['’]s\s+)?$/u;
    for (const text of ['"No," said Jo Roe.', 'noted the Herald’s Tom Roe', 'resaid Jo Roe', 'said the herald’s Tom Roe']) {
      const end = at(text, text.includes('Tom') ? 'Tom' : 'Jo');
      expect(endsWithWordOrPossessive(text, 0, end, verbs, pattern)).toBe(pattern.test(text.slice(0, end)));
    }
  });

  it('finds a business noun after "the" and up to two words, a comma allowed', () => {
    const nouns = wordList(['service', 'operator']);
    const pattern = /\b(?:the|a)\s+(?:[\w-]+\s+){0,2}(?:service|operator)\s*,?\s*$/i;
    for (const text of ['the streaming service Vidora', 'The operator, TejoLink', 'the new video streaming service Vidora', 'the self-service Vidora']) {
      const end = text.search(/\p{Lu}\p{Ll}+$/u);
      expect(endsWithNoun(text, 0, end, nouns, pattern)).toBe(pattern.test(text.slice(0, end)));
    }
    expect(endsWithNoun('The operator, TejoLink', 0, 14, nouns, pattern)).toBe(true);
    expect(endsWithNoun('the self-service Vidora', 0, 17, nouns, pattern)).toBe(false);
  });
});
