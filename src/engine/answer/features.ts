import type { SentenceCollection } from '../bm25.ts';
import type { AnswerType, QuestionInfo } from './question.ts';
import type { PreparedDoc, Sentence, Token } from './tokens.ts';
import { rowCosine, vectorRow } from './vectors.ts';

/** The features of a candidate, each given once for every question and once more for its answer type. */
const BASE_FEATURES = [
  'coverage', // idf-weighted share of the question's terms found in the span
  'bm25', // BM25 of the span, divided by the question's total idf
  'count', // share of the question's terms found (unweighted)
  'exact', // idf-weighted share found with the question's exact word form
  'bigram', // share of the question's consecutive term pairs found side by side
  'proximity', // matched terms / width of the smallest window holding them
  'context', // extra coverage found in the sentences just around the span
  'paragraph', // extra coverage found in the rest of the span's paragraph
  'prefix', // idf-weighted share of unmatched question terms whose first 5 letters a span word shares
  'names', // share of the question's capitalised words (names) found
  'novel', // log(1 + content words the question does not already contain)
  'restates', // 1 when the span adds (almost) nothing to the question
  'length', // characters / 300
  'pair', // 1 for two sentences
  'novelCapital', // a capitalised word the question lacks
  'novelNumber', // a number the question lacks
  'personName', // who-question and a novel capitalised word
  'dateValue', // when-question and a year, month or date word
  'numberValue', // how-many-question and a novel number
  'placeValue', // where-question and "in/at/near + capitalised word"
  'typeMissing', // a typed question and no answer of that type
  'dateNear', // when-question: closeness of a novel date word to the question's words in the span
  'numberNear', // how-many-question: closeness of a novel number to the question's words
  'personNear', // who-question: closeness of a novel capitalised word to the question's words
  'placeNear', // where-question: closeness of "in/at + capitalised word" to the question's words
  'countNoun', // how-many-question: a novel number right before the counted noun ("how many students" / "400 students")
  'fullName', // who-question: two capitalised words in a row that the question lacks
  'otherNear', // what/which-question: closeness of novel content words to the question's words
  'gluedLoose', // a pair where one sentence holds neither a question word nor a value of the asked type
  'eventNear', // typed question: closeness of a value of the asked type to the word naming the asked event ("cost", "break")
  'valueClause', // share of the question's weight in the clause that holds a value of the asked type (the best such clause)
  'valueContrast', // that clause marks another thing than the asked one ("a smaller earthquake", "a further 60 million") or a share of it ("contribute … towards")
  'moneyValue', // how-much question about money and an amount in a currency ("210-million-euro", "$1.8 billion"); -1 when the span has none but a share ("contribute 60 million euros towards the cost")
  'similar', // idf-weighted share of unmatched question terms with a span word of similar use (word vectors: "aired" / "broadcast")
  'nameFound', // who-question: a name (the engine's name finder) with a word the question lacks
  'nameNear', // who-question: closeness of such a name to the question's words
  'eventName', // who-question: closeness of such a name to the word naming the asked event ("won" in "Who won Game 9?")
] as const;

const TYPES: readonly AnswerType[] = ['person', 'date', 'number', 'place', 'other'];

/**
 * Feature names, in the order of the vector; the model file lists them too, so a mismatch is caught.
 * The base features come first, then a copy of them per answer type (zero unless the question is of
 * that type): a when-question may weigh closeness and novelty differently from a what-question.
 */
export const FEATURES: readonly string[] = [...BASE_FEATURES, ...TYPES.flatMap((type) => BASE_FEATURES.map((name) => `${type}:${name}`))];

const MONTH_OR_DATE =
  /^(january|february|march|april|may|june|july|august|september|october|november|december|century|centuries|bc|bce|ad|ce|decade|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{3,4}s?)$/;
const YEAR = /^(1\d{3}|20\d{2})$/;
// Clock times and day words ("4.15am", "noon", "yesterday"): the time of an event in news.
const CLOCK = /^(\d{1,2}(am|pm|h)|am|pm|noon|midnight|morning|afternoon|evening|tonight|overnight|yesterday|today|tomorrow|dawn|dusk|weekend)$/;
const NUMBER_WORD =
  /^(\d[\d.,]*(?:m|bn|tn|k)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|percent)$/;
