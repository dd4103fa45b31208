import { isStopWord, tokenize } from '../text.ts';
import { termOf, tokensWithOffsets } from './tokens.ts';

/** The kind of thing a question asks for, read from its wh-words. */
export type AnswerType = 'person' | 'date' | 'number' | 'place' | 'other';

export interface QuestionInfo {
  /** Distinct content stems. */
  terms: string[];
  /** Lower-cased content words, to tell an exact match from a stem match. */
  words: Set<string>;
  /** Every lower-cased word of the question, stop words included ("other", "further"). */
  allWords: Set<string>;
  /** Consecutive content stems of the question ("oil crisis" -> "oil crisi"). */
  bigrams: Set<string>;
  /** Lower-cased words written with a capital inside the question (names), first word excepted. */
  names: Set<string>;
  type: AnswerType;
  /** Stem of the noun a "how many" question counts ("how many students" -> "student"). */
  counted?: string;
  /** A how-much question about money ("How much will the barrier cost?"): it wants an amount in a currency. */
  money: boolean;
  /**
   * Stem of the word that names the asked event, most often its verb: the last content word after
   * an auxiliary ("When did the dam break?" -> break, "How much will the barrier cost?" -> cost),
   * else the first content word after the wh-phrase ("Who designed the bridge?" -> design). A verb
   * the stop list holds counts ("Who won Game 9?" -> win).
   */
  event?: string;
}

export function analyzeQuestion(question: string): QuestionInfo {
  const tokens = tokenize(question);
  // "much" in "how much", "long" in "how long" ask for the value; they are not words to look for.
  const content = tokens.filter((w, i) => !isStopWord(w) && !(tokens[i - 1] === 'how' && HOW_WORDS.test(w)));
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
    allWords: new Set(tokens),
    bigrams,
    names,
    type: answerType(tokens),
    counted: countedWord ? termOf(countedWord) : undefined,
    money: tokens.some((w, i) => w === 'how' && tokens[i + 1] === 'much') && tokens.some((w) => MONEY_WORDS.test(w)),
    event: eventWord(tokens, new Set([...content, ...tokens.filter((w) => STOP_VERBS.test(w))])),
  };
}

const HOW_WORDS = /^(many|much|long|old|far|big|large|tall|high|often|few)$/;
// "How much will the barrier cost?", "How much did they pay?": a how-much question that asks for money.
const MONEY_WORDS =
  /^(cost|costs|costing|pay|pays|paid|paying|spend|spends|spent|price|priced|worth|fine|fined|fines|budget|raise|raised|earn|earns|earned|charge|charged|fee|fees|sell|sold|buy|bought|invest|invested|owe|owed|fund|funding|money|salary|valued|bid|offer|offered|loan|debt|revenue|profit|loss|tax|taxes|compensation|damages|award|awarded|prize)$/;
// Verbs the stop list drops (it holds "won" for "won't", and the verbs of saying): the word that
// names the asked event all the same ("Who won Game 9?"). They are no terms to match, as a sentence
// with "won" and the question's other words may tell of another winner; a feature reads them only
// next to a value of the asked type (features.ts, eventName).
const STOP_VERBS = /^(won|said|says|say)$/;
const WH_WORDS = /^(what|when|where|who|whom|whose|which|how|why)$/;
const AUXILIARIES = /^(did|does|do|will|would|was|were|is|are|has|have|had|can|could|should|may|might)$/;

/** The stem of the word naming the asked event (see QuestionInfo.event), if the question has one. */
function eventWord(tokens: string[], content: Set<string>): string | undefined {
  const wh = tokens.findIndex((w) => WH_WORDS.test(w));
  if (wh < 0) return undefined;
  let next = wh + 1;
  // Skip the rest of the wh-phrase ("how much", "how many people", "which company"): what follows
  // "what", "which" or "how many" is the noun asked about, not the event.
  if (tokens[wh] === 'how' && HOW_WORDS.test(tokens[next] ?? '')) next++;
  if (tokens[wh] !== 'who' && tokens[wh] !== 'when' && tokens[wh] !== 'where' && tokens[next] && !AUXILIARIES.test(tokens[next]!)) next++;
  const after = tokens.slice(next);
  const aux = after.findIndex((w) => AUXILIARIES.test(w));
  // "Who will build the barrier?", "Who was elected?": the wh-phrase is the subject, the verb follows
  // the auxiliary. "When did the dam break?", "How many homes will it protect?": the verb ends the question.
  const subject = aux === 0 && /^(who|what)$/.test(tokens[wh]!) && !/^(did|does|do)$/.test(after[0]!);
  const word = aux >= 0 && aux <= 1 && !subject ? after.slice(aux + 1).findLast((w) => content.has(w)) : after.find((w) => content.has(w));
  return word ? termOf(word) : undefined;
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
    if (w === 'how' && HOW_WORDS.test(next)) return 'number';
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
