import { type WordLookup, wordLookup } from './context.ts';
import { CLUB_TOWNS, DEMONYMS, isKnownPlace, ORG_HEADS, ORGS, PERSON_TITLES, PLACE_HEADS, THING_HEADS, isFirstName } from './gazetteer.ts';

// Last corrections on the tag lists, which the speaker resolver does not need: nationalities and
// titles in front of a person's name, and towns that are sports teams in a results table.

const MORE_DEMONYMS = new Set(
  (
    'American|Americans|British|French|German|Germans|Russian|Russians|Chinese|Japanese|Korean|Koreans|African|' +
    'Africans|Bosnian|Bosnians|Serb|Serbs|Croat|Croats|Muslim|Muslims|Kurd|Kurds|Kurdish|Iraqi|Iraqis|Iranian|' +
    'Iranians|Israeli|Israelis|Palestinian|Palestinians|Jordanian|Jordanians|Canadian|Canadians|Australian|' +
    'Australians|Indian|Indians|Mexican|Mexicans|Rwandan|Rwandans|Hutu|Hutus|Tutsi|Tutsis|Chechen|Chechens|' +
    'Catholic|Catholics|Roman|Islamic|Czech|Czechs|Slovak|Slovaks|Belgian|Belgians|Swiss|Austrian|Austrians|Irish|' +
    'Scottish|Scots|English|Welsh|Zealander|Zealanders|Zimbabwean|Ukrainian|Ukrainians|Romanian|Romanians|' +
    'Bulgarian|Bulgarians|Albanian|Albanians|Arab|Arabs|Lebanese|Syrian|Syrians|Saudi|Saudis|Cuban|Cubans|Lankan|Lankans|' +
    // Nationality nouns for one person: "Swede Kenneth Eriksson", "Frenchman Frank Leboeuf".
    'Swede|Spaniard|Frenchman|Frenchwoman|Englishman|Englishwoman|Briton|Dane|Finn|Pole|Dutchman|Dutchwoman|Scot|' +
    'Welshman|Irishman|Irishwoman|Scotsman|Yugoslav|Yugoslavs|Slovenian|Slovene|Macedonian|Bosnian|Montenegrin|' +
    'Georgian|Russian|Italian|Kenyan|Nigerian|Brazilian|Argentine|Chilean|Colombian|Mexican|Peruvian|Uruguayan|' +
    'Paraguayan|Venezuelan|Ecuadorean|Moroccan|Algerian|Tunisian|Egyptian|Ethiopian|Ghanaian|Zambian|Namibian|' +
    'Israeli|Iranian|Iraqi|Afghan|Pakistani|Indonesian|Malaysian|Filipino|Thai|Vietnamese|Taiwanese|Singaporean|' +
    'Zealander|Kiwi|Aussie|Belarussian|Latvian|Lithuanian|Estonian|Croatian|Serbian|Norwegian|Swedish|Danish|Finnish|' +
    'Greek|Turk|Turkish|Cypriot|Portuguese|Hungarian|Czech|Slovak|Romanian|Bulgarian|Ukrainian|Armenian|Azeri|' +
    'Kazakh|Uzbek|Sierra|Leonean|Liberian|Ivorian|Cameroonian|Senegalese|Sudanese|Somali|Rwandan|Burundian|Congolese'
  ).split('|'),
);
// Words before a name that describe the person: "Top-seeded Thomas Muster", "Veteran Gianni Bugno".
const DESCRIBING =
  /^(?:\p{L}+-(?:seeded|ranked|placed|based|old|born|year-old)|Unseeded|Veteran|Teenager|Trainer|Sister|Sisters|Brother|Father|Wing|Opener|Acting|Former|Wealthy|Senior|Junior|Defending|Champion|Compatriot|Rookie|Youngster|Youngsters|Veterans|Newcomer|Newcomers|Goalscorer|Singer|Actor|Actress|Co-star|Rapper|Comedian|Presenter|Beatle|Holder|Holders|Captain|Skipper|Boss|Manager|Keeper|Fullback|Centre|Center|Forward|Lock|Prop|Hooker|Flanker|Batsman|Bowler|Spinner|Paceman|Seamer|All-rounder|Driver|Rider|Jockey|Boxer|Golfer|Sprinter|Swimmer|Cyclist|Doctor|Journalist|Engineer|Architect|Scientist|Researcher|Designer|Nurse|Teacher|Farmer|Pilot|Chef|Photographer|Novelist|Artist|Spokesman|Spokeswoman|Spokesperson|Accountant|Lawyer|Attorney|Economist|Analyst|Dealer|Trader|Opposition|Regrettably|Leftist|Rightist|Nationalist|Communist|Socialist|Conservative|Liberal|Republican|Democrat|Tory|Labour|Unionist|Yankee|Patriarch|Maronite|Cardinal|Pope|Archbishop|Bishop)$/u;