const PLACE_CUE = /^(in|at|near|from|into|across|outside|inside)$/;
const CURRENCY =
  /^(euros?|dollars?|pounds?|sterling|yen|yuan|renminbi|rupees?|shillings?|francs?|crowns?|kronor|kroner|krona|krone|pesos?|rand|reais|real|roubles?|rubles?|lira|dinars?|dirhams?|riyals?|won|ringgit|baht|zloty|forint|cents?|pence|usd|eur|gbp|bn|m)$/;

/**
 * An amount in a currency: a number with a currency word within two words after it ("210-million-euro",
 * "60 million euros") or a currency sign before it ("$1.8 billion"). An amount in a clause that gives
 * it as a share of something ("would contribute 60 million euros towards the cost") is not counted:
 * it is not what the thing costs.
 */
function hasMoney(q: QuestionInfo, text: string, tokens: Token[]): boolean {
  let clauses: number[] | undefined;
  let shares: Set<number> | undefined;
  return tokens.some((t, i) => {
    const money =
      NUMBER_WORD.test(t.lower) &&
      (/[$£€¥]\s*$/.test(text.slice(Math.max(0, t.start - 2), t.start)) ||
        CURRENCY.test(tokens[i + 1]?.lower ?? '') ||
        CURRENCY.test(tokens[i + 2]?.lower ?? ''));
    if (!money) return false;
    clauses ??= clausesOf(text, tokens);
    shares ??= new Set(clauses.filter((_, k) => SHARE.test(tokens[k]!.lower) && !q.allWords.has(tokens[k]!.lower)));
    return !shares.has(clauses[i]!);
  });
}

/** A candidate answer: one sentence, or two adjacent ones, of one document. */
export interface Candidate {
  docIndex: number;
  /** Index of the first sentence. */
  first: number;
  /** 1 or 2 sentences. */
  count: number;
}

export function sentencesOf(doc: PreparedDoc, c: Candidate): Sentence[] {
  return doc.sentences.slice(c.first, c.first + c.count);
}

/** Sum of the idf of the question terms found in these sentences. */
function matchedWeight(q: QuestionInfo, sentences: Sentence[], idf: Map<string, number>): number {
  let sum = 0;
  for (const t of q.terms) if (sentences.some((s) => s.termFreq.has(t))) sum += idf.get(t) ?? 0;
  return sum;
}

/** What the features of one question's candidates share: idf of its terms, cached paragraph weights. */
export interface FeatureContext {
  collection: SentenceCollection;
  /** Idf of each question term over the collection. */
  idf: Map<string, number>;
  /** Sum of `idf` (> 0). */
  totalIdf: number;
  /** Question weight found in each paragraph, by doc then paragraph (filled lazily). */
  paragraphWeights: Map<PreparedDoc, number[]>;
  /** For each question term with a word vector, its similarity to the span words met so far, by stem. */
  similarity: Map<string, Map<string, number>>;
}

export function featureContext(q: QuestionInfo, collection: SentenceCollection): FeatureContext {
  const idf = new Map<string, number>();
  let totalIdf = 0;
  for (const t of q.terms) {
    const w = collection.idf(t);
    idf.set(t, w);
    totalIdf += w;
  }
  const similarity = new Map<string, Map<string, number>>();
  for (const t of q.terms) if (vectorRow(t) >= 0) similarity.set(t, new Map());
  return { collection, idf, totalIdf, paragraphWeights: new Map(), similarity };
}

function paragraphWeight(q: QuestionInfo, doc: PreparedDoc, paragraph: number, ctx: FeatureContext): number {
  let weights = ctx.paragraphWeights.get(doc);
  if (!weights) ctx.paragraphWeights.set(doc, (weights = []));
  let w = weights[paragraph];
  if (w === undefined) {
    const [first, end] = doc.paragraphs[paragraph] ?? [0, 0];
    w = weights[paragraph] = matchedWeight(q, doc.sentences.slice(first, end), ctx.idf);
  }
  return w;
}

