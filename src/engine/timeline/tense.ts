import type { Tense } from './types.ts';

// A present-tense verb of schedule ("the trial begins Monday", "the rule takes effect in
// January") announces a coming event in news. Words that are also plural nouns ("starts",
// "returns", "visits": "housing starts rose in March") are left out. The plural forms ("the two
// leaders meet Monday") count unless an infinitive, a negation or a modal governs them.
const SCHEDULE_PLURAL = "(?<!(?:\\b(?:to|do|does|did|not|never|could|can|may|might|must|should)|n't)\\s+(?:\\w+\\s+)?)(?:meet|begin|resume|arrive)";
const SCHEDULE_PRESENT = `takes? effect|goes into effect|expires|begins|resumes|opens|meets|arrives|${SCHEDULE_PLURAL}`;
// A plan's object lies ahead of the planning: "a planned rally on Saturday", "protesters planned a
// march on Sunday" ("had planned a ..." is a plan overtaken, read as the past before these). Only
// when no past verb follows it in the clause: "the planned meeting followed a report on Friday".
const PLANNED = /\b(?:(?:a|an|the|its|his|her|their) planned|planned (?:a|an))\b/i;
// News text reports the past ("said Friday"); a bare weekday or month points forward only when
// the clause around it says so. Without a part-of-speech tagger, these cue words stand in for
// the future-tense and plan verbs a tagger would find.
const FUTURE_WORDS = `will|won't|shall|'ll|going to|is to|are to|is due|are due|due to|scheduled|plans? to|expects? to|is expected to|are expected to|set to|intends? to|upcoming|next(?! to\\b)|to meet|to visit|to hold|to begin|to start|to leave|to travel|to return|to vote|to announce|to resume|to expire|as soon as|as early as|supposed to|planning to|hopes? to|would(?! have)|slated|planned for|set for|${SCHEDULE_PRESENT}`;
// Irregular past forms are common news verbs that the "-ed" test misses.
const IRREGULAR_PAST =
  'began|bought|sold|took|made|came|went|won|lost|left|met|held|gave|paid|rose|fell|grew|saw|brought|became|got|kept|led|ran|sent|spent|struck|stood|thought|wrote|broke|chose|drove|flew|found|knew|spoke|shot|threw|fought|caught|built|dealt|felt|sought|taught|tore|withdrew|overthrew|forgave|swore|sank|hid|underwent|oversaw';
const PAST_WORDS = `said|says|was|were|had|did|ago|last|earlier|yesterday|announced|reported|told|${IRREGULAR_PAST}|\\w+ed`;
const FUTURE = new RegExp(`\\b(?:${FUTURE_WORDS})\\b`, 'i');
// "is heard", "are expected", "being held": a participle after a present form is not the past.
const PAST = new RegExp(`(?<!\\b(?:is|are|be|being)\\s+)\\b(?:${PAST_WORDS})\\b`, 'i');
const CUE = new RegExp(`\\b(?:(${FUTURE_WORDS})|(?<!\\b(?:is|are|be|being)\\s+)(${PAST_WORDS}))\\b`, 'gi');

/** The direction of the first (or last) cue word in `s`, or 'none'. */
function cueIn(s: string, last: boolean): Tense {
  CUE.lastIndex = 0;
  let found: Tense = 'none';
  for (let m = CUE.exec(s); m; m = CUE.exec(s)) {
    found = m[1] !== undefined ? 'future' : 'past';
    if (!last) break;
  }
  return found;
}

/** Where the clause that ends `before.slice(0, to)` starts: after its last comma or semicolon. */
function boundary(before: string, to: number): number {
  return Math.max(before.lastIndexOf(',', to - 1), before.lastIndexOf(';', to - 1)) + 1;
}

