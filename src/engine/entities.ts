import {
  COUNTRIES,
  DEMONYMS,
  FEMALE_NAMES,
  isKnownPlace,
  MALE_NAMES,
  ORGS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_ALIASES,
  PLACE_HEADS,
  ROLE_NOUNS,
  STATE_ABBREVIATIONS,
  SURNAME_FIRST,
  THING_HEADS,
  isFirstName,
} from './entities/gazetteer.ts';
import {
  endsWithNoun,
  endsWithWord,
  endsWithWordOrPossessive,
  isSpaceCode,
  lowerWordBefore,
  lowerWordsBefore,
  type WordLookup,
  wordList,
  wordLookup,
} from './entities/context.ts';
import { findRawMentions, isNotEntity, type RawMention } from './entities/mentions.ts';

export type EntityKind = 'person' | 'org' | 'place' | 'other';
export type Gender = 'm' | 'f' | '';

export interface Entity {
  /** Normalised name: the longest full form in the text, no title, no possessive. */
  name: string;
  kind: EntityKind;
  gender: Gender;
  mentions: Mention[];
  /** Lower-case words the text uses to describe it ("spokesman", "ministry", "president"). */
  descriptors: Set<string>;
  /** Corroborated by something other than a sentence-initial capital. */
  trusted: boolean;
}

export interface Mention {
  start: number;
  end: number;
  surface: string;
  entity: Entity;
}

export interface EntityIndex {
  text: string;
  entities: Entity[];
  /** All trusted mentions in text order. */
  mentions: Mention[];
  /** The entity a name written in the text refers to at `pos` ("Putin" -> "Vladimir Putin"). */
  resolve(name: string, pos: number): Entity | null;
}

