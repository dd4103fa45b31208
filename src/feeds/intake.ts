import type { Services } from '../core/services.ts';
import type { FeedItem, ParsedFeed } from '../ingest/feeds.ts';
import { articleFromFeedItem, outletName } from '../ingest/to-article.ts';
import type { FeedStoryEntry } from '../stories/story-store.ts';
import type { FeedRecord } from './types.ts';

/** The first poll of a new feed posts at most this many items, from the last day (see README: Feeds, stories and digests). */
export const FIRST_POLL_LIMIT = 5;
export const FIRST_POLL_WINDOW_MS = 24 * 60 * 60_000;
/**
 * A local feed file (the demo feed, a CLI user's file) is a snapshot whose dates say nothing about
 * "now", so its first poll takes its newest items whatever their dates, up to this many.
 */
export const FIRST_POLL_LIMIT_LOCAL = 10;
/** Items dated older than this are never news, even if we have not seen them (a feed re-sorted, a late import). */
export const NEW_ITEM_MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** A feed that suddenly lists hundreds of new items contributes only its newest ones per poll. */
export const PER_POLL_LIMIT = 50;
/**
 * An item dated further ahead than this of the time it was seen is dated when it was seen: a wrong
 * clock or a hostile feed must not pin a story to the top of every digest. A day covers time zones.
 */
export const MAX_FUTURE_SKEW_MS = 24 * 60 * 60_000;

/**
 * Turns a poll's items into stories: items already seen (GUID, link or content hash) are skipped,
 * new ones become articles (saved in the library) filed under their story, and the feed's story
 * index grows. Returns the number of new items filed.
 */
export async function takeInItems(services: Services, feed: FeedRecord, parsed: ParsedFeed, firstPoll: boolean): Promise<number> {
  const { newsroom, clock } = services;
  const now = clock.now();
  const unseen = await newsroom.seen.unseen(feed.id, parsed.items);
  // Every item's fingerprints are refreshed, so an edited item's new hash is known too.
  await newsroom.seen.remember(feed.id, parsed.items, now);
  const fresh = pickFresh(
    unseen.map((item) => clampDate(item, now)),
    feed,
    firstPoll,
    now,
  );
  const entries: FeedStoryEntry[] = [];
  for (const item of fresh) {
    const article = articleFromFeedItem(item, parsed, feed.id);
    if (article.text === '' && !article.title) continue;
    await services.library.save(article);
    const storyId = await newsroom.stories.add(article, feed.id, outletName(item, parsed), now);
    entries.push({ storyId, articleId: article.id, at: now.toISOString() });
  }
  await newsroom.stories.appendFeedEntries(feed.id, entries, now);
  return entries.length;
}

function pickFresh(unseen: FeedItem[], feed: FeedRecord, firstPoll: boolean, now: Date): FeedItem[] {
  const newestFirst = [...unseen].sort((a, b) => time(b) - time(a));
  if (firstPoll && feed.kind === 'file') return newestFirst.slice(0, FIRST_POLL_LIMIT_LOCAL);
  if (firstPoll) {
    return newestFirst.filter((item) => item.publishedAt && now.getTime() - time(item) <= FIRST_POLL_WINDOW_MS).slice(0, FIRST_POLL_LIMIT);
  }
  return newestFirst.filter((item) => !item.publishedAt || now.getTime() - time(item) <= NEW_ITEM_MAX_AGE_MS).slice(0, PER_POLL_LIMIT);
}

/** Dates an item from the far future at the time it was seen (the seen-index keeps the item as served). */
export function clampDate(item: FeedItem, seenAt: Date): FeedItem {
  const at = time(item);
  return at - seenAt.getTime() > MAX_FUTURE_SKEW_MS ? { ...item, publishedAt: seenAt.toISOString() } : item;
}

function time(item: FeedItem): number {
  const parsed = item.publishedAt ? Date.parse(item.publishedAt) : Number.NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}
