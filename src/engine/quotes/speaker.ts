import type { Entity, EntityIndex, Mention } from '../entities.ts';
import { isSpaceCode } from '../entities/context.ts';
import { ROLE_NOUNS } from '../entities/gazetteer.ts';
import {
  isPerson,
  isOrgHead,
  isPersonHead,
  LEAD_ADVERBIAL,
  mentionsIn,
  modifies,
  NATIONALS,
  PLATFORMS,
  resolveDescription,
  resolveOffice,
  resolvePronoun,
  subjectish,
  upperBound,
  type Inside,
  type Said,
} from './coref.ts';

// Speech verbs: base forms with their third-person, past and -ing forms generated below.
const BASES =
  'add|admit|agree|allege|announce|answer|argue|ask|boast|brand|call|caution|charge|chide|claim|complain|concede|' +
  'conclude|contend|continue|counter|declare|demand|describe|emphasize|emphasise|exclaim|explain|insist|interject|' +
  'joke|label|lament|maintain|mock|muse|note|observe|offer|opine|plead|pledge|point out|post|praise|predict|promise|' +
  'quip|recall|recount|remark|repeat|report|respond|retort|scoff|shout|state|stress|suggest|tell|testify|thank|' +
  'thunder|tweet|urge|vow|warn|whisper|wonder|write|yell|reply|acknowledge|confess|recommend|reason|insist|remember|' +
  'assert|reiterate|mention|assure|affirm|grumble|marvel|elaborate|confirm|comment|reveal|vent|proclaim|speculate|gush|express';
const IRREGULAR =
  'pressed|said|says|say|told|tells|wrote|writes|written|read|reads|sang|sings|put it|puts it|replied|replies|testified|cried|saying|telling|writing|shot back|shoots back|fired back|fires back|hit back|hits back';
// One-syllable-stress verbs ending consonant-vowel-consonant double it: admitted, quipping.
const DOUBLING = new Set(['admit', 'quip']);
function forms(base: string): string[] {
  if (DOUBLING.has(base)) return [base, `${base}s`, `${base}${base.at(-1)}ed`, `${base}${base.at(-1)}ing`];
  if (base.endsWith('ee')) return [base, `${base}s`, `${base}d`, `${base}ing`];
  const stem = base.replace(/e$/, '');
  if (base.endsWith(' out')) return [base, base.replace(' out', 's out'), base.replace(' out', 'ed out'), base.replace(' out', 'ing out')];
  const y = /[^aeiou]y$/.test(base);
  return [base, y ? `${base.slice(0, -1)}ies` : `${base}s`, y ? `${base.slice(0, -1)}ied` : `${stem}ed`, `${stem}ing`];
}
const ALL_FORMS = [...IRREGULAR.split('|'), ...BASES.split('|').flatMap(forms)].sort((x, y) => y.length - x.length);
const SAY = `(?:${ALL_FORMS.join('|')})`;
// After a quote a participle (`," adding that …`) continues the previous clause: it has no subject of its own.
const SAY_FINITE = `(?:${ALL_FORMS.filter((f) => !/ing(?: out)?$/.test(f)).join('|')})`;
// A full stop that does not end the clause: "Mr.", "U.S.", "J.", and state abbreviations in "R-Ky., said".
// Also the dot of a web address ("editor of Computerandvideogames.com told"), which ends no sentence.
const DOT =
  '(?<=\\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Capt|Maj|Sgt|Cpl|Adm|Cmdr|Det|Insp|Supt|Hon|Rev|St|Jr|Sr|Del|Pres|[A-Z]))\\.|\\.(?=,)|\\.(?=(?:com|org|net|co\\.uk)\\b)|\\([^()]{0,30}\\)';
const CLAUSE = new RegExp(`^(?:[^.;:!?\\n“"]|${DOT})*`);

/** Verb right after the quote with the subject after it: `," said Jane Doe, a lawyer.` */
const AFTER_VERB_FIRST = new RegExp(`^[\\s,.!?—–-]*(?:${SAY_FINITE}|according to)\\s+(.{1,160})`, 'i');
/** Subject then verb after the quote: `," Jane Doe, a lawyer, said.` / `," he told reporters.` */
const AFTER_SUBJECT_FIRST = new RegExp(
  `^[\\s,—–-]*((?:[^"“”.!?;]|[“"][^“"”\\n]{1,30}[”"]|${DOT}){1,140}?)\\s+(?:also\\s+|later\\s+|then\\s+|again\\s+|once\\s+|has\\s+|had\\s+|would\\s+|will\\s+|previously\\s+|recently\\s+|simply\\s+|quickly\\s+|flatly\\s+)?${SAY_FINITE}\\b`,
  'i',
);
// First words of the finite forms ("said", "shot" of "shot back"): a window holding none of them
// cannot hold the subject-then-verb attribution, so the costly pattern is not tried on it.
const FINITE_FIRST_WORDS = new Set(ALL_FORMS.filter((f) => !/ing(?: out)?$/.test(f)).map((f) => f.split(' ')[0]!));
// Their lower-cased first two letters and length (2-31), one bit each: most words of a window are
// ruled out by it before they are cut out of the text and looked up.
const shapeOf = (a: number, b: number, len: number): number => ((((a | 32) - 97) * 26 + ((b | 32) - 97)) << 5) | len;
const FINITE_SHAPES = new Uint8Array(26 * 26 * 32);
for (const w of FINITE_FIRST_WORDS) {
  if (!/^[a-z]{2,31}$/.test(w)) throw new Error(`speech verb ${w} is not 2-31 lower-case letters`);
  FINITE_SHAPES[shapeOf(w.charCodeAt(0), w.charCodeAt(1), w.length)] = 1;
}
const asciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** Whether a word ([A-Za-z]+) of `s` is one of those first words, in lower case or capitalised ("said", "Said"). */
function holdsFiniteVerb(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; ) {
    while (i < n && !asciiLetter(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && asciiLetter(s.charCodeAt(i))) i++;
    const len = i - start;
    if (len < 2 || len > 31 || FINITE_SHAPES[shapeOf(s.charCodeAt(start), s.charCodeAt(start + 1), len)] !== 1) continue;
    const w = s.slice(start, i);
    if (FINITE_FIRST_WORDS.has(w) || (w.charCodeAt(0) < 97 && FINITE_FIRST_WORDS.has(w.toLowerCase()))) return true;
  }
  return false;
}
const SPEECH_VERBS = new RegExp(`(?<![\\w-])(${SAY}|according to)\\b`, 'gi');
// "for answers", "the claims", "his remarks": a speech word after a determiner or preposition is a noun.
const NOUN_BEFORE = /\b(?:the|a|an|his|her|their|its|our|your|my|these|those|for|of|with|from|some|any|no|more|many|such|whose)\s+$/i;