const TITLE_WORDS: Record<string, string> = {
  'Sen.': 'senator',
  'Rep.': 'representative',
  'Gov.': 'governor',
  'Gen.': 'general',
  'Dr.': 'doctor',
  'Pres.': 'president',
  'Rev.': 'reverend',
  'Del.': 'delegate',
  'Col.': 'colonel',
  'Lt.': 'lieutenant',
  'Capt.': 'captain',
  'Adm.': 'admiral',
};
const SPEECH_AFTER =
  /^(?:,[^.;"“”]{0,160}?,)?,?\s+(?:said|says|told|tells|added|adds|wrote|writes|tweeted|asked|explained|argued|insisted|stated|noted|warned|replied|responded|claimed|declared)\b/;
// Inverted attribution: "…, said Jane Doe", "noted the Herald's Tom Roe".
const SPEECH_VERBS = 'said|says|added|wrote|noted|explained|argued|insisted|warned|replied';
const SPEECH_BEFORE = new RegExp(String.raw`\b(?:${SPEECH_VERBS})\s+(?:(?:the\s+)?\p{Lu}[\p{L}.&-]*['’]s\s+)?$`, 'u');
const SPEECH_VERB = new Set(SPEECH_VERBS.split('|'));
// "Carson defied the question": a name opening a sentence as the subject of a past-tense verb.
const PAST_VERB_AFTER = /^\s+(?:(?:also|then|later|openly|quickly|again|never|once)\s+)?[a-z]{3,}(?:ed|ied)\b(?!\s+by\b)/;
const PRONOUN_AFTER = /\b(?:(he|his|him)|(she|her|hers))\b/i;
// The words after a name where a he/she still refers to it: up to a quotation (someone else's
// words) or a clause about another name ("said that Clinton … she").
function pronounScope(after: string): string {
  const window = after.slice(0, 90);
  const cut = window.search(/["“”]|\b(?:that|and|but|while|when|because|whether|if)\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}\p{Ll}/u);
  return cut >= 0 ? window.slice(0, cut) : window;
}
// Words before a name, as \b(?:word)\s+(?:the\s+)?$ reads them (see endsWithWord): after a
// preposition or "told" the name is an object; after "in", "at" … a place.
// The first he/she in pronounScope(after). A pronoun in the scope is one in the window it is cut
// from (the cut falls at a quotation mark or after a non-word character), so when the window has
// none, or the cut falls after the window's first, the window answers without the cut being sought.
function pronounAfter(after: string): RegExpExecArray | null {
  const window = after.slice(0, 90);
  const first = PRONOUN_AFTER.exec(window);
  if (!first) return null;
  return first.index < pronounScope(after).length ? first : null;
}
const OBJECT_BEFORE = new Set(['to', 'with', 'for', 'of', 'at', 'from', 'by', 'about', 'against', 'told', 'asked', 'thanked', 'met', 'and']);
const PLACE_BEFORE = new Set(['in', 'at', 'from', 'to', 'across', 'near', 'outside', 'throughout']);

// Tags and quotes of one article read the same names: keep the last result.
let last: EntityIndex | null = null;

/** findEntities, remembering the last text (the analysis asks for tags, then quotes, of one text). */
export function entitiesOf(text: string): EntityIndex {
  if (last?.text !== text) last = findEntities(text);
  return last;
}

/** Finds, classifies and merges the names of a text. */
export function findEntities(text: string): EntityIndex {
  const found = findRawMentions(text);
  // "Charlie Black … said Black": a surname that is also a word naming no one ("Black", "White",
  // "Christian") is the person's after a first name and it were written together.
  const fullFirstAt = new Map<string, number>();
  for (const m of found) {
    const last = m.tokens[m.tokens.length - 1]!;
    if (m.tokens.length >= 2 && m.tokens.length <= 3 && isFirstName(m.tokens[0]!) && isNotEntity([last]) && !fullFirstAt.has(last))
      fullFirstAt.set(last, m.start);
  }
  const raws = found.filter(
    (m) => m.name.length > 1 && (!isNotEntity(m.tokens) || (m.tokens.length === 1 && (fullFirstAt.get(m.name) ?? Number.POSITIVE_INFINITY) < m.start)),
  );
  const capsSeen = new Set<string>();
  for (const m of raws) if (!m.sentenceStart && !m.shouted && !m.headline) capsSeen.add(m.name);
  const lowerSeen = lowerWords(text);
  const clusters = new Map<string, Cluster>();
  // Clusters by last and first word, so a short form finds its full name without a scan.
  const byWord = new Map<string, Cluster[]>();
  const keyOf = (name: string): string => canonicalPlace(name) ?? name;
  // Longest names first, so a shorter form can join the full name it abbreviates.
  // The raws are in text order, so gathering them by length, longest first, sorts them by (length, start).
  let longest = 0;
  for (const m of raws) if (m.tokens.length > longest) longest = m.tokens.length;
  const ordered: number[] = [];
  for (let length = longest; length > 0; length--) for (let i = 0; i < raws.length; i++) if (raws[i]!.tokens.length === length) ordered.push(i);
  for (const i of ordered) {
    const m = raws[i]!;
    // "Scranton, Pa.": a state's abbreviation after a town is the state, never a person "Pa".
    const state = m.tokens.length === 1 ? STATE_ABBREVIATIONS.get(m.name) : undefined;
    const key = state && /[\p{L}.],\s*$/u.test(text.slice(Math.max(0, m.start - 3), m.start)) ? state : keyOf(m.name);
    const orgLike = isPlaceOrOrg(key);
    let target = clusters.get(key) ?? findFuller(byWord, m.tokens, orgLike, m.start);
    if (!target) {
      if ((m.shouted || m.headline || sectionLabel(text, m)) && !isKnown(key)) continue;
      const next = text.charCodeAt(m.end); // the patterns after a name open with a comma or a space
      if (
        m.sentenceStart &&
        m.tokens.length === 1 &&
        !capsSeen.has(key) &&
        !isKnown(key) &&
        !(next === 44 && ORG_APPOSITION.test(text.slice(m.end, m.end + 80))) &&
        // The anchored patterns first: the lower-case search reads the whole text.
        (!(
          ((next === 44 || isSpaceCode(next)) && SPEECH_AFTER.test(text.slice(m.end, m.end + 200))) ||
          (isSpaceCode(next) && PAST_VERB_AFTER.test(text.slice(m.end, m.end + 30)))
        ) ||
          lowerSeen.has(key.toLowerCase()))
      )
        continue;
      target = { raws: [], at: [], tokens: m.tokens, orgLike };
      clusters.set(key, target);
      const [a, b, c] = [m.tokens[0]!, m.tokens[m.tokens.length - 1]!, m.tokens[m.tokens.length - 2] ?? ''];
      for (const w of a === b ? (c === a ? [a] : [a, c]) : c === a || c === b ? [a, b] : [a, b, c]) {
        const list = byWord.get(w) ?? [];
        list.push(target);
        byWord.set(w, list);
      }
    }
    target.raws.push(m);
    target.at.push(i);
  }
  mergeAcronyms(clusters);
  const entities: Entity[] = [];
  // The entity of each raw mention, by its place in `raws`.
  const entityOf: (Entity | undefined)[] = new Array(raws.length);
  for (const [key, c] of clusters) {
    // "a Trumpian post", "Clintonite": a word made from another name of the text describes, it names no one.
    if (c.tokens.length === 1 && DERIVED.test(key) && byWord.has(key.replace(DERIVED, ''))) continue;
    const e = classify(key, c.raws, text, lowerSeen);
    if (!e) continue;
    entities.push(e);
    for (const i of c.at) entityOf[i] = e;
  }
  // The raw mentions are in text order already: walking them gives every list sorted, without a sort.
  const mentions: Mention[] = [];
  for (let i = 0; i < raws.length; i++) {
    const m = raws[i]!;
    const entity = entityOf[i];
    if (!entity) continue;
    const mention: Mention = { start: m.start, end: m.end, surface: m.name, entity };
    mentions.push(mention);
    entity.mentions.push(mention);
  }
  return { text, entities, mentions, resolve: (name, pos) => resolveName(entities, mentions, name, pos) };
}

// "FULL TEXT.", "ABSTRACT.", "LETTERS.": a line holding only words in capitals is an archive's section
// label, not a name (short capital words otherwise read as acronyms).
function sectionLabel(text: string, m: RawMention): boolean {
  if (m.start > 0 && text.charCodeAt(m.start - 1) !== 10) return false;
  if (!/^[.:]?[ \t]*(?:\r?\n|$)/.test(text.slice(m.end, m.end + 4))) return false;
  return m.tokens.every((t) => t === t.toUpperCase());
}

const DERIVED = /(?:ian|ians|ite|ites|esque|ism|ista|istas)$/;

// "EU" is "European Union", "FBI" is "Federal Bureau of Investigation" when the text names both:
// an acronym joins the multi-word name whose capitals it spells (with or without "of", "and" …).
const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,6})$/u;
const MINOR_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'de', 'du', 'des', 'la', 'le', 'del', 'in', '&']);
function mergeAcronyms(clusters: Map<string, Cluster>): void {
  const acronyms: string[] = [];
  for (const key of clusters.keys()) if (ACRONYM.test(key)) acronyms.push(key);
  if (acronyms.length === 0) return;
  const firsts = new Set(acronyms.map((a) => a[0]));
  const byInitials = new Map<string, Cluster>();
  for (const [key, c] of clusters) {
    if (!firsts.has(key[0]) || key.indexOf(' ') < 0) continue;
    const words = key.split(' ');
    const major = words.filter((w) => !MINOR_WORDS.has(w));
    if (!major.every((w) => /^\p{Lu}/u.test(w))) continue;
    for (const initials of [major.map((w) => w[0]).join(''), words.map((w) => w[0]!.toUpperCase()).join('')]) {
      if (initials.length >= 2 && !byInitials.has(initials)) byInitials.set(initials, c);
    }
  }
  if (byInitials.size === 0) return;
  for (const key of acronyms) {
    const c = clusters.get(key)!;
    const full = byInitials.get(key.replace(/\./g, ''));
    if (!full || full === c) continue;
    full.raws.push(...c.raws);
    full.at.push(...c.at);
    clusters.delete(key);
  }
}