// Adjectives and participles written before a name: "Ambitious Ana Roe", "Controversial …",
// "Executive …", "Joining Roe" (-ing, -ive, -ial, -ous, -ful), never a known first name ("Irving").
const ADJECTIVE_ENDING = /^\p{Lu}\p{Ll}{3,}(?:ing|ive|ial|ous|ful)$/u;
const isAdjectiveOpener = (word: string): boolean => ADJECTIVE_ENDING.test(word) && !isFirstName(word);
// "Goalscorer Jimmy Floyd Hasselbaink", "Bassist Tom Ray": a word shaped like a noun for a person or a
// plural, or an "-ed" adjective ("Crooked Hillary Clinton"), before a known first name and a surname
// describes the person ("Billie Jean King", "Curtis Lee White" and "Pier Francesco Chili" keep their
// first word: no such ending, or too short).
const PERSON_NOUN_ENDING = /^\p{Lu}\p{Ll}{3,}(?:er|ers|ist|ists|or|ors|ant|ants|ent|ents|ans|ed)$/u;
// "Fly-half Andy Goode", "Film-maker Spike Lee": a hyphenated word whose second part is in lower case
// (a position, a trade, a form: "In-form") before two more words describes the person, where a double
// first name has two capitals ("Jean-Luc").
const LOWER_HYPHEN_WORD = /^\p{Lu}\p{Ll}*-\p{Ll}+$/u;
function describesFirstName(words: string[], k: number): boolean {
  const [word, next] = [words[k]!, words[k + 1] ?? ''];
  if (words.length - k < 3) return false;
  return LOWER_HYPHEN_WORD.test(word) || (PERSON_NOUN_ENDING.test(word) && !isFirstName(word) && isFirstName(next));
}
// Hyphenated titles: "Secretary-General", "Vice-president", "Major-General".
const HYPHEN_TITLE = /^(?:Vice|Deputy|Under|Lieutenant|Major|Brigadier|Attorney|Secretary|Director|Governor|Undersecretary|Surgeon|Inspector|Chief)-\p{L}+$/iu;

const COMPASS = new Set(['South', 'North', 'West', 'East', 'New']);
const ROLE_ABBREVIATIONS = new Set(['PM', 'Prime', 'Minister', 'MP', 'CEO', 'C.E.O.', 'Chairman', 'Coach', 'Striker', 'Dealers', 'Traders']);

// Heads of names of events and bureaus that the gazetteer does not list.
const EVENT_WORDS = new Set(['Newsroom', 'Slam', 'Prix', 'Rally', 'Classic', 'Open', 'Championship', 'Championships', 'Trophy', 'Masters', 'Amount', 'Tigers']);

export const isDemonym = (word: string): boolean => DEMONYMS.has(word) || MORE_DEMONYMS.has(word);

/**
 * A person's name without the nationality or title written before it ("American Anne Miller" ->
 * "Anne Miller"), or null when nothing but those words is left ("Bosnian Serbs").
 */
export function cleanPersonName(name: string): string | null {
  const words = name.split(' ');
  let i = 0;
  const strippable = (k: number): boolean =>
    isDemonym(words[k]!) ||
    PERSON_TITLES.has(words[k]!) ||
    ROLE_ABBREVIATIONS.has(words[k]!) ||
    (words.length - k >= 2 && (DESCRIBING.test(words[k]!) || HYPHEN_TITLE.test(words[k]!) || isAdjectiveOpener(words[k]!))) ||
    (COMPASS.has(words[k]!) && k + 1 < words.length && isDemonym(words[k + 1]!)) ||
    describesFirstName(words, k);
  const modified = withoutModifiers(name);
  if (!modified) return null;
  i = words.length - modified.length;
  while (i < words.length && strippable(i)) i++;
  if (i === words.length) return null;
  // "Environmental Audit Committee Peter Ainsworth", "(Chief Secretary to the) Treasury Paul Boateng": the
  // name of an office's body, ending in its head word or a known body, then a full name.
  for (let k = words.length - 3; k >= i; k--) {
    if ((ORG_HEADS.has(words[k]!) || ORGS.has(words[k]!)) && !isFirstName(words[k]!) && isFirstName(words[k + 1]!)) {
      i = k + 1;
      break;
    }
  }
  // "Ken Roe QC", "Ana Lutz MEP": letters after a name are an honour or a seat, not part of it.
  let j = words.length;
  while (j - i > 2 && POST_NOMINAL.test(words[j - 1]!)) j--;
  return words.slice(i, j).join(' ');
}
const POST_NOMINAL = /^(?:QC|KC|MP|MEP|MSP|OBE|MBE|CBE|KBE|DBE)$/;

