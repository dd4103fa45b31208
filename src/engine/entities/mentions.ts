import { isSpaceCode } from './context.ts';
import { isKnownPlace, MONTHS, COMMON_CAPS, NOT_ENTITIES, PERSON_TITLES, WEAK_TITLES, ORG_HEADS, PLACE_HEADS, isFirstName } from './gazetteer.ts';

/** A capitalised name as written in the text, titles and possessives already stripped. */
export interface RawMention {
  /** Offsets of the name itself (without title or possessive) in the text. */
  start: number;
  end: number;
  tokens: string[];
  /** The tokens joined by spaces. */
  name: string;
  /** Title words that preceded the name ("President", "Mr."). */
  titles: string[];
  /** The name was written in capitals only ("PENCE"): trusted only if it matches another mention. */
  shouted: boolean;
  /** The name opened a sentence, so its capital letter proves nothing. */
  sentenceStart: boolean;
  /** The name sits in a Title Case line (a headline), where every word is capitalised. */
  headline: boolean;
}

interface Token {
  word: string;
  start: number;
  end: number;
  /** Only spaces or tabs (at least one) separate it from the previous token. */
  spaced: boolean;
  /** Nothing separates it from the previous token. */
  joined: boolean;
}

// Words, with inner dots/apostrophes/hyphens ("U.S", "O'Neill", "al-Assad"); a trailing dot is
// attached below only for initials and abbreviations so "Twitter." never keeps its full stop.
// tokenize reads what WORD = /[\p{L}\p{N}]+(?:[.'’\-&][\p{L}\p{N}]+)*|(?<=[ \t])&(?=[ \t])/gu matches.
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'al', 'and', 'for', '&', 'y', 'on']);
const DOTTED = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Sen',
  'Rep',
  'Gov',
  'Gen',
  'Col',
  'Lt',
  'Capt',
  'Adm',
  'Sgt',
  'Rev',
  'Jr',
  'Sr',
  'St',
  'Inc',
  'Corp',
  'Co',
  'Ltd',
  'Prof',
  'Del',
  'Pres',
  'Supt',
  'Insp',
  'Det',
  'Hon',
  'Mt',
  'Ft',
]);
// "of" joins a name only after a word that takes it ("Bank of America", "Secretary of State"),
// so "Xi Jinping of China" stays two names.
const OF_BEFORE = new Set([
  ...ORG_HEADS,
  ...PLACE_HEADS,
  ...PERSON_TITLES.keys(),
  'Republic',
  'Kingdom',
  'Isle',
  'Duke',
  'Statue',
  'Cape',
  'States',
  'Secretary',
  'Department',
  'Ministry',
  'Sea',
  'Gulf',
  'Bay',
  'Board',
  'Chamber',
  'Court',
]);
const PAGEANTS = new Set(['Universe', 'World', 'America', 'USA', 'Teen']);
const UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}.&-]+$/u;

/**
 * Whether a name at `start` opens a sentence, as
 * /(?:^|[.!?:;]\s*|\n\s*|[“"‘(—–\-]\s*|[.!?][”"’)]\s*)$/ reads the four characters before it.
 */
function opensSentence(text: string, start: number): boolean {
  if (start === 0) return true;
  const lo = Math.max(0, start - 4);
  let k = start;
  while (k > lo && isSpaceCode(text.charCodeAt(k - 1))) {
    if (text.charCodeAt(k - 1) === 10) return true;
    k--;
  }
  if (k === lo) return false;
  const c = text[k - 1]!;
  if ('.!?:;“"‘(—–-'.includes(c)) return true;
  return '”"’)'.includes(c) && k - 1 > lo && '.!?'.includes(text[k - 2]!);
}

