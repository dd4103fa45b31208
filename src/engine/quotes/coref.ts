import type { Entity, EntityIndex, Gender, Mention } from '../entities.ts';
import { isKnownPlace, PERSON_TITLES, ROLE_NOUNS, isFirstName } from '../entities/gazetteer.ts';

/** Where quotes are, so names inside them are not taken for the speaker. */
export type Inside = (pos: number) => boolean;

const MEDIA_HEADS = /^(?:daily|newspaper|paper|outlet|publication|network|broadcaster|channel|magazine|site|website|tabloid|weekly|journal|agency|station)$/;
const MEDIA_NAME =
  /(?:Times|Post|Journal|News|Herald|Tribune|Daily|Gazette|Magazine|Press|Reuters|Bloomberg|CNN|MSNBC|BBC|NBC|CBS|ABC|NPR|Fox|Politico|Breitbart|Atlantic|Economist|Guardian|Telegraph|Observer|Wire|Today|Axios|BuzzFeed|HuffPost)$/;
const ORG_WORDS =
  /^(?:ministry|department|company|firm|agency|campaign|committee|group|government|organization|organisation|party|bank|court|office|union|council|commission|administration|board|institute|university|foundation|association|center|centre|service|police|army|military|embassy|corporation|team|club|league|coalition|alliance|senate|house|congress|parliament|kremlin|pentagon|statement)$/;

// "Mr. Jay DiPietro", "Ms. Tanzer": a name the text gives a courtesy title is a person's, whatever
// kind the tagger voted for it (an unusual surname can read as a company).
const COURTESY_BEFORE = /\b(?:Mr|Mrs|Ms|Miss)\.?\s+$/;
const personCache = new WeakMap<Entity, boolean>();
/** Whether an entity can be a speaking person: tagged as one, or given a courtesy title in the text. */
export function isPerson(e: Entity, text: string): boolean {
  if (e.kind === 'person') return true;
  let known = personCache.get(e);
  if (known === undefined) {
    known = e.kind === 'place' ? namedPerson(e) : e.mentions.some((m) => COURTESY_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start)));
    personCache.set(e, known);
  }
  return known;
}

// "Hillary Clinton", voted a place after many "at Clinton" / "from Clinton": a known first name
// before the surname still makes a person.
function namedPerson(e: Entity): boolean {
  const space = e.name.indexOf(' ');
  if (space < 0 || isKnownPlace(e.name)) return false;
  const first = e.name.slice(0, space);
  return isFirstName(first);
}

/** A quote already attributed: where it opens and who said it. */
export interface Said {
  at: number;
  entity: Entity;
}

// "said the American", "the Scot added": British reports, sport above all, call a person by
// nationality. Capitalised in the text, so descriptions match these words separately.
export const NATIONALS =
  'American|Briton|Englishman|Scot|Scotsman|Welshman|Irishman|Frenchman|Dutchman|Spaniard|German|Italian|Australian|' +
  'Canadian|Argentine|Argentinian|Brazilian|Russian|Swede|Belgian|Croat|Serb|Czech|Austrian|Norwegian|Dane|Finn|' +
  'Chilean|Kenyan|Ethiopian|Nigerian|Ghanaian|Cameroonian|Mexican|Colombian|Uruguayan|Moroccan|Egyptian|Israeli|' +
  'Turk|Greek|Ukrainian|Romanian|Bulgarian|Hungarian|Slovak|Jamaican|Zimbabwean|Zambian|Indian|Pakistani|' +
  'New Zealander|Kiwi|South African|Korean|Icelander|Cypriot';