/** The feature vector of a candidate, in the order of FEATURES. */
export function featuresOf(q: QuestionInfo, doc: PreparedDoc, c: Candidate, ctx: FeatureContext): number[] {
  const { collection, idf, totalIdf } = ctx;
  const sentences = sentencesOf(doc, c);
  const tokens: Token[] = sentences.flatMap((s) => s.tokens);
  const termFreq = new Map<string, number>();
  let length = 0;
  for (const s of sentences) {
    length += s.length;
    for (const [t, n] of s.termFreq) termFreq.set(t, (termFreq.get(t) ?? 0) + n);
  }
  const covered = matchedWeight(q, sentences, idf);
  const matchedTerms = q.terms.filter((t) => termFreq.has(t));
  // The headline is read as part of the lead (see prepareDoc): its words count as the lead's for
  // exact forms, word pairs and closeness too, as they do for the terms.
  const wordLists = c.first === 0 && doc.titleTokens ? [tokens, doc.titleTokens] : [tokens];
  let exact = 0;
  const exactSeen = new Set<string>();
  let bigrams = 0;
  const seenBigrams = new Set<string>();
  for (const list of wordLists) {
    let prevStem: string | null = null;
    for (const tok of list) {
      if (tok.stop) continue;
      if (q.words.has(tok.lower) && !exactSeen.has(tok.stem)) {
        exactSeen.add(tok.stem);
        exact += idf.get(tok.stem) ?? 0;
      }
      if (prevStem !== null) {
        const key = `${prevStem} ${tok.stem}`;
        if (q.bigrams.has(key) && !seenBigrams.has(key)) {
          seenBigrams.add(key);
          bigrams++;
        }
      }
      prevStem = tok.stem;
    }
  }
  const around = doc.sentences.slice(Math.max(0, c.first - 1), c.first + c.count + 1);
  const aroundWeight = matchedWeight(q, around, idf);
  const contextGain = (aroundWeight - covered) / totalIdf;
  // A pair can straddle two paragraphs: take the better one.
  const paragraphs = new Set(sentences.map((s) => s.paragraph));
  const inParagraph = Math.max(...[...paragraphs].map((p) => paragraphWeight(q, doc, p, ctx)));
  const paragraphGain = Math.max(0, inParagraph - covered) / totalIdf;
  let prefixWeight = 0;
  for (const t of q.terms) {
    if (t.length < 5 || termFreq.has(t)) continue;
    const head = t.slice(0, 5);
    if (tokens.some((tok) => !tok.stop && tok.stem.startsWith(head))) prefixWeight += idf.get(t) ?? 0;
  }
  let namesFound = 0;
  for (const name of q.names) if (tokens.some((t) => t.lower === name)) namesFound++;

  let novel = 0;
  let novelCapital = false;
  let novelNumber = false;
  let dateValue = false;
  let placeValue = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const inQuestion = idf.has(tok.stem);
    if (!tok.stop && !inQuestion) novel++;
    if (inQuestion) continue;
    const sentenceStart = tok === sentences[0]!.tokens[0] || tok === sentences[1]?.tokens[0];
    if (tok.capitalized && !tok.stop && !sentenceStart) {
      novelCapital = true;
      const before = tokens[i - 1]?.lower ?? '';
      const before2 = tokens[i - 2]?.lower ?? '';
      if (PLACE_CUE.test(before) || (before === 'the' && PLACE_CUE.test(before2))) placeValue = true;
    }
    if (NUMBER_WORD.test(tok.lower)) novelNumber = true;
    if (YEAR.test(tok.lower) || MONTH_OR_DATE.test(tok.lower)) dateValue = true;
  }
  const typed = {
    person: novelCapital,
    date: dateValue,
    number: novelNumber,
    place: placeValue || novelCapital,
    other: true,
  }[q.type];
  const chars = sentences[sentences.length - 1]!.span.end - sentences[0]!.span.start;
  const near = typedCloseness(q, tokens, sentences, idf);
  const valueTyped = q.type === 'date' || q.type === 'number';
  const base = [
    covered / totalIdf,
    collection.score(q.terms, termFreq, length) / totalIdf,
    matchedTerms.length / q.terms.length,
    exact / totalIdf,
    q.bigrams.size > 0 ? bigrams / q.bigrams.size : 0,
    Math.max(...wordLists.map((list) => proximity(list, matchedIn(list, matchedTerms)))),
    contextGain,
    paragraphGain,
    prefixWeight / totalIdf,
    q.names.size > 0 ? namesFound / q.names.size : 0,
    Math.log1p(novel),
    novel <= 1 ? 1 : 0,
    chars / 300,
    c.count === 2 ? 1 : 0,
    novelCapital ? 1 : 0,
    novelNumber ? 1 : 0,
    q.type === 'person' && novelCapital ? 1 : 0,
    q.type === 'date' && dateValue ? 1 : 0,
    q.type === 'number' && novelNumber ? 1 : 0,
    q.type === 'place' && placeValue ? 1 : 0,
    q.type !== 'other' && !typed ? 1 : 0,
    q.type === 'date' ? near.closeness : 0,
    q.type === 'number' ? near.closeness : 0,
    q.type === 'person' ? near.closeness : 0,
    q.type === 'place' ? near.closeness : 0,
    q.type === 'number' && near.countNoun ? 1 : 0,
    q.type === 'person' && near.fullName ? 1 : 0,
    q.type === 'other' ? near.closeness : 0,
    c.count === 2 && near.looseSentence ? 1 : 0,
    // Only for times and amounts: on SQuAD the clause and event-word cues cost "who" and "where"
    // questions more than they gained them (held-out who 87.3 -> 84.3, where 82.1 -> 80.3).
    valueTyped ? near.eventCloseness : 0,
    ...(valueTyped ? valueClause(q, doc.text, tokens, near.typed, ctx) : [0, 0]),
    q.money ? (hasMoney(q, doc.text, tokens) ? 1 : -1) : 0,
    similarWeight(tokens, termFreq, ctx) / totalIdf,
    ...(q.type === 'person' ? nameFeatures(q, doc, tokens, termFreq, idf) : [0, 0, 0]),
  ];
  const out = new Array<number>(FEATURES.length).fill(0);
  const block = (TYPES.indexOf(q.type) + 1) * base.length;
  for (let i = 0; i < base.length; i++) {
    out[i] = base[i]!;
    out[block + i] = base[i]!;
  }
  return out;
}