// Reads WORD's tokens by character code (a regex match object for each token cost more than the
// rest of the work): the same tokens, from the same leftmost, greedy reading.
function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let last = from;
  let k = from;
  while (k < to) {
    let n = alnumAt(text, k);
    if (n === 0) {
      // A lone "&" between blanks: "Pell & Marsh".
      if (text.charCodeAt(k) === 38 && isBlank(text.charCodeAt(k - 1)) && isBlank(text.charCodeAt(k + 1))) {
        out.push({ word: '&', start: k, end: k + 1, spaced: last < k && onlySpaces(text, last, k), joined: last === k });
        last = k + 1;
      }
      k++;
      continue;
    }
    const start = k;
    for (k += n; (n = alnumAt(text, k)) > 0; ) k += n;
    // Inner dots, apostrophes, hyphens and ampersands, each followed by letters or digits.
    for (let c = text.charCodeAt(k); c === 46 || c === 39 || c === 0x2019 || c === 45 || c === 38; c = text.charCodeAt(k)) {
      const m = alnumAt(text, k + 1);
      if (m === 0) break;
      for (k += 1 + m; (n = alnumAt(text, k)) > 0; ) k += n;
    }
    let word = text.slice(start, k);
    let end = k;
    const dotted = text[end] === '.' && (DOTTED.has(word) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word));
    if (dotted) {
      word += '.';
      end += 1;
      k = end;
    }
    out.push({ word, start, end, spaced: last < start && onlySpaces(text, last, start), joined: last === start });
    last = end;
  }
  return out;
}

const ALNUM = /[\p{L}\p{N}]/uy;
/** Code units (1, or 2 for a surrogate pair) of the letter or digit at `k`; 0 when there is none. */
function alnumAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  // Inside a word, a combining accent (decomposed text: "Jose\u0301") and a byte of UTF-8 read as
  // Latin-1 after its "Ã" or "Â" ("PeÃ±a" for "Peña") are part of the word, not its end.
  if (k > 0 && c >= 0x300 && c <= 0x36f) return alnumAt(text, k - 1) > 0 ? 1 : 0;
  if (k > 0 && c >= 0x80 && c <= 0xbf && afterMojibakeLead(text, k)) return 1;
  ALNUM.lastIndex = k;
  return ALNUM.test(text) ? ALNUM.lastIndex - k : 0;
}

// "Ã" or "Â", composed or as "A" with its combining tilde or circumflex, right before `k`.
function afterMojibakeLead(text: string, k: number): boolean {
  const p = text.charCodeAt(k - 1);
  if (p === 0xc3 || p === 0xc2) return true;
  return (p === 0x303 || p === 0x302) && text.charCodeAt(k - 2) === 65;
}

// A no-break space (U+00A0, common in pasted web text: "Stu\u00A0Burguiere") joins a name like a space.
const isBlank = (c: number): boolean => c === 32 || c === 9 || c === 0xa0;

// "Acme's" -> "Acme", without a regex or a new string for the common case.
function unpossessed(word: string): string {
  const n = word.length;
  if (n < 3 || word.charCodeAt(n - 1) !== 115) return word;
  const q = word.charCodeAt(n - 2);
  return q === 39 || q === 0x2019 ? word.slice(0, -2) : word;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

// /^\p{Lu}/u, with ASCII settled by its code (most words are).
function isCap(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(word);
}

// /['’]s$/ without a regex: "Acme's", "Acme’s".
function isPossessive(word: string): boolean {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 115) return false;
  const q = word.charCodeAt(n - 2);
  return q === 39 || q === 0x2019;
}

// /^[\p{Lu}.&\-]+$/u (a word in capitals), with ASCII settled by its code.
function isAllCaps(word: string): boolean {
  if (word.length === 0) return false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 128) return ALL_CAPS.test(word);
    if (!((c >= 65 && c <= 90) || c === 46 || c === 38 || c === 45)) return false;
  }
  return true;
}

/** Finds capitalised names; the caller decides what they are. */
// Stretches of capitalised words (with connectors between them): the only places names can be,
// found in one pass so the lower-case bulk of the text is never tokenised. The pass reads what
// CAPS_RUN = /\p{Lu}[\p{L}\p{N}.'’&\-]*(?:[ \t]+(?:(?:of|de|…|on)[ \t]+)?\p{Lu}[\p{L}\p{N}.'’&\-]*)*/gu,
// read by character code (capsRunEnd): a regex match object per stretch cost more than the scan.
const RUN_CONNECTORS = new Set(['of', 'de', 'del', 'da', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'al', 'and', 'for', '&', 'y', 'on']);

export function findRawMentions(text: string): RawMention[] {
  const headlines = titleCaseLines(text);
  const out: RawMention[] = [];
  for (let k = 0; ; ) {
    // The regex engine skips the lower-case bulk to the next character that may be a capital.
    MAYBE_UPPER.lastIndex = k;
    if (!MAYBE_UPPER.test(text)) break;
    k = MAYBE_UPPER.lastIndex - 1;
    const n = upperAt(text, k);
    if (n === 0) {
      k++;
      continue;
    }
    const end = capsRunEnd(text, k + n);
    runsOf(text, tokenize(text, k, end), headlines, out);
    k = end;
  }
  return out;
}