const PERSON_HEADS = new RegExp(
  '^(?:businessman|businesswoman|billionaire|mogul|governor|senator|mayor|nominee|candidate|president|secretary|' +
    'spokesman|spokeswoman|spokesperson|official|lawmaker|legislator|congressman|congresswoman|representative|' +
    'chairman|chairwoman|chair|leader|minister|premier|judge|justice|attorney|lawyer|prosecutor|director|chief|' +
    'executive|founder|economist|analyst|professor|manager|host|speaker|commander|general|ambassador|diplomat|' +
    'adviser|advisor|aide|strategist|pollster|activist|veteran|democrat|republican|conservative|liberal|' +
    'populist|tycoon|magnate|donor|consultant|historian|scholar|surgeon|neurosurgeon|physician|front-runner|frontrunner|hopeful|contender|challenger|incumbent|columnist|commentator|anchor|entrepreneur|investor|evangelist|comedian|star|actor|actress|author|preacher|pastor|pope|king|queen|prince|princess|mother|father|widow|independent|\\d+-year-old|' +
    // Sport and entertainment roles, common in British reports ("the Chelsea boss", "the striker").
    'coach|boss|captain|skipper|player|striker|midfielder|defender|goalkeeper|keeper|winger|champion|athlete|' +
    'sprinter|golfer|boxer|batsman|bowler|singer|rapper|presenter|producer|chancellor|assistant|campaigner|' +
    `teacher|doctor|viewer|victim|plaintiff|${NATIONALS.toLowerCase()})$`,
);

/**
 * The person a pronoun refers to at `pos`, by salience: walking back sentence by sentence, the
 * speaker of an already attributed quote in that sentence, else the sentence's subject (its first
 * compatible person, not after a preposition nor before a possessive). A sentence opened by the
 * same pronoun has the same referent, so the walk goes on past it. `gender` '' accepts anyone
 * (definite descriptions: "the New York businessman").
 */