/**
 * For a who-question, the names of the span that the question lacks, as the name finder reads the
 * article (so "May", "GMT" or "Tuesday" are no names): whether there is one, its closeness to the
 * question's words, and to the word naming the asked event. That word, a verb the stop list drops
 * ("won"), is evidence only here, next to a name: "the former mayor, who won the mayoral election
 * in 2020" names no one and gains nothing from it. An event word that only the headline holds (read
 * with the lead, see prepareDoc) counts as half near.
 */
function nameFeatures(q: QuestionInfo, doc: PreparedDoc, tokens: Token[], termFreq: Map<string, number>, idf: Map<string, number>): number[] {
  const names = doc.names;
  const inName = (t: Token): boolean => {
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (names[mid]![1] <= t.start) lo = mid + 1;
      else hi = mid;
    }
    const name = names[lo];
    return name !== undefined && name[0] <= t.start && t.end <= name[1];
  };
  const found: number[] = [];
  const matched: number[] = [];
  const event: number[] = [];
  tokens.forEach((t, i) => {
    if (t.stem === q.event) event.push(i);
    if (!t.stop && idf.has(t.stem)) matched.push(i);
    else if (t.capitalized && !q.words.has(t.lower) && !q.names.has(t.lower) && inName(t)) found.push(i);
  });
  if (found.length === 0) return [0, 0, 0];
  const eventNear = event.length > 0 ? closenessIn(event, found) : q.event !== undefined && termFreq.has(q.event) ? 0.5 : 0;
  return [1, closenessIn(matched, found), eventNear];
}

// Below this cosine a span word counts for nothing ("win" / "defeat" is 0.75, "win" / "hospital"
// about 0): 0.35 did best in cross-validation on the training articles, 0.2, 0.27 and 0.5 worse.
const SIMILAR_FROM = 0.35;

/**
 * For each question term the span lacks, the idf of the term times how similar the span's closest
 * word is (0 at SIMILAR_FROM, 1 for the same vector): a soft match for a reworded question.
 */
