// Which language an article is written in, from its script and its commonest function words. Small
// and dependency-free: enough to tell the embedded engine's English rules where they do not apply.

/** ISO 639-1 code, or 'und' when the text gives too little to tell. */
export type LanguageCode = string;

// The most frequent short words of each language written in Latin letters (Cyrillic for ru/uk).
// Words shared by several languages ("de", "a", "in") still help: only the totals are compared.
const PROFILES: Record<string, string> = {
  en: 'the of and to in a is that for it was on with as he be by at from his have are this an not but they has had were said which who their been will would its',
  de: 'der die und das in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur bis',
  fr: 'de la le et les des en un du une que est pour qui dans par au sur pas plus ne se il a ce sont avec son ont été cette aux mais ou elle nous leur sa être ses lui',
  es: 'de la que el en y a los del se las por un para con no una su al es lo como más pero sus le ya o este ha sido porque esta entre cuando muy sin sobre también',
  it: 'di e il la che in a per un è del non una le si da sono con i al della gli anche come più ha lo ma nel alla dei delle questo essere ci stato',
  pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito nos já está também',
  nl: 'de van het een en in is dat op te zijn met voor niet aan er om ook als dan maar bij door was werd nog naar uit over kan hij zo worden wordt deze',
  sv: 'och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan när år säger också efter',
  da: 'og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over da fra du ud',
  no: 'og i det som på er en til å av for med at har de ikke den han om et var seg men fra vi etter også kan skal hun ble',
  pl: 'i w na z się nie do to że jest o jak po co tak za od ale przez jego są być który tym może już jej oraz dla było',
  cs: 'a se na je že v to s z do o jako ale by jsou pro jeho za po tak které které už bylo jen také byl',
  fi: 'ja on ei että se oli hän ovat mutta kuin myös joka tai jos kun niin vain olla sen hänen',
  ro: 'și de la în a cu pe că nu din o un este se care mai pentru ca fost sau dar lui ai',
  hu: 'a az és hogy nem is egy meg van de csak el már ki mint volt azt ez még sem',
  tr: 've bir bu da de için ile çok olarak daha ne gibi olan kadar sonra ama en',
  ru: 'и в не на что с по он как это к из у за от о же так но все она для бы было мы его',
  uk: 'і в не на що з та як до це у за від він але для так його є ще вона бути',
};

// One lookup a word: each function word with the languages it belongs to (by index in CODES)
// and its weight there.
interface Entry {
  langs: number[];
  weights: number[];
}
const CODES = Object.keys(PROFILES);
const WORDS = new Map<string, Entry>();
CODES.forEach((code, lang) => {
  const words = PROFILES[code]!.split(' ');
  // Earlier words are commoner: weigh them a little more.
  words.forEach((w, i) => {
    let entry = WORDS.get(w);
    if (!entry) WORDS.set(w, (entry = { langs: [], weights: [] }));
    entry.langs.push(lang);
    entry.weights.push(1 + (words.length - i) / words.length);
  });
});

// Each language's score for the text being read, and the order the languages were first met in
// (ties go to the first met, as they did when the scores were a Map).
const SCORES = new Float64Array(CODES.length);
const MET = new Uint8Array(CODES.length);
const ORDER: number[] = [];

function add(entry: Entry): void {
  for (let j = 0; j < entry.langs.length; j++) {
    const lang = entry.langs[j]!;
    if (MET[lang] === 0) {
      MET[lang] = 1;
      ORDER.push(lang);
    }
    SCORES[lang]! += entry.weights[j]!;
  }
}

const SAMPLE = 2000;

/**
 * The language of a text: by script first (Han with kana is Japanese, Hangul Korean, Han alone
 * Chinese; Greek, Arabic, Hebrew, Devanagari, Thai), then by the function words of the Latin- and
 * Cyrillic-script languages above. Reads at most the first 2,000 characters.
 */
export function detectLanguage(text: string): LanguageCode {
  // The script count reads the text in place (a slice of it reads slower, character by character).
  const n = Math.min(text.length, SAMPLE);
  let latin = 0;
  let cyrillic = 0;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let greek = 0;
  let arabic = 0;
  let hebrew = 0;
  let devanagari = 0;
  let thai = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    } else if (c <= 0x24f) latin++;
    else if (c >= 0x370 && c <= 0x3ff) greek++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= 0x590 && c <= 0x5ff) hebrew++;
    else if (c >= 0x600 && c <= 0x6ff) arabic++;
    else if (c >= 0x900 && c <= 0x97f) devanagari++;
    else if (c >= 0xe00 && c <= 0xe7f) thai++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
  }
  const letters = latin + cyrillic + han + kana + hangul + greek + arabic + hebrew + devanagari + thai;
  if (letters < 20) return 'und';
  // Ideographs carry a word each: count them several times against alphabetic letters.
  const cjk = (han + kana + hangul) * 3;
  if (cjk > latin + cyrillic) {
    if (hangul > han + kana) return 'ko';
    return kana > 0.05 * (han + kana) ? 'ja' : 'zh';
  }
  const others: [string, number][] = [
    ['el', greek],
    ['ar', arabic],
    ['he', hebrew],
    ['hi', devanagari],
    ['th', thai],
  ];
  for (const [code, n] of others) if (n > letters / 2) return code;
  return byFunctionWords((n < text.length ? text.slice(0, n) : text).toLowerCase(), cyrillic > latin);
}

