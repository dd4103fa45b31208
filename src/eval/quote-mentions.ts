import { COMMON_CAPS, FEMALE_NAMES, MALE_NAMES, PERSON_TITLES } from '../engine/entities/gazetteer.ts';

/**
 * A person the text itself names outside quotation marks, as the subject of a clause could be: a
 * first name and a surname ("Jane Doe", "Jane K. Doe"), a courtesy title and a surname ("Mrs. Doe"),
 * or later the surname alone, each with the gender its first name or title gives.
 */
export interface PersonMention {
  start: number;
  name: string;
  /** Null for a name only the annotation gives as a person's (a Source), with no first name or title the lists know. */
  sex: 'm' | 'f' | null;
}

const COURTESY = /\b(Mr|Mrs|Ms|Miss)\.?\s+((?:\p{Lu}[\p{L}'’-]*\s+|\p{Lu}\.\s+){0,2})(\p{Lu}[\p{L}'’-]+)/gu;
// The surname is read ahead, so "Senator Marco Rubio" is tried at "Marco" too.
const FIRST_LAST = /(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)(?=(\s+(?:\p{Lu}\.\s+)?)(\p{Lu}[\p{L}'’-]+))/gu;
// Lower-case words that may stand before a subject's name: its role ("former Florida Gov.", "Republican
// presidential candidate", "Senate Majority Leader").
const ROLE_WORD =
  /^(?:the|former|then|ex|presidential|candidate|front-?runner|nominee|hopeful|state|senator|sen|rep|gov|governor|majority|minority|leader|house|speaker|secretary|chairman|chairwoman|chair|president|vice|spokesman|spokeswoman|spokesperson|host|star|actor|actress|singer|comedian|businessman|businesswoman|billionaire|mogul|pastor|rev|rabbi|mayor|attorney|general|judge|justice|rival|contender|senior|adviser|advisor|aide|strategist|economist|analyst|professor|director|executive|chief|founder|lawyer|campaign|manager|delegate|activist|talk|radio|television|tv|author|writer|columnist|reporter|anchor|commentator|pollster|consultant|official|lawmaker|legislator|u\.s\.|federal|county|city|district|national|democratic|republican|conservative|liberal)$/;
const SUFFIX = /^(?:Jr|Sr|II|III|IV)$/;

/**
 * The people a text introduces by first name or courtesy title, and every later mention of their
 * surnames that open a clause outside quotation marks (a possessive "Doe’s" is none). A surname the text
 * gives two genders or two first names ("Bill Clinton", "Hillary Clinton") is left out: two people
 * share it. Then the names of annotated Sources that can be one person (`speakers`, with the gender
 * the scorer read for them, if any). Data from the gazetteer's first-name and title lists and the
 * annotation only, nothing from the engine.
 */
export function personMentions(text: string, inside: (pos: number) => boolean, speakers: ReadonlyMap<string, 'm' | 'f' | null> = new Map()): PersonMention[] {
  const intros: { start: number; end: number; name: string; sex: 'm' | 'f'; given: string }[] = [];
  for (const m of text.matchAll(COURTESY)) {
    const name = m[3]!.replace(/['’]s?$/, '');
    if (SUFFIX.test(name) || COMMON_CAPS.has(name)) continue;
    intros.push({ start: m.index, end: m.index + m[0].length, name, sex: PERSON_TITLES.get(m[1]!) as 'm' | 'f', given: '' });
  }
  for (const m of text.matchAll(FIRST_LAST)) {
    const [given, name] = [m[1]!, m[3]!.replace(/['’]s?$/, '')];
    const male = MALE_NAMES.has(given);
    if (male === FEMALE_NAMES.has(given) || isTitle(name) || COMMON_CAPS.has(name) || SUFFIX.test(name)) continue;
    intros.push({ start: m.index, end: m.index + given.length + m[2]!.length + m[3]!.length, name, sex: male ? 'm' : 'f', given });
  }
  const sexes = new Map<string, Set<string>>();
  for (const i of intros) {
    const seen = sexes.get(i.name) ?? new Set<string>();
    seen.add(i.sex);
    if (i.given) seen.add(i.given);
    sexes.set(i.name, seen);
  }
  // One person per surname: one gender, and at most one first name besides it.
  const sexOf = new Map<string, 'm' | 'f'>();
  for (const i of intros) {
    const seen = sexes.get(i.name)!;
    const genders = [...seen].filter((s) => s === 'm' || s === 'f');
    if (genders.length === 1 && seen.size <= 2) sexOf.set(i.name, i.sex);
  }
  // The annotated Sources that can be one person are people too ("Angel Mendoza", a first name the lists lack).
  const names = new Map<string, 'm' | 'f' | null>(sexOf);
  for (const [name, sex] of speakers) if (!sexes.has(name)) names.set(name, sex);
  const out: PersonMention[] = [];
  for (const [name, sex] of names) {
    const word = new RegExp(`(?<![\\p{L}'’-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}'’-])`, 'gu');
    for (const m of text.matchAll(word)) {
      const intro = intros.find((i) => i.start <= m.index && m.index < i.end);
      const start = intro?.start ?? m.index;
      if (inside(start) || !opensClause(text, start, m.index + name.length)) continue;
      out.push({ start, name, sex });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Whether a name opens its clause, as a subject does: nothing but its role, its title and other
 * capitalised names stand between it and the start of its sentence, or the comma closing an opening
 * adverbial ("On Tuesday, Senate Majority Leader Mitch McConnell said", "Speaking in Salem, Doe
 * said"); not a verb or a preposition ("Doe went after Roe", "Like Roe, …", "a rival of Roe"), nor a
 * name that modifies another ("former Roe speechwriter Jo Doe", "an Obama supporter").
 */
function opensClause(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  const sentence = Math.max(before.lastIndexOf('\n'), sentenceEnd(before));
  if (sentence < 0 && start > 200) return false;
  let head = before.slice(sentence + 1);
  const comma = head.lastIndexOf(',');
  if (comma >= 0) {
    if (!ADVERBIAL.test(head.trimStart().replace(/^["“‘(]+/, ''))) return false;
    head = head.slice(comma + 1);
  }
  if (MODIFIER_AFTER.test(text.slice(end, end + 60))) return false;
  return head
    .split(/\s+/)
    .map((w) => w.replace(/^["“‘(]+/, '').replace(/[.:;]+$/, ''))
    .filter(Boolean)
    .every((w) => ROLE_WORD.test(w.toLowerCase()) || (/^\p{Lu}/u.test(w) && !COMMON_CAPS.has(w)));
}

// What opens a sentence before its subject: a preposition, a subordinate clause, a participle or an adverb.
const ADVERBIAL =
  /^(?:In|On|At|After|Before|During|Since|Until|When|While|As|Although|Though|If|Because|Despite|For|From|Earlier|Later|Last|This|Still|Meanwhile|However|Instead|Now|Then|Today|Yesterday|Asked|\p{Lu}\p{Ll}+ing|\p{Lu}\p{Ll}+ly)\b/u;
// A name before a role and another name modifies it ("Roe speechwriter Jo Doe", "an Obama supporter").
const MODIFIER_AFTER =
  /^(?:['’]s)?\s+(?!(?:after|ever|never|under|over|whether|rather|later|for|nor|per|either|neither|other|together|her|their|sooner|err|went|sent|spent|meant|lent|want)\b)(?:[\p{Ll}-]+(?:er|or|ist|ant|ent|man|woman)|supporter|aide|ally|official|campaign|camp|team|staff|family|administration|office)s?\b/u;

/** The position of the last sentence-ending stop in a text, not one after a title or an initial ("Gov.", "J."), or -1. */
function sentenceEnd(text: string): number {
  for (const m of [...text.matchAll(/([\p{L}]+)?[.!?]["”’]?\s/gu)].reverse()) {
    const word = m[1] ?? '';
    if (isTitle(word) || /^\p{Lu}$/u.test(word) || /^(?:Jr|Sr|St|Gen|Lt|Col|Sgt|Capt|Adm|Gov|Govs|Sen|Sens|Rep|Reps|Mr|Mrs|Ms|Dr)$/.test(word)) continue;
    return m.index + m[0].length - 1;
  }
  return -1;
}

function isTitle(word: string): boolean {
  return PERSON_TITLES.has(word) || PERSON_TITLES.has(`${word}.`);
}
