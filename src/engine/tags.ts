import type { Tags } from '../core/types.ts';
import { COUNTRIES, isKnownPlace, ORG_HEADS, PERSON_TITLES, ROLE_NOUNS, SURNAME_FIRST, isFirstName } from './entities/gazetteer.ts';
import { type Entity, type EntityIndex, type EntityKind, entitiesOf } from './entities.ts';
import {
  cleanPersonName,
  isCommonWordsName,
  isDemonym,
  isNationalityPhrase,
  isClubOfTown,
  isTeamName,
  looksLikePersonName,
  lowerCaseWords,
  notAPerson,
  resultLines,
  rowOpeners,
  shortOrgName,
  withoutModifiers,
} from './entities/tag-cleanup.ts';
import { topicLabelsOf } from './entities/topics.ts';
import type { WordLookup } from './entities/context.ts';

/**
 * People, organisations and places named in a text, normalised ("Putin", "President Vladimir
 * Putin" and "Putin." are one "Vladimir Putin") and most salient first, plus subject labels.
 * Every entity found is returned (renderers show the top few, see core/top-tags.ts).
 * All-lower-case text yields topics only: without capitals there is no safe way to tell names.
 */
export function extractTags(text: string, options: { title?: string } = {}): Tags {
  const index = entitiesOf(text);
  const title = options.title ?? '';
  // A place named mostly in results-table rows is the team of that town ("Seattle 3 Oakland 2").
  const tables = resultLines(text);
  const inTable = (start: number) => tables.some(([a, b]) => start >= a && start < b);
  const tabled = (e: Entity) => tables.length > 0 && 2 * e.mentions.filter((m) => inTable(m.start)).length >= e.mentions.length;
  // Rows of a results table start with a name, so the index cannot trust them by their capital.
  // Towns the article names, for teams named after them ("Greyport Mariners").
  let towns: Set<string> | null = null;
  const isPlace = (name: string): boolean => {
    towns ??= new Set(index.entities.filter((e) => e.kind === 'place' || tabled(e)).map((e) => e.name));
    return towns.has(name) || isKnownPlace(name);
  };
  let lowerWords: WordLookup | null = null;
  const commonWords = (name: string): boolean => isCommonWordsName(name, (lowerWords ??= lowerCaseWords(text)));
  // "Vedrana daily", "the Unity party": not a place's or a nation's adjective ("Albanian party"), nor
  // an ordinary word ("Supermarkets group" beside "supermarkets").
  const namedBody = (e: Entity): boolean =>
    e.mentions.some((m) => BODY_AFTER.test(text.slice(m.end, m.end + 16))) &&
    !isKnownPlace(e.name) &&
    !COUNTRIES.has(e.name) &&
    !isDemonym(e.name.split(' ').pop()!) &&
    (e.name.includes(' ') || !(lowerWords ??= lowerCaseWords(text)).has(e.name.toLowerCase()));
  // Surnames of the people named in full: "Fox" after "Liam Fox" is his, not a broadcaster's.
  const surnames = new Set(index.entities.filter((e) => e.kind === 'person' && e.name.includes(' ')).map((e) => e.name.split(' ').pop()!));
  const works = workMentions(text, index.mentions);
  const kindOf = (e: Entity): EntityKind => {
    if (isNationalityPhrase(e.name)) return 'other';
    // Up to three rules below ask: the descriptors are read once.
    let cue: boolean | undefined;
    const personCued = (): boolean => (cue ??= personCue(e));
    // "quirky comedy Velvet Harbour", "films include A, B and C": the title of a work, not a person or a place.
    if (works.size > 0 && e.kind !== 'org' && !personCued() && 2 * e.mentions.filter((m) => works.has(m.start)).length >= e.mentions.length) return 'other';
    if (sharedSurname(e, text)) return 'person';
    if (!personCued() && e.mentions.some((m) => BAND_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start)))) return 'org';
    if (e.kind === 'person' && !personCued() && AGENT_PLURAL.test(e.name) && e.mentions.every((m) => opensSentence(text, m.start))) return 'other';
    if (e.kind === 'person' || e.kind === 'other') {
      if (namesAPost(e, text) || e.mentions.every((m) => OF_THE_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)))) return 'other';
    }
    // "Regional Pay Committees": bodies of one kind, named with a plural of a body's word.
    if (e.kind === 'other' && e.trusted && isPluralBody(e.name)) return 'org';
    if (e.kind === 'org' && surnames.has(e.name)) return 'other';
    // A country in a results table is its national side, which the news still files under the country.
    if (tabled(e) && !COUNTRIES.has(e.name) && (e.kind === 'place' || (e.kind === 'other' && /^\p{Lu}\p{Ll}/u.test(e.name)))) return 'org';
    if (isClubOfTown(e.name)) return 'org';
    if (SEATS.has(e.name) || FACILITY.test(e.name)) return 'place';
    if (BUREAU.test(e.name)) return 'org';
    if (namedBody(e)) return 'org';
    if (!titled(e) && !COUNTRIES.has(e.name) && e.mentions.some((m) => isSideMention(text, m.start, m.end))) return 'org';
    if (COMPETITION.test(e.name)) return 'other';
    if (!e.trusted) return 'other';
    if (isTeamName(e.name, isPlace)) return 'org';
    if (e.kind === 'other' && looksLikePersonName(e.name))
      return notAPerson(e.name, false, isPlace) || commonWords(e.name) || !writtenLikeAPerson(e, text) ? 'other' : 'person';
    if (e.kind === 'person' && (notAPerson(e.name, titled(e), isPlace) || (!titled(e) && commonWords(e.name)))) return 'other';
    return e.kind;
  };
  const nameOf = (e: Entity, kind: EntityKind): string | null =>
    kind === 'person' ? personName(e, text) : kind === 'org' ? shortOrgName(e.name) : (withoutModifiers(e.name)?.join(' ') ?? null);
  // Each entity's kind is settled once, not once per list asked for.
  const kinds = index.entities.map(kindOf);
  teamTowns(index.entities, kinds, text);
  const settledKind = (e: Entity): EntityKind => kinds[index.entities.indexOf(e)]!;
  const pick = (kind: EntityKind): string[] =>
    index.entities
      .filter((_, k) => kinds[k] === kind)
      .map((e) => ({ e, name: nameOf(e, kind), score: salience(e, text.length, title) }))
      .sort((a, b) => b.score - a.score || a.e.mentions[0]!.start - b.e.mentions[0]!.start)
      .map(({ name }) => name)
      .filter((name, k, all): name is string => name !== null && all.indexOf(name) === k);
  const places = pick('place');
  const organizations = pick('org');
  const { place, agency } = datelineOf(text);
  // The dateline names where the story happened: first among the places when the text did not list it.
  if (place && !places.some((p) => p.toLowerCase() === place.toLowerCase())) places.unshift(place);
  if (tables.length) addRowOpeners(text, index, settledKind, organizations, places);
  const people = pick('person');
  addEntrants(text, index, settledKind, people);
  // The wire or outlet credited in the dateline ("LISBON (Newsdesk Wire) —") filed the story; it is
  // not what the story is about, so it is no tag, as a person or as an organisation.
  const notTheWire = (name: string) => name !== agency;
  return { people: people.filter(notTheWire), organizations: organizations.filter(notTheWire), places, topics: topicLabelsOf([title, text]) };
}

