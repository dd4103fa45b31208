// A summary names each person in full the first time it mentions them: "Fenwarth said …" is shown as
// "Odile Fenwarth said …" when the sentence that gave the full name was not picked. The span keeps
// pointing at the verbatim source sentence; `shown` carries the rewritten text.
import type { Span } from '../core/types.ts';
import { entitiesOf, type Entity } from './entities.ts';
import { FEMALE_NAMES, MALE_NAMES, PERSON_TITLES, isFirstName } from './entities/gazetteer.ts';
import { cleanPersonName } from './entities/tag-cleanup.ts';

export interface ShownSpan extends Span {
  /** The sentence as shown, when it differs from the verbatim `text`. */
  shown?: string;
}

// A peer's title with the surname is the peer's full style ("Lord Callaghan", never "Lord Jim Callaghan").
const PEERAGE = /\b(?:Lord|Lady|Baroness|Baron|Earl|Viscount|Viscountess|Marquess|Countess)\s+$/;
// Courtesy titles read oddly before a full name ("Mr. Jane Ortega"); ranks and offices do not.
const COURTESY = /(?:\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)$/;

/** Whether an entity's name is a real full name, not a name with an adjective glued on ("Crooked Hillary"). */
export function isFullName(entity: Entity, lowerWords: { has(word: string): boolean }): boolean {
  const words = entity.name.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  const first = words[0]!;
  if (isFirstName(first)) return true;
  return !lowerWords.has(first.toLowerCase());
}

/**
 * Whether a mention preceded by `before` (its sentence up to it) may be rewritten: not inside a
 * quotation (those are someone's words), and not right after another capitalised word, initial or
 * quoted nickname that is part of a longer written name ("Donald J. Trump", "Robert \"Bobby\" Scott"),
 * unless that word is a title ("President", "Sen.").
 */
function rewritable(before: string): boolean {
  const opens = (before.match(/“/g) ?? []).length;
  const closes = (before.match(/”/g) ?? []).length;
  if (opens > closes || (before.match(/"/g) ?? []).length % 2 === 1) return false;
  const word = /(\S+)\s+$/.exec(before)?.[1] ?? '';
  if (/^["”'’)]|["”'’]$/.test(word)) return false;
  if (/^\p{Lu}/u.test(word) && !PERSON_TITLES.has(word)) return false;
  return true;
}

/**
 * Whether `word` is among text.match(/(?<![\p{L}.])\p{Ll}+/gu): written in lower case as a whole
 * word somewhere, not after a full stop. One search a name instead of collecting every such word.
 */
function writtenLowerCase(text: string, word: string): boolean {
  if (!/^\p{Ll}+$/u.test(word)) return false;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at > 0 && /[\p{L}.]$/u.test(text.slice(Math.max(0, at - 2), at))) continue;
    if (/^\p{Ll}/u.test(text.slice(at + word.length, at + word.length + 2))) continue;
    return true;
  }
  return false;
}

/** Whether a courtesy title that opens `title` ("Mr.", "Mrs", "Ms.") fits the first name of `name`. */
export function courtesyFits(title: string, name: string): boolean {
  const courtesy = /^\s*(Mr|Mrs|Ms|Miss)\b/.exec(title)?.[1];
  if (!courtesy) return true;
  const first = name.split(' ')[0]!;
  return courtesy === 'Mr' ? !(FEMALE_NAMES.has(first) && !MALE_NAMES.has(first)) : !(MALE_NAMES.has(first) && !FEMALE_NAMES.has(first));
}

/**
 * The spans, each with `shown` when it names a person by surname whom no earlier span (nor its own
 * text before) named in full. With `alone`, every span is read by itself (a timeline's lines).
 */
export function nameInFull(text: string, spans: readonly Span[], alone = false): ShownSpan[] {
  const index = entitiesOf(text);
  const lowerWords = { has: (word: string) => writtenLowerCase(text, word) };
  const people = new Set(index.entities.filter((e) => e.kind === 'person' && e.trusted && isFullName(e, lowerWords)));
  if (people.size === 0) return [...spans];
  const mentions = index.mentions.filter((m) => people.has(m.entity));
  const surname = (name: string) => name.split(' ').at(-1)!;
  const introduced = new Set<string>();
  return spans.map((span) => {
    if (alone) introduced.clear();
    const edits: { start: number; end: number; name: string }[] = [];
    for (const m of mentions) {
      if (m.start < span.start || m.end > span.end) continue;
      const person = m.entity;
      const key = surname(person.name);
      if (introduced.has(key)) continue;
      introduced.add(key);
      // A surface of two words or more already names the person ("Hillary Clinton").
      if (m.surface.includes(person.name) || m.surface.includes(' ')) continue;
      if (text.slice(span.start, m.start).includes(person.name)) continue;
      if (!m.surface.endsWith(key)) continue;
      const before = text.slice(span.start, m.start);
      if (!rewritable(before) || PEERAGE.test(before)) continue;
      const courtesy = COURTESY.exec(before);
      const start = courtesy ? m.start - courtesy[0].length : m.start;
      const surfaceTitle = /^(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+/.test(m.surface);
      // "Mr. Obama" in an article that names only Michelle Obama in full is someone else.
      if (!courtesyFits(courtesy?.[0] ?? m.surface, person.name)) continue;
      // The name without a title or description the index kept in it ("Engineer Priya Castellane").
      const full = cleanPersonName(person.name) ?? person.name;
      edits.push({ start, end: m.end, name: surfaceTitle || courtesy || m.surface === key ? full : m.surface.replace(key, full) });
    }
    if (edits.length === 0) return span;
    let shown = '';
    let at = span.start;
    for (const e of edits.sort((a, b) => a.start - b.start)) {
      shown += text.slice(at, e.start) + e.name;
      at = e.end;
    }
    shown += text.slice(at, span.end);
    return { ...span, shown };
  });
}

/**
 * Timeline entries whose event sentence names each person in full, as a summary would: a timeline
 * line is read alone, so each gets its own first mention. `event` must be the verbatim sentence
 * around the time expression (the embedded engine's); another text (a model's) is left as it is.
 */
export function eventsNamedInFull<T extends { start: number; event: string }>(text: string, entries: readonly T[]): T[] {
  const found: { entry: T; at: number }[] = [];
  for (const entry of entries) {
    const at = text.lastIndexOf(entry.event, entry.start);
    if (at >= 0 && at + entry.event.length > entry.start) found.push({ entry, at });
  }
  const named = nameInFull(
    text,
    found.map(({ entry, at }) => ({ text: entry.event, start: at, end: at + entry.event.length })),
    true,
  );
  const shown = new Map(found.map(({ entry }, i) => [entry, named[i]!.shown]));
  return entries.map((entry) => {
    const event = shown.get(entry);
    return event ? { ...entry, event } : entry;
  });
}