// Every \p{Lu} code unit is A-Z or at least U+00C0 outside General Punctuation (U+2000-206F: ’ “ ” —),
// surrogates included; upperAt settles each candidate.
const MAYBE_UPPER = /[A-Z\u00C0-\u1FFF\u2070-\uFFFF]/g;

/** Where a stretch of capitalised words that started with a capital ending at `from` ends. */
function capsRunEnd(text: string, from: number): number {
  let end = nameCharsEnd(text, from);
  for (;;) {
    let k = end;
    while (isBlank(text.charCodeAt(k))) k++;
    if (k === end) return end;
    let n = upperAt(text, k);
    if (n === 0) {
      // A connector between blanks, then a capital: "Bank of America".
      let w = k;
      for (let c = text.charCodeAt(w); (c >= 97 && c <= 122) || c === 38; c = text.charCodeAt(++w));
      if (w === k || !isBlank(text.charCodeAt(w)) || !RUN_CONNECTORS.has(text.slice(k, w))) return end;
      for (k = w; isBlank(text.charCodeAt(k)); k++);
      n = upperAt(text, k);
      if (n === 0) return end;
    }
    end = nameCharsEnd(text, k + n);
  }
}

const UPPER_AT = /\p{Lu}/uy;
/** Code units (1 or 2) of the capital letter at `k`; 0 when there is none. */
function upperAt(text: string, k: number): number {
  const c = text.charCodeAt(k);
  if (c < 128) return c >= 65 && c <= 90 ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  UPPER_AT.lastIndex = k;
  return UPPER_AT.test(text) ? UPPER_AT.lastIndex - k : 0;
}

/** End of the run of [\p{L}\p{N}.'’&\-] characters from `k`. */
function nameCharsEnd(text: string, k: number): number {
  for (;;) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 39 || c === 38 || c === 45) k++;
      else return k;
    } else if (c === 0x2019) k++;
    else {
      const n = alnumAt(text, k);
      if (n === 0) return k;
      k += n;
    }
  }
}

function runsOf(text: string, tokens: Token[], headlines: [number, number][], out: RawMention[]): void {
  let i = 0;
  while (i < tokens.length) {
    if (!isCap(tokens[i]!.word)) {
      i++;
      continue;
    }
    // A run of capitalised words joined by spaces (and lower-case connectors between capitals).
    let j = i + 1;
    let last = i;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (!t.spaced && !t.joined) break;
      if (isPossessive(tokens[j - 1]!.word)) break;
      if (isCap(t.word)) {
        last = j;
        j++;
        continue;
      }
      if (
        CONNECTORS.has(t.word) &&
        (t.word !== 'of' || OF_BEFORE.has(tokens[j - 1]!.word)) &&
        j + 1 < tokens.length &&
        isCap(tokens[j + 1]!.word) &&
        tokens[j + 1]!.spaced
      ) {
        j++;
        continue;
      }
      break;
    }
    const from = out.length;
    const sentenceStart = opensSentence(text, tokens[i]!.start);
    // A run of one capitalised word ("The", "But", "Trump") is a name unless it is a common word,
    // as splitRun would find, without the arrays it builds to split longer runs.
    if (last === i) {
      if (!COMMON_CAPS.has(tokens[i]!.word)) out.push(mention(tokens.slice(i, i + 1), [], sentenceStart));
    } else splitRun(text, tokens.slice(i, last + 1), sentenceStart, out);
    for (let k = from; k < out.length; k++) out[k]!.headline = inLines(headlines, out[k]!.start);
    i = last + 1;
  }
}

function inLines(lines: [number, number][], at: number): boolean {
  for (const [a, b] of lines) if (at >= a && at < b) return true;
  return false;
}

