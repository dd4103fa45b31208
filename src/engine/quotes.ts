import type { Quote } from '../core/types.ts';
import { type Entity, entitiesOf, type EntityIndex } from './entities.ts';
import { isFirstName } from './entities/gazetteer.ts';
import { cleanPersonName, looksLikePersonName } from './entities/tag-cleanup.ts';
import { isPerson, mentionsIn, resolvePronoun, upperBound } from './quotes/coref.ts';
import { quoteSpansOf, type QuoteSpan } from './quotes/spans.ts';
import { clauseSubject, SAID_SENTENCE, speakerAfter, speakerBefore, spokenBefore, type Attribution, type SpeakerContext } from './quotes/speaker.ts';

interface Found {
  span: QuoteSpan;
  /**
   * -1: a cue after the quote (or a transcript line) names its speaker; an offset: the clause from
   * there to the quote attributes it, and may hold a verb of speech; null: no cue.
   */
  spokenFrom: number | null;
  attribution: Attribution | null;
  /** The speaker came from a cue next to this quote, not from a neighbouring quote. */
  cued: boolean;
}

const MIN_WORDS = 4;

/**
 * Direct quotes in text order, each with its speaker: a normalised name (the same as in the
 * tags) where the text allows, else the description the text gives ("the spokesman"), else null.
 * Short unattributed quotes (scare quotes, titles) are left out.
 */
