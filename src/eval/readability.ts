// Readability of a summary as a reader sees it: is the lead kept, does it name people in full before
// using a surname or title alone, does it open with a pronoun that has no antecedent, and did it pick
// anything that is not a sentence. Definitions in docs/engine-summary.md ("Readability measures").
import type { Span } from '../core/types.ts';
import { findEntities } from '../engine/entities.ts';
import { courtesyFits, isFullName } from '../engine/summary-names.ts';
import { splitSentences } from '../engine/sentences.ts';

/** One summary sentence: its source span, and the text the reader is shown (defaults to the span's). */
export interface ShownSentence extends Span {
  shown?: string;
}

const OPENING_PRONOUN = /^\s*[“"'‘]?\s*(?:he|she|they|it|his|her|their|its|him|them|this|that|these|those)\b(?!\s*['’]s\b)/i;
// A byline, a dateline alone, a photo credit: lines that open a body without being its lead.
const NOT_LEAD = /^(?:by\s[^.!?]{0,60}$|[\p{Lu} .,'-]{2,40}(?:\([^()]{1,30}\))?\s*[—–:-]?\s*$|(?:photo|image|video)\b)/iu;

/** The body of a PolNeAR-style text: everything after the first line (the headline) and its blank line. */
export function splitTitle(text: string): { title: string; body: string; bodyStart: number } {
  // USA Today texts carry a deck on the line after the headline, both before the blank line.
  const para = text.search(/\n[ \t]*\n/);
  const first = text.indexOf('\n');
  const nl = para > first && !text.slice(first + 1, para).includes('\n') && /;\s*$/.test(text.slice(0, first)) ? para : first;
  if (nl < 0) return { title: '', body: text, bodyStart: 0 };
  let bodyStart = nl + 1;
  while (bodyStart < text.length && /\s/.test(text[bodyStart]!)) bodyStart++;
  return { title: text.slice(0, nl).trim(), body: text.slice(bodyStart), bodyStart };
}

/**
 * Deck lines are headings too: when the body's first paragraphs (at most three) are single lines of
 * 20 words or fewer and the next one opens with a wire dateline in capitals ("BRUSSELS - European
 * leaders gathered …", "PORTLAND, Maine - On Friday …"), that paragraph holds the lead. Returns where it starts, or 0.
 */
function deckLength(body: string): number {
  const paragraphs = [...body.matchAll(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g)].slice(0, 4);
  for (let i = 1; i < paragraphs.length; i++) {
    const before = paragraphs.slice(0, i).map((p) => p[0].trim());
    if (before.some((p) => p.includes('\n') || p.split(/\s+/).length > 20 || /^abstract\b/i.test(p))) return 0;
    if (/^[A-Z]{2}[A-Z .,'’-]{0,40}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)? ?(?:\([^()\n]+\))?\s*(?:-|--|—|–|:)\s/.test(paragraphs[i]![0]))
      return paragraphs[i]!.index;
  }
  return 0;
}

/** The lead: the first sentence of the body that is not a byline, lone dateline or credit line. */
export function leadOf(body: string): Span | null {
  const from = deckLength(body);
  for (const s of splitSentences(body)) {
    if (s.start < from) continue;
    const t = s.text.trim();
    if (NOT_LEAD.test(t) || nonSentence(t, []) !== null) continue;
    return s;
  }
  return null;
}

/** Whether a summary sentence overlaps the lead's characters. */
export function keepsLead(summary: readonly Span[], lead: Span): boolean {
  return summary.some((s) => s.start < lead.end && s.end > lead.start);
}

/**
 * Dangling references in one summary: (a) a person the article names in full (two words or more)
 * whose first mention in the summary is shorter than that full name (surname or title + surname),
 * and the summary has not shown the full name before; (b) a summary sentence opening with a pronoun
 * or this/that/these/those when it is the summary's first sentence or the article sentence right
 * before it is not in the summary.
 */
export function danglingReferences(text: string, summary: readonly ShownSentence[]): string[] {
  const found: string[] = [];
  const lowerWords = new Set(text.match(/(?<![\p{L}.])\p{Ll}+/gu) ?? []);
  const people = findEntities(text).entities.filter((e) => e.kind === 'person' && e.trusted && isFullName(e, lowerWords));
  const sentences = splitSentences(text);
  let shownSoFar = '';
  summary.forEach((s, i) => {
    const shown = s.shown ?? s.text;
    if (OPENING_PRONOUN.test(shown)) {
      const before = sentences.findIndex((x) => x.end > s.start) - 1;
      const previous = before >= 0 ? sentences[before]! : null;
      const antecedentShown = i > 0 && previous !== null && summary.some((p) => p.start <= previous.start && p.end >= previous.end);
      if (!antecedentShown) found.push(`opens with a pronoun: ${shown.slice(0, 40)}`);
    }
    for (const person of people) {
      const inShown = mentionsIn(shown, person.name);
      if (!inShown) continue;
      // "Clinton" after "Hillary Clinton" is not dangling even when the article also names Bill Clinton.
      const namesake = people.filter((p) => surnameOf(p.name) === surnameOf(person.name));
      const full = namesake.some((p) => shown.includes(p.name) || shownSoFar.includes(p.name));
      if (!full) found.push(`${person.name} named only as ${surnameOf(person.name)}`);
    }
    shownSoFar += ` ${shown}`;
  });
  return [...new Set(found)];
}

function surnameOf(name: string): string {
  return name.split(' ').at(-1)!;
}

/**
 * Whether the text mentions the person by surname (as a whole word), with or without the full name.
 * "Mr. Obama" is not a mention of Michelle Obama, nor "Mrs. Ortega" of Daniel Ortega.
 */
function mentionsIn(text: string, name: string): boolean {
  const surname = surnameOf(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${surname}(?![\\p{L}\\p{N}])`, 'gu'))) {
    const title = /\b(?:Mr|Mrs|Ms|Miss)\.?\s+$/.exec(text.slice(Math.max(0, m.index - 6), m.index))?.[0];
    if (title === undefined || courtesyFits(title, name)) return true;
  }
  return false;
}

export type NonSentenceKind = 'heading' | 'fragment' | 'cut quote' | 'question' | 'duplicate';

/**
 * Why a picked sentence is not one a reader can take alone, or null: a heading (no closing
 * punctuation, or the headline itself), a fragment (fewer than 4 words, or opening in lower case or
 * with a closing mark), a cut quotation (unbalanced curly marks or an odd number of straight ones),
 * a question, or a sentence already in the summary.
 */
export function nonSentence(shown: string, earlier: readonly string[], title = ''): NonSentenceKind | null {
  const t = shown.trim();
  const norm = (x: string) =>
    x
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  if (earlier.some((e) => norm(e) === norm(t))) return 'duplicate';
  if (title && norm(t).startsWith(norm(title)) && norm(title).length > 0) return 'heading';
  if (!/[.!?…]["”’')\]]*$/.test(t)) return 'heading';
  if (t.split(/\s+/).length < 4 || /^[\p{Ll},;:)\]”’]/u.test(t)) return 'fragment';
  const opens = (t.match(/“/g) ?? []).length;
  const closes = (t.match(/”/g) ?? []).length;
  if (opens !== closes || (t.match(/"/g) ?? []).length % 2 === 1) return 'cut quote';
  if (/\?["”’')\]]*$/.test(t)) return 'question';
  return null;
}

/** Non-sentences among a summary's picks, in order. */
export function nonSentences(summary: readonly ShownSentence[], title = ''): NonSentenceKind[] {
  const out: NonSentenceKind[] = [];
  const earlier: string[] = [];
  for (const s of summary) {
    const shown = s.shown ?? s.text;
    const kind = nonSentence(shown, earlier, title);
    if (kind) out.push(kind);
    earlier.push(shown);
  }
  return out;
}

export type QuestionKind = 'when' | 'where' | 'who' | 'how many' | 'what';

/** The question's type as the readability table groups it. */
export function questionKind(question: string): QuestionKind {
  const q = question.toLowerCase();
  if (/\bhow (?:many|much)\b/.test(q)) return 'how many';
  if (/\b(?:who|whom|whose)\b/.test(q)) return 'who';
  // "when" asks for a time only as the question word, not as a conjunction ("what occurs when …").
  if (/^\W*(?:\w+ ){0,2}when\b/.test(q) || /\b(?:what|which) (?:year|years|century|decade|date|day|month|time|period|era|season)\b/.test(q)) return 'when';
  if (
    /^\W*(?:\w+ ){0,2}where\b/.test(q) ||
    /\b(?:what|which|in what|in which) (?:city|country|state|place|location|region|town|county|continent|river|island|nation)\b/.test(q)
  )
    return 'where';
  return 'what';
}