// Splits a run at "and"/"for"/"on" unless it names an organisation, strips opening common words
// and titles, and splits at a title inside the run ("European Council President Donald Tusk").
function splitRun(text: string, run: Token[], sentenceStart: boolean, out: RawMention[]): void {
  run = titleOfLowered(run);
  let orgLike = false;
  for (const t of run) if (ORG_HEADS.has(unpossessed(t.word))) orgLike = true;
  let from = 0;
  for (let k = 0; k <= run.length; k++) {
    const t = run[k];
    if (t !== undefined) {
      // "WorldCom Inc and MFS Communications", "the Navy and Air Corps": after a complete organisation name, "and" starts another.
      // "F.W. de Klerk and African National Congress": a name of two or more words before "and" is complete
      // (not "Food and Drug Administration", "Department of Health and Human Services").
      const afterHead = t.word === 'and' && k > from && completesName(run, from, k, orgLike);
      // "&" joins a firm's partners ("Pell & Marsh"); "and" joins two names. "on" joins an
      // organisation's name only after a body that works on a subject ("Committee on Trade"):
      // "Metro News on Election Day" is two names.
      const onSplits = t.word === 'on' && (!orgLike || k === from || !ON_HEADS.has(run[k - 1]!.word));
      if (!(((t.word === 'and' || t.word === 'for') && !orgLike) || onSplits || afterHead)) continue;
    }
    namesOf(text, run.slice(from, k), sentenceStart && from === 0, out);
    from = k + 1;
  }
}

// "Chief Of Staff Jo Roe": some copy capitalises every word of a title; after a title its "Of" is the
// title's "of", not a common word that ends the name before it.
function titleOfLowered(run: Token[]): Token[] {
  if (!run.some((t, k) => t.word === 'Of' && k > 0 && PERSON_TITLES.has(run[k - 1]!.word))) return run;
  return run.map((t, k) => (t.word === 'Of' && k > 0 && PERSON_TITLES.has(run[k - 1]!.word) ? { ...t, word: 'of' } : t));
}

/**
 * Whether the words run[from..k) before an "and" make a complete name, so that "and" starts another:
 * they end in an organisation's head word, or are two words or more with no "of" (a leading "The"
 * not counted). A plural head word alone opens a longer name instead ("The Securities and Exchange
 * Commission").
 */
function completesName(run: Token[], from: number, k: number, orgLike: boolean): boolean {
  const before = unpossessed(run[k - 1]!.word.replace(/\.$/, ''));
  const words = k - from - (run[from]!.word === 'The' ? 1 : 0);
  if (words === 1 && orgLike && before.endsWith('s') && ORG_HEADS.has(before)) return false;
  return ORG_HEADS.has(before) || (words >= 2 && !hasOf(run, from, k));
}

function hasOf(run: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (run[k]!.word === 'of') return true;
  return false;
}

// The names in one part of a split run: opening common words dropped, and cut where a common word
// ends a name ("Trump Monday").
function namesOf(text: string, part: Token[], atStart: boolean, out: RawMention[]): void {
  let first = true;
  while (part.length > 0) {
    // Drop opening common words: "But Trump", "The Kremlin", "In London"; and, opening a
    // sentence, an adverb or a participle before a name: "Certainly Jo Roe", "Given Roe".
    while (
      part.length > 0 &&
      ((COMMON_CAPS.has(part[0]!.word) && !(part[0]!.word === 'The' && part.length > 1 && part[1]!.word === 'Hague')) ||
        (atStart && part.length > 1 && opensClause(part[0]!.word)))
    ) {
      part = part.slice(1);
      atStart = false;
    }
    const cut = commonWordCut(text, part);
    const head = cut > 0 ? part.slice(0, cut) : part;
    const rest = cut > 0 ? part.slice(cut) : [];
    for (const m of titled(head, atStart && first)) out.push(m);
    first = false;
    atStart = false;
    part = rest;
  }
}

// Months and days inside a run end it ("Trump Monday").
// A month after a name is a surname ("Theresa May") unless a day number follows.
// A common word ending the run after a first name is a surname ("Ian Read", "Dan Rather"), and one that
// heads an organisation is its head ("Judicial Watch").
function commonWordCut(text: string, part: Token[]): number {
  for (let n = 1; n < part.length; n++) {
    const t = part[n]!;
    if (
      COMMON_CAPS.has(unpossessed(t.word)) &&
      !CONNECTORS.has(t.word) &&
      !(MONTHS.has(t.word) && !/^\s+\d/.test(text.slice(t.end, t.end + 4))) &&
      !(n === part.length - 1 && !DAYS.has(t.word) && (ORG_HEADS.has(unpossessed(t.word)) || (n === 1 && isFirstName(part[0]!.word))))
    )
      return n;
  }
  return -1;
}

