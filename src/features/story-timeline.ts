import type { ListEntry } from '../core/messages.ts';
import type { Services } from '../core/services.ts';
import type { Analysis, Article, TimelineEntry } from '../core/types.ts';
import { eventsNamedInFull } from '../engine/summary-names.ts';
import { formatValue, isDated, sortKey } from '../core/time-label.ts';
import { tokenizeWords } from '../core/words.ts';
import type { ChannelStory } from './channel-stories.ts';

/** Events listed in one timeline; a story's articles rarely date more. */
export const MAX_EVENTS = 25;
/** Two outlets' sentences for the same date report the same event when this share of their words is common. */
const SAME_EVENT = 0.4;

export interface MergedEvent {
  value: string;
  event: string;
  sources: { name: string; url?: string }[];
  words: Set<string>;
}

/**
 * The dated events of every article of a story, merged: an event two outlets report (same date or
 * time, mostly the same words) is listed once with both outlets, in time order, each with its
 * sentence, people named in full. Durations, sets and undated references ("now", "years") are not
 * events on a timeline.
 */
export async function storyTimeline(services: Services, story: ChannelStory, tenant: string): Promise<MergedEvent[]> {
  const merged: MergedEvent[] = [];
  for (const { article, source } of story.articles) {
    const analysis = await services.analysis.analyze(article, { tenant });
    const seenHere = new Set<string>();
    for (const entry of mainClauseDates(article.text, eventsNamedInFull(article.text, analysis.timeline.filter(isDatedEvent)))) {
      // One article may date one sentence twice ("on Tuesday at 9am"): once is enough.
      const own = `${entry.value}|${entry.event}`;
      if (seenHere.has(own)) continue;
      seenHere.add(own);
      const words = eventWords(entry.event);
      const same = merged.find((event) => event.value === entry.value && overlap(event.words, words) >= SAME_EVENT);
      if (same) {
        if (!same.sources.some((existing) => existing.name === source)) same.sources.push({ name: source, url: article.url });
        continue;
      }
      merged.push({ value: entry.value, event: entry.event.trim(), sources: [{ name: source, url: article.url }], words });
    }
  }
  return merged.sort((a, b) => sortKey(a.value).localeCompare(sortKey(b.value)));
}

/** An article's own timeline as /timeline shows it: each line is read alone, so its sentence names people in full. */
export function timelineAsShown(article: Article, analysis: Analysis): Analysis {
  return { ...analysis, timeline: mainClauseDates(article.text, eventsNamedInFull(article.text, analysis.timeline)) };
}

export function timelineEntries(events: MergedEvent[]): ListEntry[] {
  return events.slice(0, MAX_EVENTS).map((event) => ({ label: formatValue(event.value), text: event.event, sources: event.sources }));
}

/** A dated entry (as an article's timeline shows it) pinned to the calendar, so outlets' events can be merged and ordered. */
function isDatedEvent(entry: TimelineEntry): boolean {
  return isDated(entry) && /^\d{4}(?:-|$)/.test(entry.value) && entry.event.trim() !== '';
}

/**
 * A sentence dated twice, once inside a relative clause ("The captain of a ferry that collided on
 * Monday night has said … on Tuesday"), a describing phrase between commas ("The singer, a star of
 * the 1950s, died on Tuesday"), a comparison ("narrower than a year earlier") or the period a figure
 * covers ("a third-quarter loss"), tells of its own event at the other date: the clause dates
 * something else. Such an entry is left out when the same sentence has a date outside such a clause,
 * so a reader does not see the sentence twice, once under the wrong date.
 */
export function mainClauseDates(text: string, entries: TimelineEntry[]): TimelineEntry[] {
  const inClause = entries.map(
    (entry) =>
      inRelativeClause(text, entry.start) ||
      inAppositive(text, entry.start, entry.end) ||
      COMPARED_BEFORE.test(text.slice(Math.max(0, entry.start - 16), entry.start)) ||
      PERIOD_ADJECTIVE.test(text.slice(entry.start, entry.end + 24)),
  );
  // The other date must be one a timeline shows: a duration or "now" in the same sentence is none.
  return entries.filter((entry, k) => !inClause[k] || !entries.some((other, j) => !inClause[j] && isDated(other) && other.event === entry.event));
}

// "<noun> that|which|who <up to five words> <the date>", within one clause of the sentence; not after
// a verb of saying or a date ("said on Tuesday that …": a clause that reports, not one that describes).
const RELATIVE_BEFORE = /([\p{L}'’-]+)\s+(?:that|which|who)\s+(?:[\p{L}'’-]+\s+){0,5}$/u;
const REPORTING_OR_DATE =
  /^(?:said|says|say|told|tells|announced|added|warned|reported|confirmed|stated|believed|believes|thought|thinks|knew|knows|found|finds|showed|shows|today|yesterday|tonight|week|month|year|morning|afternoon|evening|night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/i;

function inRelativeClause(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('. '), before.lastIndexOf('\n')) + 1);
  const m = RELATIVE_BEFORE.exec(clause);
  return m !== null && !REPORTING_OR_DATE.test(m[1]!);
}

// "reported a third-quarter loss on Tuesday", "full-year profits": the period a figure covers, written
// as an adjective before it, is not when the sentence's event happened.
const PERIOD_ADJECTIVE = /^(?:an?\s+|the\s+)?\p{L}+-(?:quarter|half|year)\s+\p{Ll}/u;

// "a loss narrower than a year earlier", "compared with 2019": the date a figure is compared with.
const COMPARED_BEFORE = /\b(?:than|compared (?:with|to)|versus|vs\.?)\s$/;

// ", a star of the 1950s," and ", the mayor since 2019,": a date inside a phrase set off by commas
// that describes the noun before it dates what the phrase tells, not the sentence's own event.
const APPOSITIVE_BEFORE = /,\s(?:a|an|the|once|then|formerly)\s(?:[\p{L}'’-]+\s){0,5}$/u;
const CLOSED_AFTER = /^[^,.;:!?]{0,30},/;

function inAppositive(text: string, start: number, end: number): boolean {
  return APPOSITIVE_BEFORE.test(text.slice(Math.max(0, start - 60), start)) && CLOSED_AFTER.test(text.slice(end, end + 32));
}

function eventWords(text: string): Set<string> {
  return new Set(tokenizeWords(text).filter((word) => word.length > 3));
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return common / Math.min(a.size, b.size);
}