export function extractQuotes(text: string, index: EntityIndex = entitiesOf(text)): Quote[] {
  const shared = quoteSpansOf(text);
  if (shared.length === 0) return [];
  // A quote opened with two apostrophes (''…'', as some archives print double marks) opens at the
  // first: the words before it then end as before any other mark ("… his aim. ''I'm …").
  const spans = shared.some((s) => text.charCodeAt(s.open - 1) === 39 && text.charCodeAt(s.open) === 39)
    ? shared.map((s) => (text.charCodeAt(s.open - 1) === 39 && text.charCodeAt(s.open) === 39 ? { ...s, open: s.open - 1 } : s))
    : shared;
  const starts = spans.map((s) => s.start);
  const inside = (pos: number): boolean => {
    const k = upperBound(starts, pos) - 1;
    return k >= 0 && pos < spans[k]!.end;
  };
  const sentenceStarts = sentenceStartsOf(text);
  const ctx: SpeakerContext = { text, index, inside, sentenceStarts, history: [] };
  const found: Found[] = [];
  // Each quote's words, counted once: the steps below and cueEnd ask for them again and again.
  const words = spans.map((span) => countWords(text, span.start, span.end));
  spans.forEach((span, k) => {
    const prior = k > 0 && spans[k - 1]!.paraStart === span.paraStart ? spans[k - 1]! : null;
    // A title or scare quote before this one ("visited NBC’s “Today” to discuss …, saying “…”") does
    // not end the clause whose subject may speak; a real quote does.
    // So does a short quote that words after it attributed (`Mr Pike “made the decisions,” he told the
    // court, saying …`): the clause after it has that cue's subject, not the name before the quote.
    const priorFound = found[k - 1];
    // Only with a he/she cue: a title can be followed by a verb too (`“The Apprentice,” who went on …`).
    const priorCued =
      priorFound?.span === prior &&
      priorFound.attribution?.entity &&
      text.charCodeAt(prior.end - 1) === 44 &&
      PRONOUN_CUE.test(text.slice(prior.after, prior.after + 20));
    const boundary = prior && (words[k - 1]! >= MIN_WORDS || priorCued) ? prior.after : span.paraStart;
    let attribution: Attribution | null = transcriptSpeaker(ctx, span);
    // The cue may run past a short quoted word (`“…,” aside from knowing each other “casually,” said X`).
    if (!attribution && span.closed && afterAllowed(text, span)) {
      if (!introducesNext(text, span)) attribution = speakerAfter(ctx, span.after, cueEnd(spans, words, k));
    }
    if (!attribution && span.closed) attribution = quoteAsSubject(ctx, span);
    // `“…,” Roe wrote in a statement to Wired explaining why …, “…”`: the second part of a split quote
    // is the first part's, whatever the words of its cue name.
    const first = found[k - 1];
    if (
      !attribution &&
      prior &&
      first?.span === prior &&
      first.spokenFrom === -1 &&
      first.attribution &&
      text.charCodeAt(prior.end - 1) === 44 &&
      SPLIT_CUE.test(text.slice(prior.after, span.open))
    )
      attribution = first.attribution;
    // Where a verb before the quote may introduce it; read only for short quotes (see below).
    let spokenFrom = attribution !== null ? -1 : (null as number | null);
    if (!attribution) {
      const from = Math.max(boundary, clauseStart(sentenceStarts, span));
      attribution = speakerBefore(ctx, from, span.open);
      spokenFrom = attribution !== null ? from : null;
    }
    if (!attribution && span.open === span.paraStart) attribution = introBefore(ctx, span);
    if (!attribution && span.closed) attribution = signatureBelow(ctx, span);
    if (!attribution && span.open > span.paraStart) attribution = headlineSpeaker(ctx, span);
    if (!attribution && span.closed) attribution = possessedQuote(ctx, span);
    // `X said that while there are “…,” Y already “…”`, `Roe visited NBC to discuss …, saying “…” she
    // would be “…”`: a later partial quote in the sentence of a cued one, with no speech verb or
    // attribution of its own, is still the first speaker's report, whoever it is about.
    const before = found[k - 1];
    if (!attribution && prior && before?.cued && before.attribution && before.span === prior && SAME_SENTENCE_RUN.test(text.slice(prior.after, span.open)))
      attribution = before.attribution;
    if (!attribution && !span.continued && span.open > span.paraStart) {
      // A partial quote without a speech verb ("X dismissed it as “…”") belongs to the clause's subject.
      const from = Math.max(boundary, clauseStart(sentenceStarts, span));
      attribution = clauseSubject(ctx, from, span.open);
    }
    found.push({ span, spokenFrom, attribution, cued: attribution !== null && !span.continued });
    // A short quote its clause's subject only names ("calling the regime “strong”") is no speech (the
    // test that keeps short quotes, below): it must not make that subject whom a later he/she means.
    const said = words[k]! >= MIN_WORDS || spokenFrom === -1 || (spokenFrom !== null && spokenBefore(text.slice(spokenFrom, span.open)));
    if (attribution?.entity && said) ctx.history.push({ at: span.open, entity: attribution.entity });
  });
  borrowFromNeighbours(ctx, found);
  fromSentenceBefore(ctx, found);
  fromIntroducingParagraph(ctx, found);
  // A quote that runs on from one these two steps attributed takes its speaker too.
  borrowFromNeighbours(ctx, found);
  const out: Quote[] = [];
  for (const [k, f] of found.entries()) {
    const count = words[k]!;
    // Short quotes stay only when a cue names who said them: the rest are scare quotes and titles.
    // "called the plan a “quick fix”" has a verb, but a naming one: only speech keeps a short quote.
    if (count < MIN_WORDS && !(f.cued && f.attribution?.entity && spoken(text, f))) continue;
    if (count <= TITLE_WORDS && (!f.cued || namedWork(text, f.span)) && looksLikeTitle(text, f.span)) continue;
    if (count <= 6 && nickname(text, f.span)) continue;
    if (count === 0) continue;
    const a = f.attribution;
    out.push({
      text: text.slice(f.span.start, f.span.end),
      start: f.span.start,
      end: f.span.end,
      speaker: (a?.entity && speakerName(a.entity)) ?? a?.description ?? null,
    });
  }
  return out;
}

/** Where the words after quote k stop: the next quote of its paragraph of four words or more, or the paragraph's end. */
function cueEnd(spans: readonly QuoteSpan[], words: readonly number[], k: number): number {
  const span = spans[k]!;
  for (let j = k + 1; j < spans.length && spans[j]!.paraStart === span.paraStart; j++) if (words[j]! >= MIN_WORDS) return spans[j]!.open;
  return span.paraEnd;
}

