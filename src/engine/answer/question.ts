import { isStopWord, tokenize } from '../text.ts';
import { termOf, tokensWithOffsets } from './tokens.ts';

/** The kind of thing a question asks for, read from its wh-words. */
export type AnswerType = 'person' | 'date' | 'number' | 'place' | 'other';

export interface QuestionInfo {
  /** Distinct content stems. */
  terms: string[];
  /** Lower-cased content words, to tell an exact match from a stem match. */
  words: Set<string>;
  /** Consecutive content stems of the question ("oil crisis" -> "oil crisi"). */
  bigrams: Set<string>;
  /** Lower-cased words written with a capital inside the question (names), first word excepted. */
  names: Set<string>;
  type: AnswerType;
  /** Stem of the noun a "how many" question counts ("how many students" -> "student"). */
  counted?: string;
}

export function analyzeQuestion(question: string): QuestionInfo {
  const tokens = tokenize(question);
  const content = tokens.filter((w) => !isStopWord(w));
  const stems = content.map((w) => termOf(w));
  const bigrams = new Set<string>();
  for (let i = 1; i < stems.length; i++) bigrams.add(`${stems[i - 1]} ${stems[i]}`);
  const names = new Set(
    tokensWithOffsets(question)
      .slice(1)
      .filter((t) => t.capitalized && !t.stop)
      .map((t) => t.lower),
  );
  const many = tokens.findIndex((w, i) => w === 'how' && (tokens[i + 1] === 'many' || tokens[i + 1] === 'much'));
  const countedWord = many >= 0 ? tokens.slice(many + 2, many + 4).find((w) => !isStopWord(w)) : undefined;
  return {
    terms: [...new Set(stems)],
    words: new Set(content),
    bigrams,
    names,
    type: answerType(tokens),
    counted: countedWord ? termOf(countedWord) : undefined,
  };
}

const NUMBER_NOUNS = /^(percent|percentage|proportion|number|amount|population|size|distance|length|height|area|cost|price|temperature|age)$/;
const DATE_NOUNS = /^(year|years|century|decade|date|day|month|era|period|season)$/;
const PLACE_NOUNS = /^(city|country|state|place|location|region|town|county|continent|river|island|nation|area|venue|stadium|building)$/;
const PERSON_NOUNS =
  /^(person|man|woman|people|leader|king|queen|president|emperor|player|author|scientist|team|company|group|organization|coach|quarterback|general|ruler|architect|founder|son|daughter|wife|husband)$/;

/**
 * Answer type from the question words: "how many/much/long/old", "what percentage" ask for a
 * number; "when", "what year" for a date; "who/whom/whose" or "which person" for a name; "where"
 * for a place. The noun right after "what/which" (within two words) decides the open cases.
 */
export function answerType(tokens: string[]): AnswerType {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    const next = tokens[i + 1] ?? '';
    if (w === 'how' && /^(many|much|long|old|far|big|large|tall|high|often|few)$/.test(next)) return 'number';
    if (w === 'when') return 'date';
    if (w === 'who' || w === 'whom' || w === 'whose') return 'person';
    if (w === 'where') return 'place';
    if (w === 'what' || w === 'which') {
      for (const noun of tokens.slice(i + 1, i + 3)) {
        if (DATE_NOUNS.test(noun)) return 'date';
        if (NUMBER_NOUNS.test(noun)) return 'number';
        if (PLACE_NOUNS.test(noun)) return 'place';
        if (PERSON_NOUNS.test(noun)) return 'person';
      }
    }
  }
  return 'other';
}
