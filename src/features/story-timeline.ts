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
    for (const entry of eventsNamedInFull(article.text, analysis.timeline.filter(isDatedEvent))) {
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
  return { ...analysis, timeline: eventsNamedInFull(article.text, analysis.timeline) };
}

export function timelineEntries(events: MergedEvent[]): ListEntry[] {
  return events.slice(0, MAX_EVENTS).map((event) => ({ label: formatValue(event.value), text: event.event, sources: event.sources }));
}

/** A dated entry (as an article's timeline shows it) pinned to the calendar, so outlets' events can be merged and ordered. */
function isDatedEvent(entry: TimelineEntry): boolean {
  return isDated(entry) && /^\d{4}(?:-|$)/.test(entry.value) && entry.event.trim() !== '';
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