/** The last speech verb of the text before a quote (RegExpExecArray-like: index, [0], [1]). */
// A verb inside quoted words (`“The government is alleging …” were provoking violence`) is the
// quoted speaker's, not a cue: `quoted` says whether an offset of the head is inside a quote.
function lastSpeechVerb(head: string, quoted: (at: number) => boolean = () => false): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  SPEECH_VERBS.lastIndex = 0;
  for (let m = SPEECH_VERBS.exec(head); m; m = SPEECH_VERBS.exec(head)) {
    if (!NOUN_BEFORE.test(head.slice(Math.max(0, m.index - 8), m.index)) && !quoted(m.index)) last = m;
  }
  return last;
}
// Verbs that take no object, so a name right after them is their subject ("explained Jo Roe"), unlike "told CBS".
const INVERTIBLE =
  /^(?:said|says|explained|added|wrote|writes|noted|recalled|remembered|continued|insisted|argued|observed|remarked|quipped|joked|replied|responded|countered|declared|concluded|conceded|cautioned|warned)$/i;
const DESCRIPTION = new RegExp(
  `\\b(?:[Tt]he|[Aa]n?|[Tt]his|[Oo]ne|[Aa]nother)\\s+(?:[\\w’'-]+\\s+){0,9}?([a-z][a-z-]+|\\d+-year-old|Democrat|Republican|Independent|${NATIONALS})\\s*$`,
);

export interface SpeakerContext {
  text: string;
  index: EntityIndex;
  inside: Inside;
  sentenceStarts: number[];
  /** Quotes attributed so far, in text order: the salience history for pronouns. */
  history: Said[];
}

// Naming verbs take a label, not speech: `called the plan a "quick fix"`.
const NAMING = /^(?:call|brand|label|describe|dub|term|name)/i;
/** The text before a quote, in its sentence, holds a verb of speech (not a naming verb). */
export function spokenBefore(head: string): boolean {
  const v = lastSpeechVerb(head);
  return v !== null && !NAMING.test(v[1]!);
}

// "one said", "said another", "a third added": someone the text does not name.
const ANONYMOUS = /^(?:one|another|a (?:second|third|fourth|fifth)|one of them|the other|others)$/i;
const PEOPLE_PLURAL = new RegExp(
  String.raw`\b(${[
    'students',
    'residents',
    'workers',
    'officials',
    'voters',
    'parents',
    'teachers',
    'neighbou?rs',
    'witnesses',
    'protesters',
    'demonstrators',
    'fans',
    'members',
    'employees',
    'nurses',
    'doctors',
    'soldiers',
    'officers',
    'farmers',
    'shoppers',
    'passengers',
    'survivors',
    'villagers',
    'tenants',
    'activists',
    'analysts',
    'experts',
    'critics',
    'lawmakers',
    'senators',
    'delegates',
    'players',
    'visitors',
    'customers',
    'owners',
    'miners',
    'drivers',
    'pilots',
    'women',
    'men',
    'people',
    'locals',
    'immigrants',
    'refugees',
    'veterans',
    'retirees',
    'guards',
    'inmates',
    'prisoners',
    'patients',
    'victims',
    'relatives',
    'friends',
    'colleagues',
    'investors',
    'traders',
    'economists',
    'diplomats',
    'users',
    'viewers',
    'readers',
    'attendees',
    'supporters',
    'opponents',
    'volunteers',
    'staffers',
    'aides',
    'advisers',
    'advisors',
    'sources',
    'commuters',
    'journalists',
    'reporters',
    'fishermen',
    'firefighters',
    'scientists',
    'researchers',
    'lawyers',
    'judges',
    'managers',
    'executives',
    'clerks',
    'cadets',
    'pupils',
    'mothers',
    'fathers',
    'children',
    'teenagers',
    'youths',
    'spectators',
  ].join('|')})\b`,
  'gi',
);
const SINGULAR: Record<string, string> = { women: 'woman', men: 'man', people: 'person', children: 'child', fishermen: 'fisherman' };

/** A description for an anonymous speaker from the group the text just named: "a student", "another resident". */
function anonymousDescription(ctx: SpeakerContext, word: string, at: number): string {
  const window = ctx.text.slice(Math.max(0, at - 600), at);
  let noun: string | null = null;
  for (const m of window.matchAll(PEOPLE_PLURAL)) noun = m[1]!.toLowerCase();
  if (!noun) return 'an unnamed speaker';
  const one = SINGULAR[noun] ?? noun.replace(/s$/, '');
  const another = /^(?:another|a (?:second|third|fourth|fifth)|the other)$/i.test(word);
  return another ? `${word.toLowerCase().replace(/^the other$/, 'another')} ${one}` : `${/^[aeiou]/.test(one) ? 'an' : 'a'} ${one}`;
}

export interface Attribution {
  /** A resolved entity, a description the text gives, or nothing. */
  entity: Entity | null;
  description: string | null;
}

/** Reads the speaker from the words right after a quote; null when they carry no speech verb. */
export function speakerAfter(ctx: SpeakerContext, from: number, limit: number): Attribution | null {
  const tail = ctx.text.slice(from, limit);
  // `"…," and Jane Doe agreed`: a conjunction opens a new clause with its own subject.
  if (/^[\s,]*(?:and|but|while|although)\s/i.test(tail)) return null;
  // A signature after a dash: `" ― Jane Doe`.
  const dash = /^\s*[―—–-]+\s*(?=\p{Lu})/u.exec(tail);
  if (dash) {
    const got = subject(ctx, tail.slice(dash[0].length, dash[0].length + 60), from + dash[0].length, 'first');
    if (got.entity) return got;
    const name = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}/u.exec(tail.slice(dash[0].length))?.[0];
    if (name) return { entity: null, description: name.replace(/\.$/, '') };
  }
  // `"…," the agency quoted Peoplesoft worker Dan Ogden as saying`: the one quoted speaks.
  // The pattern is sought only in a tail that holds its word "quoted".
  const quoted = tail.includes('quoted') ? QUOTED_AS_SAYING.exec(tail) : null;
  if (quoted) {
    const got = subject(ctx, quoted[1]!, from + quoted.index + quoted[0].lastIndexOf(quoted[1]!), 'last');
    if (got.entity || got.description) return got;
  }
  const v = AFTER_VERB_FIRST.exec(tail);
  if (v) {
    const subjStart = from + v.index + v[0].length - v[1]!.length;
    // `," said the candidate could win in Ohio`: a clause with its own verb follows, not an inverted subject.
    const clause = CLAUSE.exec(v[1]!)![0];
    const got = COMPLEMENT.test(clause) ? null : subject(ctx, clause, subjStart, 'first');
    if (got && (got.entity || got.description)) return got;
  }
  // The pattern reads at most 140 characters of subject after the opening punctuation, then an adverb and the verb.
  const lead = /^[\s,—–-]*/.exec(tail)![0].length;
  // Not after a verb right after the quote: in `," said the candidate could win in states like …` no
  // subject comes before a later "states".
  const found = !v && holdsFiniteVerb(tail.slice(lead, lead + 200)) ? AFTER_SUBJECT_FIRST.exec(tail) : null;
  // `” after Super Tuesday voting in 11 states`: words opening with a preposition and no comma
  // before the "verb" are an adverbial with a noun in it, not a subject.
  const s = found && PREPOSITION_RUN.test(found[1]!) ? null : found;
  // `"…" if she lost by less, said Jo Roe`: the words before ", said" are the sentence's own clause,
  // and the subject is the name after the verb.
  const inverted = s && /^[a-z]/.test(s[1]!) && /,$/.test(s[1]!) ? laterInverted(ctx, tail, from) : null;
  if (inverted) return inverted;
  // `” Monday, Roe refrained from attacking Lane and Weber, who say …`: a relative clause's verb attributes nothing.
  if (s && !/\b(?:who|which|that)$/i.test(s[1]!.trimEnd())) {
    const subjStart = from + s.index + s[0].indexOf(s[1]!);
    const got = subject(ctx, s[1]!, subjStart, 'last');
    if (got.entity || got.description) return got;
  }
  // `“…” at best, said Jane Doe.`: a partial quote whose sentence ends in an inverted attribution.
  return laterInverted(ctx, tail, from);
}