function similarWeight(tokens: Token[], termFreq: Map<string, number>, ctx: FeatureContext): number {
  let sum = 0;
  for (const [term, seen] of ctx.similarity) {
    if (termFreq.has(term)) continue;
    let best = 0;
    for (const tok of tokens) {
      if (tok.stop || ctx.idf.has(tok.stem)) continue;
      let c = seen.get(tok.stem);
      if (c === undefined) {
        const row = vectorRow(tok.stem);
        c = row < 0 ? 0 : rowCosine(vectorRow(term), row);
        seen.set(tok.stem, c);
      }
      if (c > best) best = c;
    }
    if (best > SIMILAR_FROM) sum += ((ctx.idf.get(term) ?? 0) * (best - SIMILAR_FROM)) / (1 - SIMILAR_FROM);
  }
  return sum;
}

/** The terms of `terms` that a content word of `tokens` holds (a headline's words hold only some of the lead's). */
function matchedIn(tokens: Token[], terms: string[]): Set<string> {
  const stems = new Set(tokens.filter((t) => !t.stop).map((t) => t.stem));
  return new Set(terms.filter((t) => stems.has(t)));
}

/** Distinct matched terms divided by the width (in tokens) of the smallest window that holds them all. */
function proximity(tokens: Token[], matched: Set<string>): number {
  if (matched.size === 0) return 0;
  const need = matched.size;
  const inWindow = new Map<string, number>();
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < tokens.length; right++) {
    const t = tokens[right]!.stem;
    if (!matched.has(t) || tokens[right]!.stop) continue;
    inWindow.set(t, (inWindow.get(t) ?? 0) + 1);
    while (inWindow.size === need) {
      best = Math.min(best, right - left + 1);
      const lt = tokens[left]!;
      if (matched.has(lt.stem) && !lt.stop) {
        const n = inWindow.get(lt.stem)! - 1;
        if (n === 0) inWindow.delete(lt.stem);
        else inWindow.set(lt.stem, n);
      }
      left++;
    }
  }
  return Number.isFinite(best) ? need / best : 0;
}

/** Whether a token is a value of the asked type that the question does not already hold. */
export function isTypedValue(type: AnswerType, tokens: Token[], i: number, inQuestion: (t: Token) => boolean): boolean {
  const tok = tokens[i]!;
  if (inQuestion(tok)) return false;
  switch (type) {
    case 'date':
      return (
        YEAR.test(tok.lower) || MONTH_OR_DATE.test(tok.lower) || CLOCK.test(tok.lower) || (tok.lower === 'ago' && NUMBER_WORD.test(tokens[i - 2]?.lower ?? ''))
      );
    case 'number':
      return NUMBER_WORD.test(tok.lower);
    case 'person':
      // A name that opens the sentence counts when it is a full name ("Elena Korsakova, a teacher, won …").
      return tok.capitalized && !tok.stop && (i > 0 || (tokens[1]?.capitalized === true && !tokens[1].stop && !inQuestion(tokens[1])));
    case 'place': {
      if (!tok.capitalized || tok.stop) return false;
      const before = tokens[i - 1]?.lower ?? '';
      const before2 = tokens[i - 2]?.lower ?? '';
      return PLACE_CUE.test(before) || (before === 'the' && PLACE_CUE.test(before2));
    }
    default:
      return !tok.stop;
  }
}

/**
 * How close the nearest value of the asked type stands to the question's words in the span
 * (1 when adjacent, falling with the distance in words): the date that belongs to the asked event
 * sits next to the words that name the event, not three clauses away.
 */
function typedCloseness(
  q: QuestionInfo,
  tokens: Token[],
  sentences: Sentence[],
  idf: Map<string, number>,
): { closeness: number; countNoun: boolean; fullName: boolean; looseSentence: boolean; eventCloseness: number; typed: number[] } {
  const inQuestion = (t: Token): boolean => idf.has(t.stem) || q.words.has(t.lower);
  const matched: number[] = [];
  const typed: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.stop && idf.has(t.stem)) matched.push(i);
    else if (isTypedValue(q.type, tokens, i, inQuestion)) typed.push(i);
  }
  const closeness = closenessIn(matched, typed);
  let countNoun = false;
  if (q.type === 'number' && q.counted) {
    for (const i of typed) {
      for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) if (tokens[j]!.stem === q.counted) countNoun = true;
    }
  }
  let fullName = false;
  if (q.type === 'person') {
    const set = new Set(typed);
    fullName = typed.some((i) => set.has(i + 1));
  }
  let looseSentence = false;
  if (sentences.length === 2) {
    const firstEnd = sentences[0]!.tokens.length;
    const parts = [
      [0, firstEnd],
      [firstEnd, tokens.length],
    ] as const;
    const within = (list: number[], [from, to]: readonly [number, number]) => list.filter((i) => i >= from && i < to);
    for (const [k, part] of parts.entries()) {
      const ownTyped = within(typed, part);
      const helps = within(matched, part).length > 0 || (q.type !== 'other' && ownTyped.length > 0);
      if (!helps) looseSentence = true;
      // A typed question whose value the other sentence already ties to the question's words needs
      // no second sentence that holds no value ("The dam broke at 4.15am" needs no lead glued on).
      const other = parts[1 - k]!;
      if (q.type !== 'other' && ownTyped.length === 0 && closenessIn(within(matched, other), within(typed, other)) >= 0.5) looseSentence = true;
    }
  }
  const event = tokens.flatMap((t, i) => (t.stem === q.event ? [i] : []));
  return { closeness, countNoun, fullName, looseSentence, eventCloseness: closenessIn(event, typed), typed };
}

