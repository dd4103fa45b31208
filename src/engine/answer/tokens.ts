import type { Span } from '../../core/types.ts';
import { findEntities } from '../entities.ts';
import { splitSentences } from '../sentences.ts';
import { isStopWord, stem, tokenize } from '../text.ts';

// Irregular past forms, which Porter leaves apart from their verb ("broke" / "break"): a question
// asks "when did the dam break?" of a text that says "the dam broke".
const IRREGULAR = new Map<string, string>(
  (
    'arose arise ate eat awoke awake beat beat became become began begin begun begin bent bend bit bite blew blow broke break broken break ' +
    'brought bring built build bought buy caught catch chose choose chosen choose came come dealt deal drew draw drawn draw drank drink ' +
    'drove drive driven drive fell fall fallen fall fed feed felt feel fought fight found find fled flee flew fly flown fly forbade forbid ' +
    'forgot forget forgave forgive froze freeze frozen freeze gave give given give went go gone go grew grow grown grow hung hang heard hear ' +
    'hid hide held hold kept keep knew know known know laid lay led lead left leave lent lend lost lose made make meant mean met meet ' +
    'paid pay ran run rang ring rose rise risen rise sold sell sent send shook shake shot shoot sang sing sank sink sat sit slept sleep ' +
    'spoke speak spoken speak spent spend stood stand stole steal stolen steal struck strike swore swear swept sweep swam swim ' +
    'took take taken take taught teach tore tear told tell thought think threw throw thrown throw understood understand ' +
    'woke wake wore wear worn wear won win wrote write written write withdrew withdraw overthrew overthrow overtook overtake ' +
    'undertook undertake sought seek bound bind wound wind slid slide spun spin stuck stick stung sting strove strive fought fight ' +
    'children child men man women woman people person mice mouse feet foot teeth tooth'
  )
    .split(' ')
    .flatMap((w, i, all) => (i % 2 === 0 ? [[w, all[i + 1]!]] : [])),
);

/**
 * The term a word counts as: its Porter stem, after irregular past forms and plurals are taken to
 * their base word. `plain` gives the bare Porter stem (the BM25 baseline).
 */
export function termOf(word: string, plain = false): string {
  return stem(plain ? word : (IRREGULAR.get(word) ?? word));
}

/** A word of a sentence with its offsets in the document text. */
export interface Token {
  /** Lower-cased surface form, as `tokenize` gives it. */
  lower: string;
  stem: string;
  start: number;
  end: number;
  /** First letter upper-case in the source text. */
  capitalized: boolean;
  /** A stop word: not matched against the question, but kept for offsets and proximity. */
  stop: boolean;
}

export interface Sentence {
  span: Span;
  /** Word tokens with offsets; built on first use, as only the shortlisted sentences need them. */
  readonly tokens: Token[];
  /** Distinct content stems of the sentence, with their counts. */
  termFreq: Map<string, number>;
  /** Number of content tokens (the BM25 document length). */
  length: number;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  paragraph: number;
}

export interface PreparedDoc {
  id: string;
  text: string;
  /** The headline given with the text, whose words count as the lead's (see prepareDoc). */
  title?: string;
  /** The headline's words (offsets in the headline, not the text): read with the lead's. */
  titleTokens?: Token[];
  sentences: Sentence[];
  /** Sentence index ranges [first, end) of each paragraph. */
  paragraphs: [number, number][];
  /** For each content stem, the number of sentences that hold it. */
  sentenceFreq: Map<string, number>;
  /** Content tokens over all sentences. */
  contentLength: number;
  /**
   * Where the text names someone or something (the engine's name finder: people, organisations,
   * teams, places), as [start, end) offsets in text order; found on first use, as only who-questions
   * read them.
   */
  readonly names: [number, number][];
}

/**
 * Word tokens of `text` with offsets. `tokenize` (the engine's one tokenizer) gives no offsets, so
 * its words are located in order in the lower-cased text.
 */