// Two quotes side by side, or listed with "and"/"or" (`the promise to “…” and “…” appeals to …, said
// Roe`): the first has the second's speaker.
const JOINED = /^(?:[\s,.;:!?—–-]*|,?\s+(?:and|or)\s+)$/;
// Words between two quotes of one sentence: no sentence end, no semicolon, no new paragraph.
const PRONOUN_CUE = /^\s*(?:he|she)\s+(?:said|says|told|tells|added|insisted|explained|claimed)\b/;
const SAME_SENTENCE_RUN = /^[^.!?;\n]{0,80}$/;
// The cue between the parts of a split quote: one clause ending in a comma, no sentence end.
const SPLIT_CUE = /^[^.!?;:\n“”"]{1,200},\s*$/;

// Transcripts put the speaker inside the quote: "PENCE: Well, look, …".
function transcriptSpeaker(ctx: SpeakerContext, span: QuoteSpan): Attribution | null {
  // Both forms need a colon within the first 40 characters.
  const colon = ctx.text.indexOf(':', span.start);
  if (colon < 0 || colon >= span.start + 40) return null;
  const m = /^(?:\p{Lu}[\p{Lu}.'’-]+ ){0,2}\p{Lu}[\p{Lu}.'’-]+:\s/u.exec(ctx.text.slice(span.start, span.start + 40));
  if (!m) {
    // "“Jo Roe: Seriously, …”": a known person's name in Title Case before a colon, as panel transcripts print it.
    // Only for a quote that opens its paragraph: "chanted “Jo Roe: bad for you”" is a slogan about her.
    const t = span.open === span.paraStart ? /^(\p{Lu}\p{Ll}+(?: \p{Lu}[\p{L}'’-]+){1,2}):\s/u.exec(ctx.text.slice(span.start, span.start + 40)) : null;
    const person = t
      ? mentionsIn(ctx.index, span.start, span.start + t[1]!.length).find((x) => x.entity.kind === 'person' && x.end === span.start + t[1]!.length)
      : undefined;
    return person ? { entity: person.entity, description: null } : null;
  }
  const name = m[0]
    .replace(/:\s$/, '')
    .split(' ')
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(' ');
  const entity = ctx.index.resolve(name, span.start);
  return { entity, description: entity ? null : name };
}

// `"…" was how the fire chief, Lena Voss, put it`, `"…" came the reply from Per Lind`: the quote is
// the sentence's subject and its speaker is named later in the same sentence.
const COPULA_AFTER = /^[\s,]*(?:was|were|is|are|came|comes|had been)\s[^.!?;“"”\n]{0,120}/;
function quoteAsSubject(ctx: SpeakerContext, span: QuoteSpan): Attribution | null {
  const m = COPULA_AFTER.exec(ctx.text.slice(span.after, span.after + 140));
  if (!m) return null;
  const person = mentionsIn(ctx.index, span.after, span.after + m[0].length).find(
    (x) =>
      x.end <= span.after + m[0].length &&
      (x.entity.kind === 'person' || (x.entity.kind === 'other' && looksLikePersonName(x.entity.name))) &&
      !/['’]s?$/.test(ctx.text.slice(x.end, x.end + 2)),
  );
  return person ? { entity: person.entity, description: null } : null;
}

// Words after a closing mark attribute the quote only when the quote did not end its sentence:
// `"…," he said` and `"…?" she asked` do, `"…." He left` does not.
// `“Why now?” Mills then writes back, “You look great.”`: after a question or an exclamation, words
// that end in a comma or a colon right before the next quote introduce that quote, not this one.
function introducesNext(text: string, span: QuoteSpan): boolean {
  const last = text[span.end - 1];
  return (last === '?' || last === '!') && NEXT_QUOTE_CUE.test(text.slice(span.after, Math.min(span.paraEnd, span.after + 160)));
}
const NEXT_QUOTE_CUE = /^\s+\p{Lu}[^.!?;“”"\n]*[,:]\s*[“"]/u;

function afterAllowed(text: string, span: QuoteSpan): boolean {
  const last = text[span.end - 1] ?? '';
  const tail = text.slice(span.after, span.after + 3);
  if (/^\s*[,—–―-]/.test(tail)) return true;
  if (last === '.') return /^\s*\p{Ll}/u.test(tail) || SAID_SENTENCE.test(text.slice(span.after, span.after + 100));
  // `"…!" She replied to him that …`: a capitalised pronoun after ! or ? opens a new sentence.
  if ((last === '!' || last === '?') && /^\s*(?:He|She|They|We|I|It)\s/.test(text.slice(span.after, span.after + 6)))
    return SAID_SENTENCE.test(text.slice(span.after, span.after + 100));
  return true;
}

function clauseStart(sentenceStarts: number[], span: QuoteSpan): number {
  const k = upperBound(sentenceStarts, span.open) - 1;
  return k >= 0 ? Math.min(sentenceStarts[k]!, span.open) : span.paraStart;
}

// A quote that opens a paragraph after "X said:" at the end of the previous one.
function introBefore(ctx: SpeakerContext, span: QuoteSpan): Attribution | null {
  const base = Math.max(0, span.paraStart - 300);
  const head = ctx.text.slice(base, span.paraStart).trimEnd();
  if (!head.endsWith(':')) return null;
  const from = base + Math.max(head.lastIndexOf('\n'), head.search(/[.!?]\s+[^.!?]*$/)) + 1;
  return speakerBefore(ctx, from, base + head.length);
}

// A headline's "Jo Roe: Lane 'better qualified than I was'": a person named before a colon opening
// the paragraph said what follows.
function headlineSpeaker(ctx: SpeakerContext, span: QuoteSpan): Attribution | null {
  const m = /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}):\s/u.exec(ctx.text.slice(span.paraStart, Math.min(span.open, span.paraStart + 50)));
  if (!m) return null;
  const person = mentionsIn(ctx.index, span.paraStart, span.paraStart + m[1]!.length).find(
    (x) => x.end === span.paraStart + m[1]!.length && isPerson(x.entity, ctx.text),
  );
  if (person) return { entity: person.entity, description: null };
  // Headline words in Title Case are not indexed: the name as the text gives it in full elsewhere
  // (never a namesake: "Bill Clinton" is not "Hillary Clinton").
  const named = ctx.index.resolve(m[1]!, span.paraStart);
  return named && isPerson(named, ctx.text) && (named.name === m[1] || named.name.endsWith(` ${m[1]}`)) ? { entity: named, description: null } : null;
}

// `Obama's "if you like your plan, you can keep it" promise`: the possessor's words, named by the noun after them.
const SPEECH_NOUN_AFTER = /^[\s,]*(?:promise|pledge|vow|claim|comment|remark|slogan|line|mantra|warning|boast|quip|refrain|catchphrase)s?\b/;
function possessedQuote(ctx: SpeakerContext, span: QuoteSpan): Attribution | null {
  if (!SPEECH_NOUN_AFTER.test(ctx.text.slice(span.after, span.after + 20))) return null;
  const from = Math.max(0, span.open - 4);
  const poss = /['’]s?\s*$/.exec(ctx.text.slice(from, span.open));
  if (!poss) return null;
  const end = from + poss.index;
  const owner = mentionsIn(ctx.index, Math.max(0, end - 60), end).find((x) => x.end === end && x.entity.kind !== 'place');
  return owner ? { entity: owner.entity, description: null } : null;
}

// A quote paragraph signed on the next line: `"…"` then `-Jane Doe, Scranton.` (notebooks, tweets).
function signatureBelow(ctx: SpeakerContext, span: QuoteSpan): Attribution | null {
  const nl = ctx.text.indexOf('\n', span.paraEnd);
  if (nl < 0 || !/^[\s.,!?]*$/.test(ctx.text.slice(span.after, span.paraEnd))) return null;
  // A short line: a dash before a bulleted sentence is no signature.
  const next = /^\n\s*([-–—―]+)[^\n]{0,100}(?:\n|$)/.exec(ctx.text.slice(nl, nl + 200));
  if (!next) return null;
  const start = nl + next[0].indexOf(next[1]!);
  const got = speakerAfter(ctx, start, nl + next[0].trimEnd().length);
  return got?.entity || (got?.description && /^\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(got.description)) ? got : null;
}

// Only the cue ends the sentence between the two quotes (`," he said. "`), no sentence of its own.
const SHORT_CUE = /^[^.!?"“”\n]{0,160}\.\s*$/;

// An unattributed quote takes the speaker of the quote next to it in the same paragraph, or,
// when it opens a paragraph, of the last quote of the paragraph before (the news convention for
// a speaker's quote that runs on).
function borrowFromNeighbours(ctx: SpeakerContext, found: Found[]): void {
  const text = ctx.text;
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k]!;
    const n = found[k + 1];
    if (f.attribution || !n || n.span.paraStart !== f.span.paraStart) continue;
    // `"…," he said. "B." "C," said Roe`: B ends its sentence right after a cued quote of the same
    // paragraph, so it runs on from that speaker (a new speaker's quote would open a paragraph).
    const p = found[k - 1];
    const ownSentence = /[.!?]$/.test(text.slice(f.span.start, f.span.end).trimEnd());
    if (p?.cued && p.attribution && p.span.paraStart === f.span.paraStart && ownSentence && SHORT_CUE.test(text.slice(p.span.after, f.span.open))) continue;
    if (JOINED.test(text.slice(f.span.after, n.span.open)) && n.attribution) f.attribution = n.attribution;
  }
  for (let k = 1; k < found.length; k++) {
    const f = found[k]!;
    const p = found[k - 1]!;
    if (f.attribution || !p.attribution) continue;
    const samePara = p.span.paraStart === f.span.paraStart;
    const nextPara = !samePara && text.slice(p.span.paraEnd, f.span.paraStart).split('\n').length <= 3 && f.span.open === f.span.paraStart;
    const other = samePara && !f.span.continued ? otherSubjectBetween(ctx, p, f) : null;
    if (other) f.attribution = { entity: other, description: null };
    else if (nextPara && !f.span.continued) f.attribution = reporterAfter(ctx, p) ?? p.attribution;
    else if (samePara || nextPara || f.span.continued) f.attribution = p.attribution;
  }
}

// `"…," Lopez said. … The director Jo Roe said he was disappointed.¶"It's a shame. …"`: a quote opening
// the next paragraph continues the reported speech ending the paragraph before, not its last quote.
function reporterAfter(ctx: SpeakerContext, p: Found): Attribution | null {
  const end = ctx.text.slice(0, p.span.paraEnd).trimEnd().length;
  const k = upperBound(ctx.sentenceStarts, end - 1) - 1;
  const lo = k >= 0 ? ctx.sentenceStarts[k]! : 0;
  if (lo < p.span.after || /["“”]/.test(ctx.text.slice(lo, end))) return null;
  const got = speakerBefore(ctx, lo, end);
  const e = got?.entity;
  // Only a subject heading the sentence: not a name the reported words are about ("… couldn't see the point of choosing Johnson").
  const heads = e ? mentionsIn(ctx.index, lo, lo + 60).some((m) => m.entity === e) : false;
  return e && heads && isPerson(e, ctx.text) && e !== p.attribution?.entity ? got : null;
}

// `"…," said a Fifa spokesman. Verroken … insists the club was right. "…"`: a sentence between two
// quotes that opens with another person makes the second quote that person's, not the first speaker's.
function otherSubjectBetween(ctx: SpeakerContext, p: Found, f: Found): Entity | null {
  const speaker = p.attribution?.entity;
  let other: Entity | null = null;
  const lo = upperBound(ctx.sentenceStarts, p.span.after);
  for (let k = lo; k < ctx.sentenceStarts.length && ctx.sentenceStarts[k]! < f.span.open; k++) {
    const at = ctx.sentenceStarts[k]!;
    const head = mentionsIn(ctx.index, at, at + 40).find(
      (m) => !ctx.inside(m.start) && /^[\s“"‘]*(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u.test(ctx.text.slice(at, m.start)),
    );
    if (head && isPerson(head.entity, ctx.text)) other = head.entity === speaker ? null : head.entity;
  }
  return other;
}

// An uncued quote opening a sentence inside a paragraph continues the reported speech of the
// sentence before it: `The vote may slip, Jane Doe said. "The budget is late."`
function fromSentenceBefore(ctx: SpeakerContext, found: Found[]): void {
  for (const f of found) {
    if (f.attribution || f.span.open <= f.span.paraStart) continue;
    const before = ctx.text.slice(f.span.paraStart, f.span.open).trimEnd();
    if (!/[.!?]["”’]?$/.test(before)) continue;
    const k = upperBound(ctx.sentenceStarts, f.span.paraStart + before.length - 1) - 1;
    const lo = Math.max(f.span.paraStart, k >= 0 ? ctx.sentenceStarts[k]! : 0);
    // Quotes earlier in the paragraph may stand in that sentence ("The pledge to “take back” … appeals
    // to …, said Jo Roe, a historian. “…”"): had one a speaker, this quote would have borrowed it.
    // Without a speech verb, the person the sentence is about ("Jo Roe touted her record.").
    // A sentence that holds a quote itself needs a speech verb: its subject may be the quoted words'.
    const quoted = /["“”]/.test(ctx.text.slice(lo, f.span.paraStart + before.length - 1));
    const got = speakerBefore(ctx, lo, f.span.paraStart + before.length) ?? (quoted ? null : clauseSubject(ctx, lo, f.span.paraStart + before.length));
    if (got?.entity) f.attribution = got;
  }
}

// A quote paragraph with no cue and no quote before it follows the paragraph that introduced
// its speaker: take the person that paragraph's last sentence is about.
function fromIntroducingParagraph(ctx: SpeakerContext, found: Found[]): void {
  for (const f of found) {
    if (f.attribution || f.span.open !== f.span.paraStart || f.span.paraStart === 0) continue;
    const prevEnd = ctx.text.lastIndexOf('\n', f.span.paraStart - 1);
    const trimmed = ctx.text.slice(0, prevEnd).trimEnd().length;
    const k = upperBound(ctx.sentenceStarts, trimmed - 1) - 1;
    const lo = k >= 0 ? ctx.sentenceStarts[k]! : 0;
    const m = mentionsIn(ctx.index, lo, trimmed).find((x) => !ctx.inside(x.start) && isPerson(x.entity, ctx.text));
    if (m) f.attribution = { entity: m.entity, description: null };
    // "She pauses." before the quote paragraph: the person the opening he/she refers to.
    const pron = m ? null : /^\s*(He|She)\s+\p{Ll}/u.exec(ctx.text.slice(lo, lo + 12));
    const e = pron ? resolvePronoun(pron[1]!.toLowerCase(), lo, ctx.index, ctx.inside, ctx.sentenceStarts, ctx.history) : null;
    if (e) f.attribution = { entity: e, description: null };
    // "Transcript as follows:", "Full remarks below:": a short paragraph naming no one announces
    // the words of the person last quoted.
    if (!m && !e && ANNOUNCES_TEXT.test(ctx.text.slice(lo, trimmed))) {
      const last = ctx.history.findLast((h) => h.at < lo);
      if (last) f.attribution = { entity: last.entity, description: null };
    }
  }
}
const ANNOUNCES_TEXT =
  /^\s*(?:(?:The|His|Her|Their)\s+)?(?:full\s+)?(?:transcript|text|remarks|speech|statement)(?:\s+(?:as\s+follows|follows|below|in\s+full))?\s*:$/i;

// Same count as the words of /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu, without building the matches.
function countWords(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const wordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && isLetterUnit(c));
    if (inWord && (wordChar || c === 39 || c === 0x2019 || c === 45)) continue;
    inWord = wordChar;
    if (wordChar) n++;
  }
  return n;
}
const LETTER = /[\p{L}\p{N}]/u;
// Per UTF-16 unit: 0 not known yet, 1 a letter or digit (LETTER on the unit alone), 2 not. Reading a
// unit of a two-byte string out as a string to test it allocated one per character.
const LETTER_UNIT = new Uint8Array(0x10000);
function isLetterUnit(c: number): boolean {
  let k = LETTER_UNIT[c]!;
  if (k === 0) LETTER_UNIT[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

function spoken(text: string, f: Found): boolean {
  return f.spokenFrom === -1 || (f.spokenFrom !== null && spokenBefore(text.slice(f.spokenFrom, f.span.open)));
}

// "his memoir “The Long Road Home”", "the film, “Dark Water”": a work's title, whoever is named nearby.
// A Title Case quote after a possessive, an article or a preposition ("on CNN’s “State of the Union”",
// "starred in “Parks and Recreation”", "host of “The Nightly Show”", "the “Red Neck Country Club”") is a name.
const WORK_BEFORE =
  /(?:\b(?:book|novel|memoir|autobiography|biography|film|movie|documentary|song|album|single|play|musical|show|series|programme|program|podcast|poem|essay|column|painting|opera|titled|entitled|the|in|of|on|at|by|from|and)|['’]s)\s*,?\s*$/i;
function namedWork(text: string, span: QuoteSpan): boolean {
  // The opening mark may be two apostrophes (''…''): the first is not part of the words before it.
  return WORK_BEFORE.test(text.slice(Math.max(0, span.open - 40), span.open).replace(/['‘"“]+$/, ''));
}
// "nicknamed “the Hammer”", "known as “Big Jo”": a name, not words said.
const NICKNAME_BEFORE = /\b(?:nicknamed|dubbed|known as|a\.k\.a\.|aka|nickname|moniker|alias)\s*,?\s*$/i;
// `Antonio "LA" Reid`: capitalised words quoted between a known first name and a surname are a nickname.
const NAME_BEFORE = /(?:^|\s)(\p{Lu}[\p{Ll}'’-]+) $/u;
const NAME_AFTER = /^ \p{Lu}[\p{Ll}'’-]+\b/u;
function nickname(text: string, span: QuoteSpan): boolean {
  if (NICKNAME_BEFORE.test(text.slice(Math.max(0, span.open - 30), span.open))) return true;
  return (
    span.closed &&
    /^\p{Lu}[^.,;:!?]*$/u.test(text.slice(span.start, span.end)) &&
    isFirstName(NAME_BEFORE.exec(text.slice(Math.max(0, span.open - 20), span.open))?.[1] ?? '') &&
    NAME_AFTER.test(text.slice(span.after, span.after + 30))
  );
}

// Titles of works and headings: mostly capitalised words and no attribution.
const TITLE_WORDS = 12;
function looksLikeTitle(text: string, span: QuoteSpan): boolean {
  const words = text.slice(span.start, span.end).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const caps = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  const minor = words.filter((w) => /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|is|are)$/.test(w)).length;
  return words.length <= TITLE_WORDS && caps + minor >= words.length && caps >= 0.6 * words.length;
}

// Rough sentence starts, enough to walk back to a pronoun's antecedent: after . ! ? (and a
// closing mark) before a capital, and at every line start. Much cheaper than a full splitter.
// Archives that print double marks as two apostrophes ('' … '') end and open sentences with them too.
// Tried only where a stop or a line break is (found by a plain search): a pattern opening with a
// look-behind would otherwise be tried at every character.
const BOUNDARY = /(?<!\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Govs|Gen|Lt|Col|Capt|Adm|Rev|St|Jr|[A-Z]))[.!?]+["”’)']*\s+(?=\(?(?:["“‘]|'')?\p{Lu})|\n\s*/uy;
const STOP = /[.!?\n]/g;
function sentenceStartsOf(text: string): number[] {
  const out = [0];
  STOP.lastIndex = 0;
  // test, not exec: only where each match ends is needed, no match arrays.
  while (STOP.test(text)) {
    const at = STOP.lastIndex - 1;
    BOUNDARY.lastIndex = at;
    if (!BOUNDARY.test(text)) {
      STOP.lastIndex = at + 1;
      continue;
    }
    out.push(BOUNDARY.lastIndex);
    STOP.lastIndex = Math.max(BOUNDARY.lastIndex, at + 1);
  }
  return out;
}

/** A person speaker's name as the tags list it: no role word or party before it ("Analyst Petra Lindqvist" -> "Petra Lindqvist"). */
function speakerName(entity: Entity): string {
  return entity.kind === 'person' ? (cleanPersonName(entity.name) ?? entity.name) : entity.name;
}