/**
 * Sides named only at the start of results-table rows, which the index leaves out: a country is
 * its national side, filed under the country (a place); anything else but a person's name is a
 * team ("Tromso 2 Kongsvinger 1", "KANSAS CITY 9 Detroit 2"), as is one the index knows but left
 * without a kind. A table whose rows open with people (golf, cricket averages: most openers the
 * index knows are people) lists players, so its unknown openers are left out.
 */
function addRowOpeners(text: string, index: EntityIndex, kindOf: (e: Entity) => EntityKind, organizations: string[], places: string[]): void {
  const openers = rowOpeners(text).filter((o) => isSideName(o.name, text));
  const known = openers.map(({ name, start }) => index.resolve(name, start)).filter((e) => e !== null);
  if (2 * known.filter((e) => e.kind === 'person').length > known.length) return;
  const listed = new Set([...organizations, ...places].map((name) => name.toLowerCase()));
  for (const { name: written, start } of openers) {
    const name = /\p{Ll}/u.test(written) ? written : titleCase(written);
    if (listed.has(name.toLowerCase())) continue;
    // A name the index knows keeps the kind settled for it, unless none was ("ST LOUIS" in capitals).
    const known = index.resolve(written, start) ?? index.resolve(name, start);
    if (known && kindOf(known) !== 'other') continue;
    if (COUNTRIES.has(name)) places.push(name);
    else if (!looksLikePersonName(name) || notAPerson(name, false)) organizations.push(name);
    else continue;
    listed.add(name.toLowerCase());
  }
}