export function tokensWithOffsets(text: string, base = 0): Token[] {
  const lower = text.toLowerCase();
  // Lower-casing changes the length of a few letters ("İ"); then locate words chunk by chunk.
  if (lower.length !== text.length) return tokensByChunk(text, base);
  const out: Token[] = [];
  let from = 0;
  for (const word of tokenize(text)) {
    const at = lower.indexOf(word, from);
    if (at < 0) return tokensByChunk(text, base);
    from = at + word.length;
    out.push(makeToken(text, word, at, from, base));
  }
  return out;
}

function tokensByChunk(text: string, base: number): Token[] {
  const out: Token[] = [];
  const chunk = /\S+/g;
  for (let m = chunk.exec(text); m; m = chunk.exec(text)) {
    for (const word of tokenize(m[0])) out.push(makeToken(text, word, m.index, m.index + m[0].length, base));
  }
  return out;
}

/** The words of `text` that are not stop words. */
function contentWords(text: string): string[] {
  return tokenize(text).filter((word) => !isStopWord(word));
}

function makeToken(text: string, word: string, start: number, end: number, base: number): Token {
  const first = text[start] ?? '';
  return {
    lower: word,
    stem: termOf(word),
    start: base + start,
    end: base + end,
    capitalized: first !== first.toLowerCase(),
    stop: isStopWord(word),
  };
}

export function prepareSentence(span: Span, paragraph = 0, plain = false): Sentence {
  const termFreq = new Map<string, number>();
  let length = 0;
  for (const word of contentWords(span.text)) {
    length++;
    const s = termOf(word, plain);
    termFreq.set(s, (termFreq.get(s) ?? 0) + 1);
  }
  let tokens: Token[] | undefined;
  return {
    span,
    get tokens() {
      return (tokens ??= tokensWithOffsets(span.text, span.start));
    },
    termFreq,
    length,
    paragraph,
  };
}

/**
 * An article's sentences and statistics for answering. A headline, when given, is a short form of the
 * lead ("… plant a year early, creating 1,200 jobs" over "… will hire 1,200 people by the end of
 * 2027"): its words count among the lead sentence's terms, so a question worded like the headline
 * finds the lead that tells the fact, which the headline itself, not part of the text, cannot cite.
 */
export function prepareDoc(id: string, text: string, plain = false, title?: string): PreparedDoc {
  let paragraph = 0;
  let previousEnd = 0;
  const sentences = splitSentences(text).map((span) => {
    if (/\n[ \t]*\n/.test(text.slice(previousEnd, span.start))) paragraph++;
    previousEnd = span.end;
    return prepareSentence(span, paragraph, plain);
  });
  const lead = sentences[0];
  if (title && lead) {
    for (const word of contentWords(title)) {
      const term = termOf(word, plain);
      if (!lead.termFreq.has(term)) lead.termFreq.set(term, 1);
    }
  }
  const paragraphs: [number, number][] = [];
  sentences.forEach((sentence, i) => {
    const last = paragraphs[sentence.paragraph];
    if (last) last[1] = i + 1;
    else paragraphs[sentence.paragraph] = [i, i + 1];
  });
  const sentenceFreq = new Map<string, number>();
  let contentLength = 0;
  for (const sentence of sentences) {
    contentLength += sentence.length;
    for (const term of sentence.termFreq.keys()) sentenceFreq.set(term, (sentenceFreq.get(term) ?? 0) + 1);
  }
  let names: [number, number][] | undefined;
  return {
    id,
    text,
    ...(title ? { title, titleTokens: tokensWithOffsets(title) } : {}),
    sentences,
    paragraphs,
    sentenceFreq,
    contentLength,
    get names() {
      return (names ??= findEntities(text).mentions.map((m): [number, number] => [m.start, m.end]));
    },
  };
}

/** Content stems of a question, in order (duplicates kept for bigrams; callers dedupe). */
export function questionStems(question: string, plain = false): string[] {
  return tokenize(question)
    .filter((w) => !isStopWord(w))
    .map((w) => termOf(w, plain));
}