function byFunctionWords(sample: string, cyrillic: boolean): LanguageCode {
  clearScores();
  // The words are sample.match(/\p{L}+/gu), read by char code: only one short enough to be a
  // function word is looked up, by a hash of its units, and none is cut out as a string.
  let tokens = 0;
  let start = -1;
  let hash = 0;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    const kind = letterKind(c);
    if (kind === 1) {
      if (start < 0) {
        start = i;
        hash = FNV;
      }
      hash = Math.imul(hash ^ c, 0x01000193);
      continue;
    }
    if (kind === 3) return byWords(sample.match(/\p{L}+/gu) ?? [], cyrillic); // a surrogate pair
    if (start < 0) continue;
    tokens++;
    if (i - start <= LONGEST) {
      const entry = functionWord(sample, start, i, hash);
      if (entry) add(entry);
    }
    start = -1;
  }
  return best(tokens, cyrillic);
}

function byWords(words: string[], cyrillic: boolean): LanguageCode {
  clearScores();
  for (const word of words) {
    const entry = WORDS.get(word);
    if (entry) add(entry);
  }
  return best(words.length, cyrillic);
}

function clearScores(): void {
  for (const lang of ORDER) {
    SCORES[lang] = 0;
    MET[lang] = 0;
  }
  ORDER.length = 0;
}

function best(tokens: number, cyrillic: boolean): LanguageCode {
  if (tokens < 5) return 'und';
  let best = 'und';
  let bestScore = 0;
  for (const lang of ORDER) {
    const code = CODES[lang]!;
    const score = SCORES[lang]!;
    if (cyrillic !== (code === 'ru' || code === 'uk')) continue;
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  // Too few function words of any language (a list of names, a table): do not guess.
  return bestScore >= tokens * 0.05 ? best : 'und';
}

const FNV = 0x811c9dc5 | 0;

function hashOf(word: string): number {
  let hash = FNV;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash;
}

// The function words in an open-addressing table by the hash of their units (a typed array, not a
// Map: most hashes are no small integers, and a Map looks a heap number up by value), and the
// longest one's length.
const TABLE_BITS = 12;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const SLOT_HASH = new Int32Array(1 << TABLE_BITS);
// Index + 1 in TABLE_WORDS, 0 for an empty slot.
const SLOT_WORD = new Int32Array(1 << TABLE_BITS);
const TABLE_WORDS: [string, Entry][] = [];
let LONGEST = 0;
if (WORDS.size * 4 > SLOT_WORD.length) throw new Error('language: the function-word table is too small');
for (const [word, entry] of WORDS) {
  const hash = hashOf(word);
  let at = hash & TABLE_MASK;
  while (SLOT_WORD[at] !== 0) at = (at + 1) & TABLE_MASK;
  TABLE_WORDS.push([word, entry]);
  SLOT_HASH[at] = hash;
  SLOT_WORD[at] = TABLE_WORDS.length;
  LONGEST = Math.max(LONGEST, word.length);
}

function functionWord(sample: string, start: number, end: number, hash: number): Entry | undefined {
  for (let at = hash & TABLE_MASK; SLOT_WORD[at] !== 0; at = (at + 1) & TABLE_MASK) {
    if (SLOT_HASH[at] !== hash) continue;
    const [word, entry] = TABLE_WORDS[SLOT_WORD[at]! - 1]!;
    if (word.length === end - start && sample.startsWith(word, start)) return entry;
  }
  return undefined;
}

// Per UTF-16 unit: 0 not known yet, 1 a letter, 2 not, 3 a surrogate half (read by the regex).
const LETTER = new Uint8Array(0x10000);

function letterKind(c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2;
  let k = LETTER[c]!;
  if (k === 0) LETTER[c] = k = c >= 0xd800 && c <= 0xdfff ? 3 : /\p{L}/u.test(String.fromCharCode(c)) ? 1 : 2;
  return k;
}