// Whether a word also appears in lower case in the text ("Bombs" vs "bombs"): asked only for a
// few candidates, so a scan per question is cheaper than indexing every word.
function lowerWords(text: string): WordLookup {
  return wordLookup(text, (t, start, end) => !isLetterAt(t, start - 1) && !isLetterAt(t, end));
}

// /[\p{L}]/u on the character at `at` (none outside the text), with ASCII settled by its code.
function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128 || Number.isNaN(c)) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(text[at]!);
}
const LETTER = /[\p{L}]/u;

function canonicalPlace(s: string): string | undefined {
  return PLACE_ALIASES.get(s);
}

function isKnown(key: string): boolean {
  return isKnownPlace(key) || ORGS.has(key) || PLACE_ALIASES.has(key);
}

function isPlaceOrOrg(key: string): boolean {
  const last = key.slice(key.lastIndexOf(' ') + 1);
  return isKnown(key) || ORG_HEADS.has(last) || PLACE_HEADS.has(last) || /^[\p{Lu}.&]{2,6}$/u.test(key);
}

// "Putin" joins "Vladimir Putin"; "Hillary Clinton" joins "Hillary Rodham Clinton".
interface Cluster {
  raws: RawMention[];
  /** Where each of `raws` is in the list of all raw mentions. */
  at: number[];
  tokens: string[];
  orgLike: boolean;
}