// The last items of a list of nouns ("as chairman, president and chief executive in"): one or two
// words, then "and"/"or". Its commas are no clause boundary; the verb stands before the list.
const LIST_TAIL = /^\s*[A-Za-z'-]+(?:\s+[A-Za-z'-]+)?\s+(?:and|or)\s+(?:[A-Za-z'-]+\s+){1,3}$/;
const ATTRIBUTION = /\b(?:said|says|told|announced|reported)\b/i;
// A middle item of such a list: one to three words.
const LIST_ITEM = /^\s*[A-Za-z'-]+(?:\s+[A-Za-z'-]+){0,2}\s*$/;

/** The part of `before` after its last comma or semicolon: an earlier "said" belongs to the attribution. */
function clauseOf(before: string): string {
  let from = boundary(before, before.length);
  const tail = before.slice(from);
  if (from > 0 && LIST_TAIL.test(tail) && !FUTURE.test(tail) && !PAST.test(tail)) {
    // Step back over the list's middle items to the clause that holds its first item.
    let end = from - 1;
    from = boundary(before, end);
    while (from > 0 && LIST_ITEM.test(before.slice(from, end))) {
      end = from - 1;
      from = boundary(before, end);
    }
    // An attribution's verb still belongs to the attribution ("officials said Tuesday, A and B in March").
    if (ATTRIBUTION.test(before.slice(from, end))) from = before.length - tail.length;
  }
  return before.slice(from).replace(/\b(?:early|late|mid)[- ]?$/i, '');
}

function cuesOf(clause: string, after: string): Tense {
  // "had been due to expire Friday", "as previously planned": a plan already overtaken is the past.
  if (/\b(?:had\s+(?:been\s+)?|previously\s+(?:been\s+)?)(?:\w+\s+)?(?:due|scheduled|expected|set|supposed|planned|slated|intended)\b/i.test(clause))
    return 'past';
  // "Friday will be a holiday": a "will" right after the expression makes it its subject. After a
  // comma it is the main clause's, and a past verb before the expression dates it instead ("The
  // deal, announced Monday, will close in March").
  if (FUTURE.test(clause) || /^\s*will\b/i.test(after) || (/^\W*will\b/i.test(after) && !PAST.test(clause))) return 'future';
  // A deadline: "until 9 a.m. Tuesday", "postponed until Tuesday morning".
  if (/\buntil\s+(?:\S+\s+){0,3}$/i.test(clause) && !/^\s*,/.test(after)) return 'future';
  const planned = PLANNED.exec(clause);
  if (planned && !PAST.test(clause.slice(planned.index + planned[0].length))) return 'future';
  if (PAST.test(clause)) return 'past';
  return 'none';
}

// How far back the clause is read. The nearest words decide; a long clause is read further back
// only for a future cue ("will double its flights between A and B by August"): a modal governs its
// whole clause, while a far past verb is often another event's ("agreed to buy ... in February").
const NEAR = 60;
const FAR = 120;

// A short noun phrase after a comma, set beside the noun before it ("in Lagos, her first stop on
// Tuesday"): it has no verb of its own, so the clause before the comma governs it.
const APPOSITION = /^,\s*(?:the|a|an|his|her|its|their|our)\s+(?:[a-z'-]+\s+){0,3}(?:on|in|at)?\s*$/i;

/** Reads the clause around [start, end) within the sentence [sStart, sEnd) for future or past cues. */
export function tenseAround(text: string, start: number, end: number, sStart: number, sEnd: number): Tense {
  const after = text.slice(end, Math.min(sEnd, end + 25));
  const near = cuesOf(clauseOf(text.slice(Math.max(sStart, start - NEAR), start)), after);
  if (near !== 'none') return near;
  const wide = text.slice(Math.max(sStart, start - FAR), start);
  if (start - NEAR > sStart && cuesOf(clauseOf(wide), after) === 'future') return 'future';
  // "will spend two hours in Lagos, her first stop on Tuesday": a modal governs its apposition
  // (the last cue before it, past commas inside a place name such as "Dar es Salaam, Tanzania").
  const comma = wide.lastIndexOf(',');
  if (comma >= 0 && comma >= wide.length - 40 && APPOSITION.test(wide.slice(comma)) && cueIn(wide.slice(0, comma), true) === 'future') return 'future';
  return 'none';
}

/**
 * Like `tenseAround`, and when the clause before says nothing, the words after the expression
 * decide when the expression opens its clause ("In March, the company bought ..."): the first cue
 * up to the end of the sentence.
 */
export function tenseWide(text: string, start: number, end: number, sStart: number, sEnd: number): Tense {
  const near = tenseAround(text, start, end, sStart, sEnd);
  if (near !== 'none') return near;
  const before = text.slice(Math.max(sStart, start - 100), start);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  // A fronted expression ("In March, the company bought ...") takes the verb of the clause after it.
  const fronted = /^\W*(?:(?:in|on|by|since|during|from|until|through|early|late|and|but|then|so)\s+)*$/i.test(clause);
  // The main verb may come after a long apposition ("In January, a week after ..., a clinic was bombed").
  const following = (): Tense => cueIn(text.slice(end, sEnd), false);
  // "By Tuesday, the storm will have passed": a fronted deadline set off by a comma is dated by its clause too.
  if (fronted && /^\s*,/.test(text.slice(end, end + 2))) return following();
  // A deadline or span end ("by February", "through January") is read without the wider context.
  if (/\b(?:by|through|thru|until|till|before)\s+(?:(?:early|late|mid)[- ]?)?$/i.test(clause)) return 'none';
  if (fronted) return following();
  // Inside the subject ("Sales in December rose 3%"): the verb after it, up to the next comma.
  const rest = text.slice(end, Math.min(sEnd, end + 40));
  return cueIn(rest.slice(0, rest.search(/[,;]|$/)), false);
}

// Verbs whose dated object is a plan or a deadline, not the day of the act: "extended to Nov. 20",
// "scheduled for March 3", "was expected on Friday", "have earmarked 23 March for a strike".
const PLAN_VERB =
  /^(?:scheduled|rescheduled|expected|planned|slated|set|postponed|delayed|deferred|extended|moved|pushed|adjourned|called|needed|wanted|hoped|intended|announced|earmarked|designated|chosen|picked|fixed|booked|reserved|targeted|proposed|pencilled|penciled)$/i;
const PAST_VERB_BEFORE = new RegExp(`\\b(\\w+)\\s+(${IRREGULAR_PAST}|said|told|\\w+ed)\\s+(?:on\\s+)?$`, 'i');
// A word before the participle that makes it passive-future or an infinitive ("will be held on"),
// or an adjective ("the delayed March 3 vote").
const NOT_PAST_AUX = /^(?:be|is|are|am|being|to|will|would|shall|can|could|may|might|must|should|'ll|the|a|an|its|their|his|her|our|this|that|these|those)$/i;

/**
 * Whether the date starting after `before` is the object of a past event verb right before it
 * ("the mill closed on March 3", "was arrested on March 3", "said on March 3"): that verb dates
 * the act, so the day has passed. A past verb further off in the clause ("said the dividend is
 * payable Jan. 2") does not: the date may be a coming one told in the past.
 */
export function pastVerbGoverns(before: string): boolean {
  const m = PAST_VERB_BEFORE.exec(` ${before.slice(-60)}`);
  if (!m) return false;
  return !PLAN_VERB.test(m[2]!) && !NOT_PAST_AUX.test(m[1]!);
}