// "Seattle 3 Oakland 2", "Boston 74 60 .552 -", "BALTIMORE AT NEW YORK": lines of a results table.
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)*`;
// Scorers in brackets may follow a score: "Stuttgart 2 (Bobic 61st) Bremen 1 (Votava".
const SCORE_PAIR = new RegExp(String.raw`^(?:[\p{Lu}\d][^\n]*?\s)?${NAME}\s+\d+(?:-\d+)?(?:\s*\([^)\n]*\))?[,;]?\s+${NAME}\s+\d+\b`, 'u');
const STANDINGS = new RegExp(String.raw`^${NAME}(?:\s+[\d.]+(?:-\d+)?){3,}`, 'u');
const FIXTURE = /^[\p{Lu} .'-]+ (?:AT|VS\.?|V) [\p{Lu} .'-]+$/u;

const DATELINE = /\d{4}-\d\d-\d\d/;
const THOUSANDS = /\d,\d{3}\b/;
const NUMBER_AFTER_SPACE = /\s[\d.]/g;

export function isResultLine(line: string): boolean {
  const trimmed = line.trim();
  // Table rows are short; a paragraph of prose is never one (and is costly to test).
  if (trimmed.length > 600) return false;
  // A line without a digit holds no date either: the dateline test is for lines with digits.
  if (!/\d/.test(trimmed)) return FIXTURE.test(trimmed);
  if (DATELINE.test(trimmed)) return false;
  // Thousands ("Dewas 45 Yellow 12,700-12,950") are prices or volumes, never a score or a standing.
  if (THOUSANDS.test(trimmed)) return false;
  // SCORE_PAIR needs two digits right after a space (its two `\s+\d+`), STANDINGS three digits or
  // points after one (its `(?:\s+[\d.]+…){3,}`): prose with fewer numbers is ruled out before those
  // patterns' backtracking is tried.
  let digits = 0;
  let numbers = 0;
  NUMBER_AFTER_SPACE.lastIndex = 0;
  while (digits < 2 && numbers < 3 && NUMBER_AFTER_SPACE.exec(trimmed) !== null) {
    numbers++;
    if (trimmed.charCodeAt(NUMBER_AFTER_SPACE.lastIndex - 1) !== 46) digits++;
  }
  if (digits < 2 && numbers < 3) return false;
  return SCORE_PAIR.test(trimmed) || STANDINGS.test(trimmed);
}

/** The lines of a text that are results-table rows, as [start, end) offsets. */
export function resultLines(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    // Scorers in brackets ("(Bobic 61st)") are players, not teams: the spans leave them out.
    if (isResultLine(line)) {
      let from = start;
      for (const m of line.matchAll(/\([^)]*(?:\)|$)/g)) {
        spans.push([from, start + m.index]);
        from = start + m.index + m[0].length;
      }
      spans.push([from, start + line.length]);
    }
    start += line.length + 1;
  }
  return spans;
}

// The name opening a table row, before its first number ("Tromso 2 Kongsvinger 1", "St. Gallen 9 4 4 1").
const ROW_OPENER = new RegExp(String.raw`^(${NAME})\s+\d`, 'u');

/**
 * The names opening results-table rows ("Tromso" in "Tromso 2 Kongsvinger 1"), with their offsets.
 * The index drops a line's first word when nothing else backs its capital, so a side named only
 * at the start of rows would otherwise be lost.
 */
export function rowOpeners(text: string): { name: string; start: number }[] {
  const found: { name: string; start: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const m = isResultLine(line) ? ROW_OPENER.exec(line) : null;
    if (m) found.push({ name: m[1]!, start });
    start += line.length + 1;
  }
  return found;
}

/**
 * A name the index could not place (no title, no known first name) that reads as a person's:
 * two or three words, each a capitalised word or an initial ("Ria Solberg", "G. Tanner"), none
 * the head of an organisation, place or thing ("Harbor", "Cup").
 */
export function looksLikePersonName(name: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 3) return false;
  if (words.some((w) => ORG_HEADS.has(w) || PLACE_HEADS.has(w) || THING_HEADS.has(w) || EVENT_WORDS.has(w) || isDemonym(w))) return false;
  // "Ajax Amsterdam", "Seattle Mariners": a team or a bureau named after its town.
  if (words.some((w) => isKnownPlace(w))) return false;
  return words.every((w) => /^\p{Lu}\.$/u.test(w) || /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(w)) && !/^\p{Lu}\.$/u.test(words[words.length - 1]!);
}

// "Seattle Mariners", "Texas Rangers", "Chicago White Sox": a town or state before a plural is a team.
const TEAM_TAIL = /^(?:\p{Lu}\p{Ll}+(?<!ss|us|is|ics|ws)s|Sox)$/u;
export function isTeamName(name: string, isPlace: (name: string) => boolean = isKnownPlace): boolean {
  // The tail ends in "s" or is "Sox": most names are ruled out before they are split.
  const tail = name.charCodeAt(name.length - 1);
  if (tail !== 115 && tail !== 120) return false;
  const words = name.split(' ');
  if (words.length < 2 || !TEAM_TAIL.test(words[words.length - 1]!)) return false;
  for (let k = 1; k < words.length; k++) {
    const town = words.slice(0, k).join(' ');
    if (isPlace(town) || CLUB_TOWNS.has(town)) return true;
  }
  return false;
}

// "Manchester City", "Derby County", "Sheffield Wednesday": a British club town before one of these words
// is the club (a British city is never called "Leicester City"; "Mexico City" and "Kansas City" keep theirs).
const CLUB_TAIL = /^(.+) (?:City|Town|County|Wednesday|Athletic|Argyle|Villa)$/;
export function isClubOfTown(name: string): boolean {
  const m = CLUB_TAIL.exec(name);
  return m !== null && CLUB_TOWNS.has(m[1]!);
}

// Party members and groups: "Social Democrats", "Socialists", "House Republicans".
const GROUP_TAIL =
  /^(?:Democrats|Republicans|Socialists|Communists|Conservatives|Liberals|Greens|Nationalists|Islamists|Rebels|Loyalists|Separatists|Royalists|Unionists|Christians|Moslems|Muslims|Aides|Chairmen|Eyewitnesses)$/;
// Place names and clubs named after them open with these: "St Helens", "San Jose", "Le Havre", "Port Vale".
const PLACE_OPENERS = new Set([
  'St',
  'St.',
  'Saint',
  'San',
  'Santa',
  'Sao',
  'Port',
  'Fort',
  'Ft.',
  'Mount',
  'Mt.',
  'Lake',
  'Cape',
  'Le',
  'La',
  'Los',
  'Las',
  'El',
  'New',
  'North',
  'South',
  'East',
  'West',
  'Upper',
  'Lower',
  'Greater',
  'Hurricane',
  'Typhoon',
  'Tropical',
  'Operation',
]);
// Car and engine makers: their models and racing teams ("Subaru Impreza", "Lola Ford Cosworth") are
// not people, and none of these is a first name in the news.
const CAR_MAKERS = new Set(
  'Toyota|Nissan|Honda|Mazda|Subaru|Mitsubishi|Suzuki|Daihatsu|Isuzu|Hyundai|Kia|Daewoo|Ford|Chevrolet|Chrysler|Dodge|Cadillac|Buick|Pontiac|Volkswagen|Audi|BMW|Mercedes|Mercedes-Benz|Porsche|Opel|Renault|Peugeot|Citroen|Fiat|Lancia|Alfa|Ferrari|Volvo|Saab|Skoda|Seat|Cosworth|Yamaha'.split(
    '|',
  ),
);
const MONTH_ABBREVIATION = /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;

/**
 * A name the index made a person that is something else: a first name alone with no title
 * ("Chelsea", "Nancy": clubs and towns more often than people in the news), a product of a known
 * company ("Toyota Celica"), a group ("Social Democrats"), a team, or a run holding a month's
 * abbreviation ("Record Sept").
 */
export function notAPerson(name: string, titled: boolean, isPlace: (name: string) => boolean = isKnownPlace): boolean {
  const words = name.split(' ');
  if (words.length === 1 && !titled && isFirstName(name)) return true;
  // "Ain't Got" (a song's words), "T-Mobile", "E-Plus" (a brand's letter and word): no person's name.
  if (words.some((w) => /n['’]t$/.test(w)) || /^\p{Lu}{1,2}-\p{Lu}/u.test(name)) return true;
  // "Treasury Paul Boateng" is the Treasury's minister, named after his office's body.
  if (words.length >= 2 && ORGS.has(words[0]!) && !isFirstName(words[0]!) && !(words.length >= 3 && isFirstName(words[1]!))) return true;
  if (words.length >= 2 && words.some((w) => CAR_MAKERS.has(w))) return true;
  if (words.length >= 2 && PLACE_OPENERS.has(words[0]!)) return true;
  // "Jan" opening a name is the first name ("Jan Ullmann"), not January.
  if (GROUP_TAIL.test(words[words.length - 1]!) || words.some((w, k) => MONTH_ABBREVIATION.test(w) && !(k === 0 && w === 'Jan'))) return true;
  return isTeamName(name, isPlace);
}

// Words that, with a nationality after them, make an adjective phrase: "Eastern European", "Sri Lankan".
const REGION_WORDS = new Set(['Eastern', 'Western', 'Northern', 'Southern', 'Central', 'South', 'North', 'East', 'West', 'Sri', 'Latin']);
const CONTINENT_ADJECTIVES = new Set(['European', 'Europeans', 'Asian', 'Asians', 'African', 'Africans', 'American', 'Americans']);
const isNationality = (word: string): boolean => isDemonym(word) || CONTINENT_ADJECTIVES.has(word);

/**
 * A phrase of nationalities and regions ("Sri Lankan", "Eastern European", "South American",
 * "US-German"): an adjective, neither a person nor a place nor an organisation.
 */
export function isNationalityPhrase(name: string): boolean {
  const parts = name.split(/[ -]/);
  const last = parts[parts.length - 1]!;
  // A plural after a town is a team: "Cleveland Indians".
  if (parts.length < 2 || !isNationality(last) || /[^s]s$/.test(last)) return false;
  return parts.slice(0, -1).every((w) => isNationality(w) || REGION_WORDS.has(w) || /^(?:US|UK|EU|U\.S\.)$/.test(w) || isKnownPlace(w));
}

/**
 * A run of capitalised common words the index took for a person: its first or last word is also
 * written in lower case in the text ("Net Sales" beside "sales rose", "Hindustan Copper" beside
 * "copper prices"), and no word is a known first name. A person's name is rarely a word the same
 * article uses as an ordinary one ("Ulysses Grant" beside "a grant" is the price).
 */
export function isCommonWordsName(name: string, lowerWords: WordLookup): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.some(isFirstName)) return false;
  return [words[0]!, words[words.length - 1]!].some((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && lowerWords.has(w.toLowerCase()));
}

/** The words a text writes in lower case: all lower-case letters, with no letter, apostrophe or hyphen before and no letter after. */
export function lowerCaseWords(text: string): WordLookup {
  const words = wordLookup(text, (t, start, end) => !/[\p{L}'’-]/u.test(t[start - 1] ?? ' ') && !/\p{L}/u.test(t[end] ?? ' '));
  return { has: (word) => /^\p{Ll}+$/u.test(word) && words.has(word) };
}

// Legal forms a company's name may carry or not: "Texaco Inc." and "Texaco" are one tag, "Texaco".
const LEGAL_FORM = /\s(?:Inc|Corp|Co|Ltd|LLC|Plc|PLC|AG|SA|NV|BV|GmbH|SpA|Bhd|Tbk)\.?$/;
export function shortOrgName(name: string): string | null {
  const words = withoutModifiers(name);
  if (!words) return null;
  // "French GAN": a nationality before an acronym is not part of it.
  if (words.length === 2 && isDemonym(words[0]!) && /^[\p{Lu}.&]{2,6}$/u.test(words[1]!)) words.shift();
  const short = words.join(' ').replace(LEGAL_FORM, '');
  return /^(?:Inc|Corp|Co|Ltd|LLC|Plc|PLC|AG|SA)\.?$/.test(short) ? null : short;
}

// "Atlanta-based", "Republican-led", "state-owned", "Trouble-hit", "Cup-winning": a modifier ending in one of these, with the words
// before it, is not part of the name ("South Korea-based LG Electronics" -> "LG Electronics").
const MODIFIER = /-(?:based|led|owned|controlled|backed|run|funded|listed|born|made|linked|allied|related|style|hit|stricken|troubled|winning)$/i;
export function withoutModifiers(name: string): string[] | null {
  const words = name.split(' ');
  if (!name.includes('-')) return words;
  let cut = -1;
  words.forEach((w, k) => {
    if (MODIFIER.test(w)) cut = k;
  });
  const rest = words.slice(cut + 1);
  return rest.length ? rest : null;
}
