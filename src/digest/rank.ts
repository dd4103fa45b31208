// How a digest orders its stories: fresh news first, and news many outlets covered above news only
// one did. score = 2^(-age / 12 h) + 0.35 × (sources − 1), sources counted up to 5, age from the
// newest article's publication time (its first sighting when the feed gave no date, or a date in the future).

export const RECENCY_HALF_LIFE_MS = 12 * 60 * 60_000;
export const SOURCE_WEIGHT = 0.35;
const MAX_SOURCES_COUNTED = 5;

export interface RankInput {
  id: string;
  /** Newest publication (or sighting) time of the story's articles, ms since the epoch. */
  newestAt: number;
  sourceCount: number;
}

export function storyScore(story: RankInput, now: number): number {
  const age = Math.max(0, now - story.newestAt);
  const recency = 2 ** (-age / RECENCY_HALF_LIFE_MS);
  return recency + SOURCE_WEIGHT * (Math.min(story.sourceCount, MAX_SOURCES_COUNTED) - 1);
}

/** Highest score first; ties go to the newer story, then by id so the order is stable. */
export function rankStories<T extends RankInput>(stories: T[], now: number): T[] {
  return stories
    .map((story) => ({ story, score: storyScore(story, now) }))
    .sort((a, b) => b.score - a.score || b.story.newestAt - a.story.newestAt || (a.story.id < b.story.id ? -1 : 1))
    .map(({ story }) => story);
}