function laterInverted(ctx: SpeakerContext, tail: string, from: number): Attribution | null {
  const later = LATER_INVERTED.exec(tail);
  if (!later) return null;
  const rest = tail.slice(later[0].length);
  const w = AFTER_VERB_FIRST.exec(rest);
  // The subject after the verb is a name or a noun phrase, not "said matter-of-factly as …".
  if (!w || !/^(?:\p{Lu}|(?:the|a|an)\s)/u.test(w[1]!)) return null;
  const got = subject(ctx, CLAUSE.exec(w[1]!)![0], from + later[0].length + w.index + w[0].length - w[1]!.length, 'first');
  return got.entity || got.description ? got : null;
}

const PREPOSITION_RUN =
  /^\s*(?:after|before|in|on|at|during|for|from|with|since|until|over|under|amid|despite|about|of|into|through|across|among|between)\s[^,]*$/;
const COMPLEMENT = /^\s*(?:the|a|an|his|her|their|its)\s+(?:[a-z-]+\s+){0,2}?(?:could|would|will|should|may|might|must|can|is|was|were|are|has|had|have)\s/;
const SAID_BEFORE_PARTICIPLE = new RegExp(`(?<=\\s)${SAY_FINITE}(?:\\s+(?:on\\s+\\p{Lu}\\p{Ll}+|in a statement|in an interview|later|too))?,\\s*$`, 'u');
// A short quoted word on the way does not end the sentence: `“…,” aside from knowing each other “casually,” said X`.
const LATER_INVERTED = /^(?:[^“"”.!?;:\n]|[“"][^“"”\n]{1,30}[”"]){1,240}?,\s*(?=(?:said|says|added|wrote|according to)\s)/i;

/** `.” Jane Doe said.`: a short sentence after a closed quote that only says who spoke. */
export const SAID_SENTENCE = new RegExp(
  `^\\s*(?:(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,4}\\p{Lu}[\\p{L}'’-]*|[Hh]e|[Ss]he|[Tt]hey)\\s+(?:also\\s+|later\\s+)?${SAY_FINITE}(?:\\s+(?:on\\s+\\p{Lu}\\p{Ll}+|yesterday|today|tonight|later|in a statement|in an interview))?\\s*[.;]`,
  'u',
);