// What opens a figures table is no side: a month ("Aug 12 14"), a common word the text also
// writes in lower case ("Sales 120 98"), a heading of many words.
const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?['’]?$/i;
function isSideName(name: string, text: string): boolean {
  if (name.split(' ').length > 4) return false;
  if (MONTH.test(name)) return false;
  return name.includes(' ') || !hasWord(text, name.toLowerCase());
}

/**
 * A town whose team the article names is that team where it is not the venue ("Seattle Mariners"
 * then "a homer for Seattle"; not "in Seattle", "at Seattle"): the team's tag already stands for it.
 */
function teamTowns(entities: Entity[], kinds: EntityKind[], text: string): void {
  const teams = entities.filter((e, k) => kinds[k] === 'org' && isTeamName(e.name)).map((e) => e.name);
  if (!teams.length) return;
  entities.forEach((e, k) => {
    if (kinds[k] !== 'place' || !teams.some((t) => t.startsWith(`${e.name} `))) return;
    if (e.mentions.some((m) => VENUE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)))) return;
    kinds[k] = 'other';
  });
}
const VENUE_BEFORE = /\b(?:[Ii]n|[Aa]t|of|from|to|near)\s$/;

// "Petr Kovar (Slovakia) vs. Ole Lund (Norway)", "Ana Ribeiro (Portugal) 64 71": a sports entrant and
// the country entered for.
// Matched only before a bracketed country (found by indexOf), on the words just before it.
const ENTRANT_NAME = /(?<![\p{L}.'’-])(\p{Lu}[\p{L}'’-]*\.?(?: \p{Lu}[\p{L}'’-]+){1,2})$/u;

/** Each "Name (Country)" of the text: the name, where it starts and where the bracket closes. */
function* entrants(text: string): Generator<{ name: string; start: number; end: number }> {
  for (let open = text.indexOf(' ('); open >= 0; open = text.indexOf(' (', open + 2)) {
    const close = text.indexOf(')', open + 2);
    if (close < 0 || close - open - 2 > 30 || !COUNTRIES.has(text.slice(open + 2, close))) continue;
    // Names of three words fit in the 200 characters before the bracket; the lookbehind still sees
    // the character before them.
    const from = Math.max(0, open - 200);
    const m = ENTRANT_NAME.exec(text.slice(from, open));
    if (!m || (m.index === 0 && from > 0 && /[\p{L}.'’-]/u.test(text[from - 1]!))) continue;
    yield { name: m[1]!, start: from + m.index, end: close + 1 };
  }
}

/**
 * People named with a country in brackets, as results and draws list them, that the index left
 * out or without a kind (a line's first words are not trusted): a name that reads as a person's.
 */
function addEntrants(text: string, index: EntityIndex, kindOf: (e: Entity) => EntityKind, people: string[]): void {
  if (!text.includes(') ')) return;
  const listed = new Set(people);
  for (const { name, start, end } of entrants(text)) {
    if (listed.has(name) || !looksLikePersonName(name) || notAPerson(name, false)) continue;
    if (isScoredSide(text, start, end)) continue;
    const known = index.resolve(name, start);
    if (known && kindOf(known) !== 'other') continue;
    people.push(name);
    listed.add(name);
  }
}

// "Alba (Germany) 75 Kestrel Vik (Norway) 70": one score between two sides is a match, not a field.
const SIDE_SCORE_AFTER = /^\s\d{1,3}\s\p{Lu}/u;
const SIDE_SCORE_BEFORE = /\)\s\d{1,3}\s$/;
const isScoredSide = (text: string, start: number, end: number): boolean =>
  SIDE_SCORE_AFTER.test(text.slice(end, end + 8)) || SIDE_SCORE_BEFORE.test(text.slice(Math.max(0, start - 8), start));

const titleCase = (s: string): string =>
  isLowerAsciiWord(s)
    ? s.charAt(0).toUpperCase() + s.slice(1)
    : s.toLowerCase().replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

// A word of a-z only (most descriptors: "president", "coach"), which title-cases by its first letter alone.
function isLowerAsciiWord(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return s.length > 0;
}

// "Jan Kowal (Orzel Lodz), Piet Hein (Vlaardingen)": a player's club in brackets after his name;
// "Arlow v Brenton": the sides of a fixture (a bare "v", as sports pages write it; law reports write
// "Roe v. Wade", whose sides are people).
const CLUB_BEFORE = /\p{Lu}[\p{L}'’-]+\s?\($/u;
const VERSUS_BEFORE = /\sv\s$/;
const VERSUS_AFTER = /^\sv\s/;
function isSideMention(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 4);
  // The cheap tests of a closing bracket and of the "v" first: most mentions have neither, and the
  // patterns before the name would search all 30 characters.
  return (
    (after.startsWith(')') && CLUB_BEFORE.test(before)) ||
    (before.charCodeAt(before.length - 2) === 118 && VERSUS_BEFORE.test(before)) ||
    VERSUS_AFTER.test(after)
  );
}

// Seats of power are places in the tags ("the Kremlin said" still speaks for the government in quotes).
const SEATS = new Set([
  'White House',
  'Kremlin',
  'Vatican',
  'Downing Street',
  'Elysee',
  'Élysée',
  'Elysee Palace',
  'Capitol',
  'Capitol Hill',
  'Blue House',
  "Quai d'Orsay",
]);
// Buildings are places, whatever body runs them: "Kelby General Hospital", "St Anne's Church".
const FACILITY = /\s(?:Hospital|Church|Cathedral|Mosque|Synagogue|Temple|Museum|Stadium|Airport|Prison|Theatre|Theater|Arena)$/;
// A wire's office is part of the agency: "Oslo Newsroom", "Lisbon bureau", "Municipal Desk".
const BUREAU = /\s(?:Newsroom|News Room|[Bb]ureau|Desk)$/;
// "Vedrana daily", "the Kessel news agency", "the Unity party": the noun after a name makes it a body.
const BODY_AFTER = /^\s(?:party|newspaper|daily|weekly|magazine|news agency|agency|radio|television|firm|group|company)\b/;
// Leagues, games and tournaments are events, not organisations: "the American League", "Atlanta Games".
const COMPETITION = /\s(?:League|Games|Olympics|Championships?|Cup|Open|Tour|Prix|Series|Trophy|Classic|Masters|Stakes|Derby)$/;

// "comedy/drama Pretty Persuasion", "the single Broken Weather", "films include Marigold Station": a
// genre or work noun right before a name makes it a title; later items of the same list are titles too.
// Items of the list are capitalised runs ("Schindler's List, Michael Collins and Star Wars: The …").
const WORK_BEFORE =
  /(?:^|[^\p{L}])(?:films?|movies?|comedy|comedies|drama|thriller|documentary|musical|albums?|singles?|songs?|sitcom|novels?|opera|ballad|titled|entitled)(?:\/\p{L}+)?,?(?: (?:include|including|such as))?:? (?:[\p{Lu}\d][\p{L}\d'’]*(?: [\p{Lu}\d][\p{L}\d'’]*){0,4}(?:,| and|, and) ){0,6}(?:[\p{Lu}\d][\p{L}\d'’]*:? ){0,3}$/u;
const WORK_WORD = /films?|movies?|comed|drama|thriller|documentary|musical|album|single|song|sitcom|novel|opera|ballad|titled/;

/** Starts of the mentions that name a work: after a genre word, or later in a list that began with one. */
function workMentions(text: string, mentions: readonly { start: number }[]): Set<number> {
  const works = new Set<number>();
  for (const m of mentions) {
    const before = text.slice(Math.max(0, m.start - 160), m.start);
    if (WORK_WORD.test(before) && WORK_BEFORE.test(before)) works.add(m.start);
  }
  return works;
}

// "Rural Affairs Minister Nora Quillfeather", "Green Dem spokesman Oren Lascelles": the words before a
// job title and a name are a portfolio or a party, not a person. Only for runs with no first name:
// "Bill Clinton spokesman Mike McCurry" is the president's spokesman.
const POST_AFTER = /^\s(\p{L}+)\s\p{Lu}/u;
function namesAPost(e: Entity, text: string): boolean {
  const words = e.name.split(' ');
  if (words.length < 2 || words.some(isFirstName)) return false;
  return e.mentions.every((m) => {
    const role = POST_AFTER.exec(text.slice(m.end, m.end + 30))?.[1];
    return role !== undefined && ROLE_NOUNS.has(role.toLowerCase());
  });
}

const isPluralBody = (name: string): boolean => {
  const last = name.split(' ').pop()!;
  return name.includes(' ') && /[^s]s$/.test(last) && (ORG_HEADS.has(last.slice(0, -1)) || (last.endsWith('ies') && ORG_HEADS.has(`${last.slice(0, -3)}y`)));
};

// "Robin and Barry Gibb": a first name before "and" and a full name shares its surname.
const SHARED_SURNAME = /^ and (\p{Lu}\p{Ll}+) (\p{Lu}[\p{L}'’-]+)(?![\p{L}'’-]| \p{Lu})/u;
function sharedSurname(e: Entity, text: string): string | null {
  if (e.name.includes(' ') || !isFirstName(e.name)) return null;
  for (const m of e.mentions) {
    const after = SHARED_SURNAME.exec(text.slice(m.end, m.end + 50));
    if (after && isFirstName(after[1]!)) return after[2]!;
  }
  return null;
}

// "Growers said", "Economists warn": a plural of a doer's noun opening a sentence, never written elsewhere.
const AGENT_PLURAL = /^\p{Lu}\p{Ll}+(?:ers|ors|ists|ians|ants|ents)$/u;
const opensSentence = (text: string, start: number): boolean => /(?:^|[.!?:]["”’]?\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start));

// A person's title or role word was written before the name ("Mrs", "coach"), not just any word ("album").
function personCue(e: Entity): boolean {
  for (const d of e.descriptors) if (ROLE_NOUNS.has(d) || PERSON_TITLES.has(titleCase(d))) return true;
  return false;
}

// "Keeper of the Lighthouse", "Queen of the Sky", "Director of Public Prosecutions": what follows "of the",
// or an office's "of", is no person's name.
const OF_THE_BEFORE = /\bof the\s$|\b(?:Director|Minister|Secretary|Department|Ministry|Office|Commissioner|Chancellor|Governor)\s(?:of|for)\s$/;
// "Leeds group Kaiser Chiefs", "electro-rock group The Bravery", "rock band Bloc Party": a band.
const BAND_BEFORE = /\b(?:band|group|duo|trio|quartet)\s(?:The\s)?$/;

// A title or role word was written before the name somewhere ("Mrs", "coach").
const titled = (e: Entity): boolean => e.descriptors.size > 0;

// "BONN 1996-08-30", "OSLO, May 3 (Reuters) -", "LISBON (Newsdesk Wire) —", "VALENCIA, Spain —": the
// place of a dateline in capitals, and the outlet it credits in brackets before the dash. Without an
// outlet or a date the region after a comma is needed: "SOCCER - JAPAN GET …" is a headline.
const DATELINE =
  /^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})(?:,[A-Za-z. ]{0,20})?(?:\s+\d{4}-\d\d-\d\d|\s*\(([^()\n]{2,40})\)\s*[—–-]|\s*\((?:Reuters|AP|AFP)\)|,\s+[A-Z][a-z]{2,8}\.? \d{1,2}\b)|^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}),\s*[A-Z][a-z.][A-Za-z.]*(?: [A-Z][a-z.][A-Za-z.]*)?\s+[—–-]\s/m;

/** The dateline's place, title-cased, and the outlet it credits, when the text opens with one. */
function datelineOf(text: string): { place: string | null; agency: string | null } {
  const m = DATELINE.exec(text.slice(0, 600));
  if (!m) return { place: null, agency: null };
  return { place: titleCase((m[1] ?? m[3])!), agency: m[2]?.trim() ?? null };
}

/**
 * The name to list for a person: without the words describing them ("Veteran Gianni Bugno"), and
 * none when only one word is left and no title was ever written before it ("Former WorldCom", then
 * "WorldCom executives": a company, re-named by its last word as a person would be).
 */
function personName(e: Entity, text: string): string | null {
  const surname = sharedSurname(e, text);
  if (surname) return `${e.name} ${surname}`;
  const name = cleanPersonName(e.name);
  if (!name || name.includes(' ') || !e.name.includes(' ')) return name;
  return [...e.descriptors].some((d) => PERSON_TITLES.has(titleCase(d))) ? name : null;
}

/**
 * A run of capitalised words with no cue is weak evidence of a person: products, shows, sites and
 * firms read the same ("Soul Train", "Think Secret", "Blackground Records"). Named twice or more in
 * prose, a person's name opens with a known first name or an initial, or comes back as its last word
 * alone ("Vikander said"). Results and scorecard lines repeat full names without either, so a
 * name with a mention on such a line keeps the benefit of the doubt, as does a name met once.
 */
function writtenLikeAPerson(e: Entity, text: string): boolean {
  const words = e.name.split(' ');
  const [first, last] = [words[0]!, words[words.length - 1]!];
  if (isFirstName(first) || /^\p{Lu}\.$/u.test(first)) return true;
  // "the Golden Globe", "the Champions Race": a name always written after "the" is a thing's.
  if (e.mentions.every((m) => THE_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start)))) return false;
  if (e.mentions.length < 2) return true;
  return e.mentions.some((m) => m.surface === last || (m.surface === first && SURNAME_FIRST.has(first)) || !inProse(text, m.start));
}

const THE_BEFORE = /(?:^|[^\p{L}])[Tt]he\s$/u;

// A line of running text: at least six lower-case words (a results or scorecard row has few).
function inProse(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at) + 1;
  const to = text.indexOf('\n', at);
  const line = text.slice(from, to < 0 ? text.length : to);
  return (line.match(/(?<![\p{L}'’-])\p{Ll}+\b/gu)?.length ?? 0) >= 6;
}

// Mentions count most; an early first mention and a place in the title add to it.
function salience(e: Entity, length: number, title: string): number {
  const first = e.mentions[0]!.start;
  const last = e.name.split(' ').pop() ?? e.name;
  let score = e.mentions.length + (length > 0 ? 1.5 * (1 - first / length) : 0);
  if (title && hasWord(title, last)) score += 3;
  return score;
}

// `word` in `s` between ASCII word boundaries, as /\bword\b/ reads them, without building a regex
// for every entity.
function hasWord(s: string, word: string): boolean {
  for (let k = s.indexOf(word); k >= 0; k = s.indexOf(word, k + 1)) {
    if (isWordChar(s, k - 1) !== isWordChar(s, k) && isWordChar(s, k + word.length - 1) !== isWordChar(s, k + word.length)) return true;
  }
  return false;
}

function isWordChar(s: string, at: number): boolean {
  const c = s.charCodeAt(at); // NaN outside the string: not a word character
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