// Words that open a sentence before its subject: adverbs made from adjectives ("Certainly",
// "Interestingly", "Mostly"; names such as "Kelly", "Emily" or "Beverly" end otherwise or are short)
// and participles used as prepositions ("Given", "Following", "Regarding").
const CLAUSE_OPENERS = new Set(['Given', 'Following', 'Regarding', 'Including', 'Concerning', 'Considering', 'Amid', 'Upon', 'Notwithstanding']);
const ADVERB = /^\p{Lu}\p{Ll}+(?:(?:al|ar|ous|ic|ent|ant|ing|ed|ful|less|ive|ate|ain|ear|ight|ct|st|nd|rd|re|nk)ly|bly)$/u;
const opensClause = (word: string): boolean => CLAUSE_OPENERS.has(word) || (ADVERB.test(word) && !isFirstName(word));

const ON_HEADS = new Set(
  'Committee|Subcommittee|Commission|Council|Project|Program|Programme|Center|Centre|Board|Conference|Institute|Panel|Caucus|Force|Office'.split('|'),
);

const DAYS = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Today', 'Yesterday', 'Tomorrow', 'Tonight']);

function titled(part: Token[], sentenceStart: boolean): RawMention[] {
  // Trailing connectors ("Bank of") are not part of a name.
  while (part.length > 0 && CONNECTORS.has(part[part.length - 1]!.word)) part = part.slice(0, -1);
  while (part.length > 0 && CONNECTORS.has(part[0]!.word)) part = part.slice(1);
  if (part.length === 0) return [];
  // "Chipmaker Arvion Semiconductor": a capitalised kind of business opening the run is not part of the name.
  if (part.length >= 3 && BUSINESS_KINDS.has(part[0]!.word)) part = part.slice(1);
  const lastWord = unpossessed(part[part.length - 1]!.word);
  if (ORG_HEADS.has(lastWord) || PLACE_HEADS.has(lastWord)) return [mention(part, [], sentenceStart)];
  // A title inside the run splits it: what precedes is an organisation or a place.
  for (let k = part.length - 2; k >= 1; k--) {
    const w = part[k]!.word;
    // "House Republican Jo Roe", "Ohio Democrat Jo Roe": a party word before a name of two or three
    // words is the person's title, what precedes it the chamber or state.
    const party = PARTY_TITLES.has(w) && part.length - k - 1 >= 2 && part.length - k - 1 <= 3;
    if (party || (PERSON_TITLES.has(w) && (!WEAK_TITLES.has(w) || /^(?:Secretary|Minister|Director|Chief|Leader|Speaker|Host|Coach)$/.test(w)))) {
      let s = k;
      while (s > 0 && (PERSON_TITLES.has(part[s - 1]!.word) || part[s - 1]!.word === 'of')) s--;
      // Before a party word only a place or a one-word chamber is kept: "Ohio", "House", not "House Intelligence".
      const before = part.slice(0, s);
      const keepLeft = s > 0 && (!party || s === 1 || isKnownPlace(before.map((t) => t.word).join(' ')));
      const left = keepLeft ? titled(before, sentenceStart) : [];
      const titles = part.slice(s, k + 1).map((t) => t.word);
      return [...left, ...withTitles(part.slice(k + 1), titles, false)];
    }
  }
  return withTitles(part, [], sentenceStart);
}

const PARTY_TITLES = new Set(['Republican', 'Democrat', 'GOP']);

const BUSINESS_KINDS = new Set([
  'Chipmaker',
  'Carmaker',
  'Automaker',
  'Drugmaker',
  'Retailer',
  'Airline',
  'Broadcaster',
  'Lender',
  'Insurer',
  'Miner',
  'Startup',
  'Start-up',
]);

// Occupations written capitalised before a full name, as a title: "Comedian Jo Roe", "Actor Tom Lee".
const OCCUPATION_TITLES = new Set([
  'Actor',
  'Actress',
  'Artist',
  'Author',
  'Billionaire',
  'Businessman',
  'Businesswoman',
  'Challenger',
  'Champion',
  'Chef',
  'Columnist',
  'Comedian',
  'Designer',
  'Economist',
  'Entrepreneur',
  'Filmmaker',
  'Historian',
  'Journalist',
  'Musician',
  'Novelist',
  'Photographer',
  'Playwright',
  'Poet',
  'Rapper',
  'Singer',
  'Songwriter',
  'Writer',
  // Sport: "Manager Pep Guardiola", "Striker Erling Haaland".
  'Manager',
  'Striker',
  'Defender',
  'Goalkeeper',
  'Midfielder',
  'Winger',
  'Quarterback',
  'Pitcher',
  'Skipper',
]);