/** Reads the speaker from the clause before a quote: `Jane Doe said: "…"`, `X: "…"`, `According to X, "…"`. */
export function speakerBefore(ctx: SpeakerContext, from: number, to: number): Attribution | null {
  const head = ctx.text.slice(from, to);
  const agent = passiveAgent(ctx, head, from);
  if (agent) return agent;
  // "As the Ledger reported, the ministry was refusing to call it a failure: “…”": the source the
  // sentence opens with, unless a later finite speech verb has a subject of its own.
  // The pattern runs only on heads whose first letter is "A" (65).
  const as = head.length > 12 && head.charCodeAt(head.search(/\S/)) === 65 ? AS_SOURCE.exec(head) : null;
  if (as) {
    const later = lastSpeechVerb(head.slice(as[0].length));
    if (!later || /\bto\s+$/.test(head.slice(as[0].length, as[0].length + later.index))) {
      const got = subject(ctx, as[1]!, from + as[0].indexOf(as[1]!), 'last');
      if (got.entity) return got;
    }
  }
  // "will continue to be “…”" is not speech: its subject is not the one reporting.
  const v = lastSpeechVerb(CONTINU.test(head) ? head.replace(NOT_SPEECH, (w) => ' '.repeat(w.length)) : head, (at) => ctx.inside(from + at));
  // "his remark that “…”", "Jo Roe’s claim that “…”": the possessor said it, unless a speech verb
  // follows. Only with "that" or a colon: "called Roe’s remarks “a disgrace”" judges them.
  // The pattern ends in "that" or a colon: most heads are ruled out by their last characters.
  const poss = POSSESSED_END.test(head.slice(-8)) ? POSSESSED_SPEECH.exec(head.slice(-120)) : null;
  if (poss) {
    const at = from + Math.max(0, head.length - 120) + poss.index;
    // The noun itself can read as a verb ("remark", "claim"): only a verb after it counts.
    const noun = at + poss[0].lastIndexOf(poss[2]!);
    if (!v || from + v.index <= noun) {
      const got = possessor(ctx, poss[1]!, at);
      if (got) return got;
    }
  }
  if (v) {
    // "…, explained Jo Roe, “…”": an inverted verb with its subject right before the quote.
    const rest = head.slice(v.index + v[0].length);
    // Also as the sentence before an uncued quote: "…, said Jo Roe, a historian at Acme College. “…”".
    if (INVERTIBLE.test(v[1]!) && /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*\s*(?:,[^,.;!?]*)?[,:.]\s*$/u.test(rest)) {
      const got = subject(ctx, rest, from + v.index + v[0].length, 'first');
      if (got.entity) return got;
    }
    // "The paradox of it, says Jo Roe, a historian at Acme College, is that “…”": a parenthetical inverted verb.
    if (INVERTIBLE.test(v[1]!) && /,\s*$/.test(head.slice(0, v.index))) {
      const named = /^\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}.'’-]*\s*,/u.exec(rest);
      const got = named ? subject(ctx, named[0], from + v.index + v[0].length, 'first') : null;
      if (got?.entity) return got;
    }
    if (/^according to$/i.test(v[1]!)) {
      const got = subject(ctx, head.slice(v.index + v[0].length), from + v.index + v[0].length, 'first');
      if (got.entity || got.description) return got;
    }
    if (/ing$/i.test(v[1]!)) {
      // "footage of Trump saying, …": the name right before the participle speaks.
      const m = ctx.index.mentions.find((x) => x.end <= from + v.index && /^\s*$/.test(ctx.text.slice(x.end, from + v.index)) && x.start >= from);
      // Not a platform: "responded to the question on Facebook writing, …" is the subject's.
      if (m && m.entity.kind !== 'place' && !PLATFORMS.test(m.entity.name)) return { entity: m.entity, description: null };
      // "…, Jo Roe said, adding, …": the participle continues the speech verb before it.
      const said = SAID_BEFORE_PARTICIPLE.exec(head.slice(0, v.index));
      if (said) {
        const got = subject(ctx, head.slice(0, said.index), from, 'last');
        if (got.entity) return got;
      }
      // "X attacked Y for …, saying, …": the participle continues the main clause, whose subject speaks.
      // Also after a partial quote's closing mark ("… “city values,” stating …").
      if (/,[”"’']?\s*$/.test(head.slice(0, v.index))) {
        const main = clauseSubject(ctx, from, from + v.index);
        if (main?.entity) return main;
      }
      // "He sent out an email as the committee meeting began vowing to “…”": after a subordinate
      // clause a participle with no comma still continues the main clause, not "the meeting".
      if (SUBORDINATE_THEN_VERB.test(head.slice(0, v.index))) {
        const main = clauseSubject(ctx, from, from + v.index);
        if (main?.entity) return main;
      }
    }
    // "…, said Jo Roe, a consultant who said she would …": a relative clause's speaker is its antecedent.
    // "… was welcomed by Beijing, which described it as “…”": an organisation or a place speaking
    // through its government, named right before the comma.
    const which = /,\s*which\s+(?:also\s+|later\s+)?$/.exec(head.slice(0, v.index));
    if (which) {
      const ante = mentionsIn(ctx.index, from, from + which.index).find((x) => x.end === from + which.index && !ctx.inside(x.start));
      if (ante && !PLATFORMS.test(ante.entity.name)) return { entity: ante.entity, description: null };
    }
    const relative = /,[^,]*\bwho\s+(?:also\s+|later\s+)?$/.exec(head.slice(0, v.index));
    if (relative) {
      // The antecedent heads the clause: "said Jo Roe, the director of the Roe Institute, who said".
      // With no subject there, the person right before the comma: "… was steep for Mr. Roe, who said".
      const people = mentionsIn(ctx.index, from, from + relative.index).filter((x) => isPerson(x.entity, ctx.text) && !ctx.inside(x.start));
      const ante = people.find((x) => subjectish(ctx.text, x, from)) ?? people.find((x) => x.end === from + relative.index);
      if (ante) return { entity: ante.entity, description: null };
    }
    let lo = 0;
    // The subject sits in the clause that holds the verb; a comma-free run back to a clause start.
    const left = head.slice(0, v.index);
    const cut = Math.max(left.lastIndexOf(';'), left.lastIndexOf('—'), clauseOpener(left));
    if (cut > 0) lo = cut;
    // "She defended the foundation, but admitted “…”": a verb with no subject of its own shares the main clause's.
    // "Rep. Jo Roe slams Lane, praises Weber as “…”": after a verb and its object, a comma joins another verb of the same subject.
    const conjoined =
      /\b(?:and|but)\s+(?:also\s+|later\s+|then\s+|quickly\s+|now\s+|still\s+|again\s+|instead\s+)?$/i.exec(left) ??
      (left.trimEnd().endsWith(',') ? /\s\p{Ll}+(?:s|ed)\s+[^,;]*?(,)\s*$/u.exec(left) : null);
    if (conjoined && conjoined.index > 0) {
      const main = clauseSubject(ctx, from, from + conjoined.index);
      if (main?.entity) return main;
    }
    const got = subject(ctx, left.slice(lo), from + lo, 'last');
    if (got.entity || got.description) return got;
    if (lo > 0) {
      const wider = subject(ctx, left, from, 'last');
      if (wider.entity || wider.description) return wider;
    }
  }
  // "More from Jones: “…”": a blog's way to go on quoting someone; the name follows a preposition.
  const more = head.endsWith(':') || head.endsWith(': ') ? MORE_FROM.exec(head.slice(-80)) : null;
  if (more) {
    const at = from + Math.max(0, head.length - 80) + more.index + more[0].indexOf(more[1]!);
    const m = mentionsIn(ctx.index, at, at + more[1]!.length).find((x) => x.entity.kind !== 'place' && !ctx.inside(x.start));
    if (m) return { entity: m.entity, description: null };
  }
  // Checked on the last 90 characters only: the pattern is anchored at the end of a long head.
  const colon = head.trimEnd().endsWith(':') ? COLON_ATTRIBUTION.exec(head.slice(-90)) : null;
  if (colon) {
    const got = subject(ctx, colon[1]!, from + Math.max(0, head.length - 90) + colon.index, 'last');
    if (got.entity) return got;
  }
  return null;
}

