import { UserError } from '../core/errors.ts';
import type { Article } from '../core/types.ts';
import type { ExtractedArticle } from './article.ts';
import { canonicalUrl } from './canonical-url.ts';
import { UNTITLED_FEED, type FeedItem, type ParsedFeed } from './feed-types.ts';
import { contentHash, idFromGuid, idFromUrl } from './hash.ts';
import { normalizeText } from './plain-text.ts';
import { MAX_ARTICLE_CHARS } from './limits.ts';

/** The longest pasted text accepted, about 30 long news articles (feed items are cut to the same length). */
export const MAX_PASTED_CHARS = MAX_ARTICLE_CHARS;

export type PastedTextOptions = Pick<Article, 'title' | 'url' | 'publishedAt' | 'author' | 'siteName'>;

function withoutEmpty(article: Article): Article {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(article)) if (value !== undefined && value !== '') out[key] = value;
  return out as unknown as Article;
}

/**
 * An article from pasted text; its id is the content hash. A short first line without closing
 * punctuation, followed by more text, is taken as the title (and left out of the text).
 */
export function articleFromText(input: string, options: PastedTextOptions = {}): Article {
  let text = normalizeText(input);
  if (text === '') throw new UserError('There is no text to read: paste the article itself.');
  if (text.length > MAX_PASTED_CHARS) throw new UserError('That text is too long (more than 200,000 characters); paste one article at a time.');
  let title = options.title?.trim();
  const firstBreak = text.indexOf('\n');
  if (!title && firstBreak > 0) {
    const firstLine = text.slice(0, firstBreak).trim();
    if (firstLine.length <= 150 && !/[.!?:;,"”’)]$/.test(firstLine)) {
      title = firstLine;
      text = text.slice(firstBreak + 1).trim();
    }
  }
  return withoutEmpty({ ...options, id: contentHash(text), text, title });
}

/** An article from an extracted web page; its id comes from the page's canonical URL. */
export function articleFromPage(page: ExtractedArticle): Article {
  const url = page.canonicalUrl ?? page.url;
  return withoutEmpty({
    id: /^https?:/i.test(url) ? idFromUrl(url) : contentHash(page.text),
    text: page.text,
    title: page.title,
    url,
    publishedAt: page.publishedAt,
    publishedOffset: page.publishedOffset,
    author: page.author,
    siteName: page.siteName,
    imageUrl: page.imageUrl,
  });
}

/** The outlet to credit for a feed item: its own <source>, else the feed's title, else the host of its link. */
export function outletName(item: FeedItem, feed: Pick<ParsedFeed, 'title'>): string {
  if (item.sourceName) return item.sourceName;
  if (feed.title && feed.title !== UNTITLED_FEED) return feed.title;
  try {
    return item.url ? new URL(canonicalUrl(item.url)).hostname : feed.title;
  } catch {
    return feed.title;
  }
}

/**
 * An article from a feed item. Its id must not change between polls, since stories, seen items and
 * threads refer to it: the canonical link, else the GUID scoped by `feedKey` (GUIDs are unique only
 * within one feed; the poller passes its feed id), else the hash of title and text.
 */
export function articleFromFeedItem(item: FeedItem, feed: Pick<ParsedFeed, 'title' | 'link'>, feedKey = feed.link ?? feed.title): Article {
  // An item that is only a headline (a news flash) still has something to read.
  const text = item.text.trim() || item.title || '';
  const id = item.url ? idFromUrl(item.url) : item.guid ? idFromGuid(item.guid, feedKey) : contentHash(`${item.title ?? ''}\n${text}`);
  const article = withoutEmpty({
    id,
    text,
    title: item.title,
    url: item.url,
    publishedAt: item.publishedAt,
    publishedOffset: item.publishedOffset,
    author: item.author,
    siteName: outletName(item, feed),
    imageUrl: item.imageUrl,
    guid: item.guid,
  });
  return { ...article, text };
}