function withTitles(part: Token[], titles: string[], sentenceStart: boolean): RawMention[] {
  if (part.length >= 2 && part.length <= 4 && OCCUPATION_TITLES.has(part[0]!.word)) return withTitles(part.slice(1), [...titles, part[0]!.word], false);
  let k = 0;
  // "Miss Universe Jane Doe": the pageant is part of the title; after a split title ("Ohio Secretary | of State") so is "of".
  while (
    k < part.length - 1 &&
    (PERSON_TITLES.has(part[k]!.word) ||
      ((k > 0 || titles.length > 0) &&
        (part[k]!.word === 'of' ||
          (part[k - 1]?.word === 'Miss' && PAGEANTS.has(part[k]!.word)) ||
          // "Chief of Staff Jo Roe", "Director of Public Affairs Jo Roe": the words after a title's "of"
          // complete the title up to a full name.
          (part.slice(0, k).some((t) => t.word === 'of') && part.length - k - 1 >= 2 && !isFirstName(part[k]!.word)))))
  )
    k++;
  const rest = k === 0 ? part : part.slice(k);
  if (rest.length === 0) return [];
  // "Foreign Ministry of Ruritania" keeps its first word: titles only lead people.
  if (k > 0 && rest.some((t) => ORG_HEADS.has(t.word))) return [mention(part, titles, sentenceStart)];
  const allTitles = k === 0 ? titles : [...titles, ...part.slice(0, k).map((t) => t.word)];
  if (k > 0 && !allTitles.some((t) => !WEAK_TITLES.has(t)) && rest.length < 2) return [mention(part, titles, sentenceStart)];
  return [mention(rest, allTitles, sentenceStart && k === 0)];
}

function mention(part: Token[], titles: string[], sentenceStart: boolean): RawMention {
  const tokens = part.map((t) => t.word);
  let end = part[part.length - 1]!.end;
  const lastTok = tokens[tokens.length - 1]!;
  if (isPossessive(lastTok)) {
    tokens[tokens.length - 1] = lastTok.slice(0, -2);
    end -= 2;
  }
  const caps = tokens.every(isAllCaps);
  // Short capitals are usually acronyms ("NATO", "FBI"), unless they spell a known place: "NEW DELHI —", "PARIS —".
  const shouted = caps && (tokens.some((t) => t.replace(/[.&-]/g, '').length > 5) || isKnownPlace(tokens.map(titleCase).join(' ')));
  const final = shouted ? tokens.map(titleCase) : tokens;
  return { start: part[0]!.start, end, tokens: final, name: final.join(' '), titles, shouted, sentenceStart, headline: false };
}

function titleCase(w: string): string {
  return w.charAt(0) + w.slice(1).toLowerCase();
}

// "Ohio Republican", "New York Democrat": a place before a party word describes a person.
const PERSON_DESCRIPTOR = new Set(['Republican', 'Democrat', 'Conservative', 'Liberal', 'Independent']);

export function isNotEntity(tokens: string[]): boolean {
  if (tokens.length === 1) return NOT_ENTITIES.has(tokens[0]!);
  return PERSON_DESCRIPTOR.has(tokens[tokens.length - 1]!);
}

// Title Case lines (headlines, section titles): every word is capitalised except short
// function words, so capitals there prove nothing.
const MINOR = new Set(['a', 'an', 'the', 'of', 'on', 'in', 'for', 'and', 'to', 'at', 'by', 'or', 'as', 'vs', 'with', 'from', 'is']);
function titleCaseLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Paragraphs are longer than any headline: only short lines are read.
    if (end - start <= 240 && end > start && isTitleCase(text.slice(start, end))) out.push([start, end]);
    start = end + 1;
  }
  return out;
}

const LOWER_WORD = /(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*/gu;
function isTitleCase(line: string): boolean {
  if (!/^[\s"“‘']*\p{Lu}/u.test(line)) return false;
  // Any lower-case word that is not a function word rules the line out, usually within a few words.
  LOWER_WORD.lastIndex = 0;
  for (let m = LOWER_WORD.exec(line); m; m = LOWER_WORD.exec(line)) if (!MINOR.has(m[0])) return false;
  const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.length >= 3 && words.length <= 24;
}