/**
 * The full name a short form stands for. When several fit ("Chris Murphy" and "Anne Marie Murphy"),
 * a name already introduced before the short form wins, then the one named more often, then the
 * first introduced: a later namesake does not take over the surname.
 */
function findFuller(byWord: Map<string, Cluster[]>, tokens: string[], orgLike: boolean, at: number): Cluster | undefined {
  let best: Cluster | undefined;
  const last = tokens[tokens.length - 1]!;
  const candidates = byWord.get(last);
  if (candidates === undefined) return undefined;
  for (const c of candidates) {
    if (c.tokens.length <= tokens.length) continue;
    // "Petrel Resources … Petrel said": the first word of a two-word organisation, alone, is its short
    // form, unless it is a first name ("Morgan" beside "Morgan Stanley" may be a person).
    if (!orgLike && c.orgLike && tokens.length === 1 && c.tokens.length === 2 && c.tokens[0] === last && !isFirstName(last)) {
      if (!best || better(c, best, at)) best = c;
      continue;
    }
    // An organisation's short form joins only a longer organisation ("Post" -> "Washington Post").
    if (orgLike !== c.orgLike || (orgLike && (tokens.length > 1 || !ORG_HEADS.has(tokens[0]!) || COUNTRIES.has(c.tokens.join(' '))))) continue;
    const fullLast = c.tokens[c.tokens.length - 1]!.replace(/^(?:Jr\.|Sr\.|II|III)$/, '') || c.tokens[c.tokens.length - 2]!;
    // A multi-word short form joins when it matches the same first word or the full name's tail,
    // ignoring case ("De Blasio" is "Bill de Blasio" at a sentence start).
    const ok =
      tokens.length === 1
        ? fullLast === last || (c.tokens[0] === last && (isFirstName(last) || SURNAME_FIRST.has(last)))
        : last === fullLast && (tokens[0] === c.tokens[0] || c.tokens.slice(-tokens.length).join(' ').toLowerCase() === tokens.join(' ').toLowerCase());
    if (ok && (!best || better(c, best, at))) best = c;
  }
  return best;
}

function better(c: Cluster, than: Cluster, at: number): boolean {
  const early = introducedBefore(c, at);
  if (early !== introducedBefore(than, at)) return early;
  // Neither written out yet (a headline): the one the story names first.
  if (!early) return firstStart(c) < firstStart(than);
  return c.raws.length !== than.raws.length ? c.raws.length > than.raws.length : firstStart(c) < firstStart(than);
}

/**
 * Whether the full name was written before `at`. Only the cluster's own longer mentions count: a short
 * form joined to it earlier ("Trump" in a headline) introduces no one, or every later "Trump" would
 * follow that first guess ("Ivanka Trump" named often after "Donald Trump" once took them all).
 */