export function resolvePronoun(
  pronoun: string,
  pos: number,
  index: EntityIndex,
  inside: Inside,
  sentenceStarts: number[],
  history: Said[],
  accept: (e: Entity) => boolean = () => true,
): Entity | null {
  const p = pronoun.toLowerCase();
  const last = history[history.length - 1]?.entity ?? null;
  // "Contrack said … But the firm denied …. “…,” it said": the organisation heading a recent sentence first.
  if (p === 'it')
    return (
      salientOrg(index, pos, inside, (e) => e.kind === 'org') ??
      lastOf(index.mentions, pos, inside, (e) => e.kind === 'org') ??
      countryBefore(index, pos, inside)
    );
  if (p === 'they' || p === 'we' || p === 'i') {
    // "The Liberal Democrats unveiled their manifesto. “…,” they said": an organisation heading a
    // sentence after the last quote is the group speaking, not that quote's speaker.
    const group = p === 'they' ? salientOrgMention(index, pos, inside, (e) => e.kind === 'org') : null;
    if (group && group.start > (history[history.length - 1]?.at ?? -1)) return group.entity;
    if (last) return last;
    return p === 'they' ? null : lastOf(index.mentions, pos, inside, (e) => isPerson(e, index.text));
  }
  const want: Gender = p === 'he' || p === 'his' || p === 'him' ? 'm' : p === 'she' || p === 'her' ? 'f' : '';
  const ok = (e: Entity): boolean => isPerson(e, index.text) && (want === '' || e.gender !== (want === 'm' ? 'f' : 'm')) && accept(e);
  // A sentence opened by the same pronoun, or where it reports speech ("After …, he told …"), has the same referent.
  // A description ("said the world indoor champion") walks past a sentence opened by he/she too:
  // that sentence's subject is the pronoun, not a name later in it ("He then beat Dan Persson").
  const same = want === '' ? PRONOUN_OPENED : SAME[want === 'm' ? 0 : 1]!;
  let hi = pos;
  let h = history.length - 1;
  for (let k = upperBound(sentenceStarts, pos) - 1, n = 0; k >= 0 && n < 8; k--, n++) {
    const lo = sentenceStarts[k]!;
    // "Asked about Roe's vote, she replied": the participle's subject is the pronoun's referent, and
    // the names in its clause are what was asked about.
    if (n === 0 && ASKED.test(index.text.slice(lo, lo + 14)) && /,\s*$/.test(index.text.slice(lo, pos))) {
      hi = lo;
      continue;
    }
    while (h >= 0 && history[h]!.at >= hi) h--;
    // The speaker of a quote in this sentence is its subject.
    for (let j = h; j >= 0 && history[j]!.at >= lo; j--) if (ok(history[j]!.entity)) return history[j]!.entity;
    const all = mentionsIn(index, lo, hi).filter(
      (m, k, arr) => !inside(m.start) && subjectish(index.text, m, lo) && !modifies(index.text, m, arr[k + 1]) && !nounModifier(index.text, m),
    );
    // "Mr Pike “made his own decisions,” he told the court": in the pronoun's own sentence, a name
    // that the quote follows is the subject of the quoted words, not the one who spoke them.
    // Also with its verb before the quote: "Mrs Cole has “never once visited …,” he said".
    const ms = all.filter((m) => ok(m.entity) && !(n === 0 && QUOTE_OPENS_AFTER.test(index.text.slice(m.end, m.end + 30))));
    const sameAt = n > 0 && same ? same.exec(index.text.slice(lo, hi)) : null;
    // "Roe has blasted the system, which he said …": a person before the pronoun is still the referent.
    // Not a name in an opening clause: "After meeting Tom Baker, he told …" is still the pronoun's.
    if (sameAt && !(ms[0] && ms[0].start < lo + sameAt.index && /^[\s“"‘]*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(index.text.slice(lo, ms[0].start)))) {
      hi = lo;
      continue;
    }
    // "The Wisconsin Republican gave Lane some credit, but he …": a person's role heading the sentence is
    // its subject, so the pronoun refers to whom that description refers to, not to a later name.
    // Only for he/she: a description's own walk ("the senator") must not reach further back through it.
    const described = want !== '' && (n > 0 || hi < pos) ? ROLE_SUBJECT.exec(index.text.slice(lo, hi)) : null;
    if (described && isPersonHead(described[1]!) && (!ms[0] || ms[0].start > lo + described[0].length)) {
      const e = resolvePronoun('', lo, index, inside, sentenceStarts, history, (x) => ok(x));
      if (e) return e;
    }
    const exact = ms.find((m) => m.entity.gender === want);
    // "Asked whether X, who …, could win, Y demurred": after an opening subordinate clause the
    // subject is the name after a comma that a verb follows, not the first name.
    const main =
      ms.length > 1 && (SUBORDINATE.test(index.text.slice(lo, lo + 12)) || DESCRIBED_OPENER.test(index.text.slice(lo, lo + 24)))
        ? ms.find((m) => MAIN_BEFORE.test(index.text.slice(Math.max(lo, m.start - 30), m.start)) && MAIN_AFTER.test(index.text.slice(m.end, m.end + 20)))
        : undefined;
    // A name of unknown gender heading the sentence ("Rep. Jo Roe said … to back Lane") is still its subject.
    // So is one right after opening adverbials with a verb after it ("In his reply to Lane, Roe said …").
    const heads =
      ms[0] !== undefined && (/^[\s“"‘]*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(index.text.slice(lo, ms[0].start)) || afterOpeners(index.text, lo, ms[0]));
    // "Whether … Lane …, said Jo Roe, editor of …": the name after an inverted speech verb is the sentence's subject.
    // Not "Jo Roe, a delegate, said Lane will win": there the name after the verb opens a clause.
    const inverted = ms.find(
      (m) => INVERTED_BEFORE.test(index.text.slice(Math.max(lo, m.start - 30), m.start)) && /^\s*(?:[,.;:!?(]|$)/.test(index.text.slice(m.end, m.end + 3)),
    );
    // "Cruz is … the most able candidate Viguerie argues.": a name with only a speech verb after it, ending the sentence, is whose words they are.
    const tagged = ms.find((m) => TAG_AFTER.test(index.text.slice(m.end, hi)));
    const pick = tagged ?? main ?? inverted ?? (ms[0] && ms[0].entity.gender === '' && exact && !heads ? exact : ms[0]);
    if (pick) return pick.entity;
    // "Staunton is also the choice of Jo Roe, executive editor of Variety. But he …": a person the
    // text introduces here with a role in apposition is who the next he/she is, object or not.
    const introduced =
      want !== '' && n > 0
        ? mentionsIn(index, lo, hi).find(
            (m) => !inside(m.start) && ok(m.entity) && m.entity.mentions[0] === m && INTRODUCED_ROLE.test(index.text.slice(m.end, m.end + 40)),
          )
        : undefined;
    if (introduced) return introduced.entity;
    // A he/she needs a person: an unclassified full name heading the sentence is one ("Jo-Ann Roe, a
    // professor at …, described …").
    const head = all[0];
    if (
      head &&
      head.entity.kind === 'other' &&
      // Also after a conjunction opening the sentence: "But Simon Hart of the Alliance has questioned …".
      /^[\s“"‘]*(?:(?:But|And|Yet|However|Meanwhile),?\s+)?$/.test(index.text.slice(lo, head.start)) &&
      (head.entity.name.includes(' ') || VERB_AFTER.test(index.text.slice(head.end, head.end + 30))) &&
      head.entity.gender !== (want === 'm' ? 'f' : 'm') &&
      want !== ''
    )
      return head.entity;
    hi = lo;
  }
  for (let j = history.length - 1; j >= 0; j--) if (history[j]!.at < pos && ok(history[j]!.entity)) return history[j]!.entity;
  // "One of the claims of President Jo Roe's speech …. He told the crowd:": with no subject to refer
  // to, a he/she refers to the last person of its gender named before it, in any role.
  if (want === '') return null;
  const from = sentenceStarts[Math.max(0, upperBound(sentenceStarts, pos) - 8)] ?? 0;
  const any = mentionsIn(index, from, pos).filter((m) => !inside(m.start) && ok(m.entity) && m.entity.gender === want);
  return any.length ? any[any.length - 1]!.entity : null;
}

const QUOTE_OPENS_AFTER =
  /^\s?(?:(?:has|had|have|is|was|were|are|will|would|could|should|can|must|may|might|did|does|never|not|also|still|[a-z]+ed|[a-z]+s)\s+){0,2}["“]\p{L}/u;

// Openers that are not the subject: "In July, X dismissed …", "During a speech, X attacked …".
export const LEAD_ADVERBIAL =
  /^(?:(?:And|But|So|Yet)\s+)?(?:(?:In|On|At|During|After|Before|Since|Last|This|Earlier|Later|Meanwhile|Speaking|Asked|Over|Outside|Inside|Back|As|When|While|Although|Though|Once|Until|Amid|Despite|Following|after|when|while|before|since|as|\p{Lu}\p{Ll}+ly)\b[^,.;:"“”]{0,70},\s*){0,3}/u;

/** A name right after the sentence's opening adverbials, followed by a verb: the main clause's subject. */
function afterOpeners(text: string, lo: number, m: Mention): boolean {
  const head = text.slice(lo, m.start);
  const lead = /^[\s“"‘]*/.exec(head)![0].length;
  const opener = LEAD_ADVERBIAL.exec(head.slice(lead))![0];
  return opener.length > 0 && /^(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(head.slice(lead + opener.length)) && MAIN_AFTER.test(text.slice(m.end, m.end + 20));
}

// A surname the tagger left unclassified heads a sentence as a person when a verb of action follows: "Roe openly admitted".
const VERB_AFTER = /^\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|said|says|told|tells|spoke|made|gave|took|has|had|is|was)\b/;
// Also any participle opening the sentence: "Praising Celtic and Rangers for their efforts, she said".
const ASKED = /^[\s“"‘]*(?:Asked|Pressed|Questioned|Speaking|Responding|Interviewed|Reached|\p{Lu}\p{Ll}+ing)\b/u;
// "One pastor backing Mr. Lane, Jo Roe of …, said": a description opening the sentence, then its name.
const DESCRIBED_OPENER = /^[\s“"‘]*(?:One|A|An|Another|The)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:supporting|backing|opposing|for|at|of|from|in|with|who|close)\b/;
// A definite description opening the sentence with its verb: "The Ohio Republican did …", "The senator said …".
const ROLE_SUBJECT =
  /^[\s“"‘]*The\s+(?:[\w’'-]+\s+){0,3}?([a-z][a-z-]+|Republican|Democrat)\s+(?:also\s+|later\s+)?(?:did|has|had|is|was|said|says|told|[a-z]+ed)\b/;
const SUBORDINATE = /^[\s“"‘]*(?:Asked|When|While|Although|Though|If|After|Before|As|Because|Since|Despite|Once|Unlike|Whether)\b/;
const MAIN_BEFORE = /,\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u;
const MAIN_AFTER = /^\s+(?!who\b|whose\b|which\b|and\b|or\b)\p{Ll}/u;
const PRONOUN_OPENED = /^[\s“"‘]*(?:(?:And|But|So|Yet|Still|Then|Now|Instead|Later)\s+)?(?:he|she)\b/i;
const SAME = ['he', 'she'].map(
  (p) =>
    new RegExp(
      `^[\\s“"‘]*(?:(?:And|But|So|Yet|Still|Then|Now|Instead|Later)\\s+)?${p}\\b|\\b${p}\\s+(?:also\\s+)?(?:said|says|told|tells|argued|added|noted|wrote|explained|continued|insisted|recalled|acknowledged|warned|stressed)\\b`,
      'i',
    ),
);

const TAG_AFTER =
  /^\s+(?:says|said|argues|argued|writes|wrote|adds|added|notes|noted|insists|insisted|contends|contended|believes|explains|explained)\s*[.!?]["”’']?\s*$/;
const INVERTED_BEFORE =
  /,\s*(?:said|says|added|wrote|noted|explained|argued|insisted|warned|replied|recalled|observed|cautioned)\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u;

// "The Roe outlets have …", "the Lane campaign picked up …": a name between "the" and a noun only
// qualifies the noun, so it is not what a later he/she refers to.
function nounModifier(text: string, m: Mention): boolean {
  if (!/\b[Tt]he\s+$/.test(text.slice(Math.max(0, m.start - 4), m.start))) return false;
  const next = /^\s+([a-z][a-z-]+)/.exec(text.slice(m.end, m.end + 24));
  return next !== null && !NOT_A_NOUN.test(next[1]!);
}
const NOT_A_NOUN =
  /^(?:[a-z]+ed|has|had|have|is|was|were|are|will|would|can|could|may|might|must|should|said|says|told|who|whose|which|that|and|or|but|also|then)$/;

// "Lane campaign consultant Jo Roe", "Senate Minority Leader Jo Roe", "Ohio Gov. Jo Roe": a name
// before a role noun or a title, and then another name, only modifies that name.
export function modifies(text: string, m: Mention, next: Mention | undefined): boolean {
  if (!next || next.start - m.end > 40 || next.entity === m.entity) return false;
  const between = text.slice(m.end, next.start);
  const role = /^(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}([a-z-]+)\s+$/.exec(between);
  if (role) return ROLE_NOUNS.has(role[1]!) || MORE_ROLES.test(role[1]!);
  const titled = /^\s+(?:\p{Lu}[\p{L}.-]*\s+){0,2}(\p{Lu}[\p{L}.-]*)\s+$/u.exec(between);
  return titled !== null && next.entity.kind === 'person' && PERSON_TITLES.has(titled[1]!);
}

// Roles of sport and music the shared list lacks ("Franz Ferdinand frontman Alex Kapranos", "Chelsea
// striker Jo Roe"): the band or club before them only qualifies the person.
const MORE_ROLES =
  /^(?:frontman|frontwoman|guitarist|drummer|bassist|striker|midfielder|defender|goalkeeper|winger|captain|skipper|boss|jockey|batsman|bowler)$/;

/** Mentions starting in [lo, hi), by binary search. */
export function mentionsIn(index: EntityIndex, lo: number, hi: number): Mention[] {
  const ms = index.mentions;
  let a = 0;
  let b = ms.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (ms[mid]!.start < lo) a = mid + 1;
    else b = mid;
  }
  const out: Mention[] = [];
  for (let k = a; k < ms.length && ms[k]!.start < hi; k++) out.push(ms[k]!);
  return out;
}

// A name after a preposition or before a possessive is not a subject ("a lawyer for Acme", "Trump's aide").
// A mention starts after its title ("to Mr. Trump" is "Trump"): the title is read through.
export function subjectish(text: string, m: Mention, lo: number): boolean {
  const before = text.slice(Math.max(lo, m.start - 24), m.start).replace(TITLE_BEFORE, '');
  if (OBJECT_BEFORE.test(before) && !headedByOffice(text, m, lo)) return false;
  return !/^['’]s?\b/.test(text.slice(m.end, m.end + 2));
}
// "Chief Secretary to the Treasury Paul Boateng attacked …": a person named after an office and the
// body it serves is the subject, unless the office itself follows a preposition ("wrote to the Chief …").
const INTRODUCED_ROLE =
  /^,\s+(?:the\s+|a\s+|an\s+)?(?:[a-z-]+\s+){0,2}(?:editor|director|chief|head|chairman|chairwoman|president|professor|spokesman|spokeswoman|analyst|founder|executive|manager|secretary|minister|leader|author|critic)\b/;
const OFFICE_BEFORE = /(?:^|[^\p{L}])((?:\p{Lu}[\p{L}-]*\s+)+)(?:to|of|for)\s+the\s+$/u;
function headedByOffice(text: string, m: Mention, lo: number): boolean {
  // The mention holds the body and the name: "Treasury Paul Boateng", not "Hollywood Reporter" after "Anne Thompson of the".
  const words = m.surface.split(/\s+/);
  if (m.entity.kind !== 'person' || !words.slice(1, -1).some(isFirstName)) return false;
  const from = Math.max(lo, m.start - 60);
  const office = OFFICE_BEFORE.exec(text.slice(from, m.start));
  if (!office) return false;
  const officeAt = from + office.index + office[0].indexOf(office[1]!);
  return !OBJECT_BEFORE.test(text.slice(Math.max(lo, officeAt - 24), officeAt));
}
const OBJECT_BEFORE =
  /\b(?:of|for|at|with|to|from|in|into|onto|on|by|about|against|than|like|under|over|told|asked|toward|towards|through|across|behind|among|between|without|within|upon|including)\s+(?:the\s+)?$/i;
const TITLE_BEFORE = /(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Adm|Rev|President|Senator|Governor|Secretary|Speaker|Judge|Admiral|General)\.?\s+)+$/;

export const PLATFORMS =
  /^(?:Twitter|X|Facebook|Instagram|YouTube|TikTok|WhatsApp|Telegram|Snapchat|LinkedIn|Reddit|Threads|Bluesky|Truth Social|Weibo|WeChat|Signal|Discord|Slack)$/;

/** The entity a description refers to ("the ministry" -> "Foreign Ministry"), or null. */
export function resolveDescription(head: string, pos: number, index: EntityIndex, inside: Inside, definite = true): Entity | null {
  const h = head.toLowerCase();
  if (MEDIA_HEADS.test(h)) {
    const media = lastOf(
      index.mentions,
      pos,
      () => false,
      (e) => e.kind === 'org' && MEDIA_NAME.test(e.name),
    );
    if (media) return media;
  }
  if (ORG_WORDS.test(h)) {
    const named = lastOf(index.mentions, pos, inside, (e) => e.kind === 'org' && e.descriptors.has(h));
    if (named) return named;
    // "The science ministry said …. “…,” the ministry said": an organisation the text only ever
    // describes stays that description, rather than becoming another organisation.
    if (/^(?:ministry|department|authority)$/.test(h) && new RegExp(`\\b[Tt]he\\s+[a-z][a-z-]+\\s+${h}\\b`).test(index.text.slice(0, pos))) return null;
    // "The agency said" when no agency is named as such: the organisation last mentioned, but not a
    // platform it spoke on ("took their fight to Twitter. … the group tweeted").
    if (!definite) return null;
    const fits = (e: Entity): boolean => e.kind === 'org' && (!PLATFORMS.test(e.name) || /^(?:company|firm|platform|network|site|service)$/.test(h));
    return (/^(?:company|firm|group)$/.test(h) ? salientOrg(index, pos, inside, fits) : null) ?? lastOf(index.mentions, pos, inside, fits);
  }
  return lastOf(index.mentions, pos, inside, (e) => e.kind === 'person' && e.descriptors.has(h));
}

/**
 * "Novartis said it would merge departments … overtake Israel's Teva … “…,” the firm said": the
 * organisation heading one of the last sentences is what "the firm" refers to, not one named
 * later as an object. The last such organisation within a few sentences, or null.
 */
function salientOrg(index: EntityIndex, pos: number, inside: Inside, ok: (e: Entity) => boolean): Entity | null {
  return salientOrgMention(index, pos, inside, ok)?.entity ?? null;
}
function salientOrgMention(index: EntityIndex, pos: number, inside: Inside, ok: (e: Entity) => boolean): Mention | null {
  const from = Math.max(0, pos - SALIENT_WINDOW);
  const heads = mentionsIn(index, from, pos).filter(
    (m) => ok(m.entity) && !inside(m.start) && SENTENCE_HEAD_BEFORE.test(index.text.slice(Math.max(0, m.start - 8), m.start)),
  );
  return heads[heads.length - 1] ?? null;
}
const SALIENT_WINDOW = 600;
// "On Wednesday, South Korea moved to steady the markets. It issued a statement": with no
// organisation to refer to, "it" is a country heading the sentence before, speaking through its government.
function countryBefore(index: EntityIndex, pos: number, inside: Inside): Entity | null {
  const from = Math.max(0, pos - 300);
  const heads = mentionsIn(index, from, pos).filter(
    (m) => m.entity.kind === 'place' && !inside(m.start) && COUNTRY_HEAD_BEFORE.test(index.text.slice(Math.max(0, m.start - 45), m.start)),
  );
  return heads[heads.length - 1]?.entity ?? null;
}
const COUNTRY_HEAD_BEFORE = /(?:^|[.!?]["”’]?\s+|\n\s*)(?:(?:On|In|At|By|Later|Earlier)\b[^.,;]{0,25},\s+(?:however,\s+)?)?$/;
const SENTENCE_HEAD_BEFORE = /(?:^|[.!?]["”’]?\s+|\n\s*)(?:The\s+)?$/;

// Offices a person holds one of: "the senator" is not the person the text calls "Gov." or "Mayor".
const OFFICES = new Set([
  'senator',
  'governor',
  'mayor',
  'representative',
  'congressman',
  'congresswoman',
  'president',
  'secretary',
  'speaker',
  'judge',
  'justice',
  'general',
  'admiral',
  'minister',
  'ambassador',
  'sheriff',
]);

/**
 * The person "the senator" refers to: the salient person (as for a pronoun) unless the text gives
 * them another office, else the last person it calls a senator. Null for heads that are no office.
 */
export function resolveOffice(head: string, pos: number, index: EntityIndex, inside: Inside, sentenceStarts: number[], history: Said[]): Entity | null {
  const h = head.toLowerCase();
  if (!OFFICES.has(h)) return null;
  const titled = (e: Entity): boolean => e.descriptors.has(h);
  const untitled = (e: Entity): boolean => ![...e.descriptors].some((d) => OFFICES.has(d));
  return (
    resolvePronoun('', pos, index, inside, sentenceStarts, history, titled) ??
    resolvePronoun('', pos, index, inside, sentenceStarts, history, untitled) ??
    lastOf(index.mentions, pos, inside, (e) => e.kind === 'person' && titled(e))
  );
}

/** Whether a description's head names an organisation ("ministry", "firm"). */
export function isOrgHead(head: string): boolean {
  return ORG_WORDS.test(head.toLowerCase());
}

/** Whether a description's head names a person's role ("governor", "businessman"). */
export function isPersonHead(head: string): boolean {
  return PERSON_HEADS.test(head.toLowerCase());
}

function lastOf(mentions: Mention[], pos: number, inside: Inside, ok: (e: Entity) => boolean): Entity | null {
  for (let k = firstAtOrAfter(mentions, pos) - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (!inside(m.start) && ok(m.entity)) return m.entity;
  }
  return null;
}

function firstAtOrAfter(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function upperBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