const SUBORDINATE_THEN_VERB = /\s(?:as|when|while|after|before|because|since|until)\s+[^,;]*\s\p{Ll}+\s+$/u;
const AS_SOURCE =
  /^\s*As\s+((?:the\s+)?(?:\p{Lu}[\p{L}.'’&-]*\s+){0,4}\p{Lu}[\p{L}.'’&-]*)\s+(?:first\s+|also\s+|previously\s+)?(?:reported|reports|noted|notes|wrote|writes|said|says|explained|explains|put it|puts it)\b[^,:]*,/u;
const MORE_FROM = /(?:^|[.!?]\s+|\n\s*|[-–—]\s+)(?:And\s+)?(?:More|Much more|Still more)\s+from\s+((?:the\s+)?\p{Lu}[^:\n]{0,50}):\s*$/u;
// `Jane K. Doe: “…”`: the clause before a colon, reading through initials and titles ("Mr.").
const COLON_ATTRIBUTION = new RegExp(`((?:[^.!?;:\\n]|${DOT}){1,80}):\\s*$`);
// "will continue to be", "predicts will continue “…”": continuing is not reporting.
// Both of NOT_SPEECH's alternatives hold "continu": a head without it is left as it is.
const CONTINU = /continu/i;
const NOT_SPEECH = /\bcontinu(?:e|es|ed|ing)\s+to\b|\b(?:will|would|could|may|might|must|should|can)\s+continue\b/gi;

const POSSESSED_END = /(?:that,?|:)\s*$/u;
const POSSESSED_SPEECH =
  /(?:^|[\s(])((?:his|her)|(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}.-]*['’]s?)\s+(?:[a-z-]+\s+){0,2}?(comments?|remarks?|assertion|claims?|statements?|words|promise|pledge|warning|vow|quip|declaration|insistence|argument|suggestion|call|description|admission|boast|prediction|response|reply|answer|complaint|accusation)\s+(?:[^.!?;"“”]{0,40}\s)?(?:that,?|:)\s*$/u;

function possessor(ctx: SpeakerContext, who: string, at: number): Attribution | null {
  if (/^(?:his|her)$/.test(who)) {
    const e = resolvePronoun(who === 'his' ? 'he' : 'she', at, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history);
    return e ? { entity: e, description: null } : null;
  }
  const name = who.replace(/['’]s?$/, '');
  const m = mentionsIn(ctx.index, at, at + who.length + 1).find((x) => x.end <= at + 1 + name.length + 1 && x.entity.kind !== 'place');
  return m ? { entity: m.entity, description: null } : null;
}

// Where the last clause of `left` opens with a conjunction and runs to the end without a comma, as
// left.search(/\b(?:and|…|that)\s+[^,]*$/) finds it; -1 when none does. Such a match lies after the
// last comma, and the comma before it is no word character, so only the text after it is searched
// (the pattern was otherwise tried at every conjunction, each read up to the next comma).
const CLAUSE_OPENER = /\b(?:and|but|while|when|because|as|after|before|that)\s+[^,]*$/;
function clauseOpener(left: string): number {
  const from = left.lastIndexOf(',') + 1;
  const k = (from > 0 ? left.slice(from) : left).search(CLAUSE_OPENER);
  return k < 0 ? -1 : from + k;
}

// s.replace(/^[\s,“"‘]+|[\s,]+$/g, ''), read by char code: the pattern tried [\s,]+$ at every character.
function bareSubject(s: string): string {
  let from = 0;
  while (from < s.length && isSubjectOpener(s.charCodeAt(from))) from++;
  let to = s.length;
  while (to > from && (s.charCodeAt(to - 1) === 44 || isSpaceCode(s.charCodeAt(to - 1)))) to--;
  return s.slice(from, to);
}

// [\s,“"‘]
function isSubjectOpener(c: number): boolean {
  return c === 44 || c === 0x201c || c === 34 || c === 0x2018 || isSpaceCode(c);
}

function subject(ctx: SpeakerContext, s: string, at: number, pick: 'first' | 'last'): Attribution {
  // "The actor, whose films include A, B and C, said:": the relative clause set off before the verb
  // describes the subject; the names in it do not speak.
  const relative = pick === 'last' ? RELATIVE_BEFORE_VERB.exec(s) : null;
  if (relative && /\p{L}/u.test(s.slice(0, relative.index))) return subject(ctx, s.slice(0, relative.index), at, pick);
  const end = at + s.length;
  const bare = bareSubject(s);
  if (ANONYMOUS.test(bare)) return { entity: null, description: anonymousDescription(ctx, bare, at) };
  // A place after "Town," is part of an address ("Scranton, Pa."), not a subject.
  const address = (m: Mention): boolean => m.entity.kind === 'place' && /\p{L}\.?,\s*$/u.test(ctx.text.slice(Math.max(at, m.start - 4), m.start));
  const ms: Mention[] = mentionsIn(ctx.index, at, end).filter(
    (m, k, arr) =>
      m.end <= end &&
      !ctx.inside(m.start) &&
      subjectish(ctx.text, m, at) &&
      !address(m) &&
      !modifies(ctx.text, m, arr[k + 1]) &&
      !qualifiesNoun(ctx.text, m, at),
  );
  const persons = ms.filter((m) => isPerson(m.entity, ctx.text));
  const others = ms.filter((m) => m.entity.kind !== 'place');
  // A country or city speaks through its government ("Japan said"): last resort after people and organisations.
  const pool = persons.length
    ? persons
    : others.length
      ? others
      : ms.filter((m) => !/\b(?:the|a|an)\s+$/i.test(ctx.text.slice(Math.max(at, m.start - 5), m.start)));
  // "Jane Doe, who once worked for John Roe, said": a name opening the clause and followed by an
  // apposition is the subject, not the last name before the verb.
  const opener =
    pool[0] && /^[\s“"‘]*(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}$/u.test(ctx.text.slice(at, pool[0].start)) && ctx.text[pool[0].end] === ',' ? pool[0] : undefined;
  // "Governor Anna Weber, Mark Lane said, has …": a name right before the verb is its subject.
  const last = pool[pool.length - 1];
  // "the website Politco says": an organisation right before the verb is its subject, even with a person earlier.
  const closest = others[others.length - 1];
  // Not one inside a prepositional phrase after a person ("Dr Jo Roe, director at digital content firm THX, told").
  const governed = (m: Mention): boolean =>
    persons.length > 0 && m.entity.kind !== 'person' && ORG_AFTER_PREPOSITION.test(ctx.text.slice(Math.max(at, m.start - 50), m.start));
  const adjacent = [last, closest].find((m) => m && /^\s*$/.test(ctx.text.slice(m.end, end)) && !governed(m));
  // "said Ohio’s Jo Roe, a consultant and longtime Lane critic": the name right after an inverted
  // verb is its subject whatever kind the tagger gave it; a person later in the apposition is not.
  const leading =
    others[0] &&
    /^[\s,]*(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}$/u.test(ctx.text.slice(at, others[0].start)) &&
    /^,\s+(?:a|an|the)\s/.test(ctx.text.slice(others[0].end, others[0].end + 6))
      ? others[0]
      : undefined;
  const m = pick === 'first' ? (leading ?? pool[0]) : (adjacent ?? opener ?? last);
  // "The Judge wrote": an office after "the" is a description even when the tagger made the
  // capitalised word a name; it refers to the person the text gave that office.
  // So is a nationality ("said the New Zealander"), resolved like a role no one was introduced with.
  if (m && /\b[Tt]he\s+$/.test(ctx.text.slice(Math.max(at, m.start - 4), m.start))) {
    const national = NATIONAL_NAME.test(m.entity.name);
    const e = national
      ? resolvePronoun('', m.start, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history, (x) => x !== m.entity)
      : !/\s/.test(m.entity.name)
        ? resolveOffice(m.entity.name, m.start, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history)
        : null;
    if (e) return { entity: e, description: null };
  }
  const pron = PRONOUN_IN.exec(s);
  if (pron) {
    // After the verb the pronoun counts only right after it ("said he"); before the verb, only
    // right before it ("…, she said"): a pronoun elsewhere belongs to another clause.
    const usable =
      pick === 'first'
        ? pron.index < 12 && (!m || pron.index < m.start - at)
        : /^\s*(?:also\s+|later\s+|then\s+|has\s+|had\s+|would\s+|will\s+)?$/i.test(s.slice(pron.index + pron[0].length));
    const lastPron = pick === 'last' ? lastPronoun(s) : pron;
    if ((usable || (!m && lastPron)) && lastPron) {
      const body = /^it$/i.test(lastPron[1]!) ? describedBody(ctx, at + lastPron.index) : null;
      if (body) return { entity: null, description: body };
      // `Mr Crosby's statement said: "…" It added: "…"`: "it" is the document the last quote came from.
      const doc = /^it$/i.test(lastPron[1]!) ? documentSpoke(ctx, at + lastPron.index) : null;
      if (doc) return { entity: doc, description: null };
      const e = resolvePronoun(lastPron[1]!, at + lastPron.index, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history);
      if (e) return { entity: e, description: null };
      // No name to refer to: "The mayor said … “…,” she said" is the mayor's, as a description.
      if (!m && /^(?:he|she)$/i.test(lastPron[1]!)) {
        const described = unnamedAntecedent(ctx, at + lastPron.index);
        if (described) return { entity: null, description: described };
      }
    }
  }
  // "A statement from Chelsea … read:": a document speaks for whoever issued it.
  const issued = DOCUMENT_FROM.exec(s);
  if (issued) {
    const by = at + issued.index + issued[0].length;
    const who = mentionsIn(ctx.index, by, by + 5).find((x) => !ctx.inside(x.start));
    if (who) return { entity: who.entity, description: null };
  }
  // "Mr Tanzi's statement said": the possessor issued it (a subject of its own comes first:
  // "said Jo Roe, … about Lane's statement").
  const owned = m || !endsWithDocument(s) ? null : OWNED_DOCUMENT.exec(s);
  if (owned) {
    const end = at + owned.index + owned[1]!.length;
    const owner = mentionsIn(ctx.index, Math.max(at, end - 60), end).find((x) => x.end === end && !ctx.inside(x.start) && x.entity.kind !== 'place');
    if (owner) return { entity: owner.entity, description: null };
  }
  // "But Lane has one thing in common with Roe, the columnist suggested:": a description right
  // before the verb, after a comma, is its subject, not a name in the clause before the comma.
  const tail = m && pick === 'last' ? TAIL_DESCRIPTION.exec(s) : null;
  const roleBeforeVerb = tail !== null && m!.end <= at + tail.index && (isPersonHead(tail[1]!) || isOrgHead(tail[1]!) || DOCUMENT_HEADS.test(tail[1]!));
  if (m && !roleBeforeVerb) return { entity: m.entity, description: null };
  const clause = roleBeforeVerb ? s.slice(tail!.index + 1) : pick === 'first' ? /^[^,]*/.exec(s)![0] : s;
  // "The governor, speaking in Dayton, said": a description opening the clause before an apposition.
  // "The president also said": adverbs and auxiliaries before the verb are not the description's head.
  // "The retired surgeon addressed his plans …, remarking “…”": a person's role heading the clause
  // with its verb after it is the description, not the clause up to its object.
  const role = ROLE_THEN_VERB.exec(clause);
  const described = role && isPersonHead(role[2]!) ? clause.slice(0, role.index + role[0].indexOf(role[1]!) + role[1]!.length) : clause;
  const d =
    DESCRIPTION.exec(described.replace(/\s+(?:in|on|at|during|with|from)\s+.*$|\s+to\s+(?=\p{Lu}).*$/u, '').replace(TRAILING_ADVERBS, '')) ??
    (pick === 'last' ? openingDescription(clause) : null);
  // "The EU's move was welcomed", "the standard of proof to be applied": a clause, not a noun phrase.
  if (d && !CLAUSE_IN_DESCRIPTION.test(d[0])) {
    const unnamed = /^the\b/i.test(d[0].trim()) ? unnamedEarlier(ctx, d[1]!, at) : null;
    if (unnamed) return { entity: null, description: unnamed };
    let e =
      (/^the\b/i.test(d[0].trim()) ? resolveOffice(d[1]!, at + d.index, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history) : null) ??
      resolveDescription(d[1]!, at, ctx.index, ctx.inside, /^the\b/i.test(d[0].trim()));
    // "The New York businessman said": a definite description of a person's role refers to the salient person.
    if (!e && /^the\b/i.test(d[0].trim()) && isPersonHead(d[1]!)) e = resolvePronoun('', at + d.index, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history);
    // "The letter says": a document speaks for whoever last spoke or was the subject before it.
    if (!e && /^the\b/i.test(d[0].trim()) && DOCUMENT_HEADS.test(d[1]!))
      e = ctx.history[ctx.history.length - 1]?.entity ?? resolvePronoun('', at + d.index, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history);
    const desc = d[0].trim();
    return { entity: e, description: desc.split(/\s+/).length <= 8 ? desc : null };
  }
  // "Mr Blair's official spokesman said:": someone speaking for a named person, never that person
  // ("Obama's former campaign strategist" is rather the person the text is about, left to the neighbours).
  const ownedRole = m ? null : POSSESSED_SPOKESMAN.exec(described.replace(TRAILING_ADVERBS, ''));
  if (ownedRole) return { entity: null, description: ownedRole[0].trim() };
  return { entity: null, description: null };
}

const POSSESSED_SPOKESMAN =
  /(?<![\p{L}’']\s?)(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,3}['’]s\s+(?:[a-z-]+\s+){0,2}?(?:spokesman|spokeswoman|spokesperson|press secretary)\s*$/u;
const RELATIVE_BEFORE_VERB = /,\s+(?:who|whose|which)\s[^"“”,;.]*(?:,[^"“”,;.]*)*,\s*$/;

const DOCUMENT_SAID = new RegExp(`\\b(?:statement|letter|report|release|memo|e-?mail|message|note)\\s+(?:${SAY_FINITE}|read|reads)\\b`);
function documentSpoke(ctx: SpeakerContext, pos: number): Entity | null {
  const last = ctx.history[ctx.history.length - 1];
  if (!last || pos - last.at > 400) return null;
  // The document is the subject of the cue of the last quote, between the sentence before it and here.
  const k = upperBound(ctx.sentenceStarts, last.at) - 1;
  const from = k >= 0 ? ctx.sentenceStarts[k]! : 0;
  let words = '';
  for (let i = from; i < pos; i++) if (!ctx.inside(i)) words += ctx.text[i];
  return DOCUMENT_SAID.test(words) ? last.entity : null;
}

// "The US government rejected the ban. … “…,” it said": a public body the text only describes,
// heading a recent sentence with no organisation named since, is what "it" stands for.
const DESCRIBED_BODY =
  /(?:^|[.!?]["”’]?\s+|\n\s*)(The\s+(?:[\p{L}.-]+\s+){0,3}?(government|ministry|administration|embassy|regulator|authorities|police))\s+(?!of\b|for\b|in\b)/gu;
function describedBody(ctx: SpeakerContext, pos: number): string | null {
  const from = Math.max(0, pos - 400);
  let found: { desc: string; at: number; head: string } | null = null;
  for (const m of ctx.text.slice(from, pos).matchAll(DESCRIBED_BODY)) {
    const at = from + m.index + m[0].indexOf(m[1]!);
    if (!ctx.inside(at)) found = { desc: m[1]!, at, head: m[2]! };
  }
  if (!found) return null;
  // A body named since, or one whose name holds the head ("Ministry of Health"), is the referent.
  if (mentionsIn(ctx.index, found.at, pos).some((x) => x.entity.kind === 'org' && !ctx.inside(x.start))) return null;
  if (ctx.index.entities.some((e) => e.kind === 'org' && e.name.toLowerCase().includes(found.head))) return null;
  return found.desc.replace(/^The/, 'the');
}

// "A Green spokesman said Mr Holm's … . “…,” the spokesman added": the spokesman the text last
// introduced without a name is the one meant, not a person named after his verb.
const UNNAMED_HEADS = /^(?:spokesman|spokeswoman|spokesperson|official|source|aide|insider)$/;
function unnamedEarlier(ctx: SpeakerContext, head: string, at: number): string | null {
  if (!UNNAMED_HEADS.test(head)) return null;
  const from = Math.max(0, at - 600);
  const before = ctx.text.slice(from, at);
  let last: RegExpExecArray | null = null;
  for (const m of before.matchAll(new RegExp(`\\b${head}\\b`, 'g'))) if (!ctx.inside(from + m.index)) last = m;
  if (!last) return null;
  const intro = new RegExp(`\\b[Aa]n?\\s+(?:[\\p{L}'’-]+\\s+){0,3}?${head}$`, 'u').exec(before.slice(Math.max(0, last.index - 60), last.index + head.length));
  // Named right after ("a spokesman, Jo Roe,", "spokesman Jo Roe"): that person is meant.
  if (!intro || /^[\s,]*(?:\p{Lu}|for\s)/u.test(before.slice(last.index + head.length, last.index + head.length + 6))) return null;
  return intro[0].replace(/^A/, 'a');
}

/**
 * The definite description of a person ("the mayor", "the retired judge") that opens a sentence of
 * the same paragraph before `pos`, when the text names no one there: the only referent a he/she can have.
 */
function unnamedAntecedent(ctx: SpeakerContext, pos: number): string | null {
  const para = ctx.text.lastIndexOf('\n', pos - 1) + 1;
  if (ctx.index.mentions.some((x) => x.start >= para && x.start < pos && x.entity.kind === 'person')) return null;
  let found: string | null = null;
  for (const m of ctx.text
    .slice(para, pos)
    .matchAll(/(?:^|[.!?]\s+|[—–]\s+)[“"]?([Tt]he\s+(?:[a-z-]+\s+){0,2}?([a-z-]+))\s+(?:[a-z]+ed|said|says|told|is|was|has|had|will|would)\b/g)) {
    if (isPersonHead(m[2]!)) found = m[1]!.replace(/^The/, 'the');
  }
  return found;
}

// "one Weber confidant", "a Lane spokesman": a name between a determiner and a noun only qualifies that noun.
// "the Senate minority leader", "the Westfield senator", "the RNC member": after "the", only before a role noun.
function qualifiesNoun(text: string, m: Mention, lo: number): boolean {
  const before = text.slice(Math.max(lo, m.start - 20), m.start);
  // "A defensive Obama said": a verb after the name makes it the subject, not a noun's modifier.
  if (/\b(?:one|a|an|another|two|three|several|some|many|other)\s+(?:[a-z-]+\s+)?$/i.test(before)) {
    const next = /^\s+([a-z][a-z-]+)/.exec(text.slice(m.end, m.end + 30));
    return next !== null && !FINITE_FIRST_WORDS.has(next[1]!);
  }
  if (!/\b[Tt]he\s+(?:[a-z-]+\s+)?$/.test(before)) return false;
  // Any of the next three lower-case words may be the role: "the Senate minority leader".
  const words = /^\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\b(?!\s+(?:of|for)\b)/.exec(text.slice(m.end, m.end + 40));
  // "the Tory source", "the White House insider": an anonymous speaker described by the side they are on.
  return words !== null && words[1]!.split(/\s+/).some((w) => isPersonHead(w) || ROLE_NOUNS.has(w) || ANONYMOUS_HEADS.test(w));
}

const QUOTED_AS_SAYING = /^[\s,]*(?:[^.!?;:“”"\n]{0,60}?\s)?quoted\s+([^.!?;:“”"\n]{1,80}?)\s+as\s+(?:saying|telling)\b/;
const ORG_AFTER_PREPOSITION = /\b(?:at|of|for|from|with)\s+(?:[a-z-]+\s+){1,4}$/;
const ANONYMOUS_HEADS = /^(?:member|employee|source|sources|insider|insiders)$/;
const NATIONAL_NAME = new RegExp(`^(?:${NATIONALS})$`);
const CLAUSE_IN_DESCRIPTION = /\s(?:is|was|were|are|been|being|to be|to have)\s/;
const TRAILING_ADVERBS =
  /(?:\s+(?:also|later|then|again|once|still|previously|recently|simply|quickly|flatly|has|had|have|would|will|did|does|had|is|was|are|were|now|further|even|repeatedly|publicly|privately|separately|initially|first|earlier|reportedly|allegedly|apparently))+\s*$/i;
// "The governor, speaking in Dayton, said", not "The hand-written, four-page lawsuit said": the
// word before the comma must be a noun for a person, an organisation or a document.
function openingDescription(clause: string): RegExpExecArray | null {
  const d = OPENING_DESCRIPTION.exec(clause);
  return d && (isPersonHead(d[1]!) || isOrgHead(d[1]!) || DOCUMENT_HEADS.test(d[1]!)) ? d : null;
}
const OPENING_DESCRIPTION = /^[\s“"‘]*(?:[Tt]he)\s+(?:[\w’'-]+\s+){0,5}?([a-z][a-z-]+)(?=\s*,)/;
const DOCUMENT_HEADS =
  /^(?:letter|book|memoir|ad|advert|spot|clip|video|report|memo|ruling|decision|statement|article|piece|study|survey|complaint|brief|filing|lawsuit|petition|email|tweet|post|message|release|document|op-ed|editorial|column|speech)$/;
const DOCUMENT_FROM =
  /\b(?:statement|letter|report|release|memo|e-?mail|message|note)\s+(?:(?:issued|released|sent|put out)\s+)?(?:from|by|on behalf of)\s+(?:the\s+)?(?=\p{Lu})/u;
const TAIL_DESCRIPTION = /,\s+[Tt]he\s+(?:[\w’'-]+\s+){0,3}?([a-z][a-z-]+)\s*$/;
const OWNED_DOCUMENT =
  /((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.-]*)['’]s?\s+(?:[a-z-]+\s+)?(?:statement|letter|report|release|memo|e-?mail|message|note)\s*$/u;
// OWNED_DOCUMENT ends with one of these words before trailing white space: a clause that does not is
// not searched (the pattern was tried at every capital).
const DOCUMENT_ENDS = ['statement', 'letter', 'report', 'release', 'memo', 'mail', 'message', 'note'];
function endsWithDocument(s: string): boolean {
  const t = s.trimEnd();
  return DOCUMENT_ENDS.some((word) => t.endsWith(word));
}
const PRONOUN_IN = /\b(he|she|they|it|we|I)\b/i;
function lastPronoun(s: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  const re = /\b(he|she|they|it|we|I)\b/gi;
  for (let m = re.exec(s); m; m = re.exec(s)) last = m;
  return last;
}

const SPEECH_IN = new RegExp(`(?<![\\w-])${SAY}\\b`, 'i');

/** The subject at the head of the clause before a quote, for quotes without a speech verb. */
export function clauseSubject(ctx: SpeakerContext, from: number, to: number): Attribution | null {
  const head = ctx.text.slice(from, to);
  let lead = /^[\s“"‘]*/.exec(head)![0].length;
  const adverbial = LEAD_ADVERBIAL.exec(head.slice(lead))![0];
  // "As Jo Roe puts it, …" is the attribution itself, not an opener to skip.
  if (!(/^(?:As|as)\s/.test(adverbial) && SPEECH_IN.test(adverbial))) lead += adverbial.length;
  // "Gov. Jo Roe signed an order, while Tom Baker, the former governor, proposed “…”": the clause
  // after the conjunction has its own subject.
  const turned = mentionsIn(ctx.index, from + lead, to).findLast(
    (x) =>
      isPerson(x.entity, ctx.text) &&
      !ctx.inside(x.start) &&
      TURN_BEFORE.test(ctx.text.slice(Math.max(from, x.start - 40), x.start)) &&
      MAIN_VERB_AFTER.test(ctx.text.slice(x.end, x.end + 90).replace(APPOSITION, '')),
  );
  if (turned) return { entity: turned.entity, description: null };
  const near = mentionsIn(ctx.index, from + lead, from + lead + 45);
  const m = near.find(
    (x, k) => x.end <= to && !ctx.inside(x.start) && subjectish(ctx.text, x, from) && !modifies(ctx.text, x, near[k + 1]) && !qualifiesNoun(ctx.text, x, from),
  );
  if (m && /^(?:[A-Z][\w.’'-]*\s+){0,4}$/.test(ctx.text.slice(from + lead, m.start))) {
    // "Weber’s Ohio state director, Tom Baker, wrote": the person in apposition to a role is the subject.
    const named =
      m.entity.kind === 'person'
        ? undefined
        : mentionsIn(ctx.index, m.end, m.end + 40).find((x) => x.entity.kind === 'person' && /^(?:\s+[a-z-]+){1,3},\s+$/.test(ctx.text.slice(m.end, x.start)));
    return { entity: (named ?? m).entity, description: null };
  }
  const pron = /^(he|she|they|it)\b/i.exec(head.slice(lead));
  // "It was a strong week for Roe, as …", "It's “…”": an "it" before a copula is no one.
  if (pron && !(/^it$/i.test(pron[1]!) && /^(?:\s+(?:is|was|has been|had been)|['’]s)\b/.test(head.slice(lead + 2, lead + 16)))) {
    const e = resolvePronoun(pron[1]!, from + lead, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history);
    return e ? { entity: e, description: null } : null;
  }
  const d = ROLE_THEN_VERB.exec(head.slice(lead));
  if (d) {
    // "The Florida senator sought to …": a role no one was introduced with refers to the salient person.
    const e =
      resolveOffice(d[2]!, from + lead, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history) ??
      resolveDescription(d[2]!, from, ctx.index, ctx.inside) ??
      (isPersonHead(d[2]!) ? resolvePronoun('', from + lead, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history) : null);
    if (e) return { entity: e, description: null };
  }
  // "In his 2004 speech, a tribute to Jo Roe, the nominee that year, Mr. Lane decried …", "Ever since
  // she won, Ms. Roe has been …": after a long opening, the person after a comma that a verb follows.
  const main = mentionsIn(ctx.index, from + lead, to).find(
    (x) =>
      isPerson(x.entity, ctx.text) &&
      !ctx.inside(x.start) &&
      /,\s+(?:(?:as|while|when|after|because|and|but)\s+)?(?:\p{Lu}[\p{L}.]*\s+){0,2}$/u.test(ctx.text.slice(Math.max(from, x.start - 30), x.start)) &&
      MAIN_VERB_AFTER.test(ctx.text.slice(x.end, x.end + 30)),
  );
  if (main) return { entity: main.entity, description: null };
  return null;
}

/** "The machine was described by Jobs as “…”": the agent of a passive naming verb chose the words. */
function passiveAgent(ctx: SpeakerContext, head: string, from: number): Attribution | null {
  const passive = PASSIVE_AGENT.exec(head);
  if (!passive) return null;
  const by = from + passive.index + passive[0].indexOf(passive[1]!);
  const agent = mentionsIn(ctx.index, by, by + passive[1]!.length).find((x) => !ctx.inside(x.start) && x.entity.kind !== 'place');
  return agent ? { entity: agent.entity, description: null } : null;
}
const PASSIVE_AGENT =
  /\b(?:was|were|is|are|been|being)\s+(?:\p{Ll}+ly\s+)?(?:described|called|dubbed|branded|labell?ed|termed|hailed|praised|critici[sz]ed|condemned|summed up)\s+by\s+([^,;.“”"]{1,60}?)\s+as\s*$/u;

// "The Florida senator sought to …": a description heading its clause, then its verb (group 1 the
// description, group 2 its head).
const ROLE_THEN_VERB =
  /^[\s“"‘]*([Tt]he\s+(?:[\w’'-]+\s+){0,3}?([a-z][a-z-]+))\s+(?:also\s+|has\s+|had\s+|is\s+|was\s+)?(?:[a-z]+(?:ed|s|ing)|sought|took|made|gave|told|said|spoke|wrote|put|went|came|set|kept|left|held|stood|brought|thought|felt|found|saw|knew|got|called|began|became|ran|won|lost|sent|met|led|paid|built|chose|drew|fell|grew|hit|meant|sat|spent|struck|threw|wore)\b/;
const TURN_BEFORE = /[,;]\s+(?:while|whereas|but)\s+(?:\p{Lu}[\p{L}.]*\s+){0,2}$/u;
const APPOSITION = /^,[^,;“”"]{1,70},/;
// A finite verb right after a name: "decried", "has been", "says" (not "who", "and", a possessive).
const MAIN_VERB_AFTER = /^\s+(?:also\s+|then\s+|later\s+)?(?:has|had|was|is|will|would|(?!who\b|which\b|and\b|or\b|to\b|has\b|was\b|is\b)[a-z]+(?:ed|es|s))\b/;
