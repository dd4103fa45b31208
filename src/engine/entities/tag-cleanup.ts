import { DEMONYMS, isKnownPlace, ORG_HEADS, PERSON_TITLES, PLACE_HEADS, THING_HEADS } from './gazetteer.ts';

// Last corrections on the tag lists, which the speaker resolver does not need: nationalities and
// titles in front of a person's name, and towns that are sports teams in a results table.

const MORE_DEMONYMS = new Set(
  ('American|Americans|British|French|German|Germans|Russian|Russians|Chinese|Japanese|Korean|Koreans|African|' +
    'Africans|Bosnian|Bosnians|Serb|Serbs|Croat|Croats|Muslim|Muslims|Kurd|Kurds|Kurdish|Iraqi|Iraqis|Iranian|' +
    'Iranians|Israeli|Israelis|Palestinian|Palestinians|Jordanian|Jordanians|Canadian|Canadians|Australian|' +
    'Australians|Indian|Indians|Mexican|Mexicans|Rwandan|Rwandans|Hutu|Hutus|Tutsi|Tutsis|Chechen|Chechens|' +
    'Catholic|Catholics|Roman|Islamic|Czech|Czechs|Slovak|Slovaks|Belgian|Belgians|Swiss|Austrian|Austrians|Irish|' +
    'Scottish|Scots|English|Welsh|Zealander|Zealanders|Zimbabwean|Ukrainian|Ukrainians|Romanian|Romanians|' +
    'Bulgarian|Bulgarians|Albanian|Albanians|Arab|Arabs|Lebanese|Syrian|Syrians|Saudi|Saudis|Cuban|Cubans|Lankan|Lankans').split('|'),
);
const COMPASS = new Set(['South', 'North', 'West', 'East', 'New']);
const ROLE_ABBREVIATIONS = new Set(['PM', 'Prime', 'Minister', 'MP', 'CEO', 'C.E.O.', 'Chairman', 'Coach', 'Striker', 'Dealers', 'Traders']);

// Heads of names of events and bureaus that the gazetteer does not list.
const EVENT_WORDS = new Set(['Newsroom', 'Slam', 'Prix', 'Rally', 'Classic', 'Open', 'Championship', 'Championships', 'Trophy', 'Masters', 'Amount', 'Tigers']);

const isDemonym = (word: string): boolean => DEMONYMS.has(word) || MORE_DEMONYMS.has(word);

/**
 * A person's name without the nationality or title written before it ("American Anne Miller" ->
 * "Anne Miller"), or null when nothing but those words is left ("Bosnian Serbs").
 */
export function cleanPersonName(name: string): string | null {
  const words = name.split(' ');
  let i = 0;
  const strippable = (k: number): boolean =>
    isDemonym(words[k]!) || PERSON_TITLES.has(words[k]!) || ROLE_ABBREVIATIONS.has(words[k]!) ||
    (COMPASS.has(words[k]!) && k + 1 < words.length && isDemonym(words[k + 1]!));
  while (i < words.length && strippable(i)) i++;
  if (i === words.length) return null;
  return words.slice(i).join(' ');
}

// "Seattle 3 Oakland 2", "Boston 74 60 .552 -", "BALTIMORE AT NEW YORK": lines of a results table.
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*)*`;
const SCORE_PAIR = new RegExp(String.raw`^(?:[\p{Lu}\d][^\n]*?\s)?${NAME}\s+\d+(?:-\d+)?[,;]?\s+${NAME}\s+\d+\b`, 'u');
const STANDINGS = new RegExp(String.raw`^${NAME}(?:\s+[\d.]+(?:-\d+)?){3,}`, 'u');
const FIXTURE = /^[\p{Lu} .'-]+ (?:AT|VS\.?|V) [\p{Lu} .'-]+$/u;
const DATELINE = /\d{4}-\d\d-\d\d/;

export function isResultLine(line: string): boolean {
  const trimmed = line.trim();
  if (DATELINE.test(trimmed)) return false;
  return SCORE_PAIR.test(trimmed) || STANDINGS.test(trimmed) || FIXTURE.test(trimmed);
}

/** The lines of a text that are results-table rows, as [start, end) offsets. */
export function resultLines(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (isResultLine(line)) spans.push([start, start + line.length]);
    start += line.length + 1;
  }
  return spans;
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