function introducedBefore(c: Cluster, at: number): boolean {
  for (const r of c.raws) if (r.start < at && r.tokens.length > 1) return true;
  return false;
}

function firstStart(c: Cluster): number {
  let first = Number.POSITIVE_INFINITY;
  for (const r of c.raws) if (r.start < first) first = r.start;
  return first;
}

const STOP_DESC = new Set([
  'said',
  'says',
  'and',
  'or',
  'by',
  'to',
  'of',
  'with',
  'for',
  'from',
  'the',
  'a',
  'an',
  'that',
  'in',
  'on',
  'at',
  'is',
  'was',
  'as',
  'when',
  'told',
  'but',
]);

// Up to three lower-case words right before a name, nearest first, up to a stop word: "press
// secretary Josh Earnest".
function precedingWords(text: string, lo: number, end: number): string[] {
  const words = lowerWordsBefore(text, lo, end);
  let k = 0;
  while (k < words.length && !STOP_DESC.has(words[k]!)) k++;
  words.length = k;
  return words;
}

function classify(key: string, raws: RawMention[], text: string, lowerSeen: WordLookup): Entity | null {
  // The first raw mention made the cluster; its tokens are the key's words unless the key was rewritten.
  const tokens = raws[0]!.name === key ? raws[0]!.tokens : key.split(' ');
  const last = tokens[tokens.length - 1]!;
  // A raw mention's name is its tokens joined by spaces.
  const longest = raws.reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a)).name;
  const name = canonicalPlace(longest) ?? (ORGS.has(longest) || isKnown(longest) ? longest : key.length >= longest.length ? key : longest);
  const known = isKnown(key);
  let person = 0;
  let org = 0;
  let place = 0;
  let male = 0;
  let female = 0;
  const descriptors = new Set<string>();
  let trusted = false;
  // Cues from the first dozen mentions are plenty, and keep long articles fast.
  for (let n = 0; n < raws.length && n < 12; n++) {
    const m = raws[n]!;
    if (!m.sentenceStart || m.tokens.length > 1 || known) trusted = true;
    for (const t of m.titles) {
      const g = PERSON_TITLES.get(t);
      if (g === 'm') male += 3;
      if (g === 'f') female += 3;
      person += 2;
      descriptors.add((TITLE_WORDS[t] ?? t).toLowerCase());
    }
    // The 40 characters before the name are read backwards by index (see entities/context.ts).
    const lo = Math.max(0, m.start - 40);
    const after = text.slice(m.end, m.end + 200);
    if (endsWithWord(text, Math.max(0, m.start - 18), m.start, PLACE_BEFORE)) place += 1;
    // The patterns read after a name open with a comma or a space: a name followed by neither skips them.
    const next = text.charCodeAt(m.end);
    const comma = next === 44;
    const space = isSpaceCode(next);
    const speech = (comma || space) && SPEECH_AFTER.test(after);
    if (speech || (tokens.length >= 2 && endsWithWordOrPossessive(text, lo, m.start, SPEECH_VERB, SPEECH_BEFORE))) person += 1;
    if (comma && (/^,\s+(?:who|whose)\b/.test(after) || /^,\s+\d{2},/.test(after))) person += 2;
    // "9/11 widow Terry Strada", "Jo Roe, his wife,": a gendered noun outweighs an ambiguous first name.
    for (const w of precedingWords(text, lo, m.start)) {
      descriptors.add(w);
      female += nounWeight(FEMALE_NOUNS, w);
      male += nounWeight(MALE_NOUNS, w);
    }
    // "the streaming service Vidora", "The operator, TejoLink, said": a business noun names an organisation.
    const afterThe = (): boolean => /\bthe\s+$/i.test(text.slice(lo, m.start));
    if (
      endsWithNoun(text, lo, m.start, ORG_NOUNS, ORG_BEFORE) ||
      endsWithNoun(text, lo, m.start, BARE_ORG_NOUNS, BARE_ORG_BEFORE) ||
      (!known &&
        ((comma && ORG_APPOSITION.test(after)) ||
          (space && (ORG_NOUN_AFTER.test(after) || (tokens.length === 1 && TEAM_NOUN_AFTER.test(after))) && afterThe()) ||
          endsWithNoun(text, lo, m.start, OF_OR_AT, LEADER_OF_BEFORE)))
    )
      org += 4;
    // "Sociedad have been given …", "Icann are": a plural verb after a one-word name that is no known
    // place nor a plural ("Chechens are") makes it a body (a club, a firm), as British news writes them.
    if (space && pluralBody(m, known, text)) org += 4;
    // "campaign consultant Jo Roe": a role noun right before a full name makes it a person.
    if (tokens.length >= 2 && ROLE_NOUNS.has(lowerWordBefore(text, lo, m.start))) person += 1;
    // Only a closed apposition (", the mayor of X,") describes the name; an open one runs into the next clause.
    const appos = comma ? /^,\s+(?:the|a|an|its|his|her)\s+([^,.;:"“”]{2,60})(?=[,.;)])/.exec(after)?.[1] : undefined;
    if (appos && tokens.length >= 2) person += 1;
    if (appos)
      for (const w of appos.split(/\s+/).slice(0, 6)) {
        if (!/^[a-z-]+$/.test(w)) continue;
        descriptors.add(w);
        female += nounWeight(FEMALE_NOUNS, w);
        male += nounWeight(MALE_NOUNS, w);
      }
    // After a preposition or "told" the name is an object: a following he/she is usually the subject's.
    // Nor after a possessive ("she's Obama's equal, and she vows"): the name is not the clause's subject.
    const pr = endsWithWord(text, lo, m.start, OBJECT_BEFORE) || /^['’]s?\b/.test(after) ? null : pronounAfter(after);
    if (pr) pr[1] ? (male += 1) : (female += 1);
    trusted ||= speech || (comma && ORG_APPOSITION.test(after));
  }
  const first = tokens[0]!;
  if (MALE_NAMES.has(first)) {
    person += 2;
    male += 3;
  }
  if (FEMALE_NAMES.has(first)) {
    person += 2;
    female += 3;
  }
  if (tokens.length >= 2 && tokens.slice(0, -1).some(isFirstName)) person += 1;
  const orgInside = tokens.some((t, n) => ORG_HEADS.has(t) && /^(?:of|for|on)$/.test(tokens[n + 1] ?? ''));
  if (ORGS.has(key) || ORGS.has(name) || ORG_HEADS.has(last) || orgInside || (tokens.length === 1 && /^[\p{Lu}&]{2,6}$|^(?:\p{Lu}\.){2,}$/u.test(key)))
    org += 4;
  if (isKnownPlace(name) || PLACE_HEADS.has(last)) place += 4;
  if (THING_HEADS.has(last) && !org && !place) return null;
  if (tokens.length === 1 && DEMONYMS.has(key)) return null;
  let kind: EntityKind = 'other';
  if (org >= 4 && org >= place) kind = 'org';
  else if (place >= 4) kind = 'place';
  else if (person >= 1 && person >= place) kind = 'person';
  // "at the American Music Awards", "to Associated Cement Companies", "from EA Mobile": a preposition
  // is a weak cue, and an event's head, an organisation's word or an acronym inside the name
  // outweighs it (venues such as "Trent Bridge" and "Grace Road" stay places).
  else if (place >= 1 && tokens.length > 1 && !(THING_HEADS.has(last) && !VENUE_HEADS.has(last))) {
    if (tokens.some((t) => ORG_HEADS.has(t))) kind = 'org';
    // "passed to Geordan Murphy … Murphy kicked": a place is not named again by its last word alone.
    else if (
      tokens.length <= 3 &&
      !PLACE_HEADS.has(last) &&
      tokens.every((t) => PERSON_NAME_WORD.test(t)) &&
      raws.some((r) => r.tokens.length === 1 && r.tokens[0] === last) &&
      // "Sociedad have been given permission": a club or a firm takes a plural verb in British news, a person never.
      !raws.some((r) => PLURAL_VERB_AFTER.test(text.slice(r.end, r.end + 8)))
    )
      kind = 'person';
    else if (!tokens.some((t) => /^\p{Lu}{2,5}$/u.test(t))) kind = 'place';
  }
  // Being named twice is no cue of a person: products, shows and firms are too ("Soul Train").
  // A known first name or the last word used alone later ("Jo Vikander … Vikander"; "Li" for "Li Wenhao") is; the tagger
  // weighs the rest (tags.ts, writtenLikeAPerson).
  else if (
    (MALE_NAMES.has(first) ||
      FEMALE_NAMES.has(first) ||
      raws.some((r) => r.tokens.length === 1 && (r.tokens[0] === last || (r.tokens[0] === first && SURNAME_FIRST.has(first))))) &&
    tokens.length >= 2 &&
    tokens.length <= 4 &&
    tokens.every((t) => (/^\p{Lu}\p{Ll}/u.test(t) && !lowerSeen.has(t.toLowerCase())) || /^\p{Lu}\.$/u.test(t))
  )
    kind = 'person';
  if (kind === 'person') for (const w of ['he', 'she']) descriptors.delete(w);
  const entity: Entity = { name, kind, gender: male > female ? 'm' : female > male ? 'f' : '', mentions: [], descriptors, trusted };
  if (kind === 'org') for (const w of name.toLowerCase().split(/\s+/)) descriptors.add(w);
  return entity;
}

const PLURAL_VERB_AFTER = /^\s(?:are|were|have|say)\b/;
// Only a name opening its sentence is surely the verb's subject ("farmers in the province of Yunnan
// were arrested" is not about Yunnan).
function pluralBody(m: RawMention, known: boolean, text: string): boolean {
  const word = m.tokens[0]!;
  if (known || !m.sentenceStart || m.tokens.length !== 1 || word.endsWith('s') || isFirstName(word)) return false;
  return PLURAL_VERB_AFTER.test(text.slice(m.end, m.end + 8));
}
// A word of a person's name: capitalised ("DeJesus", "O'Neill", "Smith-Jones") or a particle ("van der").
const PERSON_NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:['’-]\p{Lu}\p{Ll}+)*|van|von|der|den|de|da|del|bin|al)$/u;

// Heads among THING_HEADS that name a place one can be at: a venue, not an event.
const VENUE_HEADS = new Set(['Hall', 'Building', 'Tower', 'Airport', 'Station', 'Stadium', 'Bridge', 'Ave', 'Road', 'Highway', 'Trail', 'Room']);

/** What a noun describing a name adds to the score of the gender whose nouns are `nouns`. */
function nounWeight(nouns: ReadonlySet<string>, w: string): number {
  return nouns.has(w) ? 4 : 0;
}

const FEMALE_NOUNS = new Set([
  'widow',
  'wife',
  'mother',
  'daughter',
  'sister',
  'actress',
  'businesswoman',
  'spokeswoman',
  'congresswoman',
  'chairwoman',
  'councilwoman',
  'grandmother',
  'girl',
  'woman',
  'niece',
  'aunt',
  'granddaughter',
  'stepmother',
  'mom',
  'girlfriend',
  'fiancee',
  'heiress',
  'duchess',
  'countess',
]);
// No "-man" job titles: "spokesman" and "chairman" are often said of women.
const MALE_NOUNS = new Set([
  'widower',
  'husband',
  'father',
  'son',
  'brother',
  'grandfather',
  'boy',
  'nephew',
  'uncle',
  'grandson',
  'stepfather',
  'dad',
  'boyfriend',
  'fiance',
  'duke',
]);
const BUSINESS_NOUN = `(?:company|firm|operator|service|airline|carrier|platform|app|website|site|retailer|bank|startup|start-up|maker|manufacturer|network|broadcaster|newspaper|daily|weekly|magazine|tabloid|outlet|agency|brand|chain|insurer|lender|provider|supplier|utility|charity|studio|label|group|party|union|club|team|broadcaster|channel)`;
// "Wikiloop, the leaks site, published …": an apposition naming a kind of organisation.
// The noun is the apposition's head, in lower case: "a former Secret Service agent" is a person.
const ORG_APPOSITION = new RegExp(
  String.raw`^,\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}${BUSINESS_NOUN}\b(?!\s+(?!(?:that|which|whose|based|in|of|for|with|owned|run|founded|known|and|to|on|at|from|by|is|was|has|had|have|will|would|said|says|told|added|announced|reported|confirmed|declined|denied|issued|stated|wrote)\b)[a-z])`,
);
// "the Sentinel newspaper", "the Northwire agency", "the Thrift building society" (not "the Rome group":
// only media nouns and the one kind of lender named that way).
const ORG_NOUN_AFTER = /^\s+(?:news\s+)?(?:agency|newspaper|daily|weekly|magazine|tabloid|outlet|website|broadcaster|network|building society)\b/i;
const ORG_NOUN_LIST =
  'company|firm|operator|service|airline|carrier|platform|app|website|retailer|bank|startup|start-up|maker|manufacturer|network|broadcaster|newspaper|agency|brand|chain|insurer|lender|provider|supplier|utility|charity|studio|label|group|' +
  // "the human rights organisation Redress", "the consumer watchdog Which?"
  'organisation|organization|watchdog|regulator|foundation|association|think-tank|thinktank';
const ORG_BEFORE = new RegExp(String.raw`\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}(?:${ORG_NOUN_LIST})\s*,?\s*$`, 'i');
// "Swiss drugmaker Novartis", "Dutch newspaper Algemeen Dagblad": a kind of business right before a
// name, with no article, names an organisation as surely as "the company X" does.
const BARE_ORG_NOUN_LIST =
  'drugmaker|carmaker|automaker|chipmaker|newspaper|website|retailer|broadcaster|airline|publisher|developer|firm|company|giant|label|studio|insurer|lender|operator|magazine|tabloid|conglomerate|' +
  // Plurals before a list of them: "pay-TV operators Canal Cinq and TVP".
  'drugmakers|carmakers|automakers|chipmakers|newspapers|retailers|broadcasters|airlines|publishers|developers|firms|companies|giants|labels|studios|insurers|lenders|operators|conglomerates';
const BARE_ORG_BEFORE = new RegExp(String.raw`(?<![\p{L}-])(?:${BARE_ORG_NOUN_LIST})\s+$`, 'u');
// "Jeremy Allaire, chief of Lumacast", "the founder of Quillpad": a post at a name that is no known
// place ("the president of France") makes it an organisation.
const LEADER_OF_BEFORE = /\b(?:chief|boss|founder|co-founder|head|president|chairman|chairwoman|owner|chief executive|managing director)\s+(?:of|at)\s+$/;
// Its last word, looked up before the pattern runs.
const OF_OR_AT = wordList(['of', 'at']);
// "the Chelsea side", "the Arsenal defence": a one-word name before a team's noun is the club.
const TEAM_NOUN_AFTER =
  /^\s+(?:side|team|squad|defence|defense|midfield|attack|fans|supporters|manager|boss|goalkeeper|keeper|area|penalty area|dressing room)\b/;
// The word before a name is looked up first; the pattern runs only when it is one of these.
const BARE_ORG_NOUNS = wordList(BARE_ORG_NOUN_LIST.split('|'));
const ORG_NOUNS = wordList(ORG_NOUN_LIST.split('|'));

function resolveName(entities: Entity[], mentions: Mention[], name: string, pos: number): Entity | null {
  const clean = name.replace(/['’]s$/, '').trim();
  const exact = mentions.find((m) => m.surface === clean && Math.abs(m.start - pos) < 400);
  if (exact) return exact.entity;
  const tokens = clean.split(/\s+/);
  const last = tokens[tokens.length - 1]!;
  // The most recent entity before pos that ends with the same word, else any.
  let best: Entity | null = null;
  for (const m of mentions) {
    const ts = m.entity.name.split(' ');
    if (ts[ts.length - 1] !== last && m.surface !== clean) continue;
    if (m.start <= pos || !best) best = m.entity;
  }
  if (best) return best;
  return entities.find((e) => e.name === canonicalPlace(clean)) ?? null;
}
