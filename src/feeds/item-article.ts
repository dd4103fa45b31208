import { contentHash } from '../core/hash.ts';
import type { Article } from '../core/types.ts';
import type { FeedItem, ParsedFeed } from '../ingest/feeds.ts';
import { idFromGuid, idFromUrl } from '../ingest/hash.ts';
import { canonicalUrl } from '../ingest/canonical-url.ts';

/** A feed item as an article: id from its canonical link, else its GUID (scoped by feed), else its text. */
export function articleFromItem(item: FeedItem, feed: ParsedFeed, feedId: string): Article {
  const text = item.text.trim() || item.title || '';
  const article: Article = {
    id: item.url ? idFromUrl(item.url) : item.guid ? idFromGuid(item.guid, feedId) : contentHash(`${item.title ?? ''}\n${text}`),
    text,
    title: item.title,
    url: item.url,
    publishedAt: item.publishedAt,
    author: item.author,
    siteName: item.sourceName ?? feed.title,
    imageUrl: item.imageUrl,
    guid: item.guid,
  };
  return article;
}

/** The outlet to credit: the item's own <source>, else the host of its link, else the feed's title. */
export function sourceName(item: FeedItem, feed: ParsedFeed): string {
  if (item.sourceName) return item.sourceName;
  if (feed.title && feed.title !== 'Untitled feed') return feed.title;
  try {
    return item.url ? new URL(canonicalUrl(item.url)).hostname : feed.title;
  } catch {
    return feed.title;
  }
}
