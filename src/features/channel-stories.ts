import type { ChannelRef } from '../core/platform.ts';
import type { Services } from '../core/services.ts';
import type { Article } from '../core/types.ts';
import { tokenizeWords } from '../core/words.ts';
import type { StoryMember, StoryRecord } from '../stories/story-store.ts';

/** One article of a story as a channel may see it: through one of its own feeds, or shown there. */
export interface StoryArticle {
  article: Article;
  /** The outlet (site name or host). */
  source: string;
  /** Publication time (ms), else when the bot first saw it. */
  at: number;
}

/** A story as one channel sees it: only articles from its own feeds (or shown in it), oldest first. */
export interface ChannelStory {
  /** The story id, or `article:<id>` for an article shown in the channel outside any feed story. */
  id: string;
  title: string;
  articles: StoryArticle[];
  /** Newest article time (ms). */
  at: number;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * The channel's stories of the last `days` days, newest first: stories from its feeds (only the
 * articles that came through its own feeds, so another server's private feeds never show) and the
 * articles shown in it by /summary and digests that belong to no such story.
 */
export async function channelStories(services: Services, channel: ChannelRef, days: number): Promise<ChannelStory[]> {
  const now = services.clock.now().getTime();
  const since = now - days * DAY_MS;
  const subs = await services.newsroom.feeds.subscriptions(channel);
  const feedIds = new Set(subs.map((sub) => sub.feedId));
  const perFeed = await services.newsroom.stories.feedEntries([...feedIds]);
  const storyIds = new Set<string>();
  for (const entries of perFeed.values()) for (const entry of entries) if (Date.parse(entry.at) >= since) storyIds.add(entry.storyId);
  const records = await services.newsroom.stories.getMany([...storyIds]);
  const stories = (await Promise.all(records.map((record) => fromRecord(services, record, feedIds, now)))).filter(
    (story): story is ChannelStory => story !== null,
  );
  const seen = new Set(stories.flatMap((story) => story.articles.map((entry) => entry.article.id)));
  for (const article of await services.library.listRecent(channel)) {
    if (seen.has(article.id)) continue;
    const at = articleTime(article.publishedAt, now) ?? now;
    if (at < since) continue;
    seen.add(article.id);
    stories.push({ id: `article:${article.id}`, title: article.title ?? 'Untitled', articles: [{ article, source: outletOf(article), at }], at });
  }
  return stories.sort((a, b) => b.at - a.at);
}

async function fromRecord(services: Services, record: StoryRecord, feedIds: Set<string>, now: number): Promise<ChannelStory | null> {
  const members = record.members.filter((member) => member.feedIds.some((id) => feedIds.has(id)));
  const articles = await services.library.getMany(members.map((member) => member.articleId));
  const byId = new Map(articles.map((article) => [article.id, article]));
  const entries = members
    .map((member) => ({ member, article: byId.get(member.articleId) }))
    .filter((entry): entry is { member: StoryMember; article: Article } => entry.article !== undefined)
    .map(({ member, article }) => ({ article, source: member.source, at: articleTime(member.publishedAt, now) ?? Date.parse(member.seenAt) }))
    .sort((a, b) => a.at - b.at);
  if (entries.length === 0) return null;
  return { id: record.id, title: entries[0]!.article.title ?? record.title, articles: entries, at: Math.max(...entries.map((entry) => entry.at)) };
}

/** A publication time that is neither missing nor in the future (a wrong feed clock). */
function articleTime(value: string | undefined, now: number): number | undefined {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) || time > now ? undefined : time;
}

export function outletOf(article: Article): string {
  if (article.siteName) return article.siteName;
  try {
    return article.url ? new URL(article.url).hostname.replace(/^www\./, '') : 'pasted text';
  } catch {
    return 'unknown outlet';
  }
}

/** The story among these whose title best matches the words (at least half of them), if any. */
export function storyByTitle(stories: ChannelStory[], typed: string): ChannelStory | undefined {
  const words = tokenizeWords(typed);
  if (words.length === 0) return undefined;
  let best: ChannelStory | undefined;
  let bestScore = 0;
  for (const story of stories) {
    const title = new Set(story.articles.flatMap((entry) => tokenizeWords(entry.article.title ?? '')).concat(tokenizeWords(story.title)));
    const score = words.filter((word) => title.has(word)).length / words.length;
    if (score > bestScore) {
      best = story;
      bestScore = score;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}

/** The story an article belongs to, among these; else a story of that one article. */
export function storyOf(stories: ChannelStory[], article: Article, now: number): ChannelStory {
  const found = stories.find((story) => story.articles.some((entry) => entry.article.id === article.id));
  if (found) return found;
  const at = articleTime(article.publishedAt, now) ?? now;
  return { id: `article:${article.id}`, title: article.title ?? 'Untitled', articles: [{ article, source: outletOf(article), at }], at };
}

export function shortDate(at: number): string {
  return new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