/** 1 / (1 + d / 3) for the smallest distance d (in words) between a typed value and a matched word. */
function closenessIn(matched: number[], typed: number[]): number {
  let closeness = 0;
  if (matched.length === 0) return 0;
  let m = 0;
  for (const i of typed) {
    while (m + 1 < matched.length && matched[m + 1]! < i) m++;
    let d = Math.abs(matched[m]! - i);
    if (m + 1 < matched.length) d = Math.min(d, Math.abs(matched[m + 1]! - i));
    closeness = Math.max(closeness, 1 / (1 + d / 3));
  }
  return closeness;
}

// Words that open a new clause after a comma: the value in that clause may belong to another event.
const CLAUSE_OPENER = /^(and|but|while|whereas|although|though|which|who|whose|when|where|after|before|because|as|since)$/;
// Words that mark a thing other than the one the question asks about: "a smaller earthquake", "the
// former mayor", "a further 60 million" (an increment, not the total). Not "rival": "buy its rival
// Ostend Dairy for 1.8 billion" names the asked company.
const CONTRAST = /^(another|other|previous|earlier|former|smaller|larger|bigger|similar|separate|side|further|additional|extra|last|second|third|next)$/;

// Words that mark an amount as a share of the asked one: "would contribute 60 million euros towards
// the cost", "its part of the bill", "the first instalment".
const SHARE = /^(contribute|contributes|contributed|contributing|contribution|towards|toward|share|part|portion|instalment|installment|deposit)$/;

/** Index of the clause each token belongs to: a new clause after ; : — or a bracket, or after a comma before a clause word. */
function clausesOf(text: string, tokens: Token[]): number[] {
  let clause = 0;
  return tokens.map((tok, i) => {
    if (i > 0) {
      const gap = text.slice(tokens[i - 1]!.end, tok.start);
      if (/[;:—–()]|[.!?]\s/.test(gap) || (gap.includes(',') && CLAUSE_OPENER.test(tok.lower))) clause++;
    }
    return clause;
  });
}

/**
 * The question's weight found in the clause that holds a value of the asked type, for the best such
 * clause, and whether that clause marks another thing than the asked one. "How much will the barrier
 * cost?" wants "approved a flood barrier … at a total cost of 210 million", not "a side project
 * will cost a further 60 million, and the council said the flood barrier …".
 */
function valueClause(q: QuestionInfo, text: string, tokens: Token[], typed: number[], ctx: FeatureContext): [number, number] {
  if (typed.length === 0) return [0, 0];
  const clauses = clausesOf(text, tokens);
  let best = { weight: -1, contrast: 1 };
  for (const clause of new Set(typed.map((i) => clauses[i]!))) {
    const found = new Set<string>();
    let contrast = 0;
    tokens.forEach((t, i) => {
      if (clauses[i] !== clause) return;
      if (!t.stop && ctx.idf.has(t.stem)) found.add(t.stem);
      if ((CONTRAST.test(t.lower) || SHARE.test(t.lower)) && !q.allWords.has(t.lower)) contrast = 1;
    });
    let weight = 0;
    for (const t of found) weight += ctx.idf.get(t) ?? 0;
    if (weight > best.weight || (weight === best.weight && contrast < best.contrast)) best = { weight, contrast };
  }
  return [best.weight / ctx.totalIdf, best.contrast];
}
